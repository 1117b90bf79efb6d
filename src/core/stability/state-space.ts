import type { Conflict, Conjunction } from './conflict.js';

/** The largest number of options whose state vectors we enumerate (2^20 ≈ one million codes). */
export const MAX_OPTIONS = 20;

/**
 * The feasible states of a conflict: option vectors as codes Σ 2^i over the options taken, sorted
 * ascending, numbered from 1 in that order (the numbering GMCR tools use).
 */
export interface StateSpace {
  optionCount: number;
  /** codes[k] is the code of state number k + 1. */
  codes: Int32Array;
  /** State index (0-based) of a code, or -1 when the code is infeasible. */
  indexOf: Int32Array;
}

export function satisfies(code: number, conjunction: Conjunction): boolean {
  for (const [option, taken] of conjunction) if ((((code >>> option) & 1) === 1) !== taken) return false;
  return true;
}

export function buildStateSpace(conflict: Conflict): StateSpace {
  const optionCount = conflict.options.length;
  if (optionCount > MAX_OPTIONS) {
    throw new RangeError(
      `a conflict with ${optionCount} options has 2^${optionCount} option vectors; at most ${MAX_OPTIONS} options are supported`,
    );
  }
  const total = 2 ** optionCount;
  const indexOf = new Int32Array(total).fill(-1);
  const codes: number[] = [];
  for (let code = 0; code < total; code++) {
    if (conflict.infeasible.some((pattern) => satisfies(code, pattern))) continue;
    indexOf[code] = codes.length;
    codes.push(code);
  }
  return { optionCount, codes: Int32Array.from(codes), indexOf };
}

/** "YNN": option values in option order, the way GMCR tools print a state. */
export function describeCode(code: number, optionCount: number): string {
  let text = '';
  for (let i = 0; i < optionCount; i++) text += (code >>> i) & 1 ? 'Y' : 'N';
  return text;
}

export function codeOfTaken(taken: readonly number[]): number {
  let code = 0;
  for (const option of taken) code |= 1 << option;
  return code;
}
