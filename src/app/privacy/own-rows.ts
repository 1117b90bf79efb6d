/**
 * A deep copy of `value` in which every list of per-party rows (objects with a string `party`) keeps only the
 * rows of `own` (all rows when `own` is '*', none when undefined). Results list one row per party in many
 * places (evaluations, impacts, attributions); this keeps the viewer's row wherever it appears.
 */
export function keepOwnRows<T>(value: T, own: string | '*' | undefined): T {
  return filter(value, own) as T;
}

function isPartyRow(x: unknown): x is { party: string } {
  return typeof x === 'object' && x !== null && typeof (x as { party?: unknown }).party === 'string';
}

function filter(value: unknown, own: string | '*' | undefined): unknown {
  if (Array.isArray(value)) {
    const rows = value.length > 0 && value.every(isPartyRow);
    const kept =
      rows && own !== '*' ? value.filter((row) => (row as { party: string }).party === own) : value;
    return kept.map((x) => filter(x, own));
  }
  if (value instanceof Int32Array || value instanceof Float64Array) return Array.from(value);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, x] of Object.entries(value)) out[key] = filter(x, own);
    return out;
  }
  return value;
}
