import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../src/adapters/text/word-diff.js';

const text = fc
  .array(
    fc.constantFrom('the', 'troops', 'withdraw', 'zone', ',', '.', ' ', '  ', '\n', 'über', 'міст', '50k'),
    {
      maxLength: 30,
    },
  )
  .map((parts) => parts.join(''));

describe('word diff adapter', () => {
  it('reads back both texts exactly: skip added runs for before, removed runs for after', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = wordDiff(before, after);
        expect(
          parts
            .filter((p) => p.kind !== 'added')
            .map((p) => p.text)
            .join(''),
        ).toBe(before);
        expect(
          parts
            .filter((p) => p.kind !== 'removed')
            .map((p) => p.text)
            .join(''),
        ).toBe(after);
      }),
      { numRuns: 300 },
    );
  });

  it('works on words, not characters', () => {
    expect(wordDiff('Troops withdraw 50 km.', 'Troops withdraw 30 km.')).toEqual([
      { kind: 'same', text: 'Troops withdraw ' },
      { kind: 'removed', text: '50' },
      { kind: 'added', text: '30' },
      { kind: 'same', text: ' km.' },
    ]);
  });
});
