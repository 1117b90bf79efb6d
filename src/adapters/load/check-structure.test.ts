import { describe, expect, it } from 'vitest';
import { Batna, IssueValues, Point, Rule, Scenario, UncertainNumber } from '../../schema/scenario.js';
import { validate } from './check-structure.js';

function messages(schema: Parameters<typeof validate>[0], value: unknown): Array<[string, string]> {
  return validate(schema, value).map((p) => [p.path.join('/'), p.message]);
}

describe('validate explains union failures through the alternative the value follows', () => {
  it('uncertain numbers', () => {
    expect(messages(UncertainNumber, { estimate: 5, low: 4 })).toEqual([
      ['high', "missing required field 'high'"],
    ]);
    expect(messages(UncertainNumber, [1, 2])).toEqual([
      ['', 'expected a number or {estimate, low, high}, got a list'],
    ]);
    expect(messages(UncertainNumber, { estimate: 5, low: 4, high: 6, sauce: 'x' })).toEqual([
      [
        'sauce',
        "unknown field 'sauce' (did you mean 'source'?); fields not defined by the format are rejected",
      ],
    ]);
  });

  it('rules, including nested ones', () => {
    expect(messages(Rule, { issue: 'water', in: 'low' })).toEqual([
      [
        'in',
        'expected a list, each item an option id, or a number on the grid of a numeric issue, got string "low"',
      ],
    ]);
    expect(messages(Rule, { issue: 'water' })).toEqual([
      ['', `incomplete: add one of 'in', 'notIn', 'atLeast', 'atMost' (got {issue: "water"})`],
    ]);
    expect(messages(Rule, { all: [{ issue: 'water', in: ['low'] }, { any: [] }] })).toEqual([
      ['all/1/any', 'must not be empty: expected at least 1 item'],
    ]);
    expect(messages(Rule, { not: { issue: 'water', atLeast: 'high' } })).toEqual([
      ['not/atLeast', 'expected a number, got string "high"'],
    ]);
    expect(messages(Rule, { issue: 'water', in: ['low'], notIn: ['high'] })).toEqual([
      ['', 'fields of different forms are mixed in {issue: "water", in: ["low"], notIn: ["high"]}'],
    ]);
  });

  it('issue values: per option, or a value function', () => {
    expect(messages(IssueValues, { piecewiseLinear: [[0, 10]] })).toEqual([
      ['piecewiseLinear', 'expected at least 2 items, got 1'],
    ]);
    expect(messages(IssueValues, { low: 0, high: 'max' })).toEqual([
      ['high', 'expected a number or {estimate, low, high}, got string "max"'],
    ]);
    expect(
      messages(IssueValues, {
        piecewiseLinear: [
          [0, 10],
          [5, 'x'],
        ],
      }),
    ).toEqual([['piecewiseLinear/1/1', 'expected a number or {estimate, low, high}, got string "x"']]);
  });

  it('BATNA: constant, range or dated series', () => {
    expect(messages(Batna, { series: [{ date: '2024-13-01', value: 3 }] })).toEqual([
      ['series/0/date', 'expected a real calendar date, got string "2024-13-01"'],
    ]);
    expect(messages(Batna, { series: [{ date: '2024-01-01', value: 3 }], interpolation: 'cubic' })).toEqual([
      ['interpolation', `expected one of 'step', 'linear', got string "cubic"`],
    ]);
  });

  it('point links: a string or a list of strings', () => {
    expect(messages(Point.shape.from, 7)).toEqual([
      ['', 'expected "versionId#number" or a list of them, got number 7 (put it in quotes to make it text)'],
    ]);
    expect(messages(Point.shape.from, ['v1#1', 2])).toEqual([
      ['1', 'expected text, got number 2 (put it in quotes to make it text)'],
    ]);
  });
});

describe('validate on whole scenarios', () => {
  it('reports a missing required top-level field and the format version', () => {
    expect(messages(Scenario, { parley: 2, id: 'x', title: 'X', parties: [] })).toEqual([
      ['parley', 'unsupported format version 2; this version of Parley reads format 1'],
      ['parties', 'must not be empty: expected at least 1 item'],
      ['issues', "missing required field 'issues'"],
    ]);
  });
});
