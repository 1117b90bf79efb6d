import type { ConflictPreference } from './conflict.js';
import { type StateSpace, satisfies } from './state-space.js';

/**
 * A score per state for one decision maker: higher is more preferred, equal scores are ties. Prioritised
 * statements give Σ 2^(n-1-k) over the true statements (so statement k outweighs all later ones together);
 * a ranking gives (number of classes − class position).
 */
export function preferenceScores(preference: ConflictPreference, space: StateSpace): Float64Array {
  const n = space.codes.length;
  const scores = new Float64Array(n);
  if (preference.kind === 'statements') {
    const count = preference.statements.length;
    preference.statements.forEach((statement, k) => {
      const weight = 2 ** (count - 1 - k);
      for (let s = 0; s < n; s++) {
        if (statement.some((conjunction) => satisfies(space.codes[s], conjunction))) scores[s] += weight;
      }
    });
    return scores;
  }
  const classes = preference.ranking.length;
  preference.ranking.forEach((tieClass, position) => {
    for (const state of tieClass) scores[state - 1] = classes - position;
  });
  return scores;
}

/** The states (1-based) in classes of equal score, most preferred class first; ascending within a class. */
export function tieClasses(scores: Float64Array): number[][] {
  const order = Array.from(scores, (_, s) => s).sort((a, b) => scores[b] - scores[a] || a - b);
  const classes: number[][] = [];
  order.forEach((s, k) => {
    if (k > 0 && scores[order[k - 1]] === scores[s]) classes[classes.length - 1].push(s + 1);
    else classes.push([s + 1]);
  });
  return classes;
}
