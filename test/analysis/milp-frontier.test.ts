import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { milpFrontier } from '../../src/core/analysis/pareto/milp-frontier.js';
import { paretoFrontier } from '../../src/core/analysis/pareto/pareto-frontier.js';
import { gridForUtilities } from '../../src/core/analysis/pareto/robust-dominance.js';
import { commonUnit } from '../../src/core/analysis/pareto/utility-grid.js';
import { realiseUtility } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { arbitraryScenario } from '../support/random-scenario.js';

const solver = createHighsSolver();

/** Distinct utility vectors as sorted strings of integers in units of the dominance grid. */
function vectors(rows: number[][], step: number): string[] {
  return [...new Set(rows.map((r) => r.map((u) => Math.round(u / step)).join(',')))].sort();
}

async function compare(scenario: Scenario, within: 'all' | 'agreement-zone') {
  const compiled = compileScenario(scenario);
  const fns = compiled.signatories.map((m) => realiseUtility(compiled.models[m]));
  const { step } = gridForUtilities(fns);
  const enumerated = paretoFrontier(compiled, { method: 'enumerate', within, maxListed: 1e6 });
  const streamed: number[][] = [];
  const byMilp = await milpFrontier(compiled, {
    solver,
    over: within === 'all' ? 'all-outcomes' : 'acceptable-outcomes',
    onPoint: (p) => streamed.push(p.utilities),
  });
  expect(byMilp.exact).toBe(true);
  expect(byMilp.coverage).toBe(0);
  expect(streamed).toEqual(byMilp.points.map((p) => p.utilities));
  expect(
    vectors(
      byMilp.points.map((p) => p.utilities),
      step,
    ),
  ).toEqual(
    vectors(
      enumerated.points.map((p) => p.utilities),
      step,
    ),
  );
  expect(byMilp.points.length).toBe(enumerated.distinctVectors);
}

describe('MILP frontier equals the enumerated one, vector for vector', () => {
  it('finds common grids of decimal and rational data', () => {
    expect(commonUnit([0.3, 0.1, 0.2], 1)).toBeCloseTo(0.1, 12);
    expect(commonUnit([1 / 3, 2 / 3, 1], 1)).toBeCloseTo(1 / 3, 12);
    expect(commonUnit([57.2, 77.625], 100)).toBeCloseTo(0.025, 12);
    expect(commonUnit([Math.PI, 1], 10)).toBeUndefined();
    expect(commonUnit([0, 0], 1)).toBe(1);
  });

  it('2 parties, additive and with adjustments, over all outcomes', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryScenario({ parties: 2, issues: 5, maxOptions: 4, adjustments: true }),
        (scenario) => compare(scenario, 'all'),
      ),
      { numRuns: 25, seed: 6301 },
    );
  }, 120_000);

  it('2 parties over the acceptable outcomes (red lines, BATNAs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryScenario({ parties: 2, issues: 4, maxOptions: 4, adjustments: true, redLines: true }),
        (scenario) => compare(scenario, 'agreement-zone'),
      ),
      { numRuns: 20, seed: 6302 },
    );
  }, 120_000);

  it('3 parties: exact by levels of the third utility', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryScenario({ parties: 3, issues: 5, maxOptions: 4, adjustments: true }).filter(
          (s) => s.parties.length === 3,
        ),
        (scenario) => compare(scenario, 'all'),
      ),
      { numRuns: 20, seed: 6303 },
    );
  }, 120_000);

  it('3 parties by levels over the acceptable outcomes', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryScenario({ parties: 3, issues: 4, maxOptions: 3, redLines: true }).filter(
          (s) => s.parties.length === 3,
        ),
        (scenario) => compare(scenario, 'agreement-zone'),
      ),
      { numRuns: 10, seed: 6304 },
    );
  }, 120_000);

  it('4 parties: exact by the disjunctive search', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryScenario({ parties: 4, issues: 3, maxOptions: 3, adjustments: true }),
        (scenario) => compare(scenario, 'all'),
      ),
      { numRuns: 8, seed: 6305 },
    );
  }, 120_000);

  it('anytime: cancellation and a point budget keep what was proven and say the result is not exact', async () => {
    const scenario = fc
      .sample(arbitraryScenario({ parties: 3, issues: 4, maxOptions: 3 }), { seed: 5, numRuns: 40 })
      .find(
        (s) => s.parties.length === 3 && paretoFrontier(compileScenario(s)).distinctVectors > 4,
      ) as Scenario;
    const compiled = compileScenario(scenario);
    const fns = compiled.signatories.map((m) => realiseUtility(compiled.models[m]));
    const { step } = gridForUtilities(fns);
    const all = vectors(
      paretoFrontier(compiled, { maxListed: 1e6 }).points.map((p) => p.utilities),
      step,
    );
    const budget = await milpFrontier(compiled, { solver, maxPoints: 2 });
    expect(budget.points.length).toBe(2);
    expect(budget.exact).toBe(false);
    expect(budget.stoppedBy).toBe('max-points');
    for (const v of vectors(
      budget.points.map((p) => p.utilities),
      step,
    ))
      expect(all).toContain(v);
    const cancel = { aborted: false };
    const updates: string[] = [];
    const cancelled = await milpFrontier(compiled, {
      solver,
      parties: compiled.models.slice(0, 2).map((m) => m.party),
      cancel,
      onPoint: () => {
        cancel.aborted = true;
      },
      progress: { report: (u) => updates.push(u.message ?? '') },
    });
    expect(cancelled.points.length).toBe(1);
    expect(cancelled.stoppedBy).toBe('cancelled');
    expect(cancelled.exact).toBe(false);
    expect(updates[0]).toMatch(/1 frontier points proven/);
  }, 60_000);
});

