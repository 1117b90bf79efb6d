import { describe, expect, it } from 'vitest';
import { forecastScenario } from '../support/forecast-scenario.js';
import { runCli, writeTemp } from '../support/run-cli.js';

const run = (args: string[]) => runCli(args);

const PLAIN = 'actor,capability,position,salience\nA,0.5,4,80\nB,0.3,10,40\nC,0.2,7,60\n';

describe('parley forecast (in-process)', () => {
  it('forecasts a plain CSV on a declared scale with every model', async () => {
    const file = writeTemp('eu.csv', PLAIN);
    const r = await run(['forecast', file, '--scale', '4..10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Forecast: eu — 3 actors, 1 issue(s)');
    expect(r.stdout).toMatch(/│ eu\s+│ 4\.00\.\.10\.00 │/);
    expect(r.stdout).toContain('BDM on');
    expect(r.stdout).toContain('SMP (KTAB Spatial Model of Politics)');
  });

  it('gives the full history in JSON', async () => {
    const file = writeTemp('eu.csv', PLAIN);
    const r = await run(['forecast', file, '--scale', '4..10', '--model', 'mean,bdm', '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.kind).toBe('parley.forecast');
    expect(data.models).toEqual(['mean', 'bdm']);
    // (0.4 × 4 + 0.12 × 10 + 0.12 × 7) / 0.64
    expect(data.forecast.dimensions[0].mean).toBeCloseTo((1.6 + 1.2 + 0.84) / 0.64, 12);
    expect(data.forecast.dimensions[0].bdm.rounds[0].expectedUtility).toHaveLength(3);
    expect(data.options.bdm).toMatchObject({
      probabilityRule: 'net-clamped',
      muRule: 'condorcet',
      q: 1,
      t: 1,
    });
  });

  it('forecasts a scenario and labels it a model output from analysts’ estimates', async () => {
    const file = writeTemp('tiny.yaml', forecastScenario());
    const r = await run(['forecast', file, '--samples', '20', '--seed', '3', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("A model output from analysts' estimates in the scenario");
    expect(r.stdout).toContain('Scale points:');
    expect(r.stdout).toContain('Under uncertainty: 20 of 20 draws (seed 3)');
  });

  it('reports a KTAB table whose saliences sum above 100 as file:line:column, exit 2', async () => {
    const file = writeTemp(
      'bad.csv',
      'T,d,2,2\nActor,Description,Power,P1,S1,P2,S2\nA,a,10,50,60,50,50\nB,b,10,40,10,40,10\n',
    );
    const r = await run(['forecast', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3:11: error: the saliences of 'A' sum to 110, above 100`);
    expect(r.stderr).toContain('at actors[0].salience');
  });

  it('reports a position outside the scale with a suggested --scale, exit 2', async () => {
    const file = writeTemp('eu.csv', PLAIN);
    const r = await run(['forecast', file]);
    expect(r.code).toBe(0);
    const narrow = await run(['forecast', file, '--scale', '0..5']);
    expect(narrow.code).toBe(2);
    expect(narrow.stderr).toContain(`${file}:3:7: error: position 10 is outside the scale [0, 5]`);
    expect(narrow.stderr).toContain("did you mean '--scale 0..10'?");
  });

  it('reports malformed CSV and bad options, exit 2', async () => {
    const file = writeTemp('broken.csv', 'actor,capability,position,salience\n"A,1,2,3\n');
    const broken = await run(['forecast', file]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(':2:1: error: a quoted field is not closed on its line');
    const plain = writeTemp('eu.csv', PLAIN);
    expect((await run(['forecast', plain, '--model', 'bdn'])).code).toBe(2);
    const smp = await run(['forecast', plain, '--scale', '4..10', '--smp', 'VotingRule=Square']);
    expect(smp.code).toBe(2);
    expect(smp.stderr).toContain('VotingRule must be one of Binary, PropBin, Proportional');
  });

  it('rejects a forecast scale naming an unknown option, located in the scenario, exit 2', async () => {
    const scenario = forecastScenario();
    scenario.forecast = { scales: [{ issue: 'land', positions: { keep: 0, shrae: 50 } }] };
    const file = writeTemp('bad.yaml', scenario);
    const r = await run(['forecast', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option 'shrae' of issue 'land'");
    expect(r.stderr).toContain("did you mean 'share'?");
  });
});
