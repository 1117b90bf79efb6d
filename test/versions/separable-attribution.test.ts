import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/model/compile.js';
import { midpointEvaluator } from '../../src/core/versions/impact.js';
import { separableShapley } from '../../src/core/versions/separable-attribution.js';
import { exactShapley } from '../../src/core/versions/shapley.js';
import { arbitraryScenario } from '../support/random-scenario.js';

/** A non-empty subset of 0..n-1, as a sorted Int32Array. */
const allowedSet = (n: number) =>
  fc
    .subarray(
      Array.from({ length: n }, (_, k) => k),
      { minLength: 1 },
    )
    .map((ks) => Int32Array.from(ks));

describe('exact attribution from the structure of the utilities', () => {
  it('equals brute-force Shapley over every coalition of the general value function', () => {
    const cases = arbitraryScenario({ parties: 3, issues: 6, maxOptions: 4, adjustments: true }).chain(
      (scenario) => {
        const sizes = scenario.issues.map((i) => i.options?.length ?? 0);
        return fc.record({
          scenario: fc.constant(scenario),
          before: fc.tuple(...sizes.map(allowedSet)),
          after: fc.tuple(...sizes.map(allowedSet)),
          changed: fc.subarray(
            sizes.map((_, i) => i),
            { minLength: 1 },
          ),
        });
      },
    );
    fc.assert(
      fc.property(cases, ({ scenario, before, after, changed }) => {
        const compiled = compileScenario(scenario);
        const game = { models: compiled.models, before: { allowed: before }, after: { allowed: after } };
        const structured = separableShapley({ ...game, issues: changed });
        expect(structured).toBeDefined();
        const midpoints = compiled.models.map(midpointEvaluator);
        const brute = exactShapley(changed.length, (members) => {
          const allowed = before.slice();
          members.forEach((m, j) => {
            if (m) allowed[changed[j]] = after[changed[j]];
          });
          return midpoints.map((mid) => mid({ allowed }));
        });
        expect(structured?.method).toBe('exact');
        const got = structured?.values.flat() ?? [];
        const want = brute.values.flat();
        expect(got).toHaveLength(want.length);
        got.forEach((v, j) => {
          expect(v).toBeCloseTo(want[j], 9);
        });
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('gives way to the general computation when a group of tied issues holds more than 20 changes', () => {
    const issues = Array.from({ length: 22 }, (_, i) => i);
    const leaf = (issue: number) => ({ kind: 'leaf', issue, mask: Uint8Array.of(0, 1) }) as const;
    const model = {
      party: 'p',
      values: issues.map(() => ({ estimate: [0, 1], low: [0, 1], high: [0, 1] })),
      weights: { estimate: issues.map(() => 1), low: issues.map(() => 1), high: issues.map(() => 1) },
      adjustments: [
        {
          id: 'all',
          when: { kind: 'all', rules: issues.map(leaf) },
          delta: { estimate: 5, low: 5, high: 5 },
        },
      ],
      batna: { estimate: 0, low: 0, high: 0 },
    };
    const two = Int32Array.of(0, 1);
    const game = {
      // biome-ignore lint/suspicious/noExplicitAny: a hand-built model with only the fields the game reads
      models: [model as any],
      before: { allowed: issues.map(() => Int32Array.of(0)) },
      after: { allowed: issues.map(() => two) },
      issues,
    };
    expect(separableShapley(game)).toBeUndefined();
  });
});
