import { count } from './text-measure.js';

export interface Thinned<T> {
  points: T[];
  /** Stated in the chart when points were dropped, e.g. "1,775 points, 444 drawn: every 4th by first utility". */
  statement?: string;
}

const ordinal = (k: number) => {
  const tail = k % 100 >= 11 && k % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[k % 10] ?? 'th');
  return `${k}${tail}`;
};

/**
 * Keeps every k-th point in order of the first coordinate (and always the last), so that at most `max` are drawn.
 * The statement says exactly what was dropped.
 */
export function thinByFirst(points: number[][], max: number, what = 'points'): Thinned<number[]> {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  if (sorted.length <= max) return { points: sorted };
  const step = Math.ceil(sorted.length / max);
  const kept = sorted.filter((_, k) => k % step === 0);
  if ((sorted.length - 1) % step !== 0) kept.push(sorted[sorted.length - 1]);
  return {
    points: kept,
    statement: `${count(sorted.length)} ${what}, ${count(kept.length)} drawn: every ${ordinal(step)} by first utility${(sorted.length - 1) % step !== 0 ? ' and the last' : ''}`,
  };
}
