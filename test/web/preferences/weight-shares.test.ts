import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_NUMBER } from '../../../web/src/screens/preferences/number-field.js';
import { shareText, weightShares } from '../../../web/src/screens/preferences/weight-shares.js';

const row = (issue: string, estimate: string) => ({ issue, weight: { ...EMPTY_NUMBER, estimate } });

describe('weight shares', () => {
  it('are the estimates divided by their sum; a blank weight is 0', () => {
    const shares = weightShares([row('a', '3'), row('b', '1'), row('c', '')]);
    expect(shares.map((s) => s.percent)).toEqual([75, 25, 0]);
    expect(shareText(shares[0].percent)).toBe('75.0 %');
  });

  it('do not change when every weight is scaled, and sum to 100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 2, max: 50 }),
        (ws, k) => {
          fc.pre(ws.some((w) => w > 0));
          const a = weightShares(ws.map((w, i) => row(`i${i}`, String(w))));
          const b = weightShares(ws.map((w, i) => row(`i${i}`, String(w * k))));
          const sum = a.reduce((s, x) => s + (x.percent ?? 0), 0);
          expect(sum).toBeCloseTo(100, 9);
          for (const [i, x] of a.entries()) expect(b[i].percent).toBeCloseTo(x.percent!, 9);
        },
      ),
    );
  });

  it('are unknown while a weight is negative or not a number', () => {
    expect(weightShares([row('a', '-1'), row('b', '2')])[1].percent).toBeUndefined();
    expect(shareText(weightShares([row('a', 'x'), row('b', '2')])[0].percent)).toBe('—');
  });
});
