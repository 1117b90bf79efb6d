import type { Rule } from '../../schema/scenario.js';

/**
 * Rules under construction may turn out to be constant (a condition no option meets, a sum every
 * combination reaches). `true`/`false` stand for those so they can be folded away before a Parley rule,
 * which has no constants, is written.
 */
export type MaybeRule = Rule | boolean;

export function allOf(parts: MaybeRule[]): MaybeRule {
  if (parts.some((p) => p === false)) return false;
  const rules = parts.filter((p): p is Rule => p !== true);
  if (rules.length === 0) return true;
  return rules.length === 1 ? rules[0] : { all: rules };
}

export function anyOf(parts: MaybeRule[]): MaybeRule {
  if (parts.some((p) => p === true)) return true;
  const rules = parts.filter((p): p is Rule => p !== false);
  if (rules.length === 0) return false;
  return rules.length === 1 ? rules[0] : { any: rules };
}

export function notOf(part: MaybeRule): MaybeRule {
  if (typeof part === 'boolean') return !part;
  return 'not' in part ? part.not : { not: part };
}

/** "The issue takes one of these options", folded when the list is empty or complete. */
export function optionIn(issueId: string, chosen: string[], all: readonly string[]): MaybeRule {
  if (chosen.length === 0) return false;
  if (chosen.length === all.length) return true;
  return { issue: issueId, in: chosen };
}

/**
 * The rule with one option issue fixed to one option: its leaves on that issue become constants and fold
 * away. Used to write "this condition, for this value" without conditions that can no longer hold.
 */
export function withOptionFixed(rule: MaybeRule, issueId: string, optionId: string): MaybeRule {
  if (typeof rule === 'boolean') return rule;
  if ('all' in rule) return allOf(rule.all.map((r) => withOptionFixed(r, issueId, optionId)));
  if ('any' in rule) return anyOf(rule.any.map((r) => withOptionFixed(r, issueId, optionId)));
  if ('not' in rule) return notOf(withOptionFixed(rule.not, issueId, optionId));
  if (rule.issue !== issueId) return rule;
  if ('in' in rule) return rule.in.map(String).includes(optionId);
  if ('notIn' in rule) return !rule.notIn.map(String).includes(optionId);
  return rule;
}
