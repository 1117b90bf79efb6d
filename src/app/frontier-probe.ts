import { bargainingSolutions } from '../core/analysis/bargaining/bargaining-solutions.js';
import { paretoFrontier } from '../core/analysis/pareto/pareto-frontier.js';
import { realiseUtility, utilityOf } from '../core/evaluate/utility-function.js';
import type { CompiledScenario } from '../core/model/compile.js';
import { spaceSizeText } from '../core/model/outcome-count.js';
import type { FrontierProbe } from '../core/versions/impact.js';
import { FRONTIER_LIMIT } from './analyze.js';
import type { MilpSolver } from './ports.js';

/**
 * Distance of a utility vector u to the frontier F: the largest t >= 0 such that some frontier point f has
 * f_p >= u_p + t for every party, i.e. how far every party could gain together. It is 0 exactly when no
 * outcome improves everyone, and it is measured in utility points, like the utilities.
 */
export function uniformImprovement(frontier: number[][], u: number[]): number {
  let best = 0;
  for (const f of frontier) {
    let t = Number.POSITIVE_INFINITY;
    for (let p = 0; p < u.length; p++) t = Math.min(t, f[p] - u[p]);
    if (t > best) best = t;
  }
  return best;
}

export type ProbeResult = { probe: FrontierProbe } | { skipped: string };

/**
 * A frontier probe for version diffs, over every party with preferences (in the order of compiled.models):
 * the exact frontier by enumeration or decomposition, and the discrete bargaining solutions over the
 * signatories. Spaces above FRONTIER_LIMIT are not probed, and the result says so.
 */
export async function frontierProbe(compiled: CompiledScenario, solver: MilpSolver): Promise<ProbeResult> {
  if (compiled.space.size > FRONTIER_LIMIT) {
    return {
      skipped: `${spaceSizeText(compiled.space.radix)} outcomes are more than the ${FRONTIER_LIMIT.toExponential(0)} the frontier enumerates`,
    };
  }
  const parties = compiled.models.map((m) => m.party);
  const frontier = paretoFrontier(compiled, { parties, maxListed: Number.MAX_SAFE_INTEGER });
  const points = frontier.points.map((p) => p.utilities);
  const fns = compiled.models.map((m) => realiseUtility(m));
  const bargaining = await bargainingSolutions(compiled, {
    solver,
    method: 'enumerate',
    lotteries: false,
  });
  const solutions = bargaining.solutions.flatMap((s) => {
    const best = s.discrete?.outcomes[0];
    return best ? [{ name: s.concept, utilities: fns.map((f) => utilityOf(f, best.outcome.options)) }] : [];
  });
  return { probe: { distanceToFrontier: (u) => uniformImprovement(points, u), solutions } };
}
