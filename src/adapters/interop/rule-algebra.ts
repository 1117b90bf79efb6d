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
