import { own } from '../../core/model/own-key.js';
import type {
  Adjustment,
  Batna,
  Preferences,
  RedLine,
  Scenario,
  UncertainNumber,
} from '../../schema/scenario.js';
import type { InteropReport } from './interop-report.js';
import { gridValues, interpolateAt } from './numeric-grid.js';

/**
 * A Parley scenario reduced to what the research formats can hold: per issue the exported value names (or
 * the numeric grid), per party the normalised weights, the values on each option or grid point (0..100),
 * the BATNA, and the adjustments and red lines that the writers then try to express or report as lost.
 */
export interface ExportIssue {
  id: string;
  /** The issue's name in the exported files: its title, or its id when titles repeat. */
  name: string;
  kind: 'options' | 'numeric';
  /** Value names of an option issue: labels, or ids when labels repeat or are empty. */
  labels: string[];
  /** Grid values of a numeric issue. */
  grid: number[];
  /** True for a numeric issue on consecutive integers (min, max whole, step 1). */
  integerGrid: boolean;
  /** The grid step of a numeric issue. */
  step?: number;
}

export interface ExportParty {
  id: string;
  name: string;
  /** Weights normalised to sum 1 (all 0 when they sum to 0). */
  weights: number[];
  /** values[issue][k]: value (0..100) of option or grid point k. */
  values: number[][];
  adjustments: Adjustment[];
  redLines: RedLine[];
  batna: number;
}

export interface ExportModel {
  id: string;
  title: string;
  issues: ExportIssue[];
  parties: ExportParty[];
}

function estimate(value: UncertainNumber, uncertain: { seen: boolean }): number {
  if (typeof value === 'number') return value;
  if (value.low !== value.high) uncertain.seen = true;
  return value.estimate;
}

function uniqueOr<T>(names: string[], fallback: T[], map: (t: T) => string): string[] {
  const ok = names.every((n) => n.trim() !== '') && new Set(names).size === names.length;
  return ok ? names : fallback.map(map);
}

function batnaValue(
  batna: Batna,
  asOf: string | undefined,
  uncertain: { seen: boolean },
): { value: number; dated?: string } {
  if (typeof batna === 'number' || !('series' in batna)) return { value: estimate(batna, uncertain) };
  const series = batna.series;
  if (asOf === undefined) {
    const last = series[series.length - 1];
    return { value: estimate(last.value, uncertain), dated: `its last entry (${last.date})` };
  }
  if (batna.interpolation === 'linear') {
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    const points = series.map((p): [number, number] => [day(p.date), estimate(p.value, uncertain)]);
    return { value: interpolateAt(points, day(asOf)), dated: `the scenario date ${asOf}` };
  }
  let chosen = series[0];
  for (const entry of series) if (entry.date <= asOf) chosen = entry;
  return { value: estimate(chosen.value, uncertain), dated: `the scenario date ${asOf}` };
}

function partyModel(
  scenario: Scenario,
  issues: ExportIssue[],
  preferences: Preferences,
  report: InteropReport,
): ExportParty {
  const uncertain = { seen: false };
  const rawWeights = issues.map((issue) => {
    const w = own(preferences.weights, issue.id);
    return w === undefined ? 0 : estimate(w, uncertain);
  });
  const total = rawWeights.reduce((a, b) => a + b, 0);
  const weights = rawWeights.map((w) => (total > 0 ? w / total : 0));
  const values = issues.map((issue, i) => {
    const spec = own(preferences.values, issue.id);
    const source = scenario.issues[i];
    const zeros = issue.kind === 'options' ? issue.labels.map(() => 0) : issue.grid.map(() => 0);
    if (spec === undefined) return zeros;
    const isFunction = 'piecewiseLinear' in spec && Array.isArray(spec.piecewiseLinear);
    if (isFunction !== (issue.kind === 'numeric')) {
      report.losses.push(
        `${preferences.party}: values of issue '${issue.id}' do not fit its kind; exported as 0`,
      );
      return zeros;
    }
    if ('piecewiseLinear' in spec && Array.isArray(spec.piecewiseLinear)) {
      const points = spec.piecewiseLinear.map(([x, v]): [number, number] => [x, estimate(v, uncertain)]);
      return issue.grid.map((x) => interpolateAt(points, x));
    }
    const table = spec as Record<string, UncertainNumber>;
    return (source.options ?? []).map((o) =>
      own(table, o.id) === undefined ? 0 : estimate(table[o.id], uncertain),
    );
  });
  const batna = batnaValue(preferences.batna, scenario.asOf, uncertain);
  if (batna.dated) {
    report.losses.push(
      `${preferences.party}: the BATNA is a dated series; the value at ${batna.dated} (${batna.value}) is exported`,
    );
  }
  const adjustments = preferences.adjustments ?? [];
  for (const a of adjustments) estimate(a.delta, uncertain);
  if (uncertain.seen) {
    report.losses.push(
      `${preferences.party}: estimates with ranges are exported as their best estimates (the ranges are dropped)`,
    );
  }
  const party = scenario.parties.find((p) => p.id === preferences.party);
  return {
    id: preferences.party,
    name: party?.name ?? preferences.party,
    weights,
    values,
    adjustments,
    redLines: preferences.redLines ?? [],
    batna: batna.value,
  };
}

export function exportModel(scenario: Scenario, report: InteropReport): ExportModel {
  const titles = uniqueOr(
    scenario.issues.map((i) => i.title),
    scenario.issues,
    (i) => i.id,
  );
  const issues = scenario.issues.map((issue, i): ExportIssue => {
    if (issue.range) {
      const grid = gridValues(issue.range);
      const integerGrid =
        issue.range.step === 1 && Number.isInteger(issue.range.min) && Number.isInteger(issue.range.max);
      return {
        id: issue.id,
        name: titles[i],
        kind: 'numeric',
        labels: grid.map(String),
        grid,
        integerGrid,
        step: issue.range.step,
      };
    }
    const options = issue.options ?? [];
    const labels = uniqueOr(
      options.map((o) => o.label),
      options,
      (o) => o.id,
    );
    if (labels.some((l, k) => l !== options[k].label)) {
      report.notes.push(
        `issue '${issue.id}': option labels repeat or are empty, so option ids are used as value names`,
      );
    }
    return { id: issue.id, name: titles[i], kind: 'options', labels, grid: [], integerGrid: false };
  });
  if (titles.some((t, i) => t !== scenario.issues[i].title)) {
    report.notes.push('issue titles repeat, so issue ids are used as issue names');
  }
  const parties: ExportParty[] = [];
  for (const party of scenario.parties) {
    const preferences = scenario.preferences.filter((p) => p.party === party.id);
    if (preferences.length === 0) {
      report.notes.push(`party '${party.id}' has no preferences; no profile is written for it`);
      continue;
    }
    if (preferences.length > 1) {
      report.losses.push(
        `party '${party.id}' has ${preferences.length} preference entries; only the first is exported`,
      );
    }
    parties.push(partyModel(scenario, issues, preferences[0], report));
  }
  return { id: scenario.id, title: scenario.title, issues, parties };
}

/** The additive part of a party's utility (0..100) at an outcome given as option/grid indices. */
export function additiveUtility(party: ExportParty, outcome: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < party.values.length; i++) sum += party.weights[i] * party.values[i][outcome[i]];
  return sum;
}

/** File stems for a domain and its profiles that cannot collide with one another. */
export function fileStems(model: ExportModel): { domain: string; profiles: string[] } {
  const profiles = model.parties.map((p) => p.id);
  let domain = `${model.id}-domain`;
  while (profiles.includes(domain)) domain = `${domain}-file`;
  return { domain, profiles };
}
