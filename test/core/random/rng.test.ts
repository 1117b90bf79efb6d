import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random/rng.js';
import { Xoshiro128 } from '../../../src/core/random/xoshiro128.js';
import {
  chiSquareCritical001,
  chiSquareUniform,
  correlation,
  ksCritical001,
  ksStatistic,
} from '../../support/statistics.js';

const draws = (next: () => number, n: number) => Float64Array.from({ length: n }, next);

describe('xoshiro128**', () => {
  it('reproduces the reference outputs for the state {1, 2, 3, 4}', () => {
    const g = new Xoshiro128(1, 2, 3, 4);
    const out = Array.from({ length: 8 }, () => g.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  it('refuses the all-zero state, which would only ever give zeros', () => {
    expect(() => new Xoshiro128(0, 0, 0, 0)).toThrow(/all zero/);
  });
});

describe('seeded streams', () => {
  it('are deterministic: the same seed gives the same numbers', () => {
    for (const seed of [0, 1, 42, -7, 2 ** 40, 0.5, 'scenario-x']) {
      const a = createRng(seed);
      const b = createRng(seed);
      expect(draws(() => a.next(), 50)).toEqual(draws(() => b.next(), 50));
    }
  });

  it('differ between seeds, including 1 and "1"', () => {
    const first = (seed: number | string) => createRng(seed).uint32();
    const seen = new Set([0, 1, 2, 3, '1', '', -1, 2 ** 32, 2 ** 32 + 1].map(first));
    expect(seen.size).toBe(9);
  });

  it('reject a non-finite seed with a clear message', () => {
    expect(() => createRng(Number.NaN)).toThrow(/finite number or a string/);
  });

  it('give uniform first draws for consecutive small seeds (KS test)', () => {
    const n = 20_000;
    const first = draws(() => 0, n).map((_, k) => createRng(k).next());
    expect(ksStatistic(first, (x) => x)).toBeLessThan(ksCritical001(n));
    // ...and those first draws are not correlated with the seed or with each other.
    const seeds = Float64Array.from({ length: n }, (_, k) => k);
    expect(Math.abs(correlation(seeds, first))).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(correlation(first.subarray(1), first.subarray(0, n - 1)))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('next() is uniform on [0, 1) (KS test)', () => {
    const rng = createRng(7);
    const n = 50_000;
    const xs = draws(() => rng.next(), n);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(ksStatistic(xs, (x) => x)).toBeLessThan(ksCritical001(n));
  });

  it('int(n) hits every residue equally often (chi-square) and stays in range', () => {
    for (const n of [2, 7, 10, 1000]) {
      const rng = createRng(`int-${n}`);
      const counts = new Float64Array(n);
      const total = 200 * n;
      for (let k = 0; k < total; k++) counts[rng.int(n)]++;
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(chiSquareUniform(counts)).toBeLessThan(chiSquareCritical001(n - 1));
    }
    expect(() => createRng(1).int(0)).toThrow(/1\.\.2\^32/);
    expect(() => createRng(1).int(2.5)).toThrow(/1\.\.2\^32/);
  });
});

describe('forked streams', () => {
  it('depend only on the seed path and label, not on draws made before forking', () => {
    const a = createRng(3);
    const b = createRng(3);
    for (let k = 0; k < 17; k++) b.next();
    expect(draws(() => a.fork(5).next(), 1)).toEqual(draws(() => b.fork(5).next(), 1));
    const x = a.fork('chunk').fork(9);
    const y = createRng(3).fork('chunk').fork(9);
    expect(draws(() => x.next(), 20)).toEqual(draws(() => y.next(), 20));
  });

  it('differ from the parent and from each other, and labels of different kinds differ', () => {
    const root = createRng(11);
    const starts = new Set([
      root.uint32(),
      ...[0, 1, 2, '0', '1', 'a'].map((l) => createRng(11).fork(l).uint32()),
    ]);
    expect(starts.size).toBe(7);
    expect(createRng(11).fork(1).fork(2).uint32()).not.toBe(createRng(11).fork(2).fork(1).uint32());
  });

  it('are independent: first draws of sibling forks are uncorrelated and jointly uniform', () => {
    const root = createRng('siblings');
    const n = 20_000;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    const grid = new Float64Array(100);
    for (let k = 0; k < n; k++) {
      xs[k] = root.fork(2 * k).next();
      ys[k] = root.fork(2 * k + 1).next();
      grid[Math.floor(xs[k] * 10) * 10 + Math.floor(ys[k] * 10)]++;
    }
    expect(Math.abs(correlation(xs, ys))).toBeLessThan(4 / Math.sqrt(n));
    expect(chiSquareUniform(grid)).toBeLessThan(chiSquareCritical001(99));
    expect(ksStatistic(xs, (x) => x)).toBeLessThan(ksCritical001(n));
  });

  it('a fork and its parent are uncorrelated along their streams', () => {
    const n = 20_000;
    const parent = createRng(99);
    const child = createRng(99).fork(0);
    const xs = draws(() => parent.next(), n);
    const ys = draws(() => child.next(), n);
    expect(Math.abs(correlation(xs, ys))).toBeLessThan(4 / Math.sqrt(n));
  });
});
