import type { WeightRow } from './preferences-form.js';

export interface WeightShare {
  issue: string;
  /** The estimate's share of the sum of estimates, in percent; undefined while the text is not a number ≥ 0. */
  percent: number | undefined;
}

/**
 * Weights are relative: only their ratios matter (the model divides by their sum). These are the shares the
 * analyses use, from the estimates; a blank weight is 0. While any weight is not a non-negative number the
 * shares are undefined, since they would change as soon as it is corrected.
 */
export function weightShares(rows: readonly WeightRow[]): WeightShare[] {
  const estimates = rows.map((r) => (r.weight.estimate.trim() === '' ? 0 : Number(r.weight.estimate)));
  const valid = estimates.every((e) => Number.isFinite(e) && e >= 0);
  const total = valid ? estimates.reduce((sum, e) => sum + e, 0) : 0;
  return rows.map((r, k) => ({
    issue: r.issue,
    percent: total > 0 ? (100 * estimates[k]) / total : undefined,
  }));
}

/** A share as shown next to its weight: one decimal, "—" when it cannot be known yet. */
export function shareText(percent: number | undefined): string {
  return percent === undefined ? '—' : `${percent.toFixed(1)} %`;
}
