import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../../bench/bench-result.js';
import { combineRuns } from '../../bench/combine-runs.js';

const figure = (name: string, value: number): BenchResult => ({
  suite: 's',
  case: name,
  metric: 'time',
  value,
  unit: 'ms',
  better: 'lower',
});

describe('combineRuns', () => {
  it('gives each figure the median of its runs with the smallest and largest value', () => {
    const combined = combineRuns([
      [figure('a', 5), figure('b', 1)],
      [figure('a', 1), figure('b', 2)],
      [figure('a', 3), figure('b', 9)],
    ]);
    expect(combined.map(({ case: c, value, min, max, runs }) => ({ c, value, min, max, runs }))).toEqual([
      { c: 'a', value: 3, min: 1, max: 5, runs: 3 },
      { c: 'b', value: 2, min: 1, max: 9, runs: 3 },
    ]);
  });

  it('takes the mean of the two middle values for an even number of runs', () => {
    const [only] = combineRuns([[figure('a', 2)], [figure('a', 10)]]);
    expect(only).toMatchObject({ value: 6, min: 2, max: 10, runs: 2 });
  });
});
