import type { UtilityFunction } from '../../evaluate/utility-function.js';
import type { PartyModel } from '../../model/party-model.js';
import { holds, ruleIssues, truthExact, truthKleene } from '../../model/rule.js';
import { forEachCompletion, type Subspace } from '../../model/subspace.js';

/**
 * Above this many combinations of interacting open issues (issues tied together by an undecided adjustment or
 * by a red line the package leaves undecided), a plan stops enumerating and uses enclosing bounds instead.
 */
export const COMBINATION_LIMIT = 100_000;

/**
 * Everything about one party and one package that does not depend on the sampled numbers, worked out once so
 * that each draw only adds up utilities. Issues the package fixes contribute a constant; open issues that no
 * undecided adjustment or red line ties to another are optimised one by one; the tied ("coupled") open issues
 * are enumerated together, exactly, up to COMBINATION_LIMIT combinations.
 */
export interface AcceptancePlan {
  /** crossed: some red line is crossed by every completion; respected: none by any; depends: otherwise. */
  redLines: 'crossed' | 'respected' | 'depends';
  fixedIssues: Int32Array;
  fixedOptions: Int32Array;
  separable: number[];
  alwaysAdjustments: number[];
  undecidedAdjustments: number[];
  coupled: number[];
  /** Enumerated combinations of the coupled issues, or null when there are too many (bounds are used). */
  combinations: {
    count: number;
    /** count x coupled.length option indices. */
    options: Int32Array;
    /** Undecided adjustments that hold in combination j: adjustmentList[adjustmentStart[j] .. adjustmentStart[j+1]). */
    adjustmentStart: Int32Array;
    adjustmentList: Int32Array;
    /** 1 when combination j crosses a red line. */
    crossed: Uint8Array;
  } | null;
  /** False when the combinations were not enumerated: see PlanValues. */
  exact: boolean;
}

/**
 * One party's utility over a package's completions for one draw of the parameters:
 * worst and best over every completion, and best over the completions that cross none of its red lines
 * (-Infinity if there is none). When the plan is not exact these are enclosing bounds (worst is a lower bound,
 * best and bestRespecting upper bounds).
 */
export interface PlanValues {
  worst: number;
  best: number;
  bestRespecting: number;
}

export function planAcceptance(
  model: PartyModel,
  subspace: Subspace,
  limit = COMBINATION_LIMIT,
): AcceptancePlan {
  const fixedIssues: number[] = [];
  const open = new Set<number>();
  subspace.allowed.forEach((a, i) => {
    if (a.length === 1) fixedIssues.push(i);
    else open.add(i);
  });

  const lineTruths = model.redLines.map((line) => truthExact(line.crossedWhen, subspace));
  const redLines = lineTruths.includes('true')
    ? 'crossed'
    : lineTruths.every((t) => t === 'false')
      ? 'respected'
      : 'depends';
  // Once a red line is crossed for sure, the others cannot make the package acceptable and are not tracked.
  const dependingLines =
    redLines === 'depends' ? model.redLines.filter((_, k) => lineTruths[k] === 'depends') : [];

  const alwaysAdjustments: number[] = [];
  const undecidedAdjustments: number[] = [];
  const coupledSet = new Set<number>();
  model.adjustments.forEach((adjustment, k) => {
    const truth = truthKleene(adjustment.when, subspace);
    if (truth === 'true') alwaysAdjustments.push(k);
    else if (truth === 'depends') {
      undecidedAdjustments.push(k);
      ruleIssues(adjustment.when, coupledSet);
    }
  });
  for (const line of dependingLines) ruleIssues(line.crossedWhen, coupledSet);
  const coupled = [...coupledSet].filter((i) => open.has(i)).sort((p, q) => p - q);
  const separable = [...open].filter((i) => !coupledSet.has(i)).sort((p, q) => p - q);

  let count = 1;
  for (const i of coupled) count *= subspace.allowed[i].length;
  const exact = count <= limit;
  let combinations: AcceptancePlan['combinations'] = null;
  if (exact) {
    const options = new Int32Array(count * coupled.length);
    const adjustmentStart = new Int32Array(count + 1);
    const adjustmentList: number[] = [];
    const crossed = new Uint8Array(count);
    let j = 0;
    forEachCompletion(
      subspace,
      (outcome) => {
        for (let t = 0; t < coupled.length; t++) options[j * coupled.length + t] = outcome[coupled[t]];
        for (const k of undecidedAdjustments)
          if (holds(model.adjustments[k].when, outcome)) adjustmentList.push(k);
        adjustmentStart[j + 1] = adjustmentList.length;
        crossed[j] = dependingLines.some((line) => holds(line.crossedWhen, outcome)) ? 1 : 0;
        j++;
      },
      coupled,
    );
    combinations = {
      count,
      options,
      adjustmentStart,
      adjustmentList: Int32Array.from(adjustmentList),
      crossed,
    };
  }
  return {
    redLines,
    fixedIssues: Int32Array.from(fixedIssues),
    fixedOptions: Int32Array.from(fixedIssues, (i) => subspace.allowed[i][0]),
    separable,
    alwaysAdjustments,
    undecidedAdjustments,
    coupled,
    combinations,
    exact,
  };
}

function extremes(values: Float64Array, allowed: Int32Array): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const k of allowed) {
    const v = values[k];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

export function evaluatePlan(plan: AcceptancePlan, fn: UtilityFunction, subspace: Subspace): PlanValues {
  const c = fn.contribution;
  let base = 0;
  for (let t = 0; t < plan.fixedIssues.length; t++) base += c[plan.fixedIssues[t]][plan.fixedOptions[t]];
  for (const k of plan.alwaysAdjustments) base += fn.adjustments[k].delta;
  let low = base;
  let high = base;
  for (const i of plan.separable) {
    const [mn, mx] = extremes(c[i], subspace.allowed[i]);
    low += mn;
    high += mx;
  }

  const combos = plan.combinations;
  if (combos === null) {
    let coupledLow = 0;
    let coupledHigh = 0;
    for (const i of plan.coupled) {
      const [mn, mx] = extremes(c[i], subspace.allowed[i]);
      coupledLow += mn;
      coupledHigh += mx;
    }
    for (const k of plan.undecidedAdjustments) {
      const delta = fn.adjustments[k].delta;
      coupledLow += Math.min(0, delta);
      coupledHigh += Math.max(0, delta);
    }
    return { worst: low + coupledLow, best: high + coupledHigh, bestRespecting: high + coupledHigh };
  }

  const width = plan.coupled.length;
  let comboMin = Number.POSITIVE_INFINITY;
  let comboMax = Number.NEGATIVE_INFINITY;
  let comboMaxRespecting = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < combos.count; j++) {
    let v = 0;
    for (let t = 0; t < width; t++) v += c[plan.coupled[t]][combos.options[j * width + t]];
    for (let a = combos.adjustmentStart[j]; a < combos.adjustmentStart[j + 1]; a++) {
      v += fn.adjustments[combos.adjustmentList[a]].delta;
    }
    if (v < comboMin) comboMin = v;
    if (v > comboMax) comboMax = v;
    if (combos.crossed[j] === 0 && v > comboMaxRespecting) comboMaxRespecting = v;
  }
  return { worst: low + comboMin, best: high + comboMax, bestRespecting: high + comboMaxRespecting };
}
