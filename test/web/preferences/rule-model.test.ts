import { describe, expect, it } from 'vitest';
import { type Issue, Rule } from '../../../src/schema/scenario.js';
import {
  changeKind,
  choicesOf,
  RULE_KINDS,
  ruleText,
  toggleOption,
} from '../../../web/src/screens/preferences/rule-model.js';

const issues: Issue[] = [
  {
    id: 'crimea',
    title: 'Crimea',
    category: 'territory',
    options: [
      { id: 'de-jure', label: 'de jure Russian' },
      { id: 'de-facto', label: 'de facto Russian' },
      { id: 'return', label: 'returned' },
    ],
  },
  {
    id: 'army',
    title: 'Army cap',
    category: 'security',
    range: { min: 400, max: 1000, step: 200, unit: 'k' },
  },
] as Issue[];

describe('rule builder model', () => {
  it('reads a rule with titles and labels', () => {
    const rule: Rule = {
      any: [
        { issue: 'crimea', in: ['de-jure', 'de-facto'] },
        { all: [{ issue: 'army', atMost: 600 }, { not: { issue: 'crimea', notIn: ['return'] } }] },
      ],
    };
    expect(ruleText(rule, issues)).toBe(
      'Crimea is de jure Russian or de facto Russian or (Army cap is at most 600 k and not (Crimea is neither returned))',
    );
  });

  it('names an unknown option as written, so the validator’s message can point at it', () => {
    expect(ruleText({ issue: 'crimea', in: ['de-jur'] }, issues)).toBe('Crimea is de-jur');
  });

  it('turns any rule into every other kind and stays within the schema', () => {
    const start: Rule = { issue: 'crimea', in: ['de-facto'] };
    for (const { kind } of RULE_KINDS) {
      for (const { kind: second } of RULE_KINDS) {
        const rule = changeKind(changeKind(start, kind, issues), second, issues);
        expect(Rule.safeParse(rule).success, `${kind} → ${second}: ${JSON.stringify(rule)}`).toBe(true);
      }
    }
    expect(changeKind({ all: [start] }, 'notIn', issues)).toEqual({ issue: 'crimea', notIn: ['de-facto'] });
  });

  it('toggles options in the issue’s order, and numeric grids list their values', () => {
    let rule: Rule = { issue: 'crimea', in: ['return'] };
    rule = toggleOption(rule, 'de-jure', issues[0]);
    expect(rule).toEqual({ issue: 'crimea', in: ['de-jure', 'return'] });
    expect(toggleOption(rule, 'return', issues[0])).toEqual({ issue: 'crimea', in: ['de-jure'] });
    expect(choicesOf(issues[1])).toEqual([400, 600, 800, 1000]);
  });
});
