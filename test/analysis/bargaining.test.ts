import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { bargainingSolutions } from '../../src/core/analysis/bargaining/bargaining-solutions.js';
import type { BargainingResult, ConceptResult } from '../../src/core/analysis/bargaining/bargaining-types.js';
import { acceptableToSignatories } from '../../src/core/analysis/enumerate-zone.js';
import { estimateUtilities } from '../../src/core/analysis/zone/zone-constraints.js';
import { utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { forEachCompletion, fullSubspace } from '../../src/core/model/subspace.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { arbitraryScenario } from '../support/random-scenario.js';

const solver = createHighsSolver();

/**
 * Random scenarios tuned for bargaining: at least two parties, capabilities, lower BATNAs and at most one red
 * line per party, or none (so most zones are non-empty), and optionally coarse values (multiples of 50) so that ties occur.
 */
function bargainingScenarios(parties: number, issues: number) {
  return fc
    .tuple(
      arbitraryScenario({ parties, issues, maxOptions: 3, adjustments: true, redLines: true }).filter(
        (s) => s.parties.length >= 2,
      ),
      fc.array(fc.integer({ min: 1, max: 10 }), { minLength: parties, maxLength: parties }),
      fc.boolean(),
      fc.boolean(),
    )
    .map(
      ([s, caps, coarse, keepRedLines]): Scenario => ({
        ...s,
        parties: s.parties.map((p, k) => ({ ...p, capability: caps[k] / 10 })),
        preferences: s.preferences.map((pref) => ({
          ...pref,
          batna: typeof pref.batna === 'number' ? pref.batna / 2 : pref.batna,
          redLines: keepRedLines ? (pref.redLines ?? []).slice(0, 1) : [],
          values: coarse
            ? Object.fromEntries(
                Object.entries(pref.values).map(([issue, table]) => [
                  issue,
                  Object.fromEntries(
                    Object.entries(table as Record<string, number>).map(([o, v]) => [
                      o,
                      Math.round(v / 50) * 50,
                    ]),
                  ),
                ]),
              )
            : pref.values,
        })),
      }),
    );
}

const scenarios = bargainingScenarios(3, 4);

/** The best value of a concept over lotteries: the lottery's values if it differs, else the discrete ones. */
const effective = (c: ConceptResult) => c.lottery?.values ?? c.discrete?.values ?? [];

function outcomeKeys(c: ConceptResult): string[] {
  return (c.discrete?.outcomes ?? []).map((o) => o.outcome.options.join(',')).sort();
}

function close(a: number[], b: number[], digits = 6) {
  expect(a.length).toBe(b.length);
  a.forEach((x, k) => {
    expect(x).toBeCloseTo(b[k], digits);
  });
}

/** Brute force: zone outcomes' utility vectors for the given model indices. */
function zoneVectors(scenario: Scenario): number[][] {
  const compiled = compileScenario(scenario);
  const utilities = estimateUtilities(compiled);
  const out: number[][] = [];
  forEachCompletion(fullSubspace(compiled.space), (o) => {
    if (acceptableToSignatories(compiled, utilities, o))
      out.push(compiled.signatories.map((m) => utilityOf(utilities[m], o)));
  });
  return out;
}

describe('bargaining solutions: MILP against enumeration', () => {
  it('agree on values, tie sets and lottery values on random scenarios', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (scenario) => {
        const compiled = compileScenario(scenario);
        const byEnumeration = await bargainingSolutions(compiled, {
          solver,
          method: 'enumerate',
          maxTies: 10_000,
        });
        const byMilp = await bargainingSolutions(compiled, { solver, method: 'milp', maxTies: 30 });
        expect(byMilp.empty).toBe(byEnumeration.empty);
        if (byEnumeration.empty) return;
        close(
          byMilp.parties.map((p) => p.ideal),
          byEnumeration.parties.map((p) => p.ideal),
          9,
        );
        byEnumeration.solutions.forEach((e, k) => {
          const m = byMilp.solutions[k];
          expect(m.concept).toBe(e.concept);
          expect(m.status).toBe(e.status);
          if (e.status !== 'solved') return;
          close(m.discrete?.values ?? [], e.discrete?.values ?? [], 7);
          expect(m.discrete?.proven).toBe(true);
          expect(e.tolerance).toBe(0);
          expect(m.tolerance).toBeLessThanOrEqual(1e-6);
          if (m.discrete?.tiesComplete) expect(m.tolerance).toBe(0);
          const enumerated = outcomeKeys(e);
          if (m.discrete?.tiesComplete) expect(outcomeKeys(m)).toEqual(enumerated);
          else for (const key of outcomeKeys(m)) expect(enumerated).toContain(key);
          expect(m.discrete?.tieCount ?? e.discrete?.tieCount).toBe(e.discrete?.tieCount);
          close(effective(m), effective(e), 5);
        });
      }),
      { numRuns: 60, seed: 424242 },
    );
  });
});

