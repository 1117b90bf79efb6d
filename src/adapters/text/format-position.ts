import type { ForecastDimension } from '../../schema/forecast.js';

/** A number with fixed decimals, without "-0". */
function fixed(x: number, decimals: number): string {
  const r = Number(x.toFixed(decimals));
  return (Object.is(r, -0) ? 0 : r).toFixed(decimals);
}

/** Narrow scales (like 4..10) get two decimals, 0..100 scales one. */
export function digits(d: ForecastDimension): number {
  return d.max - d.min <= 20 ? 2 : 1;
}

/** A value on a dimension, with the nearest labelled option when the scale has labels. */
export function formatPosition(
  d: ForecastDimension,
  x: number | undefined | null,
  withLabel = true,
  maxLabel = 28,
): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return '-';
  const text = fixed(x, digits(d));
  if (!withLabel || !d.ticks || d.ticks.length === 0) return text;
  const nearest = d.ticks.reduce((a, b) => (Math.abs(b.position - x) < Math.abs(a.position - x) ? b : a));
  const label = nearest.label.length > maxLabel ? `${nearest.label.slice(0, maxLabel - 1)}…` : nearest.label;
  return `${text} ${Math.abs(nearest.position - x) < 1e-9 ? '=' : '≈'} ${label}`;
}
