import type { ActorTable, ForecastActor, ForecastDimension } from '../../../schema/forecast.js';
import type { Issue, Preferences, Scenario } from '../../../schema/scenario.js';
import { closestId } from '../../model/closest-id.js';
import { interpolate } from '../../model/party-model.js';
import { toInterval } from '../../model/uncertain.js';
import { maxOf } from '../../statistics/extremes.js';
import type { TableProblem, TableRead } from './table-problem.js';

/**
 * How a party's salience on an issue is read from its weights:
 * - `share`: the issue's share of the party's total weight, so saliences sum to 1 across all issues
 *   (KTAB's reading: the sum is the chance the actor resists);
 * - `top`: relative to the party's heaviest issue (1 for it), the classic BDM reading of 0..100 salience;
 * - `by-model` (default): each model its own reading: `top` for the one-issue models (mean, median,
 *   Condorcet, BDM), `share` for SMP, which weighs all issues together.
 */
export type SalienceReading = 'by-model' | 'share' | 'top';

/** Where a party's position on an issue comes from: its favourite option, or its latest stated position. */
export type PositionSource = 'preferences' | 'stated';

const SALIENCE_TEXT: Record<SalienceReading, string> = {
  share: "each issue's share of the party's total weight",
  top: "weights relative to the party's heaviest issue",
  'by-model':
    "weights relative to the party's heaviest issue for mean, median, Condorcet and BDM, and each issue's share of the party's total weight for SMP",
};

export interface ScenarioTableOptions {
  /** Issues to forecast (default: the scenario's forecast.issues, else every issue with a scale). */
  issues?: readonly string[];
  salience?: SalienceReading;
  positions?: PositionSource;
}

interface Scale {
  dimension: ForecastDimension;
  /** Scale position of an option (issues with options); absent options are not positions. */
  optionPosition?: Map<string, number>;
}

/** The scale of an issue: its numeric range, its ordered options spread over 0..100, or a declared scale. */
function issueScale(issue: Issue, scenario: Scenario): Scale | undefined {
  const base = { id: issue.id, title: issue.title };
  if (issue.range) return { dimension: { ...base, min: issue.range.min, max: issue.range.max } };
  const options = issue.options ?? [];
  const declared = scenario.forecast?.scales.find((s) => s.issue === issue.id);
  let placed: Array<[string, number]>;
  if (declared) placed = Object.entries(declared.positions);
  else if (issue.ordered) placed = options.map((o, k) => [o.id, (100 * k) / (options.length - 1)]);
  else return undefined;
  const label = new Map(options.map((o) => [o.id, o.label]));
  return {
    dimension: {
      ...base,
      min: 0,
      max: 100,
      ticks: placed.map(([id, position]) => ({ position, label: label.get(id) ?? id })),
    },
    optionPosition: new Map(placed),
  };
}

/** The party's favourite place on the scale by its value estimates; ties go to the first listed. */
function favourite(scale: Scale, issue: Issue, preferences: Preferences): number | undefined {
  const values = preferences.values[issue.id];
  if (values === undefined) return undefined;
  if ('piecewiseLinear' in values && Array.isArray(values.piecewiseLinear) && issue.range) {
    const points = values.piecewiseLinear.map(([x, v]): [number, ReturnType<typeof toInterval>] => [
      x,
      toInterval(v),
    ]);
    const { min, max, step } = issue.range;
    let best = min;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let k = 0; min + k * step <= max + 1e-9 * step; k++) {
      const x = min + k * step;
      const v = interpolate(points, x).estimate;
      if (v > bestValue) {
        bestValue = v;
        best = x;
      }
    }
    return best;
  }
  let best: number | undefined;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const [option, position] of scale.optionPosition ?? []) {
    const value = (values as Record<string, unknown>)[option];
    if (value === undefined) continue;
    const v = toInterval(value as Parameters<typeof toInterval>[0]).estimate;
    if (v > bestValue) {
      bestValue = v;
      best = position;
    }
  }
  return best;
}

/** The party's latest stated position on the issue, if it lies on the scale. */
function stated(scale: Scale, scenario: Scenario, party: string, issue: Issue): number | undefined {
  const latest = scenario.positions
    .filter((p) => p.party === party && p.issue === issue.id)
    .sort((a, b) => a.date.localeCompare(b.date))
    .pop();
  if (!latest) return undefined;
  if (typeof latest.option === 'number') return latest.option;
  return scale.optionPosition?.get(latest.option);
}

/**
 * Builds an actor table from a scenario: one dimension per issue that has a position scale (a numeric
 * range, ordered options spread evenly over 0..100, or a scale in the scenario's forecast section); one
 * actor per party with preferences and a capability. Position: the party's favourite option by its value
 * estimates (or its latest stated position); salience: from its weights (see SalienceReading);
 * capability: its estimate, with the stated range kept for sampling.
 */
