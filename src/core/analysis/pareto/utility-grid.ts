import type { UtilityFunction } from '../../evaluate/utility-function.js';
import { holds } from '../../model/rule.js';
import type { Subspace } from '../../model/subspace.js';

/**
 * A utility function rewritten on its common rational grid: u(o) = offset + unit · U(o), where U(o) is an
 * integer, U = Σ_i steps[i][o_i] + Σ_a deltaSteps[a]·[a holds], every step a non-negative integer per issue
 * (measured from the smallest allowed contribution) and every delta an integer.
 *
 * With utilities on such a grid, two different utility values differ by at least `unit`, so a constraint
 * "U >= previous + 1" excludes exactly the values not above the previous one: ε-constraint steps derived
 * from the data, not from floating-point luck.
 */
export interface IntegerUtility {
  party: string;
  unit: number;
  offset: number;
  /** steps[i][k]: integer contribution of option k of issue i (0 for options outside the sub-space). */
  steps: Float64Array[];
  deltaSteps: number[];
  /** The function as the MILP encoding reads it: integer contributions and deltas, same rules. */
  scaled: UtilityFunction;
  /** Smallest and largest value U can take (bounds, not necessarily reached). */
  lowest: number;
  highest: number;
}

/** Largest integer range accepted for U: beyond it, solver tolerances no longer separate adjacent values. */
export const MAX_GRID_RANGE = 1e9;

/**
 * The common grid of a utility function over a sub-space, or undefined when its contributions and deltas
 * have no common unit that keeps U within MAX_GRID_RANGE (e.g. values with many significant digits).
 */
export function integerUtility(
  fn: UtilityFunction,
  allowed: Subspace['allowed'],
): IntegerUtility | undefined {
  const values: number[] = [];
  let offset = 0;
  let scale = 0;
  const base = fn.contribution.map((row, i) => {
    let lo = Number.POSITIVE_INFINITY;
    for (const k of allowed[i]) lo = Math.min(lo, row[k]);
    if (!Number.isFinite(lo)) lo = 0;
    offset += lo;
    for (const k of allowed[i]) {
      values.push(row[k] - lo);
      scale = Math.max(scale, Math.abs(row[k]));
    }
    return lo;
  });
  for (const a of fn.adjustments) {
    values.push(a.delta);
    scale = Math.max(scale, Math.abs(a.delta));
  }
  if (!values.every(Number.isFinite)) return undefined;
  const unit = commonUnit(values, Math.max(scale, 1e-300));
  if (unit === undefined) return undefined;
  const steps = fn.contribution.map((row, i) => {
    const out = new Float64Array(row.length);
    for (const k of allowed[i]) out[k] = Math.round((row[k] - base[i]) / unit);
    return out;
  });
  const deltaSteps = fn.adjustments.map((a) => Math.round(a.delta / unit));
  let lowest = 0;
  let highest = 0;
  steps.forEach((row, i) => {
    let m = 0;
    for (const k of allowed[i]) m = Math.max(m, row[k]);
    highest += m;
  });
  for (const d of deltaSteps) {
    if (d > 0) highest += d;
    else lowest += d;
  }
  if (highest - lowest > MAX_GRID_RANGE) return undefined;
  return {
    party: fn.party,
    unit,
    offset,
    steps,
    deltaSteps,
    scaled: {
      party: fn.party,
      contribution: steps,
      adjustments: fn.adjustments.map((a, j) => ({ id: a.id, when: a.when, delta: deltaSteps[j] })),
      batna: Number.NEGATIVE_INFINITY,
    },
    lowest,
    highest,
  };
}

/** The exact integer U(o). */
export function integerValue(u: IntegerUtility, outcome: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < u.steps.length; i++) sum += u.steps[i][outcome[i]];
  u.scaled.adjustments.forEach((a, j) => {
    if (u.deltaSteps[j] !== 0 && holds(a.when, outcome)) sum += u.deltaSteps[j];
  });
  return sum;
}

/**
 * The largest g such that every value is an integer multiple of g (Euclid's algorithm on doubles, remainders
 * below 1e-9 of the magnitude counted as 0, then every value checked to be within 1e-6 of a step of a
 * multiple). 0s are ignored; all 0 gives 1.
 */
export function commonUnit(values: readonly number[], magnitude: number): number | undefined {
  const tolerance = magnitude * 1e-9;
  let g = 0;
  let largest = 0;
  for (const v of values) {
    const a = Math.abs(v);
    if (a <= tolerance) continue;
    g = g === 0 ? a : floatGcd(g, a, tolerance);
    if (!(g > tolerance)) return undefined;
    // Euclid's remainders carry rounding errors that would grow from value to value; the largest value so
    // far divided by its multiple of g is the sharpest estimate of g.
    largest = Math.max(largest, a);
    g = largest / Math.round(largest / g);
  }
  if (g === 0) return 1;
  // Every value a multiple of g to 1e-6 of a step: a fine g that fits everything only loosely is no grid.
  for (const v of values) {
    const r = Math.abs(v) / g;
    if (Math.abs(r - Math.round(r)) > 1e-6) return undefined;
  }
  return g;
}

function floatGcd(a: number, b: number, tolerance: number): number {
  let x = Math.max(a, b);
  let y = Math.min(a, b);
  for (let guard = 0; y > tolerance && guard < 200; guard++) {
    let r = x - y * Math.floor(x / y);
    if (r > y - tolerance) r = 0;
    x = y;
    y = r;
  }
  return y > tolerance ? 0 : x;
}
