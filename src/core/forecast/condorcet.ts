import { distinctPositions, pairwiseVote } from './pairwise-votes.js';
import { weightedMedian } from './weighted-median.js';

export interface CondorcetResult {
  /** The position that beats every other actor position in a pairwise vote; undefined on a cycle or tie. */
  winner: number | undefined;
  /** The value to use: the winner, or the lower weighted median when there is none. */
  value: number | undefined;
  /** True when there was no Condorcet winner and the weighted median stands in for it. */
  fellBackToMedian: boolean;
  /** votes[a][b] over the distinct positions (ascending): positive means a beats b. */
  positions: number[];
  votes: number[][];
}

/**
 * The Condorcet winner among the actors' positions under weighted pairwise (Black) votes. A position wins
 * only if it beats every other position strictly; a cycle or a tie leaves no winner, and the lower weighted
 * median is returned instead, flagged as a fallback. (The single pair with the largest margin is not the
 * Condorcet winner; see `largestMarginPosition` for that older rule.)
 */
export function condorcetWinner(positions: readonly number[], weights: readonly number[]): CondorcetResult {
  const distinct = distinctPositions(positions);
  const votes = distinct.map((a) =>
    distinct.map((b) => (a === b ? 0 : pairwiseVote(a, b, positions, weights))),
  );
  const tolerance =
    1e-12 *
    Math.max(
      1,
      weights.reduce((s, w) => s + Math.abs(w), 0),
    );
  const index = distinct.findIndex((_, a) => distinct.every((__, b) => a === b || votes[a][b] > tolerance));
  if (index >= 0) {
    return {
      winner: distinct[index],
      value: distinct[index],
      fellBackToMedian: false,
      positions: distinct,
      votes,
    };
  }
  return {
    winner: undefined,
    value: weightedMedian(positions, weights)?.value,
    fellBackToMedian: true,
    positions: distinct,
    votes,
  };
}

/**
 * The position `a` of the single actor pair (a, b) with the largest vote margin for a over b, scanning actors
 * in input order and keeping the first maximum. This is the `vote()` of one public BDM replication (dmasad);
 * it is kept only so that replication can be reproduced, since it is not the Condorcet winner.
 */
export function largestMarginPosition(positions: readonly number[], weights: readonly number[]): number {
  let best = positions[0];
  let bestVotes = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < positions.length; a++) {
    for (let b = 0; b < positions.length; b++) {
      if (a === b) continue;
      const v = pairwiseVote(positions[a], positions[b], positions, weights);
      if (v > bestVotes) {
        bestVotes = v;
        best = positions[a];
      }
    }
  }
  return best;
}
