import { withoutZoneConstraints } from '../core/analysis/explain/drop-constraints.js';
import type { CompiledScenario } from '../core/model/compile.js';
import { resolvePackage } from '../core/model/resolve.js';
import { openIssues, subspaceSize } from '../core/model/subspace.js';
import type { Scenario } from '../schema/scenario.js';
import {
  computeFrontier,
  type FrontierPorts,
  type FrontierReport,
  type FrontierRequest,
} from './frontier.js';

/** The frontier of what a package leaves open: its outcomes are the completions of its open issues. */
export interface PackageFrontier {
  package: string;
  label: string;
  openIssues: string[];
  /** Completions of the package (outcomes that agree with every point it settles). */
  completions: number;
  /** Constraints left out of the acceptance test (a relaxation's "party:red-line" or "party:batna" ids). */
  dropped: string[];
  frontier: FrontierReport | { skipped: string };
}

export type PackageFrontierRequest = Omit<FrontierRequest, 'subspace' | 'shared'> & {
  /** Packages to cover (default: every package of the scenario). */
  packages?: string[];
  /**
   * Constraints to leave out, as a relaxation names them: with `over: 'acceptable-outcomes'` this gives the
   * frontier of each package's agreement zone under that hypothesis.
   */
  dropped?: string[];
};

/**
 * For each package, the Pareto frontier over the outcomes its texts leave open: where the parties can still
 * go once those texts stand. Spaces up to the enumeration limit are enumerated exactly; larger ones follow
 * the frontier use case's method choice and say what they did.
 */
export async function packageFrontiers(
  scenario: Scenario,
  compiled: CompiledScenario,
  request: PackageFrontierRequest,
  ports: FrontierPorts,
): Promise<PackageFrontier[]> {
  const chosen = request.packages ?? scenario.packages.map((p) => p.id);
  const dropped = request.dropped ?? [];
  // A dropped constraint is absent from the acceptance test, not loosened (see drop-constraints).
  const judged = dropped.length > 0 ? withoutZoneConstraints(compiled, dropped) : compiled;
  const results: PackageFrontier[] = [];
  for (const id of chosen) {
    if (ports.cancel?.aborted) break;
    const resolution = resolvePackage(scenario, compiled.space, id);
    const subspace = resolution.subspace;
    ports.progress?.report({
      step: 'package frontiers',
      done: results.length,
      total: chosen.length,
      message: id,
    });
    const frontier = await computeFrontier(judged, { ...request, subspace }, ports);
    results.push({
      package: id,
      label: scenario.packages.find((p) => p.id === id)?.label ?? id,
      openIssues: openIssues(subspace).map((i) => compiled.space.issues[i].id),
      completions: subspaceSize(subspace),
      dropped,
      frontier,
    });
  }
  return results;
}
