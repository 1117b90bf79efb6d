import { enumerateUtilities } from '../../analysis/utility-table.js';
import { type UtilityFunction, utilityOf } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { decodeOutcome } from '../../model/outcome-space.js';
import { type CompiledRule, holds } from '../../model/rule.js';
import { forEachOutcome } from '../outcome-tables.js';

/**
 * The Nash bargaining point as a mediator would compute it from ESTIMATED preferences: the outcome crossing
 * no red line that maximises the product of surpluses over the (estimated) BATNAs, Π (u_j - d_j), among
 * outcomes where every surplus is positive. When no outcome gives everyone a positive surplus, the outcome
 * with the largest smallest surplus is used instead.
 *
 * Exact by enumeration for spaces up to `exactLimit`; above it, coordinate ascent from `start` (change one
 * issue at a time while the objective improves), which finds a local optimum only: `exact` is false.
 */
export interface EstimatedParty {
  utility: UtilityFunction;
  batna: number;
  redLines: readonly CompiledRule[];
}

export interface EstimatedNash {
  outcome: Int32Array;
  exact: boolean;
  /** Whether every estimated surplus is positive at the outcome. */
  inZone: boolean;
}

/** Objective, lexicographic: [zone (1 if all surpluses positive), log-product or smallest surplus]. */
function objective(parties: readonly EstimatedParty[], outcome: ArrayLike<number>): [number, number] {
  let logProduct = 0;
  let smallest = Number.POSITIVE_INFINITY;
  for (const p of parties) {
    if (p.redLines.some((r) => holds(r, outcome))) return [-1, Number.NEGATIVE_INFINITY];
    const surplus = utilityOf(p.utility, outcome) - p.batna;
    smallest = Math.min(smallest, surplus);
    logProduct += surplus > 0 ? Math.log(surplus) : 0;
  }
  return smallest > 0 ? [1, logProduct] : [0, smallest];
}

const better = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

export function estimatedNash(
  compiled: CompiledScenario,
  parties: readonly EstimatedParty[],
  start: Int32Array,
  exactLimit: number,
): EstimatedNash {
  const space = compiled.space;
  if (space.sizeIsExact && space.size <= exactLimit) {
    const tables = enumerateUtilities(
      parties.map((p) => p.utility),
      space,
    ).utilities;
    let best: [number, number] = [-2, Number.NEGATIVE_INFINITY];
    let bestIndex = 0;
    forEachOutcome(space, (index, digits) => {
      let logProduct = 0;
      let smallest = Number.POSITIVE_INFINITY;
      for (let j = 0; j < parties.length; j++) {
        if (parties[j].redLines.some((r) => holds(r, digits))) return;
        const surplus = tables[j][index] - parties[j].batna;
        smallest = Math.min(smallest, surplus);
        logProduct += surplus > 0 ? Math.log(surplus) : 0;
      }
      const value: [number, number] = smallest > 0 ? [1, logProduct] : [0, smallest];
      if (better(value, best)) {
        best = value;
        bestIndex = index;
      }
    });
    return { outcome: decodeOutcome(space, bestIndex), exact: true, inZone: best[0] === 1 };
  }
  const current = Int32Array.from(start);
  let value = objective(parties, current);
  for (let pass = 0; pass < 100; pass++) {
    let improved = false;
    for (let i = 0; i < space.radix.length; i++) {
      const keep = current[i];
      let bestOption = keep;
      for (let k = 0; k < space.radix[i]; k++) {
        if (k === keep) continue;
        current[i] = k;
        const v = objective(parties, current);
        if (better(v, value)) {
          value = v;
          bestOption = k;
          improved = true;
        }
      }
      current[i] = bestOption;
    }
    if (!improved) break;
  }
  return { outcome: current, exact: false, inZone: value[0] === 1 };
}
