import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMonteCarloPool,
  runMonteCarloParallel,
  splitSamples,
  workerFile,
} from '../../../src/adapters/workers/monte-carlo-pool.js';
import { type PackageSpec, resolveCandidates } from '../../../src/core/analysis/robustness/candidates.js';
import { runMonteCarlo, type SolveFn } from '../../../src/core/analysis/robustness/monte-carlo.js';
import { compileScenario } from '../../../src/core/model/compile.js';
import type { Scenario } from '../../../src/schema/scenario.js';
import { tinyScenario } from '../../support/tiny-scenario.js';
import { syntheticPackages, syntheticScenario } from '../../support/uncertain-scenario.js';

const solverUrl = new URL('./utilitarian-solver.mjs', import.meta.url).href;

function serial(
  scenario: Scenario,
  packages: PackageSpec[],
  samples: number,
  seed: number | string,
  at?: string,
) {
  const compiled = compileScenario(scenario, { at });
  return runMonteCarlo(compiled, resolveCandidates(compiled, packages), { samples, seed });
}

describe('splitting samples into chunks', () => {
  it('covers 0..n-1 with contiguous, non-empty, near-equal ranges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 64 }), (n, k) => {
        const ranges = splitSamples(n, k);
        expect(ranges[0][0]).toBe(0);
        expect(ranges.at(-1)![1]).toBe(n);
        ranges.forEach(([from, to], j) => {
          expect(to).toBeGreaterThan(from);
          if (j > 0) expect(from).toBe(ranges[j - 1][1]);
          expect(to - from).toBeLessThanOrEqual(Math.ceil(n / ranges.length));
        });
        expect(ranges.length).toBe(Math.min(n, k));
      }),
    );
  });
});

// Worker threads run the compiled worker in dist/ (see monte-carlo-pool.ts); `npm test` builds it first.
describe.skipIf(!existsSync(workerFile))(
  'Monte Carlo across worker threads (skipped unless built: runs dist/adapters/workers/monte-carlo-worker.js)',
  () => {
    it('gives results identical to the serial run, however the samples are chunked', async () => {
      const scenario = syntheticScenario();
      const packages = syntheticPackages(scenario);
      const expected = serial(scenario, packages, 300, 17);
      const pool = createMonteCarloPool({ threads: 2 });
      try {
        expect(pool.threads).toBe(2);
        for (const chunks of [undefined, 1, 5, 7]) {
          expect(await pool.run(scenario, packages, { samples: 300, seed: 17, chunks })).toEqual(expected);
        }
      } finally {
        await pool.destroy();
      }
      await expect(pool.run(scenario, packages, { samples: 1, seed: 1 })).rejects.toThrow(/destroyed/);
    });

    it('passes the date and package forms through, and loads solver modules in the workers', async () => {
      const scenario = tinyScenario();
      const packages: PackageSpec[] = ['p1', 'clash', { id: 'share', assignments: { land: 'share' } }];
      const { default: utilitarian } = (await import(solverUrl)) as { default: SolveFn };
      const compiled = compileScenario(scenario, { at: '2025-03-01' });
      const expected = runMonteCarlo(compiled, resolveCandidates(compiled, packages), {
        samples: 120,
        seed: 'dated',
        solvers: { utilitarian },
      });
      const parallel = await runMonteCarloParallel(scenario, packages, {
        samples: 120,
        seed: 'dated',
        at: '2025-03-01',
        threads: 2,
        chunks: 3,
        solvers: [{ name: 'utilitarian', module: fileURLToPath(solverUrl) }],
      });
      expect(parallel).toEqual(expected);
      expect(parallel.solutions[0].stability.trials).toBe(120);
      // The date matters: on 2025-03-01 Alpha's BATNA is uncertain (40..60), before it is 30.
      expect(parallel.parties[0].batna.min).toBeGreaterThan(40);
    });

    it('reports bad packages and bad solver modules clearly', async () => {
      const scenario = tinyScenario();
      await expect(
        runMonteCarloParallel(scenario, ['nope'], { samples: 10, seed: 1, threads: 1 }),
      ).rejects.toThrow(/unknown package 'nope'/);
      await expect(
        runMonteCarloParallel(scenario, ['p1'], {
          samples: 10,
          seed: 1,
          threads: 1,
          solvers: [{ name: 'x', module: fileURLToPath(solverUrl), exportName: 'missing' }],
        }),
      ).rejects.toThrow(/no function export 'missing'/);
      await expect(
        runMonteCarloParallel(scenario, ['p1'], { samples: 0, seed: 1, threads: 1 }),
      ).rejects.toThrow(/samples must be a positive integer/);
    });
  },
);
