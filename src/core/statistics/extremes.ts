/**
 * Largest and smallest of any number of values, in a loop: `Math.max(...values)` passes every value as an
 * argument and overflows the call stack on long arrays (outcomes, rounds, frontier points).
 * Empty input gives -Infinity / +Infinity, as Math.max() / Math.min() do.
 */
export function maxOf(values: Iterable<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const x of values) if (x > max || Number.isNaN(x)) max = x;
  return max;
}

export function minOf(values: Iterable<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const x of values) if (x < min || Number.isNaN(x)) min = x;
  return min;
}
