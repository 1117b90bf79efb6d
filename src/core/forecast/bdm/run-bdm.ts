import type { BdmMuRule, BdmOptions } from '../../../schema/forecast.js';
import { condorcetWinner, largestMarginPosition } from '../condorcet.js';
import { weightedMean } from '../weighted-mean.js';
import { weightedMedian } from '../weighted-median.js';
import { expectedUtilities } from './expected-utility.js';
import { type BdmMove, resolveOffers } from './resolve-offers.js';
import { riskExponents } from './risk-exponents.js';

/** One actor on one dimension. */
export interface BdmActor {
  capability: number;
  position: number;
  /** In [0, 1]. */
  salience: number;
}

export interface BdmRound {
  round: number;
  muFirstPass: number;
  muSecondPass: number;
  riskExponents: number[];
  /** EU and P of the second pass (the ones the offers are made from), challenger row, target column. */
  expectedUtility: number[][];
  probability: number[][];
  moves: BdmMove[];
  positionsAfter: number[];
  meanAfter: number;
  medianAfter: number;
  condorcetAfter: number;
}

export type BdmStop = 'converged' | 'oscillating' | 'max-rounds';

export interface BdmRun {
  rounds: BdmRound[];
  stop: BdmStop;
  /** For `oscillating`: the sets of positions the run cycles through, in order, starting with the one that recurred. */
  cycle?: number[][];
  /** The weighted mean of each set of positions in `cycle`. */
  cycleMeans?: number[];
  finalPositions: number[];
  /** The forecast: the μ rule applied to the final positions (every state of an oscillation is in `cycle`). */
  forecast: number;
}

function mu(rule: BdmMuRule, positions: readonly number[], weights: readonly number[]): number {
  switch (rule) {
    case 'condorcet':
      return condorcetWinner(positions, weights).value ?? positions[0];
    case 'median':
      return weightedMedian(positions, weights)?.value ?? positions[0];
    case 'mean':
      return weightedMean(positions, weights) ?? positions[0];
    case 'largest-margin':
      return largestMarginPosition(positions, weights);
  }
}

/**
 * The BDM expected-utility ("challenge") model as reconstructed by Scholz, Calbert & Smith (2011), one
 * dimension. Each round: a first pass with r = 1 gives security levels and risk exponents; a second pass
 * with those exponents gives the expected utilities from which offers are made; every receiver answers one
 * offer; all moves are applied together at the end of the round. Stops when nobody moves (or the largest
 * move is below epsilon × width), when a set of positions recurs (oscillating), or after maxRounds.
 */
export function runBdm(actors: readonly BdmActor[], width: number, options: BdmOptions): BdmRun {
  const saliences = actors.map((a) => a.salience);
  const weights = actors.map((a) => a.capability * a.salience);
  let positions = actors.map((a) => a.position);
  const seen: number[][] = [positions];
  const rounds: BdmRound[] = [];
  const secondRule = options.muRuleSecondPass ?? options.muRule;
  const common = {
    saliences,
    weights,
    width,
    q: options.q,
    t: options.t,
    probabilityRule: options.probabilityRule,
  };
  let stop: BdmStop = 'max-rounds';
  let cycle: number[][] | undefined;
  for (let round = 1; round <= options.maxRounds; round++) {
    const muFirstPass = mu(options.muRule, positions, weights);
    const first = expectedUtilities({
      ...common,
      positions,
      mu: muFirstPass,
      riskExponents: positions.map(() => 1),
    });
    const r = riskExponents(first.eu);
    const muSecondPass = mu(secondRule, positions, weights);
    const second = expectedUtilities({ ...common, positions, mu: muSecondPass, riskExponents: r });
    const moves = resolveOffers(positions, second.eu, options.offerRanking);
    const next = [...positions];
    for (const move of moves) next[move.receiver] = move.to;
    rounds.push({
      round,
      muFirstPass,
      muSecondPass,
      riskExponents: r,
      expectedUtility: second.eu,
      probability: second.probability,
      moves,
      positionsAfter: next,
      meanAfter: weightedMean(next, weights) ?? Number.NaN,
      medianAfter: weightedMedian(next, weights)?.value ?? Number.NaN,
      condorcetAfter: condorcetWinner(next, weights).value ?? Number.NaN,
    });
    const largestMove = Math.max(0, ...next.map((x, k) => Math.abs(x - positions[k])));
    positions = next;
    if (moves.length === 0 || largestMove <= options.epsilon * width) {
      stop = 'converged';
      break;
    }
    const tolerance = 1e-12 * width;
    const repeat = seen.findIndex((s) => s.every((x, k) => Math.abs(x - next[k]) <= tolerance));
    if (repeat >= 0) {
      stop = 'oscillating';
      cycle = seen.slice(repeat);
      break;
    }
    seen.push(next);
  }
  const cycleMeans = cycle?.map((p) => weightedMean(p, weights) ?? Number.NaN);
  return {
    rounds,
    stop,
    cycle,
    cycleMeans,
    finalPositions: positions,
    forecast: mu(options.muRule, positions, weights),
  };
}
