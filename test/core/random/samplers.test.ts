import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random/rng.js';
import {
  pert,
  sampleInterval,
  triangular,
  triangularCdf,
  uniform,
} from '../../../src/core/random/samplers.js';
import { ksCritical001, ksStatistic, mean, variance } from '../../support/statistics.js';

const N = 40_000;
const sample = (draw: () => number) => Float64Array.from({ length: N }, draw);

describe('triangular draws', () => {
  const cases: Array<[number, number, number]> = [
    [0, 30, 100],
    [10, 10, 20],
    [-5, 5, 5],
    [40, 55, 60],
  ];

  it.each(cases)('(%d, %d, %d) follow the triangular CDF (KS test)', (a, m, b) => {
    const rng = createRng(`tri-${a}-${m}-${b}`);
    const xs = sample(() => triangular(rng, a, m, b));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(a);
    expect(Math.max(...xs)).toBeLessThanOrEqual(b);
    expect(ksStatistic(xs, (x) => triangularCdf(x, a, m, b))).toBeLessThan(ksCritical001(N));
  });

  it.each(cases)('(%d, %d, %d) have mean (a + m + b) / 3 within 4 standard errors', (a, m, b) => {
    const rng = createRng(`tri-mean-${a}`);
    const xs = sample(() => triangular(rng, a, m, b));
    const sd = Math.sqrt((a * a + m * m + b * b - a * m - a * b - m * b) / 18);
    expect(Math.abs(mean(xs) - (a + m + b) / 3)).toBeLessThan((4 * sd) / Math.sqrt(N));
  });

  it('a wrong mode is detected by the same KS test (the test has power)', () => {
    const rng = createRng('power');
    const xs = sample(() => triangular(rng, 0, 30, 100));
    expect(ksStatistic(xs, (x) => triangularCdf(x, 0, 40, 100))).toBeGreaterThan(ksCritical001(N));
  });
});

describe('PERT draws', () => {
  it.each([
    [0, 30, 100],
    [0, 0, 10],
    [20, 50, 80],
  ])('(%d, %d, %d) have the PERT mean and variance', (a, m, b) => {
    const rng = createRng(`pert-${a}-${m}`);
    const xs = sample(() => pert(rng, a, m, b));
    const mu = (a + 4 * m + b) / 6;
    // Beta(alpha, beta) scaled to [a, b]: variance (b-a)^2 * alpha * beta / ((alpha+beta)^2 (alpha+beta+1)).
    const alpha = 1 + (4 * (m - a)) / (b - a);
    const bet = 1 + (4 * (b - m)) / (b - a);
    const v = ((b - a) ** 2 * alpha * bet) / ((alpha + bet) ** 2 * (alpha + bet + 1));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(a);
    expect(Math.max(...xs)).toBeLessThanOrEqual(b);
    expect(Math.abs(mean(xs) - mu)).toBeLessThan((4 * Math.sqrt(v)) / Math.sqrt(N));
    // The sample variance of N draws has relative standard error about sqrt(2 / N) (~0.7%) for these shapes.
    expect(Math.abs(variance(xs) / v - 1)).toBeLessThan(0.05);
  });
});

describe('uniform draws and intervals', () => {
  it('uniform(low, high) follows the uniform CDF', () => {
    const rng = createRng('u');
    const xs = sample(() => uniform(rng, -3, 9));
    expect(ksStatistic(xs, (x) => (x + 3) / 12)).toBeLessThan(ksCritical001(N));
  });

  it('a zero-width interval returns its estimate and draws nothing', () => {
    const a = createRng(5);
    const b = createRng(5);
    expect(sampleInterval(a, { estimate: 7, low: 7, high: 7 })).toBe(7);
    expect(a.next()).toBe(b.next());
  });

  it('rejects ranges in the wrong order', () => {
    expect(() => triangular(createRng(1), 5, 1, 10)).toThrow(/low <= estimate <= high/);
    expect(() => uniform(createRng(1), 5, 1)).toThrow(/low <= high/);
  });

  it('each distribution keeps its documented mean on an interval', () => {
    const interval = { estimate: 20, low: 0, high: 80 };
    const expected = { triangular: 100 / 3, pert: (0 + 80 + 80) / 6, uniform: 40 };
    for (const [name, mu] of Object.entries(expected)) {
      const rng = createRng(name);
      const xs = sample(() => sampleInterval(rng, interval, name as keyof typeof expected));
      const sd = Math.sqrt(variance(xs));
      expect(Math.abs(mean(xs) - mu)).toBeLessThan((4 * sd) / Math.sqrt(N));
    }
  });
});