export function actorTableFromScenario(scenario: Scenario, options: ScenarioTableOptions = {}): TableRead {
  const problems: TableProblem[] = [];
  const notes: string[] = [];
  const issueIds = scenario.issues.map((i) => i.id);
  const requested = options.issues ?? scenario.forecast?.issues;
  const scales: Array<{ issue: Issue; scale: Scale }> = [];
  if (requested) {
    requested.forEach((id, k) => {
      const issue = scenario.issues.find((i) => i.id === id);
      if (!issue) {
        problems.push({
          path: `issues[${k}]`,
          message: `unknown issue '${id}'`,
          expected: 'an issue id of the scenario',
          suggestion: closestId(id, issueIds),
        });
        return;
      }
      const scale = issueScale(issue, scenario);
      if (!scale) {
        problems.push({
          path: `issues[${k}]`,
          message: `issue '${id}' has unordered options and no position scale`,
          expected: `an entry for '${id}' under forecast.scales placing its options on 0..100, or ordered: true on the issue`,
        });
        return;
      }
      scales.push({ issue, scale });
    });
  } else {
    for (const issue of scenario.issues) {
      const scale = issueScale(issue, scenario);
      if (scale) scales.push({ issue, scale });
    }
    const left = scenario.issues.length - scales.length;
    if (left > 0) notes.push(`${left} issue(s) with unordered options and no forecast scale are left out.`);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (scales.length === 0) {
    return {
      ok: false,
      problems: [
        {
          path: 'issues',
          message: 'no issue has a position scale',
          expected: 'a numeric issue, an ordered issue, or forecast.scales in the scenario',
        },
      ],
    };
  }

  const reading = options.salience ?? 'by-model';
  const source = options.positions ?? 'preferences';
  const actors: ForecastActor[] = [];
  for (const party of scenario.parties) {
    const preferences = scenario.preferences.find((p) => p.party === party.id);
    if (!preferences) continue;
    if (party.capability === undefined) {
      notes.push(`${party.name} has preferences but no capability, so it is left out.`);
      continue;
    }
    const capability = toInterval(party.capability);
    const weights = Object.values(preferences.weights).map((w) => toInterval(w).estimate);
    const total = weights.reduce((a, b) => a + b, 0);
    const top = maxOf(weights);
    const denominator = reading === 'top' ? top : total;
    const positions: number[] = [];
    const saliences: number[] = [];
    const salienceRanges: Array<{ low: number; high: number }> = [];
    const oneIssueSaliences: number[] = [];
    for (const { issue, scale } of scales) {
      let position = source === 'stated' ? stated(scale, scenario, party.id, issue) : undefined;
      if (source === 'stated' && position === undefined) {
        notes.push(
          `${party.name} has no stated position on '${issue.id}' on its scale; its favourite option is used.`,
        );
      }
      position ??= favourite(scale, issue, preferences);
      const weight = preferences.weights[issue.id];
      if (position === undefined || weight === undefined) {
        notes.push(`${party.name} gives '${issue.id}' no weight or values: salience 0, placed mid-scale.`);
        positions.push((scale.dimension.min + scale.dimension.max) / 2);
        saliences.push(0);
        salienceRanges.push({ low: 0, high: 0 });
        oneIssueSaliences.push(0);
        continue;
      }
      const w = toInterval(weight);
      const clip = (x: number) => Math.max(0, Math.min(1, denominator > 0 ? x / denominator : 0));
      positions.push(position);
      saliences.push(clip(w.estimate));
      salienceRanges.push({ low: clip(w.low), high: clip(w.high) });
      oneIssueSaliences.push(top > 0 ? Math.min(1, w.estimate / top) : 0);
    }
    actors.push({
      id: party.id,
      name: party.name,
      capability: capability.estimate,
      capabilityRange: { low: capability.low, high: capability.high },
      positions,
      saliences,
      salienceRanges,
      ...(reading === 'by-model' ? { oneIssueSaliences } : {}),
    });
  }
  if (actors.length < 2) {
    return {
      ok: false,
      problems: [
        {
          path: 'parties',
          message: `${actors.length} part${actors.length === 1 ? 'y has' : 'ies have'} both preferences and a capability`,
          expected: 'at least two parties with preferences and a capability',
        },
      ],
    };
  }
  notes.unshift(
    `Positions are each party's ${source === 'stated' ? 'latest stated position' : 'favourite option by its value estimates'}; saliences are ${SALIENCE_TEXT[reading]}; capabilities are the parties' capability estimates.`,
  );
  const table: ActorTable = {
    name: scenario.title,
    dimensions: scales.map((s) => s.scale.dimension),
    actors,
    notes,
  };
  return { ok: true, table };
}
