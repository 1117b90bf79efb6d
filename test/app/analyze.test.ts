import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { analysisContext } from '../../src/app/analysis-context.js';
import { analyzeStep } from '../../src/app/analyze.js';
import type { ComputePorts } from '../../src/app/ports.js';
import { serialMap } from '../../src/app/serial-map.js';
import { bargainingSolutions } from '../../src/core/analysis/bargaining/bargaining-solutions.js';
import { whatWouldItTake } from '../../src/core/analysis/concessions/fewest-changes.js';
import { paretoImprovement } from '../../src/core/analysis/concessions/pareto-improvement.js';
import { paretoFrontier } from '../../src/core/analysis/pareto/pareto-frontier.js';
import { SharedScenarioTable } from '../../src/core/analysis/scenario-table.js';
import { agreementZone } from '../../src/core/analysis/zone/agreement-zone.js';
import { ENUMERATION_LIMIT } from '../../src/core/analysis/zone/analysis-options.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { NEVER_CANCELLED, NO_PROGRESS } from '../../src/core/ports.js';
import { arbitraryScenario } from '../support/random-scenario.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const solver = createHighsSolver();
let tick = 0;
const ports: ComputePorts = {
  solver,
  parallel: serialMap(),
  clock: { now: () => tick++ },
  progress: NO_PROGRESS,
  cancel: NEVER_CANCELLED,
};
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('one enumeration per analysis run', () => {
  it('enumerates the space once for zone, frontier, bargaining and both concession analyses', async () => {
    const scenario = tinyScenario();
    const input = { scenario, package: scenario.packages[0].id, method: 'enumerate' as const };
    const context = analysisContext(input);
    const report = await analyzeStep(context, input, ports);
    expect(report.focus).toBeDefined();
    expect(report.zone.method).toBe('enumerate');
    expect(context.table.builds).toBe(1);
  });

  it('gives the same zone, frontier, bargaining solutions and concessions as each step enumerating alone', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryScenario({ parties: 3, issues: 4, maxOptions: 4, adjustments: true, redLines: true }),
        fc.nat(),
        async (scenario, pick) => {
          const compiled = compileScenario(scenario);
          const shared = new SharedScenarioTable(compiled, ENUMERATION_LIMIT);
          const method = 'enumerate' as const;
          const alone = { solver, method };
          const together = { solver, method, shared };
          expect(plain(await agreementZone(compiled, together))).toEqual(
            plain(await agreementZone(compiled, alone)),
          );
          expect(plain(await bargainingSolutions(compiled, together))).toEqual(
            plain(await bargainingSolutions(compiled, alone)),
          );
          for (const within of ['all', 'agreement-zone'] as const) {
            const options = { within, method: 'enumerate' as const, maxListed: 50 };
            expect(plain(paretoFrontier(compiled, { ...options, shared }))).toEqual(
              plain(paretoFrontier(compiled, options)),
            );
          }
          // A package: the first option of one issue settled, the rest open.
          const settled = pick % compiled.space.radix.length;
          const pkg = {
            allowed: Array.from(compiled.space.radix, (r, i) =>
              i === settled ? Int32Array.of(0) : Int32Array.from({ length: r }, (_, k) => k),
            ),
          };
          expect(plain(await paretoImprovement(compiled, { ...together, package: pkg }))).toEqual(
            plain(await paretoImprovement(compiled, { ...alone, package: pkg })),
          );
          expect(plain(await whatWouldItTake(compiled, { ...together, package: pkg }))).toEqual(
            plain(await whatWouldItTake(compiled, { ...alone, package: pkg })),
          );
          expect(shared.builds).toBe(1);
        },
      ),
      { numRuns: 40, seed: 8 },
    );
  });
});
