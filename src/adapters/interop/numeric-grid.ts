/**
 * Numeric issues in Parley are grids min, min+step, ..., max. This module builds grids for integer and real
 * issues of other formats and turns a value function sampled on the grid into the fewest piecewise-linear
 * points that reproduce it exactly on the grid.
 */

export const MAX_GRID_POINTS = 10_001;

export interface Grid {
  min: number;
  max: number;
  step: number;
}

/** Decimal places needed to write x exactly (up to 12), e.g. 96.66 -> 2. */
export function decimalsOf(x: number): number {
  for (let d = 0; d <= 12; d++) {
    const scaled = x * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return 12;
}

export function gridSize(grid: Grid): number {
  return Math.round((grid.max - grid.min) / grid.step) + 1;
}

/** The grid values, computed by multiplication and rounded to the grid's decimals so they carry no drift. */
export function gridValues(grid: Grid): number[] {
  const decimals = Math.max(decimalsOf(grid.min), decimalsOf(grid.step));
  const count = gridSize(grid);
  const values: number[] = [];
  for (let k = 0; k < count; k++) values.push(Number((grid.min + k * grid.step).toFixed(decimals)));
  return values;
}

/**
 * Chooses a step for a real range [min, max]: a divisor of the span (in the range's own decimal units) whose
 * interval count is closest, on a log scale, to `targetIntervals`. Grid points then fall on round numbers
 * and both ends are on the grid.
 */
export function chooseRealStep(min: number, max: number, targetIntervals: number): Grid {
  if (max <= min) return { min, max: min, step: 1 };
  let decimals = Math.max(decimalsOf(min), decimalsOf(max));
  // A short range such as [0, 1] needs finer units than its bounds' own decimals to reach the target.
  while (decimals < 12 && Math.round((max - min) * 10 ** decimals) < targetIntervals) decimals++;
  const unit = 10 ** -decimals;
  const units = Math.round((max - min) / unit);
  // Any interval count n that divides the span in these units gives an exact grid; take the n nearest the target.
  let best = units;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let n = 1; n < MAX_GRID_POINTS && n <= units; n++) {
    if (units % n !== 0) continue;
    const score = Math.abs(Math.log(n / targetIntervals));
    if (score < bestScore) {
      bestScore = score;
      best = units / n;
    }
  }
  const step = Number((best * unit).toFixed(decimals));
  return { min, max, step };
}

/**
 * The fewest [x, value] points whose linear interpolation equals `values` at every grid point (collinear
 * runs are merged). Always at least two points, as the schema requires.
 */
export function piecewiseLinearOnGrid(xs: number[], values: number[]): Array<[number, number]> {
  if (xs.length === 1)
    return [
      [xs[0], values[0]],
      [xs[0] + 1, values[0]],
    ];
  const points: Array<[number, number]> = [[xs[0], values[0]]];
  for (let k = 1; k < xs.length - 1; k++) {
    const [x0, v0] = points[points.length - 1];
    const predicted = v0 + ((values[k + 1] - v0) * (xs[k] - x0)) / (xs[k + 1] - x0);
    if (Math.abs(predicted - values[k]) > 1e-12 * Math.max(1, Math.abs(values[k]))) {
      points.push([xs[k], values[k]]);
    }
  }
  points.push([xs[xs.length - 1], values[values.length - 1]]);
  // Merging tolerances could add up along a long, almost straight run: keep every point if they did.
  const exact = xs.every(
    (x, k) => Math.abs(interpolateAt(points, x) - values[k]) <= 1e-11 * Math.max(1, Math.abs(values[k])),
  );
  return exact ? points : xs.map((x, k): [number, number] => [x, values[k]]);
}

/** Linear interpolation through points with increasing x; constant beyond the ends. */
export function interpolateAt(points: ReadonlyArray<readonly [number, number]>, x: number): number {
  if (x <= points[0][0]) return points[0][1];
  const last = points[points.length - 1];
  if (x >= last[0]) return last[1];
  let k = 1;
  while (points[k][0] < x) k++;
  const [x0, v0] = points[k - 1];
  const [x1, v1] = points[k];
  return v0 + ((v1 - v0) * (x - x0)) / (x1 - x0);
}
