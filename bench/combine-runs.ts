import type { BenchResult } from './bench-result.js';

/** A figure over several runs: the median value, with the smallest and largest. */
export interface CombinedResult extends BenchResult {
  runs: number;
  min: number;
  max: number;
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Groups the figures of repeated runs of one suite by case and metric, in the order of the first run. */
export function combineRuns(perRun: readonly (readonly BenchResult[])[]): CombinedResult[] {
  const groups = new Map<string, BenchResult[]>();
  for (const results of perRun) {
    for (const r of results) {
      const key = `${r.case}\u0000${r.metric}`;
      const group = groups.get(key) ?? [];
      group.push(r);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map((group) => {
    const values = group.map((r) => r.value).sort((a, b) => a - b);
    const first = group[0] as BenchResult;
    return {
      ...first,
      value: median(values),
      runs: values.length,
      min: values[0] ?? first.value,
      max: values.at(-1) ?? first.value,
    };
  });
}