/** max over segments [a, b] of Π (gain) — for two parties the Nash lottery lies on such a segment. */
function bruteNashLottery(points: number[][], d: number[]): { value: number; point: number[] } {
  let best = Number.NEGATIVE_INFINITY;
  let point: number[] = [];
  const product = (x: number[]) => (x[0] - d[0]) * (x[1] - d[1]);
  for (const a of points) {
    for (const b of points) {
      // maximise (a0 + t Δ0 − d0)(a1 + t Δ1 − d1) on t in [0, 1]: a concave or convex quadratic in t.
      const p0 = a[0] - d[0];
      const p1 = a[1] - d[1];
      const q0 = b[0] - a[0];
      const q1 = b[1] - a[1];
      const candidates = [0, 1];
      if (q0 * q1 < 0) candidates.push(Math.min(1, Math.max(0, -(p0 * q1 + p1 * q0) / (2 * q0 * q1))));
      for (const t of candidates) {
        const x = [a[0] + t * q0, a[1] + t * q1];
        if (product(x) > best) {
          best = product(x);
          point = x;
        }
      }
    }
  }
  return { value: best, point };
}

/** max over segments of min_p (x_p − d_p)/s_p. */
function bruteMaximinLottery(points: number[][], d: number[], s: number[]): number {
  let best = Number.NEGATIVE_INFINITY;
  const y = (x: number[], p: number) => (x[p] - d[p]) / s[p];
  for (const a of points) {
    for (const b of points) {
      const candidates = [0, 1];
      const da = y(a, 0) - y(a, 1);
      const db = y(b, 0) - y(b, 1);
      if (da * db < 0) candidates.push(da / (da - db));
      for (const t of candidates) {
        const x = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        best = Math.max(best, Math.min(y(x, 0), y(x, 1)));
      }
    }
  }
  return best;
}

describe('lottery solutions against brute force over segments (two parties)', () => {
  it('Nash, Kalai–Smorodinsky and egalitarian lotteries reach the best mixture', async () => {
    const twoParty = bargainingScenarios(2, 4);
    await fc.assert(
      fc.asyncProperty(twoParty, async (scenario) => {
        const points = zoneVectors(scenario);
        fc.pre(points.length > 0);
        const compiled = compileScenario(scenario);
        const result: BargainingResult = await bargainingSolutions(compiled, { solver, method: 'enumerate' });
        const d = result.parties.map((p) => p.disagreement);
        const ideal = result.parties.map((p) => p.ideal);
        const gainMax = ideal.map((x, q) => x - d[q]);
        fc.pre(gainMax.every((g) => g > 1e-9));
        const byConcept = new Map(result.solutions.map((s) => [s.concept, s]));
        const nash = byConcept.get('nash');
        if (nash?.status === 'solved' || nash?.lottery) {
          const brute = bruteNashLottery(points, d);
          const lotteryLog = nash.lottery?.values[0] ?? nash.discrete?.values[0] ?? Number.NaN;
          expect(lotteryLog).toBeCloseTo(Math.log(brute.value), 8);
          // The product is strictly log-concave in the gains, so the optimal expected utilities are unique.
          // (Without a reported lottery, the discrete point is only known to be within 1e-7 in value.)
          if (nash.lottery) {
            expect(nash.lottery.expectedUtilities[0]).toBeCloseTo(brute.point[0], 5);
            expect(nash.lottery.expectedUtilities[1]).toBeCloseTo(brute.point[1], 5);
          }
        }
        const ks = byConcept.get('kalai-smorodinsky');
        expect(effective(ks!)[0]).toBeCloseTo(bruteMaximinLottery(points, d, gainMax), 7);
        const egalitarian = byConcept.get('egalitarian');
        expect(effective(egalitarian!)[0]).toBeCloseTo(bruteMaximinLottery(points, d, [1, 1]), 6);
        // A reported mixture's expected utilities are the probability-weighted utilities of its outcomes.
        for (const s of result.solutions) {
          if (!s.lottery) continue;
          const p = s.lottery.mixture.reduce((sum, c) => sum + c.probability, 0);
          expect(p).toBeCloseTo(1, 12);
          s.lottery.expectedUtilities.forEach((u, q) => {
            expect(u).toBeCloseTo(
              s.lottery!.mixture.reduce((sum, c) => sum + c.probability * c.utilities[q], 0),
              9,
            );
          });
        }
      }),
      { numRuns: 80, seed: 99 },
    );
  });
});

