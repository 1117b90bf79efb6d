import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { negmasBargainingPoints } from '../../../../src/core/analysis/bargaining/negmas-points.js';
import { estimateUtilities } from '../../../../src/core/analysis/zone/zone-constraints.js';
import { CONVENTION_SETS, isConventionSet } from '../../../../src/core/conventions.js';
import { utilityOf } from '../../../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../../../src/core/model/compile.js';
import { holds } from '../../../../src/core/model/rule.js';
import { forEachCompletion, fullSubspace } from '../../../../src/core/model/subspace.js';
import type { Scenario } from '../../../../src/schema/scenario.js';
import { arbitraryScenario } from '../../../support/random-scenario.js';

/**
 * NegMAS's points by brute force, written from NegMAS's definitions without Parley's skyline or tables: every
 * outcome, the O(n²) Pareto test, then each criterion over the frontier.
 */
function bruteForce(scenario: Scenario) {
  const compiled = compileScenario(scenario);
  const fns = estimateUtilities(compiled);
  const parties = compiled.signatories;
  const points: Array<{ key: string; u: number[]; ok: boolean }> = [];
  forEachCompletion(fullSubspace(compiled.space), (o) => {
    const ok = parties.every((m) => compiled.models[m].redLines.every((r) => !holds(r.crossedWhen, o)));
    points.push({ key: Array.from(o).join(','), u: parties.map((m) => utilityOf(fns[m], o)), ok });
  });
  const min = parties.map((_, q) => Math.min(...points.map((p) => p.u[q])));
  const max = parties.map((_, q) => Math.max(...points.map((p) => p.u[q])));
  const r = parties.map((m) => fns[m].batna);
  const d = r.map((rq, q) => Math.max(rq, min[q]));
  const allowed = points.filter((p) => p.ok);
  const dominates = (a: number[], b: number[]) => a.every((x, q) => x >= b[q]) && a.some((x, q) => x > b[q]);
  const frontier = allowed.filter((p) => !allowed.some((o) => dominates(o.u, p.u)));
  const rational = frontier.filter((p) => p.u.every((x, q) => x >= r[q]));
  const argmax = (pool: typeof points, f: (u: number[]) => number) => {
    if (pool.length === 0) return { value: undefined, keys: [] as string[] };
    const value = Math.max(...pool.map((p) => f(p.u)));
    const keys = pool.filter((p) => f(p.u) >= value - 1e-9 * Math.max(1, Math.abs(value))).map((p) => p.key);
    return { value, keys: keys.sort() };
  };
  return {
    min,
    max,
    d,
    frontier: frontier.length,
    nash: argmax(rational, (u) => u.reduce((s, x, q) => s * (x - d[q]), 1)),
    ks: argmax(rational, (u) => Math.min(...u.map((x, q) => x - d[q]))),
    modified: argmax(rational, (u) => Math.min(...u)),
    welfare: argmax(frontier, (u) => u.reduce((s, x) => s + x, 0)),
  };
}

const scenarios = arbitraryScenario({
  parties: 3,
  issues: 3,
  maxOptions: 4,
  adjustments: true,
  redLines: true,
});

describe('bargaining points under NegMAS conventions', () => {
  it('match brute force on random small domains (disagreement, ideal, frontier, every point and its ties)', () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const expected = bruteForce(scenario);
        const result = negmasBargainingPoints(compileScenario(scenario));
        expect(result.parties.map((p) => p.minimum)).toEqual(expected.min);
        expect(result.parties.map((p) => p.ideal)).toEqual(expected.max);
        expect(result.parties.map((p) => p.disagreement)).toEqual(expected.d);
        expect(result.frontierSize).toBe(expected.frontier);
        const byConcept = new Map(result.points.map((p) => [p.concept, p]));
        const check = (concept: string, want: { value?: number; keys: string[] }) => {
          const point = byConcept.get(concept as never)!;
          if (want.value === undefined) {
            expect(point.status).toBe('none');
            return;
          }
          expect(point.status).toBe('solved');
          expect(point.value).toBeCloseTo(want.value, 9);
          expect(point.outcomes.map((o) => o.outcome.options.join(',')).sort()).toEqual(want.keys);
        };
        check('nash', expected.nash);
        check('kalai-smorodinsky', expected.ks);
        check('modified-kalai-smorodinsky', expected.modified);
        check('utilitarian', expected.welfare);
      }),
      { numRuns: 150, seed: 31 },
    );
  });

  it('give the hand-checked values of a two-party example', () => {
    // One issue, three options. a: 0, 60, 100; b: 100, 70, 20. a's BATNA 10 is above its minimum 0, so d_a = 10;
    // b's BATNA 0 is below its minimum 20, so d_b = 20 (Parley's disagreement point would be the BATNA, 0).
    // Nash gains: x0 a<r fails; x1 (50)(50)=2500; x2 (90)(0)=0 → x1. KS min gains: x1 min(50,50)=50 → x1.
    // Modified KS: min(60,70)=60 at x1. Welfare: 100, 130, 120 → x1.
    const scenario: Scenario = {
      parley: 1,
      id: 'hand',
      title: 'hand',
      sources: [],
      parties: [
        { id: 'a', name: 'A', kind: 'other', role: 'signatory' },
        { id: 'b', name: 'B', kind: 'other', role: 'signatory' },
      ],
      issues: [
        {
          id: 'x',
          title: 'x',
          category: 'other',
          options: ['x0', 'x1', 'x2'].map((id) => ({ id, label: id })),
        },
      ],
      documents: [],
      packages: [],
      events: [],
      positions: [],
      preferences: [
        {
          party: 'a',
          source: 's',
          basis: 'analyst-estimate',
          weights: { x: 1 },
          values: { x: { x0: 0, x1: 60, x2: 100 } },
          adjustments: [],
          redLines: [],
          batna: 10,
        },
        {
          party: 'b',
          source: 's',
          basis: 'analyst-estimate',
          weights: { x: 1 },
          values: { x: { x0: 100, x1: 70, x2: 20 } },
          adjustments: [],
          redLines: [],
          batna: 0,
        },
      ],
    } as Scenario;
    const result = negmasBargainingPoints(compileScenario(scenario));
    expect(result.parties.map((p) => p.disagreement)).toEqual([10, 20]);
    expect(result.parties.map((p) => p.ideal)).toEqual([100, 100]);
    const at = (concept: string) => result.points.find((p) => p.concept === concept)!;
    expect(at('nash').value).toBeCloseTo(2500, 9);
    expect(at('nash').outcomes.map((o) => o.outcome.assignment.x)).toEqual(['x1']);
    expect(at('kalai-smorodinsky').value).toBeCloseTo(50, 9);
    expect(at('modified-kalai-smorodinsky').value).toBeCloseTo(60, 9);
    expect(at('utilitarian').value).toBeCloseTo(130, 9);
  });

  it('names the convention sets in one place', () => {
    expect(CONVENTION_SETS).toEqual(['parley', 'negmas', 'genius']);
    expect(isConventionSet('negmas')).toBe(true);
    expect(isConventionSet('nemgas')).toBe(false);
  });
});
