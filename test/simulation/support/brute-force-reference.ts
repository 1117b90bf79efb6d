import { type UtilityFunction, utilityOf } from '../../../src/core/evaluate/utility-function.js';
import type { CompiledScenario } from '../../../src/core/model/compile.js';
import { holds } from '../../../src/core/model/rule.js';
import { euclidean, type OutcomeReference } from '../../../src/core/simulation/metrics.js';
import { forEachOutcome } from '../../../src/core/simulation/outcome-tables.js';

/**
 * An OutcomeReference by enumeration, for tests: the frontier is the set of non-dominated utility vectors of
 * outcomes crossing no red line; the distance to it is the distance to the nearest frontier vector; Nash
 * maximises the product of surpluses over the BATNAs (all positive), Kalai–Smorodinsky the smallest
 * surplus relative to each party's best surplus.
 */
export function bruteForceReference(
  compiled: CompiledScenario,
  utilities: UtilityFunction[],
  batnas: number[],
): OutcomeReference {
  const vectors: number[][] = [];
  forEachOutcome(compiled.space, (_, digits) => {
    if (compiled.models.some((m) => m.redLines.some((r) => holds(r.crossedWhen, digits)))) return;
    vectors.push(utilities.map((u) => utilityOf(u, digits)));
  });
  const dominates = (a: number[], b: number[]) => a.every((x, j) => x >= b[j]) && a.some((x, j) => x > b[j]);
  const frontier = vectors.filter((v) => !vectors.some((w) => dominates(w, v)));
  const feasible = vectors.filter((v) => v.every((x, j) => x > batnas[j]));
  let nash: number[] | undefined;
  let kalai: number[] | undefined;
  if (feasible.length > 0) {
    const product = (v: number[]) => v.reduce((p, x, j) => p * (x - batnas[j]), 1);
    nash = feasible.reduce((best, v) => (product(v) > product(best) ? v : best));
    const ideal = batnas.map((_, j) => Math.max(...feasible.map((v) => v[j])));
    const ratio = (v: number[]) => Math.min(...v.map((x, j) => (x - batnas[j]) / (ideal[j] - batnas[j])));
    kalai = feasible.reduce((best, v) => (ratio(v) > ratio(best) ? v : best));
  }
  return {
    paretoDistance: (u) => Math.min(...frontier.map((f) => euclidean(u, f))),
    nash,
    kalai,
  };
}
