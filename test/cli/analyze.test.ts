import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/adapters/load/load-scenario.js';
import { evaluateSubspace } from '../../src/core/evaluate/evaluate.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { decodeOutcome } from '../../src/core/model/outcome-space.js';
import { subspaceOfOutcome } from '../../src/core/model/subspace.js';
import { repoRoot, runCli, writeTemp } from '../support/run-cli.js';

function loadCompiled(file: string) {
  const loaded = loadScenarioFile(join(repoRoot, file));
  if (!loaded.ok) throw new Error('fixture does not load');
  return compileScenario(loaded.scenario);
}

describe('parley analyze', () => {
  it('counts the agreement zone and finds the Nash point that brute force finds', async () => {
    const run = await runCli(['analyze', 'scenarios/teaching-used-car.yaml', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const compiled = loadCompiled('scenarios/teaching-used-car.yaml');
    let zone = 0;
    let bestProduct = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < compiled.space.size; k++) {
      const evaluation = evaluateSubspace(compiled, subspaceOfOutcome(decodeOutcome(compiled.space, k)));
      if (evaluation.verdict !== 'yes') continue;
      zone++;
      const product = compiled.signatories.reduce(
        (p, m) => p * (evaluation.parties[m].utility.min - compiled.models[m].batna.estimate),
        1,
      );
      bestProduct = Math.max(bestProduct, product);
    }
    expect(report.zone.size).toBe(zone);
    const nash = report.bargaining.solutions.find((s: { concept: string }) => s.concept === 'nash');
    const gains: number[] = nash.discrete.outcomes[0].gains;
    expect(gains.reduce((p, g) => p * g, 1)).toBeCloseTo(bestProduct, 6);
    expect(report.frontier.method).toBeDefined();
  });

  it('explains why the flagship has no deal and finds the smallest relaxation', async () => {
    const run = await runCli(['analyze', 'scenarios/ukraine-2025.yaml', '--package', 'december', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.zone.empty).toBe(true);
    expect(report.zone.method).toBe('milp');
    expect(report.explanation.complete).toBe(true);
    for (const subset of report.explanation.subsets)
      expect(subset.constraints).toContain('russia:donbas-withdrawal');
    expect(report.relaxation.dropped).toEqual(['russia:donbas-withdrawal']);
    expect(report.relaxation.zone.empty).toBe(false);
    expect(report.frontier.skipped).toMatch(/MILP/);
    expect(report.focus.whatWouldItTake.possible).toBe(false);
  });

  it('prints a readable report that says which method it used', async () => {
    const run = await runCli(['analyze', 'scenarios/ukraine-2025.yaml']);
    expect(run.stdout).toContain('Agreement zone (outcomes every signatory accepts): empty');
    expect(run.stdout).toContain(
      'Ukraine: no-unilateral-withdrawal and Russian Federation: donbas-withdrawal cannot both hold',
    );
    expect(run.stdout).toContain('Smallest relaxation: dropping Russian Federation: donbas-withdrawal');
    expect(run.stdout).toMatch(/method: milp/);
  });

  it('is deterministic for a seed and rejects bad options with exit 2', async () => {
    const args = ['analyze', 'scenarios/teaching-used-car.yaml', '--samples', '300', '--seed', '5', '--json'];
    const a = JSON.parse((await runCli(args)).stdout);
    const b = JSON.parse((await runCli(args)).stdout);
    expect(a.robustness).toEqual(b.robustness);
    const bad = await runCli(['analyze', 'scenarios/teaching-used-car.yaml', '--samples', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--samples: expected an integer from 0 to 10,000,000, got 'many'");
    const party = await runCli(['analyze', 'scenarios/teaching-used-car.yaml', '--parties', 'sam,bob']);
    expect(party.code).toBe(2);
    expect(party.stderr).toContain("unknown party 'bob'");
  });
});

describe('parley report', () => {
  it('writes a self-contained page with charts and escaped text', async () => {
    const out = writeTemp('report.html', '');
    const run = await runCli([
      'report',
      'scenarios/teaching-used-car.yaml',
      '-o',
      out,
      '--force',
      '--package',
      'revised',
    ]);
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThan(5);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('Agreement zone and red-line conflicts');
  });

  it('escapes scenario text and refuses to overwrite without --force', async () => {
    const source = readFileSync(join(repoRoot, 'scenarios/teaching-used-car.yaml'), 'utf8').replace(
      /^title: .*$/m,
      'title: "Cars <script>alert(1)</script>"',
    );
    const file = writeTemp('evil.yaml', source);
    const out = join(file, '..', 'page.html');
    expect((await runCli(['report', file, '-o', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Cars &lt;script&gt;alert(1)&lt;/script&gt;');
    writeFileSync(out, 'keep me');
    const again = await runCli(['report', file, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists; add --force to replace it');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
});

describe('parley analyze --conventions', () => {
  it('negmas adds NegMAS’s points next to Parley’s, and names the conventions in the JSON', async () => {
    const parley = JSON.parse(
      (await runCli(['analyze', 'scenarios/teaching-used-car.yaml', '--json'])).stdout,
    );
    expect(parley.conventions).toBe('parley');
    expect(parley.negmas).toBeUndefined();
    const run = await runCli([
      'analyze',
      'scenarios/teaching-used-car.yaml',
      '--conventions',
      'negmas',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.conventions).toBe('negmas');
    expect(report.bargaining).toEqual(parley.bargaining);
    // Every reservation (BATNA) here is above the party's lowest utility, so it is the disagreement point.
    for (const party of report.negmas.parties) {
      expect(party.disagreement).toBe(Math.max(party.reservation, party.minimum));
    }
    expect(report.negmas.points.map((p: { concept: string }) => p.concept)).toEqual([
      'nash',
      'kalai-smorodinsky',
      'modified-kalai-smorodinsky',
      'utilitarian',
    ]);
    const text = await runCli(['analyze', 'scenarios/teaching-used-car.yaml', '--conventions', 'negmas']);
    expect(text.stdout).toContain('Bargaining points, NegMAS conventions');
    const bad = await runCli(['analyze', 'scenarios/teaching-used-car.yaml', '--conventions', 'nemgas']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are parley, negmas');
  });
});
