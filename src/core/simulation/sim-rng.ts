/**
 * A small seeded pseudo-random generator for simulations (mulberry32 over a splitmix32-mixed seed).
 * Every random choice in a simulation goes through one of these, derived from the run's seed, so the same seed
 * gives the same run. Not for cryptography.
 */
export interface SimRng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** splitmix32 finaliser: spreads nearby seeds over the whole 32-bit range. */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export function createSimRng(seed: number): SimRng {
  let state = mix32(seed >>> 0 || 0);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/**
 * A seed derived from a parent seed and a label (FNV-1a over the label, mixed with the seed), so that
 * independent random streams (per agent, per match, per purpose) do not depend on the order they are used in.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let k = 0; k < label.length; k++) {
    h ^= label.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

/** Fisher–Yates shuffle in place, driven by the given generator. */
export function shuffle<T>(items: T[], rng: SimRng): T[] {
  for (let k = items.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    const tmp = items[k];
    items[k] = items[j];
    items[j] = tmp;
  }
  return items;
}
