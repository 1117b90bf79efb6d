import type { Issue, Scenario } from '../../schema/scenario.js';

export interface SpaceIssue {
  id: string;
  title: string;
  /** Option ids in declared order; for a numeric issue, the grid values written as text. */
  optionIds: string[];
  labels: string[];
  /** Grid values of a numeric issue, in order; undefined for an option issue. */
  numericValues?: Float64Array;
  unit?: string;
  /** Index of the "deferred / left unresolved" option, or -1. */
  deferredIndex: number;
}

/** The mixed-radix space of complete outcomes: an outcome picks one option index per issue. */
export interface OutcomeSpace {
  issues: SpaceIssue[];
  radix: Int32Array;
  /** Number of complete outcomes (may exceed 2^53 for huge spaces; then it is approximate and `sizeIsExact` is false). */
  size: number;
  sizeIsExact: boolean;
}

export function numericGrid(issue: Issue): Float64Array | undefined {
  const range = issue.range;
  if (!range) return undefined;
  const count = Math.round((range.max - range.min) / range.step) + 1;
  const grid = new Float64Array(count);
  // Multiply rather than accumulate so grid values carry no drift.
  for (let k = 0; k < count; k++) grid[k] = roundToStep(range.min + k * range.step, range.step);
  return grid;
}

function roundToStep(x: number, step: number): number {
  const decimals = Math.max(0, Math.min(12, -Math.floor(Math.log10(step)) + 2));
  return Number(x.toFixed(decimals));
}

export function buildOutcomeSpace(scenario: Pick<Scenario, 'issues'>): OutcomeSpace {
  const issues = scenario.issues.map((issue): SpaceIssue => {
    const grid = numericGrid(issue);
    if (grid) {
      const ids = Array.from(grid, (v) => String(v));
      return {
        id: issue.id,
        title: issue.title,
        optionIds: ids,
        labels: ids.map((v) => (issue.range?.unit ? `${v} ${issue.range.unit}` : v)),
        numericValues: grid,
        unit: issue.range?.unit,
        deferredIndex: -1,
      };
    }
    const options = issue.options ?? [];
    return {
      id: issue.id,
      title: issue.title,
      optionIds: options.map((o) => o.id),
      labels: options.map((o) => o.label),
      deferredIndex: options.findIndex((o) => o.deferred === true),
    };
  });
  const radix = Int32Array.from(issues, (i) => i.optionIds.length);
  let size = 1;
  for (const r of radix) size *= r;
  return { issues, radix, size, sizeIsExact: Number.isSafeInteger(size) };
}

/**
 * Resolves an option reference (an option id, or a number on a numeric issue's grid) to its index, or -1.
 * Numbers match grid values within a relative 1e-9 so that 0.1 + 0.2 style drift does not matter.
 */
export function optionIndex(issue: SpaceIssue, ref: string | number): number {
  if (issue.numericValues) {
    const x = typeof ref === 'number' ? ref : Number(ref);
    if (!Number.isFinite(x)) return -1;
    const grid = issue.numericValues;
    for (let k = 0; k < grid.length; k++) {
      if (Math.abs(grid[k] - x) <= 1e-9 * Math.max(1, Math.abs(x))) return k;
    }
    return -1;
  }
  return issue.optionIds.indexOf(String(ref));
}

export function issueIndex(space: OutcomeSpace, id: string): number {
  return space.issues.findIndex((i) => i.id === id);
}

/** Decodes the outcome at a mixed-radix index (issue 0 varies slowest). */
export function decodeOutcome(space: OutcomeSpace, index: number, into?: Int32Array): Int32Array {
  const n = space.radix.length;
  const outcome = into ?? new Int32Array(n);
  let rest = index;
  for (let i = n - 1; i >= 0; i--) {
    const r = space.radix[i];
    outcome[i] = rest % r;
    rest = Math.floor(rest / r);
  }
  return outcome;
}

export function encodeOutcome(space: OutcomeSpace, outcome: ArrayLike<number>): number {
  let index = 0;
  for (let i = 0; i < space.radix.length; i++) index = index * space.radix[i] + outcome[i];
  return index;
}
