import type { Issue, Rule } from '../../../../src/schema/scenario.js';

/** A rule about one issue. */
export type Leaf = Extract<Rule, { issue: string }>;

/** What a rule builder offers: every form of rule the scenario format allows. */
export type RuleKind = 'in' | 'notIn' | 'range' | 'all' | 'any' | 'not';

export const RULE_KINDS: ReadonlyArray<{ kind: RuleKind; label: string }> = [
  { kind: 'in', label: 'issue is one of' },
  { kind: 'notIn', label: 'issue is none of' },
  { kind: 'range', label: 'numeric issue between' },
  { kind: 'all', label: 'all of' },
  { kind: 'any', label: 'any of' },
  { kind: 'not', label: 'not' },
];

export function kindOf(rule: Rule): RuleKind {
  if ('all' in rule) return 'all';
  if ('any' in rule) return 'any';
  if ('not' in rule) return 'not';
  if ('in' in rule) return 'in';
  if ('notIn' in rule) return 'notIn';
  return 'range';
}

/** The issue a leaf rule is about; undefined for a group. */
export function issueOf(rule: Rule): string | undefined {
  return 'issue' in rule ? rule.issue : undefined;
}

/** A first rule over an issue: its first option, or its minimum for a numeric issue. */
export function leafFor(issue: Issue): Leaf {
  if (issue.options) return { issue: issue.id, in: [issue.options[0].id] };
  return { issue: issue.id, atLeast: issue.range?.min ?? 0 };
}

/**
 * The rule turned into another kind, keeping what carries over: the issue and options of a leaf, the children
 * of a group (a group of one child when a leaf becomes a group; the first child when a group becomes a leaf).
 */
export function changeKind(rule: Rule, kind: RuleKind, issues: readonly Issue[]): Rule {
  const children = childrenOf(rule);
  const leaf = firstLeaf(rule) ?? leafFor(issues[0]);
  switch (kind) {
    case 'all':
      return { all: children.length > 0 ? children : [rule] };
    case 'any':
      return { any: children.length > 0 ? children : [rule] };
    case 'not':
      return { not: children.length === 1 ? children[0] : rule };
    case 'in':
      return { issue: leaf.issue, in: optionsOf(leaf, issues) };
    case 'notIn':
      return { issue: leaf.issue, notIn: optionsOf(leaf, issues) };
    case 'range': {
      const issue = issues.find((i) => i.id === leaf.issue);
      return { issue: leaf.issue, atLeast: issue?.range?.min ?? 0 };
    }
  }
}

function firstLeaf(rule: Rule): Leaf | undefined {
  if ('issue' in rule) return rule;
  const [first] = childrenOf(rule);
  return first ? firstLeaf(first) : undefined;
}

function optionsOf(leaf: Leaf, issues: readonly Issue[]): Array<string | number> {
  if ('in' in leaf) return leaf.in;
  if ('notIn' in leaf) return leaf.notIn;
  const issue = issues.find((i) => i.id === leaf.issue);
  return issue ? [...choicesOf(issue)].slice(0, 1) : [];
}

export function childrenOf(rule: Rule): Rule[] {
  if ('all' in rule) return rule.all;
  if ('any' in rule) return rule.any;
  if ('not' in rule) return [rule.not];
  return [];
}

/** The rule with its children replaced (a group), or unchanged (a leaf). `not` keeps one child. */
export function withChildren(rule: Rule, children: Rule[]): Rule {
  if ('all' in rule) return { all: children };
  if ('any' in rule) return { any: children };
  if ('not' in rule) return { not: children[0] ?? rule.not };
  return rule;
}

/** The option ids of an issue, or the grid values of a numeric one. */
export function choicesOf(issue: Issue): Array<string | number> {
  if (issue.options) return issue.options.map((o) => o.id);
  const range = issue.range;
  if (!range) return [];
  const out: number[] = [];
  const steps = Math.round((range.max - range.min) / range.step);
  for (let k = 0; k <= steps; k++) out.push(Number((range.min + k * range.step).toPrecision(12)));
  return out;
}

/** A leaf with one option switched on or off (kept in the issue's order of options). */
export function toggleOption(rule: Rule, option: string | number, issue: Issue): Rule {
  if (!('in' in rule) && !('notIn' in rule)) return rule;
  const list = 'in' in rule ? rule.in : rule.notIn;
  const chosen = new Set(list.includes(option) ? list.filter((o) => o !== option) : [...list, option]);
  const ordered = choicesOf(issue).filter((o) => chosen.has(o));
  const unknown = [...chosen].filter((o) => !ordered.includes(o));
  const next = [...ordered, ...unknown];
  return 'in' in rule ? { issue: rule.issue, in: next } : { issue: rule.issue, notIn: next };
}

/**
 * A rule in words, with issue names and option labels, e.g. "Crimea is de jure Russian or de facto Russian,
 * or Donbas is not frozen at the line". Ids the scenario lacks are shown as written.
 */
export function ruleText(rule: Rule, issues: readonly Issue[]): string {
  if ('all' in rule) return joined(rule.all, ' and ', issues);
  if ('any' in rule) return joined(rule.any, ' or ', issues);
  if ('not' in rule) return `not (${ruleText(rule.not, issues)})`;
  const issue = issues.find((i) => i.id === rule.issue);
  const name = issue?.title ?? rule.issue;
  const unit = issue?.range?.unit ? ` ${issue.range.unit}` : '';
  const label = (o: string | number) => issue?.options?.find((x) => x.id === o)?.label ?? `${o}${unit}`;
  if ('in' in rule) return `${name} is ${rule.in.map(label).join(' or ')}`;
  if ('notIn' in rule) return `${name} is neither ${rule.notIn.map(label).join(' nor ')}`;
  if (rule.atLeast !== undefined && rule.atMost !== undefined)
    return `${name} is between ${rule.atLeast}${unit} and ${rule.atMost}${unit}`;
  if (rule.atLeast !== undefined) return `${name} is at least ${rule.atLeast}${unit}`;
  return `${name} is at most ${rule.atMost}${unit}`;
}

function joined(rules: Rule[], separator: string, issues: readonly Issue[]): string {
  const parts = rules.map((r) =>
    'all' in r || 'any' in r ? `(${ruleText(r, issues)})` : ruleText(r, issues),
  );
  return parts.join(separator);
}
