import { join } from 'node:path';
import { importPath } from '../src/adapters/interop/import-path.js';
import { findDomains } from '../src/adapters/interop/shared-domains.js';
import { loadScenarioFile } from '../src/adapters/load/load-scenario.js';
import { createHighsSolver } from '../src/adapters/solver/highs-solver.js';
import { relax } from '../src/app/relax.js';
import { serialMap } from '../src/app/serial-map.js';
import { withoutZoneConstraints } from '../src/core/analysis/explain/drop-constraints.js';
import { type FrontierOver, milpFrontier } from '../src/core/analysis/pareto/milp-frontier.js';
import { type CompiledScenario, compileScenario } from '../src/core/model/compile.js';
import { NEVER_CANCELLED, NO_PROGRESS } from '../src/core/ports.js';
import { syntheticScenario } from '../test/support/synthetic-scenario.js';
import { type BenchResult, type BenchSuite, PACKAGE_ROOT } from './bench-result.js';

const SUITE = 'frontier';
const clock = { now: () => performance.now() };

/**
 * Exact frontiers beyond enumeration, by MILP (one run each: a run is tens of solves): the ANAC 2014
 * nonlinear domains (10^10 and 10^40 outcomes, 2 parties, from the shared domains when present) and a
 * synthetic 3-party space of 10^12 outcomes with a certified coverage bound. Reports the time, the points
 * proven per second and the solver time per point.
 */
export const frontierSuite: BenchSuite = {
  name: SUITE,
  async run(): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    const solver = createHighsSolver();
    const measure = async (
      label: string,
      compiled: CompiledScenario,
      target: number | undefined,
      options: { coverage?: number; maxPoints?: number; over?: FrontierOver } = {},
    ) => {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const r = await milpFrontier(compiled, {
        solver,
        clock,
        parties: compiled.signatories.length > 0 ? undefined : compiled.models.map((m) => m.party),
        ...options,
      });
      const ms = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      const what = `${r.points.length} points, ${r.exact ? 'exact' : `bounded (coverage ${r.coverage ?? 'none'})`}, ${r.solves} solves`;
      results.push(
        {
          suite: SUITE,
          case: label,
          metric: 'time',
          value: Math.round(ms),
          unit: 'ms',
          better: 'lower',
          target,
          notes: what,
        },
        {
          // The solver runs on this thread: its CPU time is the wall time the run would take on an idle core.
          suite: SUITE,
          case: label,
          metric: 'cpu time',
          value: Math.round((cpu.user + cpu.system) / 1000),
          unit: 'ms',
          better: 'lower',
          target,
        },
        {
          suite: SUITE,
          case: label,
          metric: 'points proven per second',
          value: Number((r.points.length / (ms / 1000)).toFixed(2)),
          unit: '1/s',
          better: 'higher',
        },
        {
          suite: SUITE,
          case: label,
          metric: 'solver time per point',
          value: Math.round((r.solverMs ?? 0) / Math.max(1, r.points.length)),
          unit: 'ms',
          better: 'lower',
        },
      );
    };
    const { dir } = findDomains(PACKAGE_ROOT);
    if (dir) {
      for (const [folder, label, target] of [
        ['ANAC2014-10issues-nonlinear', 'ANAC 2014 10 issues (1e10 outcomes), 2 parties, exact', 10_000],
        ['ANAC2014-50issues-nonlinear', 'ANAC 2014 40 issues (1e40 outcomes), 2 parties, exact', 60_000],
      ] as const) {
        await measure(label, compileScenario(importPath(join(dir, folder)).scenario), target);
      }
    }
    const synthetic = compileScenario(
      syntheticScenario({ parties: 3, issues: 12, options: 10, seed: 12, batna: 0 }),
    );
    await measure(
      `synthetic 3 parties × 12 issues × 10 options (${synthetic.space.size.toExponential(0)} outcomes), coverage 5`,
      synthetic,
      60_000,
      { coverage: 5, maxPoints: 40 },
    );
    // The flagship's agreement zone under its smallest relaxation, as `analyze --relaxed-frontier 10` computes it.
    const flagship = loadScenarioFile(join(PACKAGE_ROOT, 'scenarios', 'ukraine-2025.yaml'));
    if (flagship.ok) {
      const ports = {
        solver,
        parallel: serialMap(),
        clock,
        progress: NO_PROGRESS,
        cancel: NEVER_CANCELLED,
      };
      const relaxation = await relax({ scenario: flagship.scenario }, ports);
      if (relaxation) {
        await measure(
          `flagship (1.8e12 outcomes), zone without ${relaxation.dropped.join(', ')}, 4 parties, coverage 10`,
          withoutZoneConstraints(compileScenario(flagship.scenario), relaxation.dropped),
          undefined,
          { coverage: 10, over: 'acceptable-outcomes' },
        );
      }
    }
    return results;
  },
};
