/**
 * Structural equality of plain JSON data, whatever the order of object keys: the server stores preferences with
 * their keys sorted, so {estimate, low, high} may come back as {estimate, high, low} and mean the same.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, k) => sameValue(x, b[k]));
  const left = Object.entries(a).filter(([, v]) => v !== undefined);
  const right = b as Record<string, unknown>;
  const rightCount = Object.values(right).filter((v) => v !== undefined).length;
  return (
    left.length === rightCount && left.every(([k, v]) => Object.hasOwn(right, k) && sameValue(v, right[k]))
  );
}
