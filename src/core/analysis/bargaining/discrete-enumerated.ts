import type { OutcomeSpace } from '../../model/outcome-space.js';
import { decodeOutcome } from '../../model/outcome-space.js';
import type { ZoneTable } from '../enumerate-zone.js';
import { type ConceptSpec, stagesOf, stageTolerance } from './concept-spec.js';

export interface DiscreteOutcome {
  outcome: Int32Array;
  /** Gains of the bargaining parties, in party order. */
  gains: Float64Array;
}

/** A discrete optimum with its ties, as found by either method. */
export interface DiscreteSearch {
  values: number[];
  ties: DiscreteOutcome[];
  tieCount?: number;
  tiesComplete: boolean;
  proven: boolean;
  gap: number;
  /** Nash only: no outcome gives every active party a positive gain (the product is 0 throughout). */
  degenerate: boolean;
}

export function gainsAt(
  table: ZoneTable,
  j: number,
  disagreement: Float64Array,
  into = new Float64Array(table.parties.length),
): Float64Array {
  const n = table.parties.length;
  for (let q = 0; q < n; q++) into[q] = table.utilities[j * n + q] - disagreement[q];
  return into;
}

/**
 * Exact lexicographic optimisation over the enumerated bargaining set: each stage keeps the outcomes within
 * the tie tolerance of its best value; the survivors of the last stage are the ties (all counted).
 */
export function discreteByEnumeration(
  space: OutcomeSpace,
  table: ZoneTable,
  disagreement: Float64Array,
  spec: ConceptSpec,
  maxTies: number,
): DiscreteSearch {
  let candidates = Array.from({ length: table.count }, (_, j) => j);
  const buffer = new Float64Array(table.parties.length);
  const valueAt = (stage: { value(g: ArrayLike<number>): number }, j: number) =>
    stage.value(gainsAt(table, j, disagreement, buffer));
  const values: number[] = [];
  for (const stage of stagesOf(spec)) {
    const stageValues = candidates.map((j) => valueAt(stage, j));
    let best = Number.NEGATIVE_INFINITY;
    for (const v of stageValues) if (v > best) best = v;
    if (best === Number.NEGATIVE_INFINITY) {
      return { values: [best], ties: [], tiesComplete: true, proven: true, gap: 0, degenerate: true };
    }
    const floor = best - stageTolerance(spec, best);
    candidates = candidates.filter((_, c) => stageValues[c] >= floor);
    values.push(best);
  }
  // Best first, then in enumeration order.
  const primary = stagesOf(spec)[0];
  const primaryValue = new Map(candidates.map((j) => [j, valueAt(primary, j)]));
  const ordered = candidates
    .slice()
    .sort((a, b) => (primaryValue.get(b) ?? 0) - (primaryValue.get(a) ?? 0) || a - b);
  return {
    values,
    ties: ordered.slice(0, maxTies).map((j) => ({
      outcome: decodeOutcome(space, table.codes[j]),
      gains: gainsAt(table, j, disagreement),
    })),
    tieCount: candidates.length,
    tiesComplete: candidates.length <= maxTies,
    proven: true,
    gap: 0,
    degenerate: false,
  };
}
