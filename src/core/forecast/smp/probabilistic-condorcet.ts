import type { SmpPceModel, SmpVictoryProbModel, SmpVotingRule } from '../../../schema/forecast.js';
import { maxOf } from '../../statistics/extremes.js';
import { victoryProbability, vote } from './voting.js';

export interface PceSettings {
  votingRule: SmpVotingRule;
  victoryModel: SmpVictoryProbModel;
  pceModel: SmpPceModel;
}

/** Floor of every coalition's strength, so that a contest nobody supports is 50:50 rather than 0/0. */
const COALITION_FLOOR = 1e-8;

/**
 * Coalition strengths c[a][b] = floor + Σ_k max(0, vote_k(a over b)), where utilities[k][a] is actor k's
 * utility of option a and weights[k] its voting weight.
 */
export function coalitionStrengths(
  weights: readonly number[],
  utilities: readonly (readonly number[])[],
  rule: SmpVotingRule,
): number[][] {
  const options = utilities[0]?.length ?? 0;
  const c = Array.from({ length: options }, () => new Array<number>(options).fill(COALITION_FLOOR));
  for (let a = 0; a < options; a++) {
    for (let b = 0; b < options; b++) {
      if (a === b) continue;
      for (let k = 0; k < weights.length; k++) {
        const v = vote(rule, weights[k], utilities[k][a], utilities[k][b]);
        if (v > 0) c[a][b] += v;
      }
    }
  }
  return c;
}

/** P[a > b] from coalition strengths; P[a > a] = 1/2. */
export function pairwiseVictory(c: readonly (readonly number[])[], model: SmpVictoryProbModel): number[][] {
  return c.map((row, a) => row.map((_, b) => (a === b ? 0.5 : victoryProbability(model, c[a][b], c[b][a]))));
}

/** Scales to sum 1; a vector with no mass (every option hopeless) becomes uniform. */
function normalise(p: number[]): number[] {
  const total = p.reduce((s, x) => s + x, 0);
  if (!(total > 0) || !Number.isFinite(total)) return p.map(() => 1 / p.length);
  return p.map((x) => x / total);
}

/**
 * The probabilistic Condorcet election over options from pairwise victory probabilities.
 * - Conditional: p_a ∝ Π_b P[a > b].
 * - MarkovUniform: each option is challenged by a uniformly chosen one; iterate
 *   q_a = (1/n) Σ_b P[a > b](p_a + p_b), p ← (p + q)/2 to 1e-6.
 * - MarkovIncentive: challengers chosen in proportion to their incentive c[a][b] P[a > b], normalised per
 *   incumbent; iterate q_a = Σ_b P[a > b](p_a ch[b][a] + p_b ch[a][b]) to 1e-8.
 */
export function condorcetProbabilities(
  victory: readonly (readonly number[])[],
  c: readonly (readonly number[])[],
  model: SmpPceModel,
): number[] {
  const n = victory.length;
  if (model === 'Conditional') {
    return normalise(victory.map((row) => row.reduce((product, x) => product * x, 1)));
  }
  let p = new Array<number>(n).fill(1 / n);
  if (model === 'MarkovUniform') {
    for (let iteration = 0; iteration < 10_000; iteration++) {
      const q = p.map((pa, a) => victory[a].reduce((s, v, b) => s + v * (pa + p[b]), 0) / n);
      const next = normalise(p.map((x, a) => (x + q[a]) / 2));
      const change = maxOf(next.map((x, a) => Math.abs(x - p[a])));
      p = next;
      if (change < 1e-6) break;
    }
    return p;
  }
  // challenge[a][b]: probability that a is the challenger of incumbent b.
  const challenge = Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => {
      let total = 0;
      for (let k = 0; k < n; k++) if (k !== b) total += c[k][b] * victory[k][b];
      return a === b || total === 0 ? 0 : (c[a][b] * victory[a][b]) / total;
    }),
  );
  for (let iteration = 0; iteration < 10_000; iteration++) {
    const q = p.map((pa, a) => {
      let s = 0;
      for (let b = 0; b < n; b++)
        if (b !== a) s += victory[a][b] * (pa * challenge[b][a] + p[b] * challenge[a][b]);
      return s;
    });
    const next = normalise(q.map((x) => Math.max(0, x)));
    const change = maxOf(next.map((x, a) => Math.abs(x - p[a])));
    p = next;
    if (change < 1e-8) break;
  }
  return p;
}

/** The whole election: coalitions, pairwise victory, then the option probabilities. */
export function electionProbabilities(
  weights: readonly number[],
  utilities: readonly (readonly number[])[],
  settings: PceSettings,
): number[] {
  const c = coalitionStrengths(weights, utilities, settings.votingRule);
  return condorcetProbabilities(pairwiseVictory(c, settings.victoryModel), c, settings.pceModel);
}