function splitScenario(middle: number): Scenario {
  const prefs = (values: Record<string, number>, party: string) => ({
    party,
    source: 'test',
    basis: 'analyst-estimate' as const,
    weights: { split: 1, colour: 0 },
    values: { split: values, colour: { red: 0, blue: 0 } },
    adjustments: [],
    redLines: [],
    batna: 0,
  });
  return {
    parley: 1,
    id: 'split',
    title: 'split',
    sources: [],
    parties: [
      { id: 'a', name: 'A', kind: 'other', role: 'signatory', capability: 0.75 },
      { id: 'b', name: 'B', kind: 'other', role: 'signatory', capability: 0.25 },
    ],
    issues: [
      {
        id: 'split',
        title: 'Split',
        category: 'other',
        options: [
          { id: 'a', label: 'A takes all' },
          { id: 'half', label: 'Half each' },
          { id: 'b', label: 'B takes all' },
        ],
      },
      {
        id: 'colour',
        title: 'Colour',
        category: 'other',
        options: [
          { id: 'red', label: 'Red' },
          { id: 'blue', label: 'Blue' },
        ],
      },
    ],
    documents: [],
    packages: [],
    events: [],
    positions: [],
    preferences: [prefs({ a: 100, half: middle, b: 0 }, 'a'), prefs({ a: 0, half: middle, b: 100 }, 'b')],
  };
}

describe('hand-checked split scenario', () => {
  for (const method of ['enumerate', 'milp'] as const) {
    it(`${method}: reports ties over an issue nobody cares about, and a better lottery`, async () => {
      const result = await bargainingSolutions(compileScenario(splitScenario(40)), { solver, method });
      const by = new Map(result.solutions.map((s) => [s.concept, s]));
      const nash = by.get('nash')!;
      // half/red and half/blue give (40, 40): product 1600, tied.
      expect(nash.discrete?.values[0]).toBeCloseTo(Math.log(1600), 12);
      expect(nash.discrete?.outcomes.map((o) => o.outcome.assignment.colour).sort()).toEqual(['blue', 'red']);
      expect(nash.discrete?.tieCount).toBe(2);
      expect(nash.discrete?.tiesComplete).toBe(true);
      // A fair coin between "A takes all" and "B takes all" gives (50, 50): product 2500 > 1600.
      expect(nash.lottery?.expectedUtilities[0]).toBeCloseTo(50, 6);
      expect(nash.lottery?.expectedUtilities[1]).toBeCloseTo(50, 6);
      expect(nash.lottery?.mixture.map((c) => c.outcome.assignment.split).sort()).toEqual(['a', 'b']);
      for (const c of nash.lottery?.mixture ?? []) expect(c.probability).toBeCloseTo(0.5, 6);
      // Asymmetric Nash with weights 0.75 / 0.25: on the line u_A + u_B = 100 the optimum is (75, 25).
      const asymmetric = by.get('asymmetric-nash')!;
      expect(asymmetric.discrete?.outcomes[0].outcome.assignment.split).toBe('half');
      expect(asymmetric.lottery?.expectedUtilities[0]).toBeCloseTo(75, 5);
      expect(asymmetric.lottery?.expectedUtilities[1]).toBeCloseTo(25, 5);
      // Utilitarian: every split gives 100 or 80; the two extremes tie with both colours.
      const utilitarian = by.get('utilitarian')!;
      expect(utilitarian.discrete?.values[0]).toBeCloseTo(100, 9);
      expect(utilitarian.discrete?.tieCount).toBe(4);
      // Kalai–Smorodinsky and egalitarian: (40, 40) discretely, (50, 50) as a lottery.
      for (const concept of ['kalai-smorodinsky', 'egalitarian'] as const) {
        const s = by.get(concept)!;
        expect(s.discrete?.outcomes[0].outcome.assignment.split).toBe('half');
        expect(s.lottery?.expectedUtilities[0]).toBeCloseTo(50, 6);
        expect(s.lottery?.expectedUtilities[1]).toBeCloseTo(50, 6);
      }
      expect(by.get('kalai-smorodinsky')?.lottery?.linePoint?.[0]).toBeCloseTo(50, 6);
      const only = await bargainingSolutions(compileScenario(splitScenario(40)), {
        solver,
        method,
        concepts: ['utilitarian', 'nash'],
      });
      expect(only.solutions.map((s) => s.concept)).toEqual(['nash', 'utilitarian']);
      expect(only.solutions[0].discrete?.values[0]).toBeCloseTo(Math.log(1600), 12);
    });
  }
});
