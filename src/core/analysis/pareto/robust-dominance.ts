/**
 * Robust dominance: utilities are sums of many rounded terms, so two outcomes whose exact utilities are equal
 * can differ in the last bit (Energy: 57.2 and 57.20000000000001, both exactly 0.572 of the scale). Comparing
 * the raw doubles would call one of them strictly better and keep a dominated outcome on an "exact" frontier.
 *
 * Every column is therefore compared on a decimal grid derived from the magnitudes: with M the largest
 * |utility|, the grid step is q = 10^(ceil(log10 M) − 12) (1e-10 for utilities up to 100). A value is
 * snapped to the nearest multiple of q. The rounding error of a sum of n doubles of magnitude <= M is at most
 * n·2^-53·M (about 7e-12 for 500 terms of size 100), far below q/2, so values that are exactly equal snap to
 * the same grid point unless their exact value lies within that error of a half-step, which decimal data
 * with fewer than 12 significant digits never does. Conversely, values whose exact difference is below q are
 * treated as equal: that is the stated resolution of every frontier (q is reported with it).
 */
export interface DominanceGrid {
  /** Grid step: utilities closer than this are compared as equal. */
  step: number;
}

/** Significant decimal digits kept below the magnitude of the largest utility. */
export const GRID_DIGITS = 12;

export function dominanceGrid(cols: readonly ArrayLike<number>[]): DominanceGrid {
  let largest = 0;
  for (const col of cols) {
    for (let i = 0; i < col.length; i++) {
      const v = Math.abs(col[i]);
      if (v > largest && v < Number.POSITIVE_INFINITY) largest = v;
    }
  }
  return { step: gridStepFor(largest) };
}

/** The grid step for utilities of magnitude up to `largest`. */
export function gridStepFor(largest: number): number {
  if (!(largest > 0)) return 10 ** -GRID_DIGITS;
  return 10 ** (Math.ceil(Math.log10(largest)) - GRID_DIGITS);
}

/**
 * A copy of the column with every value snapped to the grid. Equal grid indices give bit-identical doubles,
 * and the snapped values are non-decreasing in the exact ones, so skylines on snapped columns decide
 * dominance on the grid. NaN stays NaN (the skyline reports it).
 */
export function snapColumn(col: ArrayLike<number>, grid: DominanceGrid): Float64Array {
  const out = new Float64Array(col.length);
  const q = grid.step;
  for (let i = 0; i < col.length; i++) out[i] = snapValue(col[i], q);
  return out;
}

export function snapValue(value: number, step: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.round(value / step) * step;
}

export function snapColumns(cols: readonly ArrayLike<number>[], grid = dominanceGrid(cols)): Float64Array[] {
  return cols.map((c) => snapColumn(c, grid));
}

/**
 * The grid for these utility functions, from a bound on |u| over every outcome (the sum of each issue's
 * largest |contribution| and every |delta|), so that every method and every subset of outcomes compares on
 * the same grid.
 */
export function gridForUtilities(
  fns: ReadonlyArray<{ contribution: ArrayLike<number>[]; adjustments: ReadonlyArray<{ delta: number }> }>,
): DominanceGrid {
  let largest = 0;
  for (const fn of fns) {
    let bound = 0;
    for (const row of fn.contribution) {
      let m = 0;
      for (let k = 0; k < row.length; k++) m = Math.max(m, Math.abs(row[k]));
      bound += m;
    }
    for (const a of fn.adjustments) bound += Math.abs(a.delta);
    if (bound < Number.POSITIVE_INFINITY) largest = Math.max(largest, bound);
  }
  return { step: gridStepFor(largest) };
}
