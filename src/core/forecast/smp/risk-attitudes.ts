import type { SmpBigRAdjust, SmpBigRRange } from '../../../schema/forecast.js';
import { maxOf, minOf } from '../../statistics/extremes.js';

/**
 * Risk attitude ("big R") from the probability that an actor's position wins: the most exposed positions
 * are the most risk-seeking. Min maps to [0, 1], Mid to [-1/2, 1], Max to [-1, 1]. All equal gives 0.
 */
export function riskFromProbability(p: readonly number[], range: SmpBigRRange): number[] {
  const max = maxOf(p);
  const min = minOf(p);
  if (max === min) return p.map(() => 0);
  const span = max - min;
  const scale: Record<SmpBigRRange, (x: number) => number> = {
    Min: (x) => (x - min) / span,
    Mid: (x) => (3 * x - (max + 2 * min)) / (2 * span),
    Max: (x) => (2 * x - max - min) / span,
  };
  return p.map(scale[range]);
}

/** Actor h's estimate of actor i's risk attitude. */
export function estimatedRisk(own: number, other: number, adjust: SmpBigRAdjust): number {
  switch (adjust) {
    case 'None':
      return own;
    case 'OneThird':
      return (2 * own + other) / 3;
    case 'Half':
      return (own + other) / 2;
    case 'TwoThirds':
      return (own + 2 * other) / 3;
    case 'Full':
      return other;
  }
}
