import type { BdmProbabilityRule } from '../../../schema/forecast.js';
import { basicUtilities } from './basic-utilities.js';
import { allTriplesDenominator, probabilityOfSuccess } from './probability-of-success.js';

export interface ExpectedUtilityInput {
  positions: readonly number[];
  saliences: readonly number[];
  /** capability × salience per actor. */
  weights: readonly number[];
  /** Width of the dimension's scale. */
  width: number;
  mu: number;
  riskExponents: readonly number[];
  q: number;
  t: number;
  probabilityRule: BdmProbabilityRule;
}

export interface ExpectedUtilities {
  /** eu[i][j]: what i expects from challenging j (0 on the diagonal). */
  eu: number[][];
  /** probability[i][j]: P that i prevails over j. */
  probability: number[][];
}

/**
 * EU_ij = s_j [P_ij U_s + (1 - P_ij) U_f] + (1 - s_j) U_s - [Q U_sq + (1 - Q)(T U_b + (1 - T) U_w)]:
 * if j does not care (1 - s_j) i gets its way; if j resists, i wins with probability P_ij; against that i
 * weighs leaving things as they are, which stay (Q) or get better (T) or worse.
 */
export function expectedUtilities(input: ExpectedUtilityInput): ExpectedUtilities {
  const { positions, saliences, weights, width, mu, riskExponents, q, t, probabilityRule } = input;
  const n = positions.length;
  const allTriples =
    probabilityRule === 'all-triples' ? allTriplesDenominator(positions, weights) : undefined;
  const eu = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const probability = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const fromMu = Math.abs(positions[i] - mu) / width;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const p = probabilityOfSuccess(probabilityRule, i, j, positions, weights, allTriples);
      probability[i][j] = p;
      const u = basicUtilities(Math.abs(positions[i] - positions[j]) / width, fromMu, riskExponents[i]);
      const challenge = saliences[j] * (p * u.success + (1 - p) * u.failure) + (1 - saliences[j]) * u.success;
      const stayPut = q * u.statusQuo + (1 - q) * (t * u.better + (1 - t) * u.worse);
      eu[i][j] = challenge - stayPut;
    }
  }
  return { eu, probability };
}
