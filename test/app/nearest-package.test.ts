import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { nearestPackage } from '../../src/app/nearest-package.js';
import type { ComputePorts } from '../../src/app/ports.js';
import { serialMap } from '../../src/app/serial-map.js';
import { whatIf } from '../../src/app/what-if.js';
import { BuilderInputError } from '../../src/core/model/builder-input.js';
import { NEVER_CANCELLED, NO_PROGRESS } from '../../src/core/ports.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { arbitraryScenario } from '../support/random-scenario.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const ports: ComputePorts = {
  solver: createHighsSolver(),
  parallel: serialMap(),
  clock: { now: () => performance.now() },
  progress: NO_PROGRESS,
  cancel: NEVER_CANCELLED,
};

/** Every complete outcome of an options-only scenario, as issue → option. */
function allOutcomes(scenario: Scenario): Array<Record<string, string>> {
  let rows: Array<Record<string, string>> = [{}];
  for (const issue of scenario.issues) {
    const ids = (issue.options ?? []).map((o) => o.id);
    rows = rows.flatMap((row) => ids.map((id) => ({ ...row, [issue.id]: id })));
  }
  return rows;
}

/** Brute force through the evaluate path alone: each outcome's verdict and each signatory's utility. */
async function bruteForce(scenario: Scenario) {
  const rows = [];
  for (const outcome of allOutcomes(scenario)) {
    const { evaluation } = await whatIf({ scenario, outcome });
    const signatories = evaluation.parties.filter((p) => p.role === 'signatory');
    rows.push({
      outcome,
      acceptable: evaluation.verdict === 'yes',
      utilities: signatories.map((p) => p.utility.min),
    });
  }
  return rows;
}

const changes = (outcome: Record<string, string>, pinned: Record<string, string>) =>
  Object.entries(pinned).filter(([issue, option]) => outcome[issue] !== option).length;

const TOLERANCE = 1e-6;

describe('nearest acceptable package and Pareto improvement of a partial outcome', () => {
  it('agree with brute force over every outcome of small random scenarios', async () => {
    const cases = fc.tuple(
      arbitraryScenario({ parties: 3, issues: 4, maxOptions: 3, redLines: true, adjustments: true }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 2, maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([scenario, picks]) => {
        const pinned: Record<string, string> = {};
        for (const [i, o] of picks) {
          const issue = scenario.issues[i % scenario.issues.length];
          const options = issue.options ?? [];
          pinned[issue.id] = options[o % options.length].id;
        }
        const result = await nearestPackage({ scenario, outcome: pinned }, ports);
        const rows = await bruteForce(scenario);
        const acceptable = rows.filter((r) => r.acceptable);
        expect(result.nearest.possible).toBe(acceptable.length > 0);
        if (acceptable.length === 0) {
          expect(result.whyNone?.zoneEmpty).toBe(true);
          return;
        }
        const fewest = Math.min(...acceptable.map((r) => changes(r.outcome, pinned)));
        expect(result.nearest.fewestChanges?.value).toBe(fewest);
        for (const alternative of result.nearest.fewestChanges?.alternatives ?? []) {
          const row = rows.find((r) => changes(r.outcome, alternative.outcome.assignment) === 0);
          expect(row?.acceptable).toBe(true);
          expect(changes(alternative.outcome.assignment, pinned)).toBe(fewest);
        }
        // The guarantee of the partial outcome: each signatory's minimum over its completions.
        const completions = rows.filter((r) => changes(r.outcome, pinned) === 0);
        const guaranteed = completions[0].utilities.map((_, q) =>
          Math.min(...completions.map((r) => r.utilities[q])),
        );
        const gains = rows
          .map((r) => r.utilities.map((u, q) => u - guaranteed[q]))
          .filter((g) => g.every((x) => x >= -TOLERANCE));
        const bestGain = Math.max(...gains.map((g) => g.reduce((a, b) => a + b, 0)));
        const { improvement } = result;
        expect(improvement.paretoOptimal).toBe(bestGain <= TOLERANCE);
        for (const best of improvement.best) {
          const row = rows.find((r) => changes(r.outcome, best.outcome.assignment) === 0);
          row?.utilities.forEach((u, q) => {
            expect(u).toBeGreaterThanOrEqual(guaranteed[q] - TOLERANCE);
          });
          expect(best.totalGain).toBeCloseTo(bestGain, 6);
        }
      }),
      { numRuns: 60, seed: 12 },
    );
  }, 120_000);

  it('says why nothing is acceptable, and a hypothesis that drops a red line opens a package', async () => {
    const scenario = tinyScenario();
    const plain = await nearestPackage({ scenario, outcome: { land: 'keep' }, at: '2025-03-01' }, ports);
    const opened = await nearestPackage(
      {
        scenario,
        outcome: { land: 'keep' },
        hypothesis: { redLines: [{ party: 'b', redLine: 'not-keep', active: false }], at: '2025-03-01' },
      },
      ports,
    );
    expect(opened.hypothesis?.redLines?.[0].redLine).toBe('not-keep');
    if (plain.nearest.possible) expect(plain.nearest.fewestChanges?.value).toBeGreaterThan(0);
    expect(opened.nearest.possible).toBe(true);
  });

  it('rejects unknown issues and options with a suggestion', async () => {
    const attempt = nearestPackage(
      { scenario: tinyScenario(), outcome: { lnd: 'keep', money: 'sme' } },
      ports,
    );
    await expect(attempt).rejects.toBeInstanceOf(BuilderInputError);
    const error = (await attempt.catch((e: unknown) => e)) as BuilderInputError;
    expect(error.problems).toEqual([
      expect.objectContaining({ path: 'outcome.lnd', suggestion: "did you mean 'land'?" }),
      expect.objectContaining({ path: 'outcome.money', suggestion: "did you mean 'some'?" }),
    ]);
  });
});
