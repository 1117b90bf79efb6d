import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { holds } from '../../src/core/model/rule.js';
import { BucketedOutcomes } from '../../src/core/simulation/bucketed-outcomes.js';
import { createOfferSearch } from '../../src/core/simulation/offer-search.js';
import { forEachOutcome } from '../../src/core/simulation/outcome-tables.js';
import { arbitraryScenario } from '../support/random-scenario.js';
import { syntheticScenario } from '../support/synthetic-scenario.js';

describe('outcomes ordered by utility (lazily bucketed)', () => {
  // Values from a small pool plus last-bit noise: many exact ties and near-ties, as real utility sums produce.
  const noisyTable = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -3, max: 3 })), {
      minLength: 1,
      maxLength: 400,
    })
    .map((xs) => Float64Array.from(xs, ([v, noise]) => v * 0.1 + noise * Number.EPSILON * 4));
  const spread = fc
    .array(fc.integer({ min: -50_000, max: 150_000 }), { minLength: 100, maxLength: 1200, size: 'large' })
    .map((xs) => Float64Array.from(xs, (x) => x / 1000));
  const tables = fc.oneof(noisyTable, spread);

  it('the full order is the exact (utility, index) order, with and without a mask', () => {
    fc.assert(
      fc.property(tables, fc.array(fc.boolean(), { maxLength: 3000 }), (table, maskBits) => {
        const mask = Uint8Array.from(table, (_, i) => (maskBits[i] ? 1 : 0));
        for (const excluded of [undefined, mask]) {
          const expected = Array.from(table.keys())
            .filter((i) => !excluded || excluded[i] === 0)
            .sort((p, q) => table[p] - table[q] || p - q);
          const index = new BucketedOutcomes(table, excluded);
          expect(Array.from(index.fullOrder())).toEqual(expected);
          expect(Array.from(index.util)).toEqual(expected.map((i) => table[i]));
        }
      }),
    );
  });

  it('bounds and the best in a band agree with brute force, queried in any order', () => {
    fc.assert(
      fc.property(
        tables,
        fc.array(
          fc.tuple(
            fc.integer({ min: -60_000, max: 160_000 }).map((x) => x / 1000),
            fc.double({ min: 0, max: 30, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 10,
          },
        ),
        (table, queries) => {
          const score = Float64Array.from(table, (x, i) => Math.round(((x * 7 + i * 3) % 11) * 2) / 2);
          const index = new BucketedOutcomes(table, undefined, score);
          for (const [x, width] of queries) {
            const lo = index.lowerBound(x);
            const hi = index.upperBound(x + width);
            // Every position before lo is below x, every one from lo on is at least x (whatever buckets are sorted).
            // Checked in one assertion per bound (an expect per position made this the slowest test of its file).
            const positions = Array.from({ length: index.size }, (_, p) => p);
            expect(positions.filter((p) => index.util[p] >= x !== p >= lo)).toEqual([]);
            expect(positions.filter((p) => index.util[p] > x + width !== p >= hi)).toEqual([]);
            // The outcome at lo is the lowest (utility, index) at or above x.
            const above = Array.from(table.keys())
              .filter((i) => table[i] >= x)
              .sort((p, q) => table[p] - table[q] || p - q);
            if (above.length > 0) expect(index.order[lo]).toBe(above[0]);
            if (hi <= lo) continue;
            const members = Array.from(table.keys()).filter((i) => table[i] >= x && table[i] <= x + width);
            const best = members.reduce((b, i) =>
              score[i] > score[b] ||
              (score[i] === score[b] && (table[i] < table[b] || (table[i] === table[b] && i < b)))
                ? i
                : b,
            );
            expect(index.order[index.argMax(lo, hi)]).toBe(best);
          }
        },
      ),
      { numRuns: 60 },
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

describe('minUtility, lowestAtLeast and nearest', () => {
  const scenarios = arbitraryScenario({
    parties: 2,
    issues: 4,
    maxOptions: 4,
    adjustments: true,
    redLines: true,
  });

  /** Every outcome outside party 0's red lines with its utility, in outcome order. */
  function allowed(compiled: ReturnType<typeof compileScenario>, own: ReturnType<typeof realiseUtility>) {
    const list: Array<{ index: number; u: number; outcome: number[] }> = [];
    forEachOutcome(compiled.space, (index, digits) => {
      if (compiled.models[0].redLines.some((r) => holds(r.crossedWhen, digits))) return;
      list.push({ index, u: utilityOf(own, digits), outcome: Array.from(digits) });
    });
    return list;
  }

  for (const exactLimit of [1e6, 0]) {
    const kind = exactLimit > 0 ? 'enumerated search' : 'branch and bound within its budget';
    it(`${kind}: the documented outcomes, by brute force`, () => {
      fc.assert(
        fc.property(
          scenarios,
          fc.double({ min: -10, max: 110, noNaN: true }),
          fc.double({ min: -10, max: 110, noNaN: true }),
          (scenario, target, lowest) => {
            const compiled = compileScenario(scenario);
            const utilities = compiled.models.map((m) => realiseUtility(m));
            const search = createOfferSearch(compiled, 0, utilities[0], utilities.slice(1), {
              epsilon: 1,
              exactLimit,
              nodeBudget: 1e7,
            });
            const list = allowed(compiled, utilities[0]);
            const us = list.map((c) => c.u);
            expect(search.minUtility).toBeCloseTo(
              list.length ? Math.min(...us) : Number.POSITIVE_INFINITY,
              9,
            );

            const above = list.filter((c) => c.u >= target);
            const lowestBid = search.lowestAtLeast(target);
            if (above.length === 0) expect(lowestBid).toBeUndefined();
            else {
              const low = Math.min(...above.map((c) => c.u));
              expect(lowestBid?.utility).toBeCloseTo(low, 9);
              if (exactLimit > 0) {
                // Among equal utilities the last in outcome order, as NegMAS's presorted inverse picks.
                const last = above.filter((c) => c.u === low).at(-1);
                expect(lowestBid && Array.from(lowestBid.outcome)).toEqual(last?.outcome);
              }
            }

            const eligible = list.filter((c) => c.u >= lowest);
            const near = search.nearest(target, lowest);
            if (eligible.length === 0) expect(near).toBeUndefined();
            else {
              const distance = Math.min(...eligible.map((c) => Math.abs(c.u - target)));
              expect(near).toBeDefined();
              if (!near) return;
              expect(near.utility).toBeGreaterThanOrEqual(lowest);
              expect(Math.abs(near.utility - target)).toBeCloseTo(distance, 9);
              // On a tie the higher utility.
              const best = Math.max(
                ...eligible.filter((c) => Math.abs(Math.abs(c.u - target) - distance) < 1e-9).map((c) => c.u),
              );
              expect(near.utility).toBeCloseTo(best, 9);
            }
            expect(search.budgetHits()).toBe(0);
          },
        ),
        { numRuns: 120 },
      );
    });
  }
});
