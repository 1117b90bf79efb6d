import type { SmpVictoryProbModel, SmpVotingRule } from '../../../schema/forecast.js';

/** How an actor with weight w turns a utility difference Δu = u(a) - u(b) into support for a over b. */
export function vote(rule: SmpVotingRule, weight: number, ua: number, ub: number): number {
  const du = ua - ub;
  const binary = Math.max(-1, Math.min(1, du / 1e-8));
  switch (rule) {
    case 'Binary':
      return weight * binary;
    case 'PropBin':
      return weight * (0.8 * du + 0.2 * binary);
    case 'Proportional':
      return weight * du;
    case 'PropCbc':
      return weight * (0.5 * du + 0.5 * du ** 3);
    case 'Cubic':
      return weight * du ** 3;
    case 'ASymProsp':
      return du < 0 ? weight * du : (2 / 3) * weight * du;
  }
}

/** Threshold of the Binary victory model: a side at least this many times stronger wins outright. */
const BINARY_THRESHOLD = 1.1;

/**
 * Probability that the side with strength `a` beats the side with strength `b`. Linear a/(a+b); Square,
 * Quartic and Octic raise each strength to 2, 4, 8 first; Binary: certain victory at 1.1× the other's
 * strength, and linear in the log of the ratio in between (Parley's reading of "linear in between").
 */
export function victoryProbability(model: SmpVictoryProbModel, a: number, b: number): number {
  const power = (k: number) => a ** k / (a ** k + b ** k);
  switch (model) {
    case 'Linear':
      return a / (a + b);
    case 'Square':
      return power(2);
    case 'Quartic':
      return power(4);
    case 'Octic':
      return power(8);
    case 'Binary': {
      const x = 0.5 + (0.5 * Math.log(a / b)) / Math.log(BINARY_THRESHOLD);
      return Math.max(0, Math.min(1, x));
    }
  }
}
