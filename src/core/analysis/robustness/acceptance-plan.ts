import type { UtilityFunction } from '../../evaluate/utility-function.js';
import type { PartyModel } from '../../model/party-model.js';
import type { CompiledRule } from '../../model/rule.js';
import { holds, ruleIssues, truthExact, truthKleene } from '../../model/rule.js';
import { forEachCompletion, type Subspace } from '../../model/subspace.js';

/**
 * Above this many combinations in one group of interacting open issues, a plan stops enumerating that group
 * and uses enclosing bounds for it instead.
 */
export const COMBINATION_LIMIT = 100_000;

/**
 * A group of open issues tied together by undecided adjustments or undecided red lines (connected through
 * shared rules), with every combination of their options enumerated once: which of the group's adjustments
 * hold in it and whether it crosses one of the group's red lines.
 */
export interface CoupledGroup {
  issues: number[];
  adjustments: number[];
  /** null when the group has more than the limit of combinations: then bounds are used. */
  combinations: {
    count: number;
    /** count x issues.length option indices. */
    options: Int32Array;
    /** Adjustments that hold in combination j: adjustmentList[adjustmentStart[j] .. adjustmentStart[j+1]). */
    adjustmentStart: Int32Array;
    adjustmentList: Int32Array;
    /** 1 when combination j crosses a red line. */
    crossed: Uint8Array;
  } | null;
}

/**
 * Everything about one party and one package that does not depend on the sampled numbers, worked out once so
 * that each draw only adds up utilities. Issues the package fixes contribute a constant; an open issue in no
 * undecided rule is optimised on its own; the others form groups, each enumerated exactly. A red line or an
 * adjustment lies within one group, so the worst (best, best without crossing a red line) completion is the
 * sum over groups of each group's worst (best, best without crossing).
 */
export interface AcceptancePlan {
  /** crossed: some red line is crossed by every completion; respected: none by any; depends: otherwise. */
  redLines: 'crossed' | 'respected' | 'depends';
  fixedIssues: Int32Array;
  fixedOptions: Int32Array;
  separable: number[];
  alwaysAdjustments: number[];
  groups: CoupledGroup[];
  /** False when some group was bounded rather than enumerated: see PlanValues. */
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

/** Groups of open issues connected by rules (union-find over the open issues each rule mentions). */
function connect(rules: CompiledRule[], open: Set<number>): number[][] {
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    let root = i;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(i, root);
    return root;
  };
  for (const rule of rules) {
    const issues = [...ruleIssues(rule)].filter((i) => open.has(i));
    for (const i of issues) if (!parent.has(i)) parent.set(i, i);
    for (let k = 1; k < issues.length; k++) parent.set(find(issues[k]), find(issues[0]));
  }
  const groups = new Map<number, number[]>();
  for (const i of [...parent.keys()].sort((p, q) => p - q)) {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  }
  return [...groups.values()];
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
  const undecided: number[] = [];
  model.adjustments.forEach((adjustment, k) => {
    const truth = truthKleene(adjustment.when, subspace);
    if (truth === 'true') alwaysAdjustments.push(k);
    else if (truth === 'depends') undecided.push(k);
  });

  const issueGroups = connect(
    [...undecided.map((k) => model.adjustments[k].when), ...dependingLines.map((l) => l.crossedWhen)],
    open,
  );
  const groupOf = new Map<number, number>();
  issueGroups.forEach((issues, g) => {
    for (const i of issues) groupOf.set(i, g);
  });
  // Every rule here mentions at least one open issue (else it would be decided), and all of them share a group.
  const home = (rule: CompiledRule) => groupOf.get([...ruleIssues(rule)].find((i) => open.has(i))!)!;

  const groups = issueGroups.map((issues, g): CoupledGroup => {
    const adjustments = undecided.filter((k) => home(model.adjustments[k].when) === g);
    const lines = dependingLines.filter((line) => home(line.crossedWhen) === g);
    let count = 1;
    for (const i of issues) count *= subspace.allowed[i].length;
    if (count > limit) return { issues, adjustments, combinations: null };
    const options = new Int32Array(count * issues.length);
    const adjustmentStart = new Int32Array(count + 1);
    const adjustmentList: number[] = [];
    const crossed = new Uint8Array(count);
    let j = 0;
    forEachCompletion(
      subspace,
      (outcome) => {
        for (let t = 0; t < issues.length; t++) options[j * issues.length + t] = outcome[issues[t]];
        for (const k of adjustments) if (holds(model.adjustments[k].when, outcome)) adjustmentList.push(k);
        adjustmentStart[j + 1] = adjustmentList.length;
        crossed[j] = lines.some((line) => holds(line.crossedWhen, outcome)) ? 1 : 0;
        j++;
      },
      issues,
    );
    return {
      issues,
      adjustments,
      combinations: {
        count,
        options,
        adjustmentStart,
        adjustmentList: Int32Array.from(adjustmentList),
        crossed,
      },
    };
  });

  return {
    redLines,
    fixedIssues: Int32Array.from(fixedIssues),
    fixedOptions: Int32Array.from(fixedIssues, (i) => subspace.allowed[i][0]),
    separable: [...open].filter((i) => !groupOf.has(i)).sort((p, q) => p - q),
    alwaysAdjustments,
    groups,
    exact: groups.every((g) => g.combinations !== null),
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
  let worst = base;
  let best = base;
  for (const i of plan.separable) {
    const [mn, mx] = extremes(c[i], subspace.allowed[i]);
    worst += mn;
    best += mx;
  }
  let bestRespecting = best;

  for (const group of plan.groups) {
    const combos = group.combinations;
    if (combos === null) {
      let low = 0;
      let high = 0;
      for (const i of group.issues) {
        const [mn, mx] = extremes(c[i], subspace.allowed[i]);
        low += mn;
        high += mx;
      }
      for (const k of group.adjustments) {
        low += Math.min(0, fn.adjustments[k].delta);
        high += Math.max(0, fn.adjustments[k].delta);
      }
      worst += low;
      best += high;
      bestRespecting += high;
      continue;
    }
    const issues = group.issues;
    const width = issues.length;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let maxRespecting = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < combos.count; j++) {
      let v = 0;
      for (let t = 0; t < width; t++) v += c[issues[t]][combos.options[j * width + t]];
      for (let a = combos.adjustmentStart[j]; a < combos.adjustmentStart[j + 1]; a++) {
        v += fn.adjustments[combos.adjustmentList[a]].delta;
      }
      if (v < min) min = v;
      if (v > max) max = v;
      if (combos.crossed[j] === 0 && v > maxRespecting) maxRespecting = v;
    }
    worst += min;
    best += max;
    bestRespecting += maxRespecting;
  }
  return { worst, best, bestRespecting };
}
