import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeCount, outcomeCountText } from '../../../src/core/model/outcome-count.js';

describe('outcome counts', () => {
  it('equal the product of the option counts, exactly, at any size (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 400 }), (radix) => {
        const count = outcomeCount(radix);
        // Independent: the product by repeated addition of decimal strings would be slow; BigInt by a fold.
        const expected = radix.reduce((p, r) => p * BigInt(r), 1n);
        expect(count.decimal).toBe(expected.toString());
        expect(count.log10).toBeCloseTo(
          radix.reduce((s, r) => s + Math.log10(r), 0),
          6,
        );
      }),
    );
  });

  it('10,000 two-option issues: 2^10000, a 3,011-digit number, never Infinity', () => {
    const count = outcomeCount(new Array(10_000).fill(2));
    expect(count.decimal).toHaveLength(3011);
    expect(count.decimal.startsWith('19950631168807583848')).toBe(true);
    expect(count.log10).toBeCloseTo(10_000 * Math.log10(2), 9);
    expect(outcomeCountText(count)).toBe('10^3010.30 (3,011 digits)');
  });

  it('is written in full with separators up to 24 digits', () => {
    expect(outcomeCountText(outcomeCount([2, 3, 5]))).toBe('30');
    expect(outcomeCountText(outcomeCount(new Array(20).fill(10)))).toBe('100,000,000,000,000,000,000');
    expect(outcomeCountText(outcomeCount([]))).toBe('1');
  });
});
