import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { acceptableToSignatories } from '../../src/core/analysis/enumerate-zone.js';
import { agreementZone } from '../../src/core/analysis/zone/agreement-zone.js';
import { estimateUtilities } from '../../src/core/analysis/zone/zone-constraints.js';
import { utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { forEachCompletion, fullSubspace } from '../../src/core/model/subspace.js';
import { arbitraryScenario } from '../support/random-scenario.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const solver = createHighsSolver();

describe('agreement zone', () => {
  it('counts the tiny scenario by hand-checkable brute force', async () => {
    const compiled = compileScenario(tinyScenario(), { at: '2025-02-15' });
    const zone = await agreementZone(compiled, { method: 'enumerate' });
    const utilities = estimateUtilities(compiled);
    let count = 0;
    forEachCompletion(fullSubspace(compiled.space), (o) => {
      // Alpha: land != cede, utility >= 30; Beta: land != keep, utility >= 40.
      const ok =
        o[0] !== 2 && o[0] !== 0 && utilityOf(utilities[0], o) >= 30 && utilityOf(utilities[1], o) >= 40;
      if (ok) count++;
    });
    expect(zone.size).toBe(count);
    expect(zone.empty).toBe(count === 0);
  });

  it("MILP and enumeration agree on emptiness and on each party's best outcome", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryScenario({ parties: 3, issues: 4, maxOptions: 4, adjustments: true, redLines: true }),
        async (scenario) => {
          const compiled = compileScenario(scenario);
          const utilities = estimateUtilities(compiled);
          const byEnumeration = await agreementZone(compiled, { method: 'enumerate' });
          const byMilp = await agreementZone(compiled, { method: 'milp', solver });
          expect(byMilp.empty).toBe(byEnumeration.empty);
          expect(byMilp.emptinessProven).toBe(true);
          expect(byMilp.bestFor.length).toBe(byEnumeration.bestFor.length);
          byMilp.bestFor.forEach((best, q) => {
            expect(best.utility).toBeCloseTo(byEnumeration.bestFor[q].utility, 9);
            expect(acceptableToSignatories(compiled, utilities, best.outcome.options)).toBe(true);
            expect(utilityOf(utilities[q], best.outcome.options)).toBe(best.utility);
          });
        },
      ),
      { numRuns: 150, seed: 20250101 },
    );
  });
});
