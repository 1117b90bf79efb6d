import { type UtilityFunction, utilityOf } from '../../evaluate/utility-function.js';
import type { OutcomeSpace } from '../../model/outcome-space.js';
import { forEachCompletion, type Subspace, subspaceSize } from '../../model/subspace.js';
import { ScenarioEncoding } from '../milp/encode-scenario.js';
import { exactSearch } from '../milp/exact-search.js';
import { combine, type LinearExpr } from '../milp/milp-problem.js';
import type { MilpSolver } from '../milp/solver.js';
import { AnalysisError, ENUMERATION_LIMIT } from '../zone/analysis-options.js';

/**
 * The utility a package guarantees each party: the minimum over every completion of its open issues
 * (by enumeration when the package leaves at most `limit` completions, else by MILP).
 */
export async function guaranteedUtilities(
  space: OutcomeSpace,
  pkg: Subspace,
  utilities: UtilityFunction[],
  solver: MilpSolver | undefined,
  limit = ENUMERATION_LIMIT,
): Promise<number[]> {
  if (subspaceSize(pkg) <= limit) {
    const min = utilities.map(() => Number.POSITIVE_INFINITY);
    forEachCompletion(pkg, (o) => {
      utilities.forEach((u, q) => {
        const v = utilityOf(u, o);
        if (v < min[q]) min[q] = v;
      });
    });
    return min;
  }
  if (!solver)
    throw new AnalysisError('the package leaves too many completions to enumerate and no solver was given');
  const encoding = new ScenarioEncoding(space, pkg);
  const out: number[] = [];
  for (const u of utilities) {
    const result = await exactSearch(solver, encoding, {
      objective: combine([[-1, encoding.utility(u)] as [number, LinearExpr]]),
      accept: () => true,
      value: (o) => -utilityOf(u, o),
      findTies: false,
    });
    if (!result.best || !result.proven)
      throw new AnalysisError('the minimum utility over the package was not proven');
    out.push(-result.best.value);
  }
  return out;
}
