import type { Rule } from '../../schema/scenario.js';
import { type OutcomeSpace, optionIndex } from './outcome-space.js';
import type { Subspace } from './subspace.js';

/** A rule compiled against an outcome space: leaves test "issue's option is in this set". */
export type CompiledRule =
  | { kind: 'leaf'; issue: number; mask: Uint8Array }
  | { kind: 'all'; rules: CompiledRule[] }
  | { kind: 'any'; rules: CompiledRule[] }
  | { kind: 'not'; rule: CompiledRule };

/** Three-valued truth of a rule over a sub-space: true for every completion, false for every one, or it depends. */
export type Truth = 'true' | 'false' | 'depends';

export class RuleReferenceError extends Error {}

export function compileRule(rule: Rule, space: OutcomeSpace): CompiledRule {
  if ('all' in rule) return { kind: 'all', rules: rule.all.map((r) => compileRule(r, space)) };
  if ('any' in rule) return { kind: 'any', rules: rule.any.map((r) => compileRule(r, space)) };
  if ('not' in rule) return { kind: 'not', rule: compileRule(rule.not, space) };
  const issue = space.issues.findIndex((i) => i.id === rule.issue);
  if (issue < 0) throw new RuleReferenceError(`unknown issue '${rule.issue}'`);
  const spaceIssue = space.issues[issue];
  const mask = new Uint8Array(spaceIssue.optionIds.length);
  if ('in' in rule || 'notIn' in rule) {
    const listed = 'in' in rule ? rule.in : rule.notIn;
    const inside = 'in' in rule ? 1 : 0;
    mask.fill(1 - inside);
    for (const ref of listed) {
      const k = optionIndex(spaceIssue, ref);
      if (k < 0) throw new RuleReferenceError(`issue '${rule.issue}' has no option '${ref}'`);
      mask[k] = inside;
    }
  } else {
    const grid = spaceIssue.numericValues;
    if (!grid)
      throw new RuleReferenceError(`atLeast/atMost need a numeric issue; '${rule.issue}' has options`);
    const lo = rule.atLeast ?? Number.NEGATIVE_INFINITY;
    const hi = rule.atMost ?? Number.POSITIVE_INFINITY;
    for (let k = 0; k < grid.length; k++) mask[k] = grid[k] >= lo && grid[k] <= hi ? 1 : 0;
  }
  return { kind: 'leaf', issue, mask };
}

export function holds(rule: CompiledRule, outcome: ArrayLike<number>): boolean {
  switch (rule.kind) {
    case 'leaf':
      return rule.mask[outcome[rule.issue]] === 1;
    case 'all':
      return rule.rules.every((r) => holds(r, outcome));
    case 'any':
      return rule.rules.some((r) => holds(r, outcome));
    case 'not':
      return !holds(rule.rule, outcome);
  }
}

/**
 * Kleene evaluation over a sub-space. It is sound (a 'true'/'false' answer holds for every completion) but
 * may answer 'depends' for a rule that is in fact decided, e.g. any[x in A, x notIn A]; `truthExact` refines.
 */
export function truthKleene(rule: CompiledRule, subspace: Subspace): Truth {
  switch (rule.kind) {
    case 'leaf': {
      let inside = 0;
      const allowed = subspace.allowed[rule.issue];
      for (const k of allowed) inside += rule.mask[k];
      return inside === allowed.length ? 'true' : inside === 0 ? 'false' : 'depends';
    }
    case 'all': {
      let result: Truth = 'true';
      for (const r of rule.rules) {
        const t = truthKleene(r, subspace);
        if (t === 'false') return 'false';
        if (t === 'depends') result = 'depends';
      }
      return result;
    }
    case 'any': {
      let result: Truth = 'false';
      for (const r of rule.rules) {
        const t = truthKleene(r, subspace);
        if (t === 'true') return 'true';
        if (t === 'depends') result = 'depends';
      }
      return result;
    }
    case 'not': {
      const t = truthKleene(rule.rule, subspace);
      return t === 'true' ? 'false' : t === 'false' ? 'true' : 'depends';
    }
  }
}

export function ruleIssues(rule: CompiledRule, into: Set<number> = new Set()): Set<number> {
  if (rule.kind === 'leaf') into.add(rule.issue);
  else if (rule.kind === 'not') ruleIssues(rule.rule, into);
  else for (const r of rule.rules) ruleIssues(r, into);
  return into;
}

/** Exact truth over a sub-space: enumerates the rule's own open issues when Kleene logic cannot decide. */
export function truthExact(rule: CompiledRule, subspace: Subspace, enumerationLimit = 1_000_000): Truth {
  const kleene = truthKleene(rule, subspace);
  if (kleene !== 'depends') return kleene;
  const issues = [...ruleIssues(rule)].filter((i) => subspace.allowed[i].length > 1);
  let combos = 1;
  for (const i of issues) combos *= subspace.allowed[i].length;
  if (combos > enumerationLimit) return 'depends';
  const outcome = Int32Array.from(subspace.allowed, (a) => a[0]);
  let seenTrue = false;
  let seenFalse = false;
  const visit = (k: number): boolean => {
    if (k === issues.length) {
      if (holds(rule, outcome)) seenTrue = true;
      else seenFalse = true;
      return seenTrue && seenFalse;
    }
    for (const option of subspace.allowed[issues[k]]) {
      outcome[issues[k]] = option;
      if (visit(k + 1)) return true;
    }
    return false;
  };
  visit(0);
  return seenTrue && seenFalse ? 'depends' : seenTrue ? 'true' : 'false';
}
