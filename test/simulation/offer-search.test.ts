import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { holds } from '../../src/core/model/rule.js';
import { createOfferSearch } from '../../src/core/simulation/offer-search.js';
import { forEachOutcome } from '../../src/core/simulation/outcome-tables.js';
import {
  lowerBound,
  RangeArgMax,
  sortOutcomes,
  upperBound,
} from '../../src/core/simulation/sorted-outcomes.js';
import { syntheticScenario } from '../../src/core/simulation/synthetic-scenario.js';
import { arbitraryScenario } from '../support/random-scenario.js';

describe('sorting outcomes by utility', () => {
  // Values from a small pool plus last-bit noise: many exact ties and near-ties, as real utility sums produce.
  const noisyTable = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -3, max: 3 })), {
      minLength: 1,
      maxLength: 400,
    })
    .map((xs) => Float64Array.from(xs, ([v, noise]) => v * 0.1 + noise * Number.EPSILON * 4));

  it('matches a comparator sort on (utility, index), with and without a mask', () => {
    fc.assert(
      fc.property(noisyTable, fc.array(fc.boolean(), { maxLength: 400 }), (table, maskBits) => {
        const mask = Uint8Array.from(table, (_, i) => (maskBits[i] ? 1 : 0));
        for (const excluded of [undefined, mask]) {
          const expected = Array.from(table.keys())
            .filter((i) => !excluded || excluded[i] === 0)
            .sort((p, q) => table[p] - table[q] || p - q);
          const { order, util } = sortOutcomes(table, excluded);
          expect(Array.from(order)).toEqual(expected);
          expect(Array.from(util)).toEqual(expected.map((i) => table[i]));
        }
      }),
    );
  });

  it('sorts runs with many distinct values inside one quantisation step', () => {
    const table = Float64Array.from({ length: 300 }, (_, i) => 50 + ((i * 37) % 40) * Number.EPSILON * 8);
    table[0] = 0;
    table[1] = 100;
    const expected = Array.from(table.keys()).sort((p, q) => table[p] - table[q] || p - q);
    expect(Array.from(sortOutcomes(table).order)).toEqual(expected);
  });

  it('bounds and range arg-max agree with scans', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: -2, max: 22 }),
        fc.nat(),
        fc.nat(),
        (values, x, i, j) => {
          const util = Float64Array.from(values).sort();
          expect(lowerBound(util, x)).toBe(
            util.findIndex((u) => u >= x) < 0 ? util.length : util.findIndex((u) => u >= x),
          );
          expect(upperBound(util, x)).toBe(
            util.findIndex((u) => u > x) < 0 ? util.length : util.findIndex((u) => u > x),
          );
          const score = Float64Array.from(values, (v, k) => (v * 7 + k * 3) % 11);
          const lo = i % score.length;
          const hi = lo + 1 + (j % (score.length - lo));
          let best = lo;
          for (let p = lo + 1; p < hi; p++) if (score[p] > score[best]) best = p;
          expect(new RangeArgMax(score).argMax(lo, hi)).toBe(best);
        },
      ),
    );
  });
});

describe('bidAtLeast', () => {
  const scenarios = arbitraryScenario({
    parties: 3,
    issues: 4,
    maxOptions: 4,
    adjustments: true,
    redLines: true,
  });

  /** Brute force of the documented rule. */
  function expectedBid(
    compiled: ReturnType<typeof compileScenario>,
    own: ReturnType<typeof realiseUtility>,
    others: ReturnType<typeof realiseUtility>[],
    partyIndex: number,
    target: number,
    epsilon: number,
  ) {
    const candidates: Array<{ index: number; u: number; score: number; outcome: number[] }> = [];
    forEachOutcome(compiled.space, (index, digits) => {
      if (compiled.models[partyIndex].redLines.some((r) => holds(r.crossedWhen, digits))) return;
      const u = utilityOf(own, digits);
      if (u < target) return;
      const score = others.length ? Math.min(...others.map((o) => utilityOf(o, digits))) : 0;
      candidates.push({ index, u, score, outcome: Array.from(digits) });
    });
    if (candidates.length === 0) return undefined;
    candidates.sort((p, q) => p.u - q.u || p.index - q.index);
    const band = candidates.filter((c) => c.u <= target + epsilon);
    if (band.length === 0 || others.length === 0) return candidates[0];
    return band.reduce((best, c) => (c.score > best.score ? c : best));
  }

  it('enumerated search: exactly the documented bid', () => {
    fc.assert(
      fc.property(
        scenarios,
        fc.double({ min: -10, max: 110, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (scenario, target, epsilon) => {
          const compiled = compileScenario(scenario);
          const utilities = compiled.models.map((m) => realiseUtility(m));
          const others = utilities.slice(1);
          const search = createOfferSearch(compiled, 0, utilities[0], others, {
            epsilon,
            exactLimit: 1e6,
            nodeBudget: 1e6,
          });
          const expected = expectedBid(compiled, utilities[0], others, 0, target, epsilon);
          const bid = search.bidAtLeast(target);
          expect(search.exact).toBe(true);
          if (!expected) {
            expect(bid).toBeUndefined();
            return;
          }
          expect(bid && Array.from(bid.outcome)).toEqual(expected.outcome);
          expect(bid?.utility).toBe(expected.u);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('branch and bound within its budget: same utility band and same score as enumeration', () => {
    fc.assert(
      fc.property(
        scenarios,
        fc.double({ min: -10, max: 110, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (scenario, target, epsilon) => {
          const compiled = compileScenario(scenario);
          const utilities = compiled.models.map((m) => realiseUtility(m));
          const others = utilities.slice(1);
          const search = createOfferSearch(compiled, 0, utilities[0], others, {
            epsilon,
            exactLimit: 0,
            nodeBudget: 1e7,
          });
          expect(search.exact).toBe(false);
          const expected = expectedBid(compiled, utilities[0], others, 0, target, epsilon);
          const bid = search.bidAtLeast(target);
          expect(search.budgetHits()).toBe(0);
          if (!expected) {
            expect(bid).toBeUndefined();
            return;
          }
          expect(bid).toBeDefined();
          if (!bid) return;
          expect(compiled.models[0].redLines.some((r) => holds(r.crossedWhen, bid.outcome))).toBe(false);
          expect(bid.utility).toBeCloseTo(utilityOf(utilities[0], bid.outcome), 9);
          const inBand = expected.u <= target + epsilon;
          if (inBand && others.length > 0) {
            expect(bid.utility).toBeGreaterThanOrEqual(target);
            expect(bid.utility).toBeLessThanOrEqual(target + epsilon);
            expect(Math.min(...others.map((o) => utilityOf(o, bid.outcome)))).toBeCloseTo(expected.score, 9);
          } else {
            expect(bid.utility).toBeCloseTo(expected.u, 9);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a tiny node budget still returns valid bids and counts the overruns', () => {
    const compiled = compileScenario(syntheticScenario({ parties: 2, issues: 6, options: 5, seed: 3 }));
    const u = compiled.models.map((m) => realiseUtility(m));
    const search = createOfferSearch(compiled, 0, u[0], u.slice(1), {
      epsilon: 1,
      exactLimit: 0,
      nodeBudget: 3,
    });
    const bid = search.bidAtLeast(search.maxUtility - 5);
    expect(bid).toBeDefined();
    if (bid) expect(utilityOf(u[0], bid.outcome)).toBeGreaterThanOrEqual(search.maxUtility - 5);
    expect(search.budgetHits()).toBeGreaterThan(0);
  });
});
