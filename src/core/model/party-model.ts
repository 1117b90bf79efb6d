import type { Batna, IssueValues, Preferences, Scenario } from '../../schema/scenario.js';
import type { OutcomeSpace, SpaceIssue } from './outcome-space.js';
import { own } from './own-key.js';
import { type CompiledRule, compileRule } from './rule.js';
import { type Interval, toInterval } from './uncertain.js';

/** Estimate, low and high of a per-option quantity. */
export interface IntervalArray {
  estimate: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

export interface CompiledAdjustment {
  id: string;
  description: string;
  when: CompiledRule;
  delta: Interval;
}

export interface CompiledRedLine {
  id: string;
  description: string;
  source: string;
  /** The red line is crossed exactly when this rule holds (a `requires` rule is negated here). */
  crossedWhen: CompiledRule;
}

/**
 * One party's preferences compiled against an outcome space, keeping every estimate's range.
 * Weights are raw (normalised only when a point value is chosen, since normalisation couples them).
 */
export interface PartyModel {
  party: string;
  /** Position of the party in scenario.parties. */
  partyIndex: number;
  name: string;
  role: 'signatory' | 'mediator' | 'guarantor' | 'observer';
  weights: IntervalArray;
  /** values[issue] holds each option's value on 0..100. */
  values: IntervalArray[];
  adjustments: CompiledAdjustment[];
  redLines: CompiledRedLine[];
  batna: Interval;
  /** The date the BATNA was read at, if it is a dated series. */
  batnaDate?: string;
  /** The BATNA condition was dropped (a relaxation): no zone constraint; `batna` is then a utility floor. */
  batnaDropped?: boolean;
  capability?: Interval;
  source: string;
  basis: string;
}

function intervalArray(length: number): IntervalArray {
  return {
    estimate: new Float64Array(length),
    low: new Float64Array(length),
    high: new Float64Array(length),
  };
}

function setInterval(target: IntervalArray, k: number, value: Interval): void {
  target.estimate[k] = value.estimate;
  target.low[k] = value.low;
  target.high[k] = value.high;
}

export function interpolate(points: Array<[number, Interval]>, x: number): Interval {
  if (x <= points[0][0]) return points[0][1];
  const last = points[points.length - 1];
  if (x >= last[0]) return last[1];
  let k = 1;
  while (points[k][0] < x) k++;
  const [x0, a] = points[k - 1];
  const [x1, b] = points[k];
  const t = (x - x0) / (x1 - x0);
  const mix = (p: number, q: number) => p + t * (q - p);
  return { estimate: mix(a.estimate, b.estimate), low: mix(a.low, b.low), high: mix(a.high, b.high) };
}

function compileValues(values: IssueValues | undefined, issue: SpaceIssue): IntervalArray {
  const result = intervalArray(issue.optionIds.length);
  if (values === undefined) return result;
  if ('piecewiseLinear' in values && Array.isArray(values.piecewiseLinear)) {
    const points = values.piecewiseLinear.map(([x, v]): [number, Interval] => [x, toInterval(v)]);
    const grid = issue.numericValues ?? new Float64Array();
    for (let k = 0; k < grid.length; k++) setInterval(result, k, interpolate(points, grid[k]));
    return result;
  }
  const table = values as Record<string, number | Interval>;
  issue.optionIds.forEach((id, k) => {
    const v = own(table, id);
    if (v !== undefined) setInterval(result, k, toInterval(v));
  });
  return result;
}

/**
 * The BATNA at a date. A dated series uses the latest entry at or before the date (step) or interpolates
 * between entries (linear); before the first entry the first value holds, after the last the last.
 * Without a date, the last entry of the series is used.
 */
export function batnaAt(batna: Batna, at: string | undefined): { value: Interval; date?: string } {
  if (typeof batna === 'number' || !('series' in batna)) return { value: toInterval(batna) };
  const series = batna.series;
  if (at === undefined) {
    const last = series[series.length - 1];
    return { value: toInterval(last.value), date: last.date };
  }
  if (batna.interpolation === 'linear') {
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    const points = series.map((p): [number, Interval] => [day(p.date), toInterval(p.value)]);
    return { value: interpolate(points, day(at)), date: at };
  }
  let chosen = series[0];
  for (const entry of series) if (entry.date <= at) chosen = entry;
  return { value: toInterval(chosen.value), date: at };
}

export function compilePartyModel(
  preferences: Preferences,
  scenario: Pick<Scenario, 'parties'>,
  space: OutcomeSpace,
  at?: string,
): PartyModel {
  const partyIndex = scenario.parties.findIndex((p) => p.id === preferences.party);
  const party = scenario.parties[partyIndex];
  if (!party) throw new RangeError(`preferences name an unknown party '${preferences.party}'`);
  const weights = intervalArray(space.issues.length);
  space.issues.forEach((issue, i) => {
    const w = own(preferences.weights, issue.id);
    if (w !== undefined) setInterval(weights, i, toInterval(w));
  });
  const batna = batnaAt(preferences.batna, at);
  return {
    party: party.id,
    partyIndex,
    name: party.name,
    role: party.role,
    weights,
    values: space.issues.map((issue) => compileValues(own(preferences.values, issue.id), issue)),
    adjustments: (preferences.adjustments ?? []).map((a) => ({
      id: a.id,
      description: a.description,
      when: compileRule(a.when, space),
      delta: toInterval(a.delta),
    })),
    redLines: (preferences.redLines ?? []).map((r) => ({
      id: r.id,
      description: r.description,
      source: r.source,
      crossedWhen: r.crossedWhen
        ? compileRule(r.crossedWhen, space)
        : { kind: 'not', rule: compileRule(r.requires ?? { all: [] }, space) },
    })),
    batna: batna.value,
    batnaDate: batna.date,
    capability: party.capability === undefined ? undefined : toInterval(party.capability),
    source: preferences.source,
    basis: preferences.basis ?? 'analyst-estimate',
  };
}
