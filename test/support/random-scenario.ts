import fc from 'fast-check';
import type { Rule, Scenario, UncertainNumber } from '../../src/schema/scenario.js';

export interface RandomScenarioShape {
  parties: number;
  issues: number;
  maxOptions: number;
  adjustments?: boolean;
  redLines?: boolean;
  uncertainty?: boolean;
}

const uncertain = (withRange: boolean): fc.Arbitrary<UncertainNumber> =>
  withRange
    ? fc
        .tuple(
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 0, max: 30 }),
        )
        .map(([e, dl, dh]) => ({ estimate: e, low: Math.max(0, e - dl), high: Math.min(100, e + dh) }))
    : fc.integer({ min: 0, max: 100 });

/**
 * Small random scenarios for property tests: option issues only, every party a signatory with preferences,
 * optional adjustments over pairs of issues, red lines over one or two issues, and uncertainty ranges.
 */
export function arbitraryScenario(shape: RandomScenarioShape): fc.Arbitrary<Scenario> {
  return fc
    .tuple(
      fc.integer({ min: 1, max: shape.parties }),
      fc.array(fc.integer({ min: 2, max: shape.maxOptions }), { minLength: 1, maxLength: shape.issues }),
    )
    .chain(([partyCount, sizes]) => {
      const issueIds = sizes.map((_, i) => `i${i}`);
      const optionIds = sizes.map((n) => Array.from({ length: n }, (_, k) => `o${k}`));
      const leaf = fc
        .integer({ min: 0, max: sizes.length - 1 })
        .chain((i) =>
          fc.subarray(optionIds[i], { minLength: 1 }).map((opts): Rule => ({ issue: issueIds[i], in: opts })),
        );
      const rule: fc.Arbitrary<Rule> = fc.oneof(
        leaf,
        fc.tuple(leaf, leaf).map(([a, b]): Rule => ({ all: [a, b] })),
        fc.tuple(leaf, leaf).map(([a, b]): Rule => ({ any: [a, b] })),
        leaf.map((a): Rule => ({ not: a })),
      );
      const preferences = fc.tuple(
        fc.array(uncertain(shape.uncertainty ?? false), { minLength: sizes.length, maxLength: sizes.length }),
        fc.tuple(
          ...sizes.map((n) =>
            fc.array(uncertain(shape.uncertainty ?? false), { minLength: n, maxLength: n }),
          ),
        ),
        shape.adjustments
          ? fc.array(fc.tuple(rule, fc.integer({ min: -15, max: 15 })), { maxLength: 3 })
          : fc.constant([] as Array<[Rule, number]>),
        shape.redLines ? fc.array(rule, { maxLength: 2 }) : fc.constant([] as Rule[]),
        fc.integer({ min: 0, max: 70 }),
      );
      return fc.array(preferences, { minLength: partyCount, maxLength: partyCount }).map(
        (prefs): Scenario => ({
          parley: 1,
          id: 'random',
          title: 'random',
          sources: [],
          parties: prefs.map((_, p) => ({ id: `p${p}`, name: `P${p}`, kind: 'other', role: 'signatory' })),
          issues: sizes.map((_n, i) => ({
            id: issueIds[i],
            title: issueIds[i],
            category: 'other',
            options: optionIds[i].map((id) => ({ id, label: id })),
          })),
          documents: [],
          packages: [],
          events: [],
          positions: [],
          preferences: prefs.map(([weights, values, adjustments, redLines, batna], p) => ({
            party: `p${p}`,
            source: 'generated',
            basis: 'analyst-estimate',
            weights: Object.fromEntries(weights.map((w, i) => [issueIds[i], w])),
            values: Object.fromEntries(
              values.map((vs, i) => [
                issueIds[i],
                Object.fromEntries(vs.map((v, k) => [optionIds[i][k], v])),
              ]),
            ),
            adjustments: adjustments.map(([when, delta], k) => ({
              id: `a${k}`,
              description: 'adj',
              when,
              delta,
            })),
            redLines: redLines.map((crossedWhen, k) => ({
              id: `r${k}`,
              description: 'red line',
              source: 'generated',
              crossedWhen,
            })),
            batna,
          })),
        }),
      );
    });
}
