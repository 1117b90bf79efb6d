import type { Problem } from '../../core/model/problem.js';

/**
 * Finds every `__proto__` key in parsed data. The YAML and JSON parsers keep it as an ordinary key, but
 * building an object from it (as schema parsing does) sets the prototype instead, so the entry would vanish
 * without a word. It can never be a valid id, so it is an error, located at the key.
 */
export function protoKeyProblems(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: (string | number)[], depth: number) => {
    if (value === null || typeof value !== 'object' || depth > 200) return;
    if (Array.isArray(value)) {
      for (const [k, item] of value.entries()) walk(item, [...path, k], depth + 1);
      return;
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__') {
        problems.push({
          path: [...path, key],
          at: 'key',
          severity: 'error',
          message: "'__proto__' cannot be used as a key",
          expected: 'an id: letters, digits, "-", "_" or ".", starting with a letter or digit',
        });
      }
      walk((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  };
  walk(data, [], 0);
  return problems;
}
