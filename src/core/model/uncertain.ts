import type { UncertainNumber } from '../../schema/scenario.js';

/** Which value of an analyst's estimate to use. */
export type Pick = 'estimate' | 'low' | 'high';

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export function toInterval(value: UncertainNumber): Interval {
  return typeof value === 'number' ? { estimate: value, low: value, high: value } : value;
}

export function pickValue(value: UncertainNumber, pick: Pick): number {
  return typeof value === 'number' ? value : value[pick];
}

export function isUncertain(value: UncertainNumber): boolean {
  return typeof value !== 'number' && value.low < value.high;
}
