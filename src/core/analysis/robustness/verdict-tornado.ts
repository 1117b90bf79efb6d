import { realiseUtility } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import type { IntervalArray, PartyModel } from '../../model/party-model.js';
import type { Interval } from '../../model/uncertain.js';
import { evaluatePlan, planAcceptance } from './acceptance-plan.js';
import type { CandidatePackage } from './candidates.js';
import { TIE_TOLERANCE } from './monte-carlo.js';

/**
 * One-at-a-time sensitivity of each signatory's verdict on a package: every estimate (issue weight, the value
 * of each option the package allows, adjustment, BATNA) is moved alone to the low and to the high end of its
 * range, the others staying at their estimates, and the party's margin (worst utility over the package's
 * completions minus its BATNA) is recomputed. A bar "flips" the verdict when the margin changes sign.
 */
export interface TornadoBar {
  party: string;
  name: string;
  /** What is moved, in words ("weight of Security guarantees"). */
  estimate: string;
  range: Interval;
  marginAtLow: number;
  marginAtHigh: number;
  /** True when moving the estimate to one end of its range changes the party's verdict. */
  flips: boolean;
}

export interface VerdictTornado {
  package: string;
  /** Margin of each signatory at the estimates; red lines crossed by every completion cannot be flipped. */
  parties: Array<{
    party: string;
    name: string;
    margin: number;
    redLines: 'crossed' | 'respected' | 'depends';
  }>;
  /** At most `limit` bars, largest swing first: those that flip a verdict, then the largest other swings. */
  bars: TornadoBar[];
  /** Estimates examined in all; bars beyond the limit are left out and counted here. */
  examined: number;
  leftOut: number;
}

type Mover = { label: string; range: Interval; with: (model: PartyModel, value: number) => PartyModel };

function replaceIn(array: IntervalArray, k: number, value: number): IntervalArray {
  const estimate = Float64Array.from(array.estimate);
  estimate[k] = value;
  return { ...array, estimate };
}

const at = (array: IntervalArray, k: number): Interval => ({
  estimate: array.estimate[k],
  low: array.low[k],
  high: array.high[k],
});

function movers(compiled: CompiledScenario, model: PartyModel, pack: CandidatePackage): Mover[] {
  const list: Mover[] = [];
  compiled.space.issues.forEach((issue, i) => {
    list.push({
      label: `weight of ${issue.title}`,
      range: at(model.weights, i),
      with: (m, v) => ({ ...m, weights: replaceIn(m.weights, i, v) }),
    });
    for (const k of pack.subspace.allowed[i]) {
      list.push({
        label: `value of “${issue.labels[k]}” (${issue.title})`,
        range: at(model.values[i], k),
        with: (m, v) => ({ ...m, values: m.values.map((a, j) => (j === i ? replaceIn(a, k, v) : a)) }),
      });
    }
  });
  model.adjustments.forEach((adjustment, k) => {
    list.push({
      label: `adjustment “${adjustment.description || adjustment.id}”`,
      range: adjustment.delta,
      with: (m, v) => ({
        ...m,
        adjustments: m.adjustments.map((a, j) =>
          j === k ? { ...a, delta: { ...a.delta, estimate: v } } : a,
        ),
      }),
    });
  });
  list.push({
    label: 'BATNA',
    range: model.batna,
    with: (m, v) => ({ ...m, batna: { ...m.batna, estimate: v } }),
  });
  return list.filter((mover) => mover.range.high > mover.range.low);
}

function margin(model: PartyModel, pack: CandidatePackage): number {
  const fn = realiseUtility(model, 'estimate');
  return evaluatePlan(planAcceptance(model, pack.subspace), fn, pack.subspace).worst - fn.batna;
}

const accepts = (x: number) => x >= -TIE_TOLERANCE;

export function verdictTornado(
  compiled: CompiledScenario,
  pack: CandidatePackage,
  limit = 12,
): VerdictTornado {
  const parties: VerdictTornado['parties'] = [];
  const bars: TornadoBar[] = [];
  for (const m of compiled.signatories) {
    const model = compiled.models[m];
    const redLines = planAcceptance(model, pack.subspace).redLines;
    const base = margin(model, pack);
    parties.push({ party: model.party, name: model.name, margin: base, redLines });
    if (redLines === 'crossed') continue;
    for (const mover of movers(compiled, model, pack)) {
      const marginAtLow = margin(mover.with(model, mover.range.low), pack);
      const marginAtHigh = margin(mover.with(model, mover.range.high), pack);
      bars.push({
        party: model.party,
        name: model.name,
        estimate: mover.label,
        range: mover.range,
        marginAtLow,
        marginAtHigh,
        flips: accepts(marginAtLow) !== accepts(base) || accepts(marginAtHigh) !== accepts(base),
      });
    }
  }
  const swing = (b: TornadoBar) => Math.abs(b.marginAtHigh - b.marginAtLow);
  const ordered = [...bars].sort((a, b) => Number(b.flips) - Number(a.flips) || swing(b) - swing(a));
  // Bars that flip a verdict come first, so the limit only ever drops bars that do not.
  const kept = ordered.slice(0, limit);
  kept.sort((a, b) => swing(b) - swing(a));
  return { package: pack.id, parties, bars: kept, examined: bars.length, leftOut: bars.length - kept.length };
}
