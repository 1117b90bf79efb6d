import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { bargainingSolutions } from '../../src/core/analysis/bargaining/bargaining-solutions.js';
import {
  egalitarianOutcome,
  NO_AGREEMENT,
  nashOutcome,
  utilitarianOutcome,
} from '../../src/core/analysis/robustness/enumerated-solutions.js';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { decodeOutcome } from '../../src/core/model/outcome-space.js';
import { arbitraryScenario } from '../support/random-scenario.js';

describe('per-draw bargaining solutions used for stability', () => {
  it('reach the optimum values of the exact bargaining module', async () => {
    const solver = createHighsSolver();
    await fc.assert(
      fc.asyncProperty(
        arbitraryScenario({ parties: 3, issues: 3, maxOptions: 4, adjustments: true, redLines: true }),
        async (scenario) => {
          const compiled = compileScenario(scenario);
          const fns = compiled.models.map((m) => realiseUtility(m));
          const context = { compiled, capabilities: compiled.models.map(() => undefined) };
          const exact = await bargainingSolutions(compiled, {
            solver,
            method: 'enumerate',
            lotteries: false,
            concepts: ['nash', 'egalitarian', 'utilitarian'],
          });
          const gainsAt = (key: string) => {
            const outcome = decodeOutcome(compiled.space, Number(key));
            return compiled.signatories.map((m) => utilityOf(fns[m], outcome) - fns[m].batna);
          };
          const checks: Array<[string, string, (g: number[]) => number]> = [
            ['nash', nashOutcome(fns, context), (g) => g.reduce((p, x) => p * x, 1)],
            ['egalitarian', egalitarianOutcome(fns, context), (g) => Math.min(...g)],
            ['utilitarian', utilitarianOutcome(fns, context), (g) => g.reduce((p, x) => p + x, 0)],
          ];
          for (const [concept, key, value] of checks) {
            const result = exact.solutions.find((s) => s.concept === concept);
            const best = result?.discrete?.outcomes[0];
            if (exact.empty || !best) {
              expect(key).toBe(NO_AGREEMENT);
              continue;
            }
            expect(value(gainsAt(key))).toBeCloseTo(value(best.gains), 6);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
