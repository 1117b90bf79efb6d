import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type MatchRecord,
  planTournament,
  scoreTournament,
} from '../../../src/core/simulation/tournament.js';
import {
  estimate,
  incompleteBeta,
  lnGamma,
  pairedPermutationTest,
  studentTCdf,
  studentTQuantile,
} from '../../../src/core/statistics/index.js';

describe('statistics', () => {
  it('ln Γ matches factorials', () => {
    for (let n = 1; n <= 20; n++) {
      let f = 1;
      for (let k = 2; k < n; k++) f *= k;
      expect(lnGamma(n)).toBeCloseTo(Math.log(f), 10);
    }
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('incomplete beta: I_x(1, 1) = x and I_x(a, 1) = x^a', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.7, 3, 1)).toBeCloseTo(0.343, 12);
  });

  it('Student t quantiles match published tables', () => {
    // Two-sided 95% critical values t_{0.975, df}.
    const table: Array<[number, number]> = [
      [1, 12.7062],
      [2, 4.3027],
      [5, 2.5706],
      [10, 2.2281],
      [30, 2.0423],
      [100, 1.984],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
    // df = 1 is the Cauchy distribution: P(T <= 1) = 3/4.
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTCdf(-2, 7)).toBeCloseTo(1 - studentTCdf(2, 7), 12);
  });

  it('t-interval of a small sample, by hand', () => {
    // 1..5: mean 3, sd sqrt(2.5), half-width 2.7764 × sqrt(2.5)/sqrt(5) = 1.9632.
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.ci95?.[0]).toBeCloseTo(3 - 1.9632, 3);
    expect(e.ci95?.[1]).toBeCloseTo(3 + 1.9632, 3);
    expect(estimate([4]).ci95).toBeNull();
  });

  it('paired permutation test: exact p by enumeration', () => {
    // Differences 1, 2, 3: of the 8 sign patterns only +++ and --- reach |sum| 6: p = 2/8.
    expect(pairedPermutationTest([1, 2, 3], 1)).toMatchObject({
      pairs: 3,
      meanDifference: 2,
      pValue: 0.25,
      exact: true,
    });
    // All zero: every pattern is as extreme: p = 1.
    expect(pairedPermutationTest([0, 0, 0, 0], 1).pValue).toBe(1);
    expect(pairedPermutationTest([], 1).pValue).toBeNull();
  });

  it('paired permutation test: sampled p is seeded and close to the exact value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 17, maxLength: 30 }),
        fc.nat(),
        (d, seed) => {
          const sampled = pairedPermutationTest(d, seed, 4000);
          expect(pairedPermutationTest(d, seed, 4000)).toEqual(sampled);
          // Normal approximation to the exact sign-flip distribution, generous band: sampling error plus approximation.
          const sum = d.reduce((s, x) => s + x, 0);
          const sd = Math.sqrt(d.reduce((s, x) => s + x * x, 0));
          if (sd === 0) return;
          const z = Math.abs(sum) / sd;
          const approx = 2 * (1 - studentTCdf(z, 1e6));
          expect(Math.abs((sampled.pValue ?? 0) - approx)).toBeLessThan(0.12);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('tournament plan and scores', () => {
  const plan = planTournament({
    scenarios: [{ id: 's', parties: ['a', 'b'] }],
    strategies: ['x', 'y', 'z'],
    assignments: 'all',
    repetitions: 2,
    seed: 5,
  });

  it('every strategy in every role, each repetition, with stable ids and seeds', () => {
    expect(plan).toHaveLength(3 * 3 * 2);
    expect(plan.slice(0, 3).map((m) => m.id)).toEqual(['s/x+x/r0', 's/x+x/r1', 's/x+y/r0']);
    expect(new Set(plan.map((m) => m.seed)).size).toBe(plan.length);
    // Common random numbers: the preference draw depends on scenario and repetition only.
    expect(new Set(plan.filter((m) => m.repetition === 0).map((m) => m.realisationSeed)).size).toBe(1);
    expect(
      planTournament({
        scenarios: [{ id: 's', parties: ['a', 'b'] }],
        strategies: ['x', 'y', 'z'],
        assignments: 'distinct',
        repetitions: 1,
        seed: 5,
      }).map((m) => m.id),
    ).toEqual(['s/x+y/r0', 's/x+z/r0', 's/y+x/r0', 's/y+z/r0', 's/z+x/r0', 's/z+y/r0']);
    expect(() =>
      planTournament({ scenarios: [], strategies: ['x', 'x'], assignments: 'all', repetitions: 1, seed: 1 }),
    ).toThrow('unique');
  });

  it('scores and pairs are computed from the records', () => {
    // Utility of a player: 10 for x, 20 for y, 30 for z, plus 1 in role b; agreement unless z plays.
    const records: MatchRecord[] = plan.map((m) => {
      const labels = m.assignment.map((k) => ['x', 'y', 'z'][k]);
      const utilities = labels.map((l, slot) => ({ x: 10, y: 20, z: 30 })[l as 'x'] + slot);
      return {
        index: m.index,
        id: m.id,
        scenario: 's',
        parties: ['a', 'b'],
        strategies: labels,
        repetition: m.repetition,
        seed: m.seed,
        realisationSeed: m.realisationSeed,
        agreement: !labels.includes('z'),
        endedBy: 'agreement',
        rounds: 3,
        utilities,
        discountedUtilities: utilities,
        socialWelfare: utilities[0] + utilities[1],
        concessionRates: [null, null],
        faults: 0,
      };
    });
    const summary = scoreTournament(records, ['x', 'y', 'z'], 1);
    const x = summary.strategies[0];
    // Each x+x match gives two observations, every other match with x one: 2·2 (x+x) + 4·2 (x with y or z) = 12.
    expect(x.observations).toBe(12);
    expect(x.utility.mean).toBe(10.5);
    // x agrees unless z is in the match: 8 of its 12 observations.
    expect(x.agreementRate.mean).toBeCloseTo(8 / 12, 12);
    const xy = summary.comparisons.find((c) => c.a === 'x' && c.b === 'y');
    // Pairs: 3 opponents × 2 roles × 2 repetitions = 12, every difference -10.
    expect(xy?.utility).toMatchObject({ pairs: 12, meanDifference: -10, exact: true });
    expect(xy?.utility.pValue).toBeCloseTo(2 / 4096, 12);
  });
});
