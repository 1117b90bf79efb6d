import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/model/compile.js';
import { fullSubspace } from '../../src/core/model/subspace.js';
import { midpointEvaluator, utilityScalars } from '../../src/core/versions/impact.js';
import { arbitraryScenario } from '../support/random-scenario.js';

describe('the attribution scalar', () => {
  it('the fast midpoint equals the midpoint of the exact utility range on any sub-space', () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ parties: 3, issues: 4, maxOptions: 4, adjustments: true }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (scenario, cuts) => {
          const compiled = compileScenario(scenario);
          const sub = fullSubspace(compiled.space);
          sub.allowed.forEach((a, i) => {
            const keep = 1 + (cuts[i] % a.length);
            const start = Math.floor(cuts[i] / 7) % (a.length - keep + 1);
            sub.allowed[i] = a.slice(start, start + keep);
          });
          const expected = utilityScalars(compiled, sub);
          compiled.models.forEach((m, p) => {
            expect(midpointEvaluator(m)(sub)).toBeCloseTo(expected[p], 9);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
