import type { FlagBounds } from './numeric-flags.js';

/** Longest negotiation a simulation or tournament match runs, in rounds (memory grows with the trace). */
export const MAX_ROUNDS = 100_000;
/** Most Monte Carlo draws a command takes: about a minute of work per million on the flagship. */
export const MAX_SAMPLES = 10_000_000;
const SEED: FlagBounds = { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
const THREADS: FlagBounds = { min: 1, max: 1024 };
const TIME_LIMIT: FlagBounds = { min: 0, max: 604_800, above: true };

/**
 * The range of every numeric flag of every command, in one place: the commands parse with these, `--help`
 * texts state them, and a hostile test tries each flag just outside its range.
 */
export const FLAG_BOUNDS = {
  analyze: {
    '--samples': { min: 0, max: MAX_SAMPLES },
    '--threads': THREADS,
    '--max-frontier': { min: 1, max: 10_000_000 },
    '--count-ties': { min: 1, max: 1_000_000 },
    '--time-limit': TIME_LIMIT,
  },
  serve: {
    '--port': { min: 0, max: 65_535 },
  },
  report: {
    '--samples': { min: 0, max: MAX_SAMPLES },
    '--threads': THREADS,
    '--time-limit': TIME_LIMIT,
  },
  diff: {
    '--samples': { min: 1, max: 1_000_000 },
    '--seed': { min: 0, max: 4_294_967_295 },
  },
  simulate: {
    '--seed': SEED,
    '--rounds': { min: 1, max: MAX_ROUNDS },
    '--deadline-days': { min: 0, max: 36_525, above: true },
    '--days-per-round': { min: 0, max: 3_653, above: true },
    '--max-events': { min: 0, max: 10_000_000 },
  },
  tournament: {
    '--repetitions': { min: 1, max: 10_000 },
    '--seed': SEED,
    '--rounds': { min: 1, max: MAX_ROUNDS },
    '--threads': { min: 0, max: 1024 },
    '--stop-after': { min: 1, max: 1_000_000_000 },
    '--time-limit': TIME_LIMIT,
  },
  forecast: {
    '--samples': { min: 1, max: 1_000_000 },
    '--seed': SEED,
    '--bdm-q': { min: 0, max: 1 },
    '--bdm-t': { min: 0, max: 1 },
    '--bdm-rounds': { min: 1, max: 10_000 },
    '--smp-turns': { min: 1, max: 100_000 },
  },
  stability: {
    '--inverse': { min: 1, max: 1_000_000_000 },
    '--max-combinations': { min: 1, max: 1_000_000_000 },
    '--explain': { min: 1, max: 1_000_000_000 },
  },
  import: {
    '--real-intervals': { min: 1, max: 10_000 },
  },
} as const satisfies Record<string, Record<string, FlagBounds>>;

/**
 * Which flags are real numbers (all others are integers). A table rather than a field so that the bounds above
 * read as plain ranges.
 */
export const REAL_FLAGS: ReadonlySet<string> = new Set([
  '--time-limit',
  '--deadline-days',
  '--days-per-round',
  '--bdm-q',
  '--bdm-t',
]);
