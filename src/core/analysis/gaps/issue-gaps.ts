import type { CompiledScenario } from '../../model/compile.js';
import type { PartyModel } from '../../model/party-model.js';
import { minOf } from '../../statistics/extremes.js';

/**
 * How far apart the parties are, issue by issue, at the best estimates of their preferences.
 *
 * On issue i, party p's salience s_p is its normalised weight w_p,i / sum_j w_p,j, and its loss from an
 * option x is what the issue then costs it in utility points, relative to its favourite:
 *   loss_p(x) = s_p * (max_k v_p,i(k) - v_p,i(x)),
 * which is exactly the drop in p's additive utility (0..100) when issue i moves from p's favourite to x.
 * p's favourites are the options of highest value (a tie gives a set). The loss p suffers from q's favourite
 * is the smallest over q's set (q is indifferent among them, so the option kinder to p counts).
 * The gap of a pair is loss_p(favourite of q) + loss_q(favourite of p): the utility points the two would
 * forgo on this issue if each took the other's favourite. The issue's gap is the sum over pairs.
 * Adjustments are left out: they couple issues and cannot be charged to one issue.
 */
export interface PartySide {
  party: string;
  /** Option ids of the party's favourites on the issue. */
  favourites: string[];
  salience: number;
}

export interface PairGap {
  parties: [string, string];
  /** [loss of the first from the second's favourite, loss of the second from the first's favourite] */
  losses: [number, number];
  gap: number;
}

export interface IssueGap {
  issue: string;
  title: string;
  sides: PartySide[];
  pairs: PairGap[];
  /** Sum of the pair gaps, in utility points. 0 when every pair shares a favourite. */
  total: number;
  /** The options with the smallest total loss over the parties (the least any settlement of the issue costs). */
  leastCostly: { options: string[]; loss: number };
}

export interface GapOptions {
  /** Whose gaps count: the signatories (default) or every party with preferences. */
  parties?: 'signatories' | 'all';
}

const TIE = 1e-9;

export function chosenModels(compiled: CompiledScenario, options: GapOptions = {}): PartyModel[] {
  return (options.parties ?? 'signatories') === 'all'
    ? compiled.models
    : compiled.signatories.map((k) => compiled.models[k]);
}

export function salience(model: PartyModel, issue: number): number {
  let total = 0;
  for (const w of model.weights.estimate) total += w;
  return total > 0 ? model.weights.estimate[issue] / total : 0;
}

/** Party p's loss on `issue` from each option: salience * (best value - value). */
export function lossesOn(model: PartyModel, issue: number): Float64Array {
  const values = model.values[issue].estimate;
  let best = Number.NEGATIVE_INFINITY;
  for (const v of values) best = Math.max(best, v);
  const s = salience(model, issue);
  return values.map((v) => s * (best - v));
}

export function favouritesOf(model: PartyModel, issue: number): number[] {
  const values = model.values[issue].estimate;
  let best = Number.NEGATIVE_INFINITY;
  for (const v of values) best = Math.max(best, v);
  const favourites: number[] = [];
  values.forEach((v, k) => {
    if (v >= best - TIE) favourites.push(k);
  });
  return favourites;
}

export function issueGaps(compiled: CompiledScenario, options: GapOptions = {}): IssueGap[] {
  const models = chosenModels(compiled, options);
  return compiled.space.issues.map((issue, i): IssueGap => {
    const losses = models.map((m) => lossesOn(m, i));
    const favourites = models.map((m) => favouritesOf(m, i));
    const lossFrom = (p: number, q: number) => minOf(favourites[q].map((k) => losses[p][k]));
    const pairs: PairGap[] = [];
    for (let p = 0; p < models.length; p++) {
      for (let q = p + 1; q < models.length; q++) {
        const pair: [number, number] = [lossFrom(p, q), lossFrom(q, p)];
        pairs.push({ parties: [models[p].party, models[q].party], losses: pair, gap: pair[0] + pair[1] });
      }
    }
    const optionLoss = issue.optionIds.map((_, k) => losses.reduce((sum, l) => sum + l[k], 0));
    const least = minOf(optionLoss);
    return {
      issue: issue.id,
      title: issue.title,
      sides: models.map((m, p) => ({
        party: m.party,
        favourites: favourites[p].map((k) => issue.optionIds[k]),
        salience: salience(m, i),
      })),
      pairs,
      total: pairs.reduce((sum, pair) => sum + pair.gap, 0),
      leastCostly: {
        options: issue.optionIds.filter((_, k) => optionLoss[k] <= least + TIE),
        loss: least,
      },
    };
  });
}
