import type { PreferencesBody } from '../../../../src/schema/api/workspace.js';
import type {
  Adjustment,
  Batna,
  Issue,
  Preferences,
  RedLine,
  Rule,
  UncertainNumber,
} from '../../../../src/schema/scenario.js';
import {
  EMPTY_NUMBER,
  fieldFromNumber,
  isBlank,
  type NumberField,
  numberFromField,
  numberOrText,
} from './number-field.js';

/** The preferences a PUT sends: the route names the party. */
export type PreferencesDraft = PreferencesBody['preferences'];

export interface WeightRow {
  issue: string;
  weight: NumberField;
}

export interface OptionValueRow {
  option: string;
  value: NumberField;
}

export interface PointRow {
  x: string;
  value: NumberField;
}

/** An issue's values: one per option, or the points of a piecewise-linear function of a numeric issue. */
export type ValuesRow =
  | { issue: string; kind: 'options'; options: OptionValueRow[] }
  | { issue: string; kind: 'function'; points: PointRow[] };

export interface RedLineRow {
  id: string;
  description: string;
  source: string;
  /** crossedWhen: crossed when the rule holds; requires: crossed when it does not. */
  mode: 'crossedWhen' | 'requires';
  rule: Rule;
}

export interface AdjustmentRow {
  id: string;
  description: string;
  when: Rule;
  delta: NumberField;
  source: string;
}

export interface BatnaPointRow {
  date: string;
  value: NumberField;
  note: string;
}

export type BatnaForm =
  | { kind: 'constant'; value: NumberField }
  | { kind: 'series'; points: BatnaPointRow[]; interpolation: 'step' | 'linear'; source: string };

/** Everything a party's preferences hold, as text a form edits, in the order the party wrote it. */
export interface PreferencesForm {
  source: string;
  basis: Preferences['basis'];
  notes: string;
  weights: WeightRow[];
  values: ValuesRow[];
  adjustments: AdjustmentRow[];
  redLines: RedLineRow[];
  batna: BatnaForm;
}

/**
 * The form for a party's preferences. Every issue of the scenario gets a weight row and a values row (blank
 * where the party gave none), after the ones the party gave, which keep their order: so that
 * `draftFromForm(formFromPreferences(p))` is `p` exactly.
 */
export function formFromPreferences(
  preferences: PreferencesDraft,
  issues: readonly Issue[],
): PreferencesForm {
  return {
    source: preferences.source,
    basis: preferences.basis,
    notes: preferences.notes ?? '',
    weights: weightRows(preferences.weights, issues),
    values: valuesRows(preferences.values, issues),
    adjustments: preferences.adjustments.map(adjustmentRow),
    redLines: preferences.redLines.map(redLineRow),
    batna: batnaForm(preferences.batna),
  };
}

function weightRows(weights: Record<string, UncertainNumber>, issues: readonly Issue[]): WeightRow[] {
  const given = Object.entries(weights).map(([issue, w]) => ({ issue, weight: fieldFromNumber(w) }));
  const blank = issues
    .filter((i) => !Object.hasOwn(weights, i.id))
    .map((i) => ({ issue: i.id, weight: { ...EMPTY_NUMBER } }));
  return [...given, ...blank];
}

function valuesRows(values: PreferencesDraft['values'], issues: readonly Issue[]): ValuesRow[] {
  const given = Object.entries(values).map(([issue, v]) => valuesRow(issue, v, issues));
  const blank = issues
    .filter((i) => !Object.hasOwn(values, i.id))
    .map((i) => valuesRow(i.id, undefined, issues));
  return [...given, ...blank];
}

function valuesRow(
  issue: string,
  values: PreferencesDraft['values'][string] | undefined,
  issues: readonly Issue[],
): ValuesRow {
  if (values && isValueFunction(values)) {
    const points = values.piecewiseLinear.map(([x, v]) => ({ x: String(x), value: fieldFromNumber(v) }));
    return { issue, kind: 'function', points };
  }
  const declared = issues.find((i) => i.id === issue);
  if (!values && declared?.range) return { issue, kind: 'function', points: [] };
  const given = Object.entries(values ?? {}).map(([option, v]) => ({ option, value: fieldFromNumber(v) }));
  const blank = (declared?.options ?? [])
    .filter((o) => !values || !Object.hasOwn(values, o.id))
    .map((o) => ({ option: o.id, value: { ...EMPTY_NUMBER } }));
  return { issue, kind: 'options', options: [...given, ...blank] };
}

