import type { IntervalArray, PartyModel } from '../model/party-model.js';
import { type CompiledRule, holds } from '../model/rule.js';
import type { Interval, Pick } from '../model/uncertain.js';

/** Chooses one value inside an estimate's range: the estimate, an end, or a random draw. */
export type Realise = (interval: Interval) => number;

export const realisers: Record<Pick, Realise> = {
  estimate: (i) => i.estimate,
  low: (i) => i.low,
  high: (i) => i.high,
};

/**
 * A party's utility with every estimate fixed to one value:
 * u(o) = sum_i contribution[i][o_i] + sum of deltas of adjustments whose condition holds,
 * where contribution[i][k] = (w_i / sum_j w_j) * value_i(k), so the additive part lies in 0..100.
 */
export interface UtilityFunction {
  party: string;
  contribution: Float64Array[];
  adjustments: Array<{ id: string; when: CompiledRule; delta: number }>;
  batna: number;
}

function realiseArray(source: IntervalArray, realise: Realise): Float64Array {
  const out = new Float64Array(source.estimate.length);
  for (let k = 0; k < out.length; k++) {
    out[k] = realise({ estimate: source.estimate[k], low: source.low[k], high: source.high[k] });
  }
  return out;
}

export function realiseUtility(model: PartyModel, how: Realise | Pick = 'estimate'): UtilityFunction {
  const realise = typeof how === 'function' ? how : realisers[how];
  const weights = realiseArray(model.weights, realise);
  let total = 0;
  for (const w of weights) total += w;
  const contribution = model.values.map((values, i) => {
    const v = realiseArray(values, realise);
    const scale = total > 0 ? weights[i] / total : 0;
    for (let k = 0; k < v.length; k++) v[k] *= scale;
    return v;
  });
  return {
    party: model.party,
    contribution,
    adjustments: model.adjustments.map((a) => ({ id: a.id, when: a.when, delta: realise(a.delta) })),
    batna: realise(model.batna),
  };
}

export function utilityOf(u: UtilityFunction, outcome: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < u.contribution.length; i++) sum += u.contribution[i][outcome[i]];
  for (const a of u.adjustments) if (holds(a.when, outcome)) sum += a.delta;
  return sum;
}
