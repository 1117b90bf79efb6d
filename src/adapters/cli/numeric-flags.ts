import { availableParallelism } from 'node:os';
import { usageError } from './load.js';
import type { Io } from './output.js';

/** The range a numeric flag accepts, both ends included unless `above` says the lower end is excluded. */
export interface FlagBounds {
  min: number;
  max: number;
  /** True: the value must be greater than `min` (a real such as a duration that cannot be 0). */
  above?: boolean;
}

const grouped = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

function rangeText(kind: 'an integer' | 'a number', bounds: FlagBounds): string {
  const low = bounds.above ? `above ${grouped(bounds.min)}` : `from ${grouped(bounds.min)}`;
  return `${kind} ${low} to ${grouped(bounds.max)}`;
}

/** Plain decimal text only: no hex, no exponent, no blanks, no 'Infinity' (which Number() would accept). */
const INTEGER = /^[+-]?\d+$/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * An integer flag within its bounds, or exit 2 with "--rounds: expected an integer from 1 to 100,000, got '1e9'".
 * Every numeric flag of every command goes through here or `realFlag`.
 */
export function integerFlag(text: string, flag: string, bounds: FlagBounds, io: Io): number {
  const n = INTEGER.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < bounds.min || n > bounds.max || (bounds.above && n <= bounds.min)) {
    usageError(io, `${flag}: expected ${rangeText('an integer', bounds)}, got '${text}'`);
  }
  return n;
}

/** A real-number flag within its bounds, or exit 2 with what was expected. */
export function realFlag(text: string, flag: string, bounds: FlagBounds, io: Io): number {
  const n = REAL.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n) || n < bounds.min || n > bounds.max || (bounds.above && n <= bounds.min)) {
    usageError(io, `${flag}: expected ${rangeText('a number', bounds)}, got '${text}'`);
  }
  return n;
}

/** An optional integer flag: `fallback` when absent. */
export function optionalIntegerFlag(
  text: string | undefined,
  flag: string,
  bounds: FlagBounds,
  io: Io,
  fallback: number,
): number {
  return text === undefined ? fallback : integerFlag(text, flag, bounds, io);
}

/** Seconds a computation may run: positive, at most a week, or 'none' for no limit. */
export const TIME_LIMIT_BOUNDS: FlagBounds = { min: 0, max: 604_800, above: true };

/**
 * `--time-limit <seconds|none>`: the budget of a long computation in seconds (undefined: no limit), or
 * `fallback` when the flag is absent.
 */
export function timeLimitFlag(
  text: string | undefined,
  io: Io,
  fallback: number | undefined,
): number | undefined {
  if (text === undefined) return fallback;
  if (text.trim() === 'none') return undefined;
  return realFlag(text, '--time-limit', TIME_LIMIT_BOUNDS, io);
}

/** Most worker threads a command may ask for; more than the cores are capped (with a note). */
export const MAX_THREADS = 1024;

/**
 * `--threads <n>`: at least `min` (0 may mean "in this thread"), capped at the machine's cores with a note on
 * stderr, since more threads than cores only add memory and start-up time.
 */
export function threadsFlag(text: string | undefined, io: Io, min = 1): number | undefined {
  if (text === undefined) return undefined;
  const asked = integerFlag(text, '--threads', { min, max: MAX_THREADS }, io);
  const cores = availableParallelism();
  if (asked > cores) {
    io.err(`parley: note: --threads ${asked} capped at ${cores}, the cores of this machine\n`);
    return cores;
  }
  return asked;
}
