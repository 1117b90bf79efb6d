import type { PartyModel } from '../model/party-model.js';
import { ruleIssues, truthKleene } from '../model/rule.js';
import { forEachCompletion, type Subspace } from '../model/subspace.js';

export interface UtilityRange {
  min: number;
  max: number;
  /** False when the space of interacting options was too large to enumerate and the range is an enclosing bound. */
  exact: boolean;
}

export type RangeMode = 'estimate' | 'band';

/** Above this many combinations of interacting open issues, the range becomes a guaranteed enclosing bound. */
export const EXACT_ENUMERATION_LIMIT = 200_000;

/**
 * min over w in [low, high]^n (sum w > 0) of sum w_i a_i / sum w_i, exactly.
 * At the optimum every weight sits at an end: high for the terms below the optimum ratio, low for those above,
 * so it suffices to try each split of the terms sorted by a.
 */
export function minWeightedMean(a: Float64Array, low: Float64Array, high: Float64Array): number {
  const order = Array.from(a.keys()).sort((p, q) => a[p] - a[q]);
  let best = Number.POSITIVE_INFINITY;
  let num = 0;
  let den = 0;
  for (const k of order) {
    num += low[k] * a[k];
    den += low[k];
  }
  if (den > 0) best = num / den;
  for (const k of order) {
    num += (high[k] - low[k]) * a[k];
    den += high[k] - low[k];
    if (den > 0) best = Math.min(best, num / den);
  }
  return best === Number.POSITIVE_INFINITY ? 0 : best;
}

export function maxWeightedMean(a: Float64Array, low: Float64Array, high: Float64Array): number {
  return -minWeightedMean(
    a.map((x) => -x),
    low,
    high,
  );
}

/**
 * The exact range of a party's utility over every completion of a sub-space. In 'estimate' mode every
 * estimate takes its best value; in 'band' mode every estimate may also range over [low, high], and the result
 * is the range over completions and parameters together (the uncertainty band).
 *
 * Issues that appear in an undecided adjustment interact and are enumerated together; the others are
 * separable. If the interacting combinations exceed EXACT_ENUMERATION_LIMIT, each undecided adjustment is
 * bounded on its own, which encloses the true range, and `exact` is false.
 */
export function utilityRange(
  model: PartyModel,
  subspace: Subspace,
  mode: RangeMode = 'estimate',
): UtilityRange {
  const band = mode === 'band';
  const wLow = band ? model.weights.low : model.weights.estimate;
  const wHigh = band ? model.weights.high : model.weights.estimate;
  const n = model.values.length;

  let fixedLow = 0;
  let fixedHigh = 0;
  const undecided: PartyModel['adjustments'] = [];
  for (const adjustment of model.adjustments) {
    const truth = truthKleene(adjustment.when, subspace);
    const dLow = band ? adjustment.delta.low : adjustment.delta.estimate;
    const dHigh = band ? adjustment.delta.high : adjustment.delta.estimate;
    if (truth === 'true') {
      fixedLow += dLow;
      fixedHigh += dHigh;
    } else if (truth === 'depends') undecided.push(adjustment);
  }

  const coupled = new Set<number>();
  for (const a of undecided) ruleIssues(a.when, coupled);
  const coupledOpen = [...coupled].filter((i) => subspace.allowed[i].length > 1).sort((p, q) => p - q);
  let combos = 1;
  for (const i of coupledOpen) combos *= subspace.allowed[i].length;
  const exact = combos <= EXACT_ENUMERATION_LIMIT;

  const lowValue = new Float64Array(n);
  const highValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const values = model.values[i];
    const lo = band ? values.low : values.estimate;
    const hi = band ? values.high : values.estimate;
    let mn = Number.POSITIVE_INFINITY;
    let mx = Number.NEGATIVE_INFINITY;
    for (const k of subspace.allowed[i]) {
      if (lo[k] < mn) mn = lo[k];
      if (hi[k] > mx) mx = hi[k];
    }
    lowValue[i] = mn;
    highValue[i] = mx;
  }

  if (!exact || undecided.length === 0) {
    let min = minWeightedMean(lowValue, wLow, wHigh) + fixedLow;
    let max = maxWeightedMean(highValue, wLow, wHigh) + fixedHigh;
    for (const a of undecided) {
      min += Math.min(0, band ? a.delta.low : a.delta.estimate);
      max += Math.max(0, band ? a.delta.high : a.delta.estimate);
    }
    return { min, max, exact };
  }

  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const a = new Float64Array(lowValue);
  const b = new Float64Array(highValue);
  forEachCompletion(
    subspace,
    (outcome) => {
      let adjLow = fixedLow;
      let adjHigh = fixedHigh;
      for (const adj of undecided) {
        if (truthKleene(adj.when, { allowed: withFixed(subspace, coupledOpen, outcome) }) === 'true') {
          adjLow += band ? adj.delta.low : adj.delta.estimate;
          adjHigh += band ? adj.delta.high : adj.delta.estimate;
        }
      }
      for (const i of coupledOpen) {
        const k = outcome[i];
        a[i] = band ? model.values[i].low[k] : model.values[i].estimate[k];
        b[i] = band ? model.values[i].high[k] : model.values[i].estimate[k];
      }
      min = Math.min(min, minWeightedMean(a, wLow, wHigh) + adjLow);
      max = Math.max(max, maxWeightedMean(b, wLow, wHigh) + adjHigh);
    },
    coupledOpen,
  );
  return { min, max, exact: true };
}

/** The sub-space's allowed sets with the given issues pinned to the outcome's options. */
function withFixed(subspace: Subspace, issues: number[], outcome: Int32Array): Int32Array[] {
  const allowed = subspace.allowed.slice();
  for (const i of issues) allowed[i] = Int32Array.of(outcome[i]);
  return allowed;
}
