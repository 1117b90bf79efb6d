import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitTheDifference } from '../simulation/support/domains.js';
import { runCli, writeTemp } from '../support/run-cli.js';

const car = 'scenarios/teaching-used-car.yaml';
const split = writeTemp('split.yaml', splitTheDifference());

const simulateJson = async (args: string[]) => {
  const run = await runCli(['simulate', ...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

describe('parley simulate', async () => {
  afterAll(() => rmSync(dirname(split), { recursive: true, force: true }));

  it('two linear agents on the symmetric one-issue domain meet where the arithmetic says', async () => {
    // Derivation in test/simulation/known-result.test.ts: with 8 rounds the offers are a100 b0 a86 b14 a72 b28
    // a58 b42 a43 and B accepts k = 43 in round 4; with 11 rounds they meet at k = 50 in round 5.
    const eight = await simulateJson([split, '--strategies', 'a=linear,b=linear', '--rounds', '8']);
    expect(eight.run.outcome).toMatchObject({ agreement: true, round: 4, outcome: [43] });
    expect(eight.run.metrics.utilities).toEqual([43, 57]);
    const offers = eight.run.events
      .filter((e: { action: string }) => e.action === 'offer')
      .map((e: { party: string; outcome: number[] }) => `${e.party}${e.outcome[0]}`);
    expect(offers).toEqual(['a100', 'b0', 'a86', 'b14', 'a72', 'b28', 'a58', 'b42', 'a43']);
    // u_a + u_b = 100 everywhere, so every outcome is Pareto-optimal; Nash maximises k(100 - k): k = 50,
    // and so does Kalai-Smorodinsky (ideal point (100, 100)). Distance of (43, 57) to (50, 50) is 7√2.
    expect(eight.reference).toMatchObject({ available: true, frontierSize: 101, agreementZone: 101 });
    expect(eight.reference.nash.utilities).toEqual([50, 50]);
    expect(eight.reference.kalai.utilities).toEqual([50, 50]);
    expect(eight.run.metrics.paretoDistance).toBe(0);
    expect(eight.run.metrics.nashDistance).toBeCloseTo(7 * Math.SQRT2, 12);
    const eleven = await simulateJson([split, '--strategies', 'linear', '--rounds', '11']);
    expect(eleven.run.outcome).toMatchObject({ agreement: true, round: 5, outcome: [50] });
    expect(eleven.run.metrics.nashDistance).toBe(0);
  });

  it('the same seed gives the same JSON, byte for byte', async () => {
    const args = ['simulate', car, '--preferences', 'sampled', '--seed', '11', '--rounds', '30', '--json'];
    const first = await runCli(args);
    const second = await runCli(args);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const other = await runCli([
      'simulate',
      car,
      '--preferences',
      'sampled',
      '--seed',
      '12',
      '--rounds',
      '30',
      '--json',
    ]);
    expect(other.stdout).not.toBe(first.stdout);
  });

  it('never agrees below a BATNA or across a red line: the agreed outcome passes parley evaluate', async () => {
    const pairs = [
      'dealer=hardliner,sam=conceder,priya=conceder',
      'dealer=conceder,sam=hardliner,priya=linear',
      'tit-for-tat',
      'aspiration',
      'dealer=boulware,sam=conceder,priya=hardliner',
    ];
    let agreements = 0;
    for (const strategies of pairs) {
      const { run } = await simulateJson([
        car,
        '--strategies',
        strategies,
        '--rounds',
        '40',
        '--discount',
        '0.99',
      ]);
      for (const r of run.results) expect(r.utility).toBeGreaterThanOrEqual(r.batna - 1e-9);
      if (!run.outcome.agreement) continue;
      agreements++;
      for (const r of run.results) expect(r.discountedUtility).toBeGreaterThanOrEqual(r.batna - 1e-9);
      const outcome = Object.entries(run.outcome.options as Record<string, string>)
        .map(([issue, option]) => `${issue}=${option}`)
        .join(',');
      // Exit 0: acceptable to every signatory (no red line crossed, utility >= BATNA).
      const check = await runCli(['evaluate', car, '--outcome', outcome, '--json']);
      expect(check.code, outcome).toBe(0);
    }
    expect(agreements).toBeGreaterThan(0);
  });

  it('prints a readable account with option ids, the agreed options by label, and the reference', async () => {
    const run = await runCli([
      'simulate',
      car,
      '--strategies',
      'dealer=boulware,sam=conceder,priya=linear',
      '--rounds',
      '30',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 {2}dealer +offer +100\.0 \/ 6\.0 \/ 15\.0 {2}price=11000 warranty=none/);
    expect(run.stdout).toContain('Result: agreement in round');
    expect(run.stdout).toMatch(/Harbour Motors \(dealer\) +│ boulware/);
    expect(run.stdout).toMatch(
      /distance to the Pareto frontier \d+\.\d\d, to Nash \d+\.\d\d, to Kalai \d+\.\d\d/,
    );
    expect(run.stdout).toMatch(/Nash point: dealer \d+\.\d, sam \d+\.\d, priya \d+\.\d/);
  });

  it('says so when the space is too large for a reference (the flagship)', async () => {
    const { run, reference } = await simulateJson([
      'scenarios/ukraine-2025.yaml',
      '--parties',
      'ukraine,russia',
      '--strategies',
      'ukraine=boulware,russia=hardliner',
      '--rounds',
      '10',
    ]);
    expect(reference.available).toBe(false);
    expect(reference.reason).toMatch(/1,811,082,903,552 outcomes is too large to enumerate/);
    expect(run.metrics.paretoDistance).toBeUndefined();
    expect(run.notes.join(' ')).toMatch(/heuristic/);
    const text = await runCli([
      'simulate',
      'scenarios/ukraine-2025.yaml',
      '--protocol',
      'text',
      '--mediator',
      'nash',
      '--rounds',
      '5',
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/No reference: the space of 1,811,082,903,552 outcomes/);
    expect(text.stdout).toMatch(/mediator +text/);
    // More than 5 issues: offers after the first are printed as changes.
    expect(text.stdout).toMatch(/changed: |same as the previous text/);
  });

  it('writes a self-contained HTML page with the charts', async () => {
    const html = join(dirname(split), 'run.html');
    const run = await runCli(['simulate', car, '--parties', 'dealer,sam', '--rounds', '20', '--html', html]);
    expect(run.code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page.match(/<svg/g)?.length).toBe(2);
    expect(page).toContain('Offers in utility space');
    expect(page).toContain('Harbour Motors (dealer)');
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('plays a user strategy module, sandboxed', async () => {
    const module = writeTemp(
      'stubborn.mjs',
      `export default { name: 'stubborn', create() { let ctx; return { name: 'stubborn', init(c) { ctx = c; },
        propose() { return ctx.bidAtLeast(ctx.maxUtility); }, respond() { return 'reject'; } }; } };`,
    );
    const { run } = await simulateJson([
      split,
      '--strategy-module',
      module,
      '--strategies',
      'a=stubborn,b=conceder',
      '--rounds',
      '6',
    ]);
    expect(run.results[0].strategy).toBe('stubborn');
    expect(run.outcome.agreement).toBe(true);
    // The stubborn agent never concedes and never accepts; the conceder accepts 100 at the latest in its last turn.
    expect(run.outcome.outcome).toEqual([100]);
    rmSync(dirname(module), { recursive: true, force: true });
  });

  it('rejects bad input with a clear message and exit code 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--strategies', 'dealer=boulwar'], /unknown strategy 'boulwar'; did you mean 'boulware'\?/],
      [['--strategies', 'dealr=boulware'], /'dealr' is not a negotiating party; did you mean 'dealer'\?/],
      [['--parties', 'dealer,sma'], /unknown party 'sma'; did you mean 'sam'\?/],
      [['--rounds', 'ten'], /--rounds: expected an integer from 1 to 100,000, got 'ten'/],
      [['--rounds', '0'], /--rounds: expected an integer from 1 to 100,000/],
      [['--discount', 'sam=1.5'], /--discount for sam must be a number in \(0, 1\], got '1\.5'/],
      [['--protocol', 'sa'], /unknown protocol 'sa'; did you mean 'sao'\?/],
      [['--mediator', 'nash'], /--mediator applies to --protocol text only/],
      [['--seed', '1.5'], /--seed: expected an integer from/],
      [['--start', '2026-02-30'], /not a date/],
      [['--strategies', 'time-dependent(e=-1)'], /parameter 'e': expected a positive number, got -1/],
      [['--strategies', 'sam=linear(x=1)'], /strategy 'linear' has no parameter 'x'/],
      [['--strategy-module', 'no-such-module.js'], /cannot load strategy module no-such-module\.js/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['simulate', car, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    }
    const missing = await runCli(['simulate', 'no-such-file.yaml']);
    expect(missing.code).toBe(2);
  });
});
