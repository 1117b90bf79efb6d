import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testOutcomes } from '../../../test/interop/outcomes.js';
import { parleyIssues, parleyParties, radixOf } from '../../../test/interop/parley-utility.js';
import { checkReferences } from '../../core/model/check-references.js';
import type { Preferences, Scenario } from '../../schema/scenario.js';
import { fitUtilityScale } from './fit-utility-scale.js';
import { newReport } from './interop-report.js';

const issues: Scenario['issues'] = [
  {
    id: 'colour',
    title: 'Colour',
    category: 'other',
    options: ['red', 'green', 'blue'].map((id) => ({ id, label: id })),
  },
  { id: 'size', title: 'Size', category: 'other', options: ['s', 'm'].map((id) => ({ id, label: id })) },
  { id: 'count', title: 'Count', category: 'other', range: { min: 0, max: 6, step: 2 } },
];

function scenarioWith(preferences: Preferences[]): Scenario {
  return {
    parley: 1,
    id: 'fit',
    title: 'fit',
    sources: [],
    parties: preferences.map((p) => ({ id: p.party, name: p.party, kind: 'other', role: 'signatory' })),
    issues,
    documents: [],
    packages: [],
    preferences,
    events: [],
    positions: [],
  };
}

const value = fc.double({ min: -50, max: 200, noNaN: true });
const arbitraryPreferences = fc
  .tuple(
    fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 3, noNaN: true })), {
      minLength: 3,
      maxLength: 3,
    }),
    fc.array(value, { minLength: 3, maxLength: 3 }),
    fc.array(value, { minLength: 2, maxLength: 2 }),
    fc.tuple(value, value, value),
  )
  .map(
    ([w, colour, size, [a, b, c]]): Preferences => ({
      party: 'p',
      source: 'test',
      basis: 'imported',
      weights: { colour: w[0], size: w[1], count: w[2] },
      values: {
        colour: { red: colour[0], green: colour[1], blue: colour[2] },
        size: { s: size[0], m: size[1] },
        count: {
          piecewiseLinear: [
            [0, a],
            [3, b],
            [6, c],
          ],
        },
      },
      adjustments: [{ id: 'scale-1', description: 'kept', when: { issue: 'size', in: ['m'] }, delta: 5 }],
      redLines: [],
      batna: 0,
    }),
  );

function utilities(scenario: Scenario): number[] {
  const radix = radixOf(parleyIssues(scenario));
  const [party] = parleyParties(scenario);
  return testOutcomes(radix).map((o) => party.utility(o));
}

describe('fitUtilityScale', () => {
  it('brings every value onto 0..100 and leaves every utility as it was', () => {
    fc.assert(
      fc.property(arbitraryPreferences, (preferences) => {
        const before = scenarioWith([preferences]);
        const after = structuredClone(before);
        fitUtilityScale(after.issues, after.preferences, newReport('genius'));
        expect(checkReferences(after).filter((p) => p.severity === 'error')).toEqual([]);
        const u0 = utilities(before);
        const u1 = utilities(after);
        // With no positive weight Parley's additive part is 0 before and after; only adjustments count.
        u1.forEach((u, k) => {
          expect(Math.abs(u - u0[k])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(u0[k])));
        });
        const ids = after.preferences[0].adjustments.map((a) => a.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300, seed: 20260101 },
    );
  });

  it('gives a party without weights weight 1 and value 0 on every issue, and says so', () => {
    const preferences: Preferences = {
      party: 'boxes',
      source: 'test',
      basis: 'imported',
      weights: {},
      values: {},
      adjustments: [{ id: 'box-1', description: 'box', when: { issue: 'count', atLeast: 4 }, delta: 40 }],
      redLines: [],
      batna: 0,
    };
    const scenario = scenarioWith([preferences]);
    const report = newReport('genius');
    fitUtilityScale(scenario.issues, scenario.preferences, report);
    expect(preferences.weights).toEqual({ colour: 1, size: 1, count: 1 });
    expect(preferences.values.count).toEqual({
      piecewiseLinear: [
        [0, 0],
        [6, 0],
      ],
    });
    expect(checkReferences(scenario).filter((p) => p.severity === 'error')).toEqual([]);
    // count takes 0, 2, 4, 6: the box adds 40 at 4 and 6 only.
    const [party] = parleyParties(scenario);
    expect([0, 1, 2, 3].map((k) => party.utility([0, 0, k]))).toEqual([0, 0, 40, 40]);
    expect(report.notes.join('\n')).toContain('boxes: no issue has a weight');
  });
});
