import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DecompositionLimitError,
  paretoByDecomposition,
} from '../../src/core/analysis/pareto/pareto-decompose.js';
import { FrontierError, paretoFrontier } from '../../src/core/analysis/pareto/pareto-frontier.js';
import { gridForUtilities, snapColumns } from '../../src/core/analysis/pareto/robust-dominance.js';
import { skyline } from '../../src/core/analysis/pareto/skyline.js';
import { enumerateUtilities, outcomeAt } from '../../src/core/analysis/utility-table.js';
import { realiseUtility, type UtilityFunction, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { buildOutcomeSpace, decodeOutcome, encodeOutcome } from '../../src/core/model/outcome-space.js';
import { holds } from '../../src/core/model/rule.js';
import type { Subspace } from '../../src/core/model/subspace.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { arbitraryScenario } from '../support/random-scenario.js';
import { tinyScenario } from '../support/tiny-scenario.js';
import { paretoNaive } from './pareto-naive.js';

/**
 * Naive frontier over every outcome index of the full space, from utilityOf, comparing utilities as integers
 * in units of the dominance grid's step (values equal up to rounding are ties).
 */
function naiveFrontier(fns: UtilityFunction[], scenario: Scenario, keep?: (outcome: Int32Array) => boolean) {
  const space = buildOutcomeSpace(scenario);
  const { step } = gridForUtilities(fns);
  const rows: number[][] = [];
  const ids: number[] = [];
  for (let index = 0; index < space.size; index++) {
    const outcome = decodeOutcome(space, index);
    rows.push(fns.map((f) => Math.round(utilityOf(f, outcome) / step)));
    if (!keep || keep(outcome)) ids.push(index);
  }
  return paretoNaive(rows, ids);
}

const indices = (result: ReturnType<typeof paretoFrontier>) =>
  result.points.map((p) => p.index ?? -1).sort((a, b) => a - b);

describe('paretoFrontier on random scenarios', () => {
  it('additive utilities: decomposition = enumeration = the O(n²) definition', () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ parties: 4, issues: 5, maxOptions: 4, uncertainty: true }),
        (scenario) => {
          const compiled = compileScenario(scenario);
          const options = { maxListed: 10_000 };
          const byDecomposition = paretoFrontier(compiled, { ...options, method: 'decompose' });
          const byEnumeration = paretoFrontier(compiled, { ...options, method: 'enumerate' });
          const auto = paretoFrontier(compiled, options);
          const expected = naiveFrontier(
            compiled.signatories.map((m) => realiseUtility(compiled.models[m])),
            scenario,
          );
          expect(byDecomposition.method).toBe('decompose');
          expect(auto.method).toBe('decompose');
          expect(byEnumeration.method).toBe('enumerate');
          expect(indices(byDecomposition)).toEqual(expected);
          expect(indices(byEnumeration)).toEqual(expected);
          expect(byDecomposition.size).toBe(expected.length);
          // Same utilities, bit for bit, in the same order.
          expect(byDecomposition.points.map((p) => p.utilities)).toEqual(
            byEnumeration.points.map((p) => p.utilities),
          );
          for (const p of byEnumeration.points)
            expect(p.index).toBe(encodeOutcome(compiled.space, p.outcome));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with adjustments, auto enumerates and matches the definition', () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ parties: 3, issues: 4, maxOptions: 4, adjustments: true }),
        (scenario) => {
          const compiled = compileScenario(scenario);
          const result = paretoFrontier(compiled, { maxListed: 10_000, realise: 'high' });
          const fns = compiled.signatories.map((m) => realiseUtility(compiled.models[m], 'high'));
          expect(indices(result)).toEqual(naiveFrontier(fns, scenario));
          if (fns.some((f) => f.adjustments.length > 0)) {
            expect(result.method).toBe('enumerate');
            expect(result.reason).toMatch(/adjustments/);
            expect(() => paretoFrontier(compiled, { method: 'decompose' })).toThrow(FrontierError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('within the agreement zone: the frontier of the outcomes every signatory accepts', () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ parties: 3, issues: 4, maxOptions: 4, adjustments: true, redLines: true }),
        (scenario) => {
          const compiled = compileScenario(scenario);
          const result = paretoFrontier(compiled, { within: 'agreement-zone', maxListed: 10_000 });
          const fns = compiled.models.map((m) => realiseUtility(m));
          const acceptable = (outcome: Int32Array) =>
            compiled.signatories.every(
              (m) =>
                !compiled.models[m].redLines.some((r) => holds(r.crossedWhen, outcome)) &&
                utilityOf(fns[m], outcome) >= fns[m].batna,
            );
          const expected = naiveFrontier(
            compiled.signatories.map((m) => fns[m]),
            scenario,
            acceptable,
          );
          expect(result.method).toBe('enumerate');
          expect(indices(result)).toEqual(expected);
          let count = 0;
          for (let index = 0; index < compiled.space.size; index++) {
            if (acceptable(decodeOutcome(compiled.space, index))) count++;
          }
          expect(result.outcomesConsidered).toBe(count);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on a sub-space, by both methods', () => {
    const withSubspace = arbitraryScenario({ parties: 3, issues: 4, maxOptions: 4 }).chain((scenario) =>
      fc
        .tuple(
          ...scenario.issues.map((issue) =>
            fc.subarray(
              (issue.options ?? []).map((_, k) => k),
              { minLength: 1 },
            ),
          ),
        )
        .map((allowed): [Scenario, Subspace] => [
          scenario,
          { allowed: allowed.map((a) => Int32Array.from(a)) },
        ]),
    );
    fc.assert(
      fc.property(withSubspace, ([scenario, subspace]) => {
        const compiled = compileScenario(scenario);
        const fns = compiled.signatories.map((m) => realiseUtility(compiled.models[m]));
        const inside = (outcome: Int32Array) => subspace.allowed.every((a, i) => a.includes(outcome[i]));
        const expected = naiveFrontier(fns, scenario, inside);
        for (const method of ['enumerate', 'decompose'] as const) {
          const result = paretoFrontier(compiled, { subspace, method, maxListed: 10_000 });
          expect(indices(result)).toEqual(expected);
          expect(result.spaceSize).toBe(subspace.allowed.reduce((s, a) => s * a.length, 1));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a chosen subset of parties, including one that is not a signatory', () => {
    const compiled = compileScenario(tinyScenario(), { at: '2025-02-15' });
    const result = paretoFrontier(compiled, { parties: ['b'], maxListed: 10_000 });
    const beta = realiseUtility(compiled.models[1]);
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < compiled.space.size; i++)
      best = Math.max(best, utilityOf(beta, decodeOutcome(compiled.space, i)));
    expect(result.parties).toEqual(['b']);
    expect(result.points.every((p) => p.utilities[0] === best)).toBe(true);
    expect(() => paretoFrontier(compiled, { parties: ['nobody'] })).toThrow(/unknown party 'nobody'/);
  });
});

describe('decomposition details', () => {
  /** Contributions from a pool with values whose sums round differently: 0.1 + 0.2 > 0.3 in doubles. */
  const awkward = fc.constantFrom(0, 0.1, 0.2, 0.3, 0.30000000000000004, 1 / 3, 2 / 3, 100, 50.1, 1e-17);
  const utilitySet = fc
    .tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
    )
    .chain(([parties, radix]) =>
      fc
        .array(fc.tuple(...radix.map((r) => fc.array(awkward, { minLength: r, maxLength: r }))), {
          minLength: parties,
          maxLength: parties,
        })
        .map((tables) => ({ radix, tables })),
    );

  it('equals the enumerated skyline even when later additions round near-ties into ties', () => {
    fc.assert(
      fc.property(utilitySet, ({ radix, tables }) => {
        const space = {
          issues: radix.map((r, i) => ({
            id: `i${i}`,
            title: `i${i}`,
            optionIds: Array.from({ length: r }, (_, k) => `o${k}`),
            labels: Array.from({ length: r }, (_, k) => `o${k}`),
            deferredIndex: -1,
          })),
          radix: Int32Array.from(radix),
          size: radix.reduce((a, b) => a * b, 1),
          sizeIsExact: true,
        };
        const fns: UtilityFunction[] = tables.map((t, p) => ({
          party: `p${p}`,
          contribution: t.map((values) => Float64Array.from(values)),
          adjustments: [],
          batna: 0,
        }));
        const table = enumerateUtilities(fns, space);
        // Dominance is decided on the grid (robust-dominance.ts), by every method alike.
        const keys = snapColumns(table.utilities, gridForUtilities(fns));
        const expected = Array.from(skyline(keys)).map((i) => Array.from(outcomeAt(table, i)).join(','));
        const dec = paretoByDecomposition(fns, space);
        const got = Array.from({ length: dec.size }, (_, j) =>
          Array.from(dec.outcomes.subarray(j * radix.length, (j + 1) * radix.length)).join(','),
        );
        expect(got.sort()).toEqual(expected.sort());
      }),
      // The example: 1e-17 apart is a tie on the grid, so an early stage must not drop the lower option.
      { numRuns: 500, examples: [[{ radix: [2], tables: [[[100, 100]], [[0, 1e-17]]] }]] },
    );
  });

  it('keeps an outcome whose partial sum was worse by one rounding step but ties in the end', () => {
    // Party 0 after two issues: 0.1 + 0.2 = 0.30000000000000004 > 0.3 + 0, so outcome 00 strictly dominates
    // outcome 11 there (party 1 has 1 for both); the third issue adds 100 and both become 100.3: a tie.
    const issue = (id: string, options: string[]) => ({
      id,
      title: id,
      optionIds: options,
      labels: options,
      deferredIndex: -1,
    });
    const space = {
      issues: [issue('i0', ['a', 'b']), issue('i1', ['a', 'b']), issue('i2', ['a'])],
      radix: Int32Array.of(2, 2, 1),
      size: 4,
      sizeIsExact: true,
    };
    const fns: UtilityFunction[] = [
      {
        party: 'p0',
        contribution: [Float64Array.of(0.1, 0.3), Float64Array.of(0.2, 0), Float64Array.of(100)],
        adjustments: [],
        batna: 0,
      },
      {
        party: 'p1',
        contribution: [Float64Array.of(1, 0), Float64Array.of(0, 1), Float64Array.of(0)],
        adjustments: [],
        batna: 0,
      },
    ];
    expect(0.1 + 0.2 > 0.3 + 0).toBe(true);
    expect(0.1 + 0.2 + 100).toBe(0.3 + 0 + 100);
    const dec = paretoByDecomposition(fns, space);
    const outcomes = Array.from({ length: dec.size }, (_, j) =>
      Array.from(dec.outcomes.subarray(j * 3, j * 3 + 3)).join(''),
    );
    expect(outcomes.sort()).toEqual(['000', '010', '100', '110']);
  });

  it('stops with a clear error when a partial frontier outgrows its limit; auto then enumerates', () => {
    const scenario = fc
      .sample(arbitraryScenario({ parties: 3, issues: 5, maxOptions: 4 }), { seed: 7, numRuns: 50 })
      .find((s) => s.parties.length === 3 && s.issues.length >= 4)!;
    const compiled = compileScenario(scenario);
    expect(() =>
      paretoFrontier(compiled, { method: 'decompose', maxIntermediate: 1, maxListed: 10_000 }),
    ).toThrow(DecompositionLimitError);
    const fallback = paretoFrontier(compiled, { maxIntermediate: 1, maxListed: 10_000 });
    expect(fallback.method).toBe('enumerate');
    expect(fallback.reason).toMatch(/stopped/);
    expect(indices(fallback)).toEqual(indices(paretoFrontier(compiled, { maxListed: 10_000 })));
    // Both limits hit: one error that names both.
    expect(() => paretoFrontier(compiled, { maxIntermediate: 1, maxCells: 10 })).toThrow(
      /no exact frontier within the limits: issue decomposition stopped.*enumeration limit/,
    );
  });
});

describe('listing', () => {
  const scenario = fc
    .sample(arbitraryScenario({ parties: 3, issues: 5, maxOptions: 4 }), { seed: 3, numRuns: 100 })
    .map((s) => ({ s, size: paretoFrontier(compileScenario(s), { maxListed: 1e6 }).size }))
    .sort((a, b) => b.size - a.size)[0].s;
  const compiled = compileScenario(scenario);
  const full = paretoFrontier(compiled, { maxListed: 1e6 });

  it('orders points by utilities and counts ties', () => {
    const u = full.points.map((p) => p.utilities);
    for (let j = 1; j < u.length; j++) {
      const k = u[j].findIndex((v, p) => v !== u[j - 1][p]);
      if (k >= 0) expect(u[j][k]).toBeLessThan(u[j - 1][k]);
    }
    expect(full.distinctVectors).toBe(new Set(u.map((v) => v.join(','))).size);
    expect(full.truncated).toBe(false);
  });

  it('a long frontier is sampled evenly, deterministically per seed, and says so', () => {
    expect(full.size).toBeGreaterThan(4);
    const maxListed = Math.floor(full.size / 2);
    const a = paretoFrontier(compiled, { maxListed, seed: 5 });
    const b = paretoFrontier(compiled, { maxListed, seed: 5 });
    expect(a.truncated).toBe(true);
    expect(a.size).toBe(full.size);
    expect(a.points.length).toBe(maxListed);
    expect(a.points).toEqual(b.points);
    expect(a.note).toMatch(/The list is cut: only \d+ of \d+ are listed/);
    // Every sampled point is on the full frontier, and each comes from its own slice of the ordered list.
    const position = new Map(full.points.map((p, r) => [p.index, r]));
    const ranks = a.points.map((p) => position.get(p.index)!);
    ranks.forEach((r, s) => {
      expect(r).toBeGreaterThanOrEqual(Math.floor((s * full.size) / maxListed));
      expect(r).toBeLessThan(Math.floor(((s + 1) * full.size) / maxListed));
    });
  });
});
