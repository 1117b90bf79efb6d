import type { Rule } from '../../schema/scenario.js';

/** A rule in compact readable form, e.g. `donbas in {withdraw-dmz} and not nato in {ban}`. */
export function describeRule(rule: Rule): string {
  if ('all' in rule) return join(rule.all, ' and ');
  if ('any' in rule) return join(rule.any, ' or ');
  if ('not' in rule) return `not ${wrap(rule.not)}`;
  if ('in' in rule) return `${rule.issue} in {${rule.in.join(', ')}}`;
  if ('notIn' in rule) return `${rule.issue} not in {${rule.notIn.join(', ')}}`;
  if (rule.atLeast !== undefined && rule.atMost !== undefined)
    return `${rule.atLeast} <= ${rule.issue} <= ${rule.atMost}`;
  if (rule.atLeast !== undefined) return `${rule.issue} >= ${rule.atLeast}`;
  return `${rule.issue} <= ${rule.atMost}`;
}

function join(rules: Rule[], separator: string): string {
  return rules.length === 1 ? describeRule(rules[0]) : rules.map(wrap).join(separator);
}

function wrap(rule: Rule): string {
  return 'all' in rule || 'any' in rule ? `(${describeRule(rule)})` : describeRule(rule);
}
