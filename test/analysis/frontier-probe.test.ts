import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { frontierProbe } from '../../src/app/frontier-probe.js';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { forEachCompletion, fullSubspace } from '../../src/core/model/subspace.js';
import { arbitraryScenario } from '../support/random-scenario.js';

describe('frontier probe for diffs', () => {
  it('measures the largest uniform improvement exactly as brute force over every outcome does', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryScenario({ parties: 3, issues: 3, maxOptions: 4, adjustments: true }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
        async (scenario, point) => {
          const compiled = compileScenario(scenario);
          const result = await frontierProbe(compiled, createHighsSolver());
          if (!('probe' in result)) throw new Error('small spaces are probed');
          const u = compiled.models.map((_, p) => point[p]);
          const fns = compiled.models.map((m) => realiseUtility(m));
          let best = 0;
          forEachCompletion(fullSubspace(compiled.space), (o) => {
            best = Math.max(best, Math.min(...fns.map((f, p) => utilityOf(f, o) - u[p])));
          });
          expect(result.probe.distanceToFrontier(u)).toBeCloseTo(best, 9);
        },
      ),
      { numRuns: 40 },
    );
  });
});
