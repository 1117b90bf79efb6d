import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsInSomeLongestRun } from '../../src/core/versions/match-points.js';
import {
  containment,
  jaccard,
  pointFeatures,
  pointSimilarity,
  shingles,
  words,
} from '../../src/core/versions/text-similarity.js';

describe('text similarity', () => {
  it('splits words in any script and ignores case and punctuation', () => {
    expect(words('Troops: 50k, NOT   «більше»!')).toEqual(['troops', '50k', 'not', 'більше']);
    expect([...shingles(['a', 'b', 'c'])]).toEqual(['a b', 'b c']);
  });

  it('Jaccard and containment on hand-checked sets', () => {
    const a = new Set(['x', 'y', 'z']);
    const b = new Set(['y', 'z', 'w', 'v']);
    expect(jaccard(a, b)).toBe(2 / 5);
    expect(containment(a, b)).toBe(2 / 3);
    expect(jaccard(new Set(), new Set())).toBe(1);
    expect(containment(new Set(), b)).toBe(0);
  });

  it('combines text 0.5, title 0.2 and issues 0.3, or text and title alone without issues', () => {
    const p = { title: 'Land', text: 'the land is shared', settles: { land: 'share' }, touches: [] };
    const q = {
      title: 'Land deal',
      text: 'the land is ceded',
      settles: { land: 'cede' },
      touches: ['money'],
    };
    const s = pointSimilarity(pointFeatures(p), pointFeatures(q));
    // words: 3 of 5 shared → 0.6; bigrams {the land, land is} of 4 → 0.5; text 0.55; title 1/2; issues 1/2.
    expect(s.text).toBeCloseTo(0.55, 12);
    expect(s.title).toBe(0.5);
    expect(s.issues).toBe(0.5);
    expect(s.score).toBeCloseTo(0.5 * 0.55 + 0.2 * 0.5 + 0.3 * 0.5, 12);
    const bare = pointSimilarity(pointFeatures({ ...p, settles: {} }), pointFeatures(q));
    expect(bare.issues).toBeNull();
    expect(bare.score).toBeCloseTo((0.5 * 0.55 + 0.2 * 0.5) / 0.7, 12);
  });

  it('is symmetric, in [0, 1], and 1 for identical points', () => {
    const vocabulary = ['a', 'b', 'c', 'd', 'e'];
    const pointArb = fc.record({
      title: fc.array(fc.constantFrom(...vocabulary), { maxLength: 3 }).map((w) => w.join(' ')),
      text: fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }).map((w) => w.join(' ')),
      settles: fc.dictionary(fc.constantFrom('i', 'j', 'k'), fc.constant('o')),
      touches: fc.subarray(['i', 'j', 'k']),
    });
    fc.assert(
      fc.property(pointArb, pointArb, (p, q) => {
        const [fp, fq] = [pointFeatures(p), pointFeatures(q)];
        const s = pointSimilarity(fp, fq);
        expect(pointSimilarity(fq, fp)).toEqual(s);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(1 + 1e-12);
        expect(pointSimilarity(fp, fp).score).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('points in order', () => {
  it('marks exactly the pairs on some longest chain (brute force over subsets)', () => {
    const pairsArb = fc
      .integer({ min: 0, max: 7 })
      .chain((n) =>
        fc.tuple(
          fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: n, maxLength: n }),
          fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: n, maxLength: n }),
        ),
      )
      .map(([is, js]) => is.map((i, k): [number, number] => [i, js[k]]));
    fc.assert(
      fc.property(pairsArb, (pairs) => {
        const n = pairs.length;
        let longest = 0;
        const chains: number[][] = [];
        for (let mask = 0; mask < 1 << n; mask++) {
          const members = pairs.map((_, k) => k).filter((k) => mask & (1 << k));
          const sorted = [...members].sort((p, q) => pairs[p][0] - pairs[q][0]);
          const chain = sorted.every((k, x) => x === 0 || pairs[sorted[x - 1]][1] < pairs[k][1]);
          if (!chain) continue;
          if (members.length > longest) {
            longest = members.length;
            chains.length = 0;
          }
          if (members.length === longest) chains.push(members);
        }
        const expected = new Set(chains.flat().map((k) => `${pairs[k][0]},${pairs[k][1]}`));
        expect(pointsInSomeLongestRun(pairs)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
