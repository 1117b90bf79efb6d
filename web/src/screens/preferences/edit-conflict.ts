import type { PreferencesDraft } from './preferences-form.js';
import { sameValue as same } from './same-value.js';

/**
 * One part of the preferences that can be taken whole from either side of a conflict: a weight, one option's
 * value, an issue's value function, a red line, an adjustment, the BATNA, the source, the basis, the notes.
 */
export interface ConflictField {
  key: string;
  /** At the revision the edit started from; undefined when absent there. */
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** Both sides changed it, differently: the user must choose. */
  conflicting: boolean;
}

export type Choice = 'mine' | 'theirs';

/**
 * The preferences as fields, three ways: what the edit started from, the user's edit, and what is now saved.
 * A field changed on one side only merges by itself; one changed on both sides, differently, is a conflict.
 */
export function conflictFields(
  base: PreferencesDraft,
  mine: PreferencesDraft,
  theirs: PreferencesDraft,
): ConflictField[] {
  const [b, m, t] = [fieldsOf(base), fieldsOf(mine), fieldsOf(theirs)];
  const keys = [...new Set([...t.keys(), ...m.keys(), ...b.keys()])];
  return keys.map((key) => {
    const [vb, vm, vt] = [b.get(key), m.get(key), t.get(key)];
    return {
      key,
      base: vb,
      mine: vm,
      theirs: vt,
      conflicting: !same(vm, vb) && !same(vt, vb) && !same(vm, vt),
    };
  });
}

/** Fields that differ between the two sides, the conflicting first: what a conflict view lists. */
export function changedFields(fields: readonly ConflictField[]): ConflictField[] {
  const changed = fields.filter((f) => !same(f.mine, f.theirs));
  return [...changed.filter((f) => f.conflicting), ...changed.filter((f) => !f.conflicting)];
}

/**
 * The merged preferences: each field from the side that changed it; a conflicting field from the side chosen
 * for it (by default `fallback`). Nothing either side changed is lost unless the user chose the other side.
 */
export function mergeFields(
  fields: readonly ConflictField[],
  choices: Readonly<Record<string, Choice>>,
  fallback: Choice,
): PreferencesDraft {
  const merged = new Map<string, unknown>();
  for (const f of fields) {
    const side = f.conflicting ? (choices[f.key] ?? fallback) : same(f.mine, f.base) ? 'theirs' : 'mine';
    const value = side === 'mine' ? f.mine : f.theirs;
    if (value !== undefined) merged.set(f.key, value);
  }
  return draftOfFields(merged);
}

/** Everything from one side: "keep mine" or "take theirs" for the whole form. */
export function takeSide(fields: readonly ConflictField[], side: Choice): PreferencesDraft {
  const merged = new Map<string, unknown>();
  for (const f of fields) {
    const value = side === 'mine' ? f.mine : f.theirs;
    if (value !== undefined) merged.set(f.key, value);
  }
  return draftOfFields(merged);
}

const SCALARS = ['source', 'basis', 'notes', 'batna'] as const;

function fieldsOf(draft: PreferencesDraft): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const key of SCALARS) if (draft[key] !== undefined) out.set(keyOf(key), draft[key]);
  for (const [issue, w] of Object.entries(draft.weights)) out.set(keyOf('weights', issue), w);
  for (const [issue, v] of Object.entries(draft.values)) {
    if ('piecewiseLinear' in v) out.set(keyOf('values', issue), v);
    else for (const [option, x] of Object.entries(v)) out.set(keyOf('values', issue, option), x);
  }
  for (const r of draft.redLines) out.set(keyOf('redLines', r.id), r);
  for (const a of draft.adjustments) out.set(keyOf('adjustments', a.id), a);
  return out;
}

/** A field's key: its parts as JSON, since ids may contain dots. */
function keyOf(...parts: string[]): string {
  return JSON.stringify(parts);
}

function splitKey(key: string): string[] {
  return JSON.parse(key) as string[];
}

const GROUP_WORDS: Record<string, string> = {
  weights: 'weight of',
  values: 'value of',
  redLines: 'red line',
  adjustments: 'adjustment',
};

/** A field in words for the conflict view: "weight of donbas", "value of donbas: freeze-at-line", "BATNA". */
export function fieldLabel(key: string): string {
  const [group, ...rest] = splitKey(key);
  if (rest.length === 0) return group === 'batna' ? 'BATNA' : group;
  return `${GROUP_WORDS[group] ?? group} ${rest.join(': ')}`;
}

function draftOfFields(fields: Map<string, unknown>): PreferencesDraft {
  const draft = { weights: {}, values: {}, adjustments: [], redLines: [] } as unknown as Record<
    string,
    unknown
  >;
  const weights = draft.weights as Record<string, unknown>;
  const values = draft.values as Record<string, Record<string, unknown>>;
  for (const [key, value] of fields) {
    const [group, ...rest] = splitKey(key);
    if (rest.length === 0) draft[group] = value;
    else if (group === 'weights') weights[rest[0]] = value;
    else if (group === 'values' && rest.length === 1) values[rest[0]] = value as Record<string, unknown>;
    else if (group === 'values') {
      values[rest[0]] ??= {};
      values[rest[0]][rest[1]] = value;
    } else (draft[group] as unknown[]).push(value);
  }
  return draft as unknown as PreferencesDraft;
}
