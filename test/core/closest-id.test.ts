import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestId, editDistance } from '../../src/core/model/closest-id.js';

/** Fewest single edits (insert, delete, substitute, swap adjacent) turning a into b, by breadth-first search. */
function bruteForceDistance(a: string, b: string, alphabet: string): number {
  const seen = new Set([a]);
  let frontier = [a];
  const maxLength = Math.max(a.length, b.length) + 1;
  for (let steps = 0; ; steps++) {
    if (frontier.includes(b)) return steps;
    const next: string[] = [];
    const visit = (s: string) => {
      if (s.length <= maxLength && !seen.has(s)) {
        seen.add(s);
        next.push(s);
      }
    };
    for (const s of frontier) {
      for (let i = 0; i <= s.length; i++) {
        for (const c of alphabet) visit(s.slice(0, i) + c + s.slice(i));
        if (i < s.length) {
          visit(s.slice(0, i) + s.slice(i + 1));
          for (const c of alphabet) visit(s.slice(0, i) + c + s.slice(i + 1));
        }
        if (i + 1 < s.length) visit(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
      }
    }
    frontier = next;
  }
}

describe('editDistance', () => {
  it('matches textbook values', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('weight', 'wieght')).toBe(1);
    // Unrestricted Damerau-Levenshtein: "ca" -> "ac" -> "abc" is 2 (the restricted variant gives 3).
    expect(editDistance('ca', 'abc')).toBe(2);
    expect(editDistance('é', 'e')).toBe(1);
  });

  it('equals the fewest edits found by exhaustive search on short strings', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 5 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBe(bruteForceDistance(a, b, 'abc'));
      }),
      { numRuns: 300 },
    );
  });

  it('is symmetric and bounded by the lengths', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        const la = Array.from(a).length;
        const lb = Array.from(b).length;
        expect(d).toBeGreaterThanOrEqual(Math.abs(la - lb));
        expect(d).toBeLessThanOrEqual(Math.max(la, lb));
      }),
    );
  });
});

describe('closestId', () => {
  const issues = ['territory', 'security-guarantees', 'sanctions', 'ceasefire-line', 'budget'];

  it('suggests the id meant by a typo or transposition', () => {
    expect(closestId('teritory', issues)).toBe('territory');
    expect(closestId('sanctoins', issues)).toBe('sanctions');
    expect(closestId('Budget', issues)).toBe('budget');
  });

  it('suggests by prefix when the written id is an abbreviation', () => {
    expect(closestId('terr', issues)).toBe('territory');
    expect(closestId('security', issues)).toBe('security-guarantees');
  });

  it('allows up to max(2, 0.34 * length) edits', () => {
    // length 12 -> 4.08 edits allowed
    expect(closestId('abcdefghijkl', ['abcdefghWXYZ'])).toBe('abcdefghWXYZ');
    expect(closestId('abcdefghijkl', ['abcdefgVWXYZ'])).toBeUndefined();
    // short ids: 2 edits allowed, but never a complete replacement
    expect(closestId('usa', ['us'])).toBe('us');
    expect(closestId('us', ['eu'])).toBeUndefined();
    expect(closestId('x', ['y'])).toBeUndefined();
  });

  it('returns undefined when nothing is close', () => {
    expect(closestId('water', issues)).toBeUndefined();
    expect(closestId('anything', [])).toBeUndefined();
  });

  it('prefers the smallest distance, then the first listed', () => {
    expect(closestId('abcd', ['abxx', 'abcx', 'abcy'])).toBe('abcx');
  });
});
