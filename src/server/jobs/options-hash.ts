import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal options give equal text whatever their key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, x]) => [k, canonical(x)]));
  }
  return value;
}

/** SHA-256 (hex) of the canonical options: with workspace, revision and kind, the key of a cached result. */
export function optionsHash(options: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(options)))
    .digest('hex');
}