type IssueValuesDraft = PreferencesDraft['values'][string];

export function isValueFunction(
  values: IssueValuesDraft,
): values is Extract<IssueValuesDraft, { piecewiseLinear: unknown }> {
  return (
    Object.hasOwn(values, 'piecewiseLinear') &&
    Array.isArray((values as { piecewiseLinear?: unknown }).piecewiseLinear)
  );
}

function adjustmentRow(a: Adjustment): AdjustmentRow {
  return {
    id: a.id,
    description: a.description,
    when: a.when,
    delta: fieldFromNumber(a.delta),
    source: a.source ?? '',
  };
}

function redLineRow(r: RedLine): RedLineRow {
  const mode = r.requires !== undefined ? 'requires' : 'crossedWhen';
  return {
    id: r.id,
    description: r.description,
    source: r.source,
    mode,
    rule: (mode === 'requires' ? r.requires : r.crossedWhen) as Rule,
  };
}

function batnaForm(batna: Batna): BatnaForm {
  if (typeof batna === 'number' || 'estimate' in batna)
    return { kind: 'constant', value: fieldFromNumber(batna) };
  return {
    kind: 'series',
    interpolation: batna.interpolation,
    source: batna.source ?? '',
    points: batna.series.map((p) => ({ date: p.date, value: fieldFromNumber(p.value), note: p.note ?? '' })),
  };
}

/**
 * The preferences the form describes, as the PUT body carries them. Text that is not a number stays text, so
 * that validation reports it as the command line reports the same text in a file; blank rows are omitted (a
 * weight of 0, an option without a value); empty optional text is left out.
 */
export function draftFromForm(form: PreferencesForm): PreferencesDraft {
  return {
    source: form.source,
    basis: form.basis,
    weights: Object.fromEntries(
      form.weights.filter((w) => !isBlank(w.weight)).map((w) => [w.issue, numberFromField(w.weight)]),
    ),
    values: Object.fromEntries(form.values.flatMap(valuesEntry)),
    adjustments: form.adjustments.map((a) => ({
      id: a.id,
      description: a.description,
      when: a.when,
      delta: numberFromField(a.delta),
      ...optional('source', a.source),
    })),
    redLines: form.redLines.map((r) => ({
      id: r.id,
      description: r.description,
      source: r.source,
      [r.mode]: r.rule,
    })),
    batna: batnaFromForm(form.batna),
    ...optional('notes', form.notes),
  };
}

function valuesEntry(row: ValuesRow): Array<[string, PreferencesDraft['values'][string]]> {
  if (row.kind === 'function') {
    if (row.points.length === 0) return [];
    const points = row.points.map((p) => [numberOrText(p.x), numberFromField(p.value)]) as Array<
      [number, UncertainNumber]
    >;
    return [[row.issue, { piecewiseLinear: points }]];
  }
  const options = row.options.filter((o) => !isBlank(o.value));
  if (options.length === 0) return [];
  return [[row.issue, Object.fromEntries(options.map((o) => [o.option, numberFromField(o.value)]))]];
}

function batnaFromForm(batna: BatnaForm): Batna {
  if (batna.kind === 'constant') return numberFromField(batna.value);
  return {
    series: batna.points.map((p) => ({
      date: p.date,
      value: numberFromField(p.value),
      ...optional('note', p.note),
    })),
    interpolation: batna.interpolation,
    ...optional('source', batna.source),
  };
}

function optional<K extends string>(key: K, text: string): Partial<Record<K, string>> {
  return text === '' ? {} : ({ [key]: text } as Record<K, string>);
}

/** The preferences without the party id, as a PUT sends them. */
export function draftOf(preferences: Preferences): PreferencesDraft {
  const { party: _party, ...draft } = preferences;
  return draft;
}