/** Values coarsened to 0, 50 or 100, so that many outcomes share a utility vector. */
function coarsened(scenario: Scenario): Scenario {
  const coarse = (v: unknown) => (typeof v === 'number' ? Math.round(v / 50) * 50 : v);
  return {
    ...scenario,
    preferences: scenario.preferences.map((p) => ({
      ...p,
      values: Object.fromEntries(
        Object.entries(p.values).map(([issue, table]) => [
          issue,
          Object.fromEntries(
            Object.entries(table as Record<string, unknown>).map(([o, v]) => [o, coarse(v)]),
          ),
        ]),
      ) as typeof p.values,
    })),
  };
}

describe('MILP frontier counts the outcomes that share each vector', () => {
  it('gives the same count per vector as enumeration (2 and 3 parties, ties made likely)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          arbitraryScenario({ parties: 2, issues: 4, maxOptions: 3, adjustments: true }),
          arbitraryScenario({ parties: 3, issues: 3, maxOptions: 3 }),
        ),
        async (raw) => {
          const scenario = coarsened(raw);
          const compiled = compileScenario(scenario);
          const fns = compiled.signatories.map((m) => realiseUtility(compiled.models[m]));
          const { step } = gridForUtilities(fns);
          const key = (u: number[]) => u.map((x) => Math.round(x / step)).join(',');
          const expected = new Map<string, number>();
          for (const p of paretoFrontier(compiled, { method: 'enumerate', maxListed: 1e6 }).points) {
            expected.set(key(p.utilities), (expected.get(key(p.utilities)) ?? 0) + 1);
          }
          const result = await milpFrontier(compiled, { solver, countTies: 1000 });
          const counted = new Map(result.points.map((p) => [key(p.utilities), p.count]));
          expect(counted).toEqual(expected);
          expect(result.points.every((p) => p.countExact)).toBe(true);
        },
      ),
      { numRuns: 15, seed: 6306 },
    );
  }, 180_000);

  it('stops at the limit and says the count is a lower bound', async () => {
    const scenario = coarsened(
      fc
        .sample(arbitraryScenario({ parties: 2, issues: 4, maxOptions: 3 }), { seed: 3, numRuns: 60 })
        .find((s) => {
          const c = compileScenario(coarsened(s));
          const f = paretoFrontier(c, { method: 'enumerate', maxListed: 1e6 });
          return f.points.length >= f.distinctVectors + 3;
        }) as Scenario,
    );
    const result = await milpFrontier(compileScenario(scenario), { solver, countTies: 2 });
    const capped = result.points.filter((p) => p.count === 2 && !p.countExact);
    expect(capped.length).toBeGreaterThan(0);
    expect(result.note).toMatch(/counts stopped at 2 and are lower bounds/);
  }, 60_000);
});
