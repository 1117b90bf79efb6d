import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { whatWouldItTake } from '../../src/core/analysis/concessions/fewest-changes.js';
import { paretoImprovement } from '../../src/core/analysis/concessions/pareto-improvement.js';
import { acceptableToSignatories } from '../../src/core/analysis/enumerate-zone.js';
import { estimateUtilities } from '../../src/core/analysis/zone/zone-constraints.js';
import { utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { forEachCompletion, fullSubspace, type Subspace } from '../../src/core/model/subspace.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { arbitraryScenario } from '../support/random-scenario.js';

const solver = createHighsSolver();

/** A random scenario with a random package: each issue settled on one option (or left open). */
const cases = arbitraryScenario({
  parties: 3,
  issues: 4,
  maxOptions: 3,
  adjustments: true,
  redLines: true,
}).chain((scenario) =>
  fc
    .tuple(...scenario.issues.map((issue) => fc.integer({ min: -1, max: (issue.options?.length ?? 1) - 1 })))
    .map((picks): [Scenario, number[]] => [scenario, picks]),
);

function packageOf(scenario: Scenario, picks: number[]): Subspace {
  const full = fullSubspace(compileScenario(scenario).space);
  return { allowed: full.allowed.map((a, i) => (picks[i] < 0 ? a : Int32Array.of(picks[i]))) };
}

/** Brute force over every outcome: fewest changes, least loss, and the least changes among least-loss outcomes. */
function brute(scenario: Scenario, picks: number[]) {
  const compiled = compileScenario(scenario);
  const utilities = estimateUtilities(compiled);
  const pkg = packageOf(scenario, picks);
  const parties = compiled.signatories;
  const floor = parties.map(() => Number.POSITIVE_INFINITY);
  forEachCompletion(pkg, (o) => {
    parties.forEach((m, q) => {
      floor[q] = Math.min(floor[q], utilityOf(utilities[m], o));
    });
  });
  const rows: Array<{ changes: number; loss: number; gain: number; ok: boolean; improving: boolean }> = [];
  forEachCompletion(fullSubspace(compiled.space), (o) => {
    const u = parties.map((m) => utilityOf(utilities[m], o));
    rows.push({
      changes: picks.reduce((n, p, i) => n + (p >= 0 && o[i] !== p ? 1 : 0), 0),
      loss: u.reduce((s, x, q) => s + Math.max(0, floor[q] - x), 0),
      gain: u.reduce((s, x, q) => s + x - floor[q], 0),
      ok: acceptableToSignatories(compiled, utilities, o),
      improving: u.every((x, q) => x >= floor[q]),
    });
  });
  const acceptable = rows.filter((r) => r.ok);
  const fewest = Math.min(...acceptable.map((r) => r.changes));
  const least = Math.min(...acceptable.map((r) => r.loss));
  const leastChanges = Math.min(...acceptable.filter((r) => r.loss <= least + 1e-9).map((r) => r.changes));
  const bestGain = Math.max(...rows.filter((r) => r.improving).map((r) => r.gain));
  return { possible: acceptable.length > 0, fewest, least, leastChanges, bestGain, floor };
}

describe('what would it take', () => {
  for (const method of ['enumerate', 'milp'] as const) {
    it(`${method}: fewest changes and least loss are minimal (brute force)`, async () => {
      await fc.assert(
        fc.asyncProperty(cases, async ([scenario, picks]) => {
          const compiled = compileScenario(scenario);
          const utilities = estimateUtilities(compiled);
          const expected = brute(scenario, picks);
          const answer = await whatWouldItTake(compiled, {
            package: packageOf(scenario, picks),
            solver,
            method,
          });
          expect(answer.possible).toBe(expected.possible);
          if (!expected.possible) return;
          expect(answer.fewestChanges?.value).toBe(expected.fewest);
          expect(answer.fewestChanges?.proven).toBe(true);
          expect(answer.leastLoss?.value).toBeCloseTo(expected.least, 9);
          for (const set of answer.fewestChanges?.alternatives ?? []) {
            expect(set.changes.length).toBe(expected.fewest);
            expect(acceptableToSignatories(compiled, utilities, set.outcome.options)).toBe(true);
          }
          for (const set of answer.leastLoss?.alternatives ?? []) {
            expect(set.totalLoss).toBeCloseTo(expected.least, 9);
            expect(set.changes.length).toBe(expected.leastChanges);
            expect(acceptableToSignatories(compiled, utilities, set.outcome.options)).toBe(true);
            // Per-issue changes plus switched adjustments add up to each party's total change.
            for (const p of set.parties) {
              const issues = set.changes.reduce(
                (s, c) => s + (c.perParty.find((x) => x.party === p.party)?.change ?? 0),
                0,
              );
              const adjustments = set.adjustments
                .filter((a) => a.party === p.party)
                .reduce((s, a) => s + a.change, 0);
              expect(issues + adjustments).toBeCloseTo(p.change, 9);
            }
          }
        }),
        { numRuns: method === 'milp' ? 60 : 150, seed: 5 },
      );
    });
  }
});

describe('Pareto improvements on a package', () => {
  for (const method of ['enumerate', 'milp'] as const) {
    it(`${method}: the largest total gain over the guaranteed utilities (brute force)`, async () => {
      await fc.assert(
        fc.asyncProperty(cases, async ([scenario, picks]) => {
          const compiled = compileScenario(scenario);
          const expected = brute(scenario, picks);
          const result = await paretoImprovement(compiled, {
            package: packageOf(scenario, picks),
            solver,
            method,
          });
          result.parties.forEach((p, q) => {
            expect(p.guaranteed).toBeCloseTo(expected.floor[q], 9);
          });
          expect(result.paretoOptimal).toBe(!(expected.bestGain > 1e-9));
          if (!result.paretoOptimal) {
            for (const b of result.best) {
              expect(b.totalGain).toBeCloseTo(expected.bestGain, 9);
              for (const g of b.gains) expect(g).toBeGreaterThanOrEqual(0);
            }
          }
        }),
        { numRuns: method === 'milp' ? 60 : 150, seed: 6 },
      );
    });
  }
});
