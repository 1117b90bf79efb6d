/** Paul Tol's colour-blind-safe diverging blue–white–red scheme (BuRd), ends and centre. */
const RED = [178, 24, 43];
const WHITE = [247, 247, 247];
const BLUE = [33, 102, 172];

const hex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
const mix = (a: number[], b: number[], t: number) => a.map((x, k) => x + (b[k] - x) * t);

/** Colour of a signed value: red below zero, blue above, full strength at ±`span`. */
export function divergingColour(value: number, span: number): string {
  const t = Math.max(-1, Math.min(1, value / span));
  return t < 0 ? hex(mix(WHITE, RED, -t)) : hex(mix(WHITE, BLUE, t));
}
