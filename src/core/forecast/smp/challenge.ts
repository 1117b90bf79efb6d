import type { SmpThirdPartyCommit, SmpVotingRule } from '../../../schema/forecast.js';
import { vote } from './voting.js';

/** What one actor knows when it weighs a challenge: everyone's utilities as it estimates them. */
export interface ChallengeContext {
  /** utilities[n][p]: the estimating actor's view of actor n's utility of actor p's position. */
  utilities: readonly (readonly number[])[];
  capabilities: readonly number[];
  /** Σ_k salience per actor (<= 1): its weight in a contest and the probability that it resists. */
  totalSaliences: readonly number[];
  votingRule: SmpVotingRule;
  thirdPartyCommit: SmpThirdPartyCommit;
}

/** Each side of a contest starts with this much strength, so that an unsupported contest is 50:50. */
const PRINCIPAL_FLOOR = 1e-10;

/**
 * A third party's three-position utility of each outcome of the i:j contest, as KTAB's sum-of-utilities
 * model adds them: its own position counts when it is not carried along by the side it joined.
 */
function thirdPartyOutcomes(commit: SmpThirdPartyCommit, ui: number, uj: number, un: number) {
  switch (commit) {
    case 'FullCommit':
      return { joinIWins: 3 * ui, joinILoses: 3 * uj, joinJWins: 3 * uj, joinJLoses: 3 * ui };
    case 'SemiCommit':
      return { joinIWins: 2 * ui + un, joinILoses: 3 * uj, joinJWins: 2 * uj + un, joinJLoses: 3 * ui };
    case 'NoCommit':
      return {
        joinIWins: 2 * ui + un,
        joinILoses: 2 * uj + un,
        joinJWins: 2 * uj + un,
        joinJLoses: 2 * ui + un,
      };
  }
}

export interface ChallengeEstimate {
  /** Probability that i prevails over j. */
  probability: number;
  /** Expected gain to the evaluating actor k, in KTAB's "2× utility" units. */
  gain: number;
}

/**
 * The estimated effect on actor k of i challenging j (KTAB `probEduChlg`). The principals vote with weight
 * capability × total salience for the side they favour; each third party first judges the little contest
 * of the principals and itself, then joins the side whose outcome it prefers (it sees only the principals'
 * strength, never the other third parties'). If j does not resist (1 - S_j), i's position is adopted.
 */
export function estimateChallenge(
  context: ChallengeContext,
  k: number,
  i: number,
  j: number,
): ChallengeEstimate {
  const { utilities: u, capabilities, totalSaliences, votingRule } = context;
  const weight = (n: number) => capabilities[n] * totalSaliences[n];
  let forI = PRINCIPAL_FLOOR;
  let forJ = PRINCIPAL_FLOOR;
  for (const v of [
    vote(votingRule, weight(i), u[i][i], u[i][j]),
    vote(votingRule, weight(j), u[j][i], u[j][j]),
  ]) {
    if (v > 0) forI += v;
    if (v < 0) forJ -= v;
  }
  let totalI = forI;
  let totalJ = forJ;
  for (let n = 0; n < u.length; n++) {
    if (n === i || n === j) continue;
    const own = vote(votingRule, weight(n), u[n][i], u[n][j]);
    const withN = forI + Math.max(0, own);
    const againstN = forJ + Math.max(0, -own);
    const pi = withN / (withN + againstN);
    const o = thirdPartyOutcomes(context.thirdPartyCommit, u[n][i], u[n][j], u[n][n]);
    const joinI = pi * o.joinIWins + (1 - pi) * o.joinILoses;
    const joinJ = (1 - pi) * o.joinJWins + pi * o.joinJLoses;
    const v = vote(votingRule, weight(n), joinI, joinJ);
    if (v > 0) totalI += v;
    if (v < 0) totalJ -= v;
  }
  const probability = totalI / (totalI + totalJ);
  const sj = totalSaliences[j];
  const iWins = 2 * u[k][i];
  const jWins = 2 * u[k][j];
  const challenged = (1 - sj) * iWins + sj * (probability * iWins + (1 - probability) * jWins);
  return { probability, gain: challenged - (u[k][i] + u[k][j]) };
}
