import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add64, hashKey, mix64, mul64, splitmix64, type Word64 } from '../../../src/core/random/mix64.js';

const MASK = (1n << 64n) - 1n;
const toBig = (w: Word64) => (BigInt(w[0]) << 32n) | BigInt(w[1]);
const fromBig = (x: bigint): Word64 => [Number((x >> 32n) & 0xffffffffn), Number(x & 0xffffffffn)];

// An independent BigInt implementation of the published splitmix64 finaliser.
function mixBig(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

const word = fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff })).map((w): Word64 => w);

describe('64-bit arithmetic on 32-bit halves', () => {
  it('multiplies and adds modulo 2^64 like BigInt', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(toBig(mul64(a, b))).toBe((toBig(a) * toBig(b)) & MASK);
        expect(toBig(add64(a, b))).toBe((toBig(a) + toBig(b)) & MASK);
      }),
      { numRuns: 2000 },
    );
  });

  it('mixes like the BigInt reference', () => {
    fc.assert(
      fc.property(word, (a) => {
        expect(mix64(a)).toEqual(fromBig(mixBig(toBig(a))));
      }),
      { numRuns: 2000 },
    );
  });

  it('hashes a string like the BigInt reference: tag and length, then a mix after each code unit', () => {
    const stringTag = 0x737472696e670000n;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        let h = stringTag ^ BigInt(text.length);
        for (let k = 0; k < text.length; k++) h = mixBig((h + BigInt(text.charCodeAt(k))) & MASK);
        expect(hashKey(text)).toEqual(fromBig(mixBig(h)));
      }),
      { numRuns: 2000, seed: 64 },
    );
  });

  it('reproduces the published splitmix64 outputs for state 0', () => {
    const out = splitmix64([0, 0], 3).map((w) => toBig(w).toString(16).padStart(16, '0'));
    expect(out).toEqual(['e220a8397b1dcdaf', '6e789e6aa1b965f4', '06c45d188009454f']);
  });
});
