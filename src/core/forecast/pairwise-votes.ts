/**
 * Black's pairwise vote between two positions: every actor backs the position nearer to its own, with its
 * weight times the difference in distance. Positive means `a` beats `b`.
 */
export function pairwiseVote(
  a: number,
  b: number,
  positions: readonly number[],
  weights: readonly number[],
): number {
  let votes = 0;
  for (let i = 0; i < positions.length; i++) {
    votes += weights[i] * (Math.abs(positions[i] - b) - Math.abs(positions[i] - a));
  }
  return votes;
}

/** The distinct positions in ascending order. */
export function distinctPositions(positions: readonly number[]): number[] {
  return [...new Set(positions)].sort((a, b) => a - b);
}
