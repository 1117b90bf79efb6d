import type { SmpOptions } from '../../../schema/forecast.js';
import { createRng } from '../../random/rng.js';
import { type SmpActors, type SmpTurnRecord, smpTurn } from './smp-turn.js';

export interface SmpTurn extends Omit<SmpTurnRecord, 'next'> {
  turn: number;
  /** Positions at the start of the turn (0..1 per dimension). */
  positions: number[][];
  /** Σ_i ‖p_i(t+1) - p_i(t)‖ over this turn's moves. */
  movement: number;
  /** This turn's movement over the first turn's (+1e-4): the stopping statistic. */
  fractionalChange: number;
}

export interface SmpRun {
  turns: SmpTurn[];
  /** Positions after the last turn, with their risk attitudes and win probabilities. */
  final: { positions: number[][]; risk: number[]; winProbability: number[] };
  stop: 'converged' | 'max-turns';
}

function movement(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    let s = 0;
    for (let k = 0; k < a[i].length; k++) s += (a[i][k] - b[i][k]) ** 2;
    total += Math.sqrt(s);
  }
  return total;
}

/** Keeps the stopping ratio finite when the first turn moves nobody. */
const MIN_SIGNIFICANT_MOVE = 1e-4;

/**
 * Runs KTAB's Spatial Model of Politics from the given positions (0..1 per dimension) until the movement in
 * a turn falls below `stopFraction` of the first turn's (after at least `minTurns` turns), or `maxTurns`.
 */
export function runSmp(
  actors: SmpActors,
  start: readonly (readonly number[])[],
  options: SmpOptions,
): SmpRun {
  const rng = createRng(options.seed).fork('smp');
  let positions = start.map((p) => [...p]);
  const turns: SmpTurn[] = [];
  let first = 0;
  let stop: SmpRun['stop'] = 'max-turns';
  for (let turn = 1; turn <= options.maxTurns; turn++) {
    const record = smpTurn(actors, positions, options, rng.fork(turn));
    const moved = movement(record.next, positions);
    if (turn === 1) first = moved;
    const fractionalChange = moved / (first + MIN_SIGNIFICANT_MOVE);
    const { next, ...rest } = record;
    turns.push({ turn, positions, movement: moved, fractionalChange, ...rest });
    positions = next;
    if (turn >= options.minTurns && fractionalChange < options.stopFraction) {
      stop = 'converged';
      break;
    }
  }
  const last = smpTurn(actors, positions, { ...options, maxTurns: 1 }, rng.fork('final'));
  return { turns, final: { positions, risk: last.risk, winProbability: last.winProbability }, stop };
}
