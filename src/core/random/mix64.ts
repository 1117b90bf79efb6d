/**
 * 64-bit unsigned arithmetic on pairs of 32-bit halves, so that seeding and forking need no BigInt, plus the
 * splitmix64 finaliser (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", 2014), which
 * turns nearby inputs (seeds 0, 1, 2, ...) into unrelated 64-bit words.
 */

/** A 64-bit word as [high 32 bits, low 32 bits], each an unsigned 32-bit integer. */
export type Word64 = readonly [hi: number, lo: number];

const TWO_32 = 4_294_967_296;

/** High 32 bits of the 64-bit product of two unsigned 32-bit integers (exact: every partial sum stays below 2^53). */
function mulHigh32(a: number, b: number): number {
  const a1 = a >>> 16;
  const a0 = a & 0xffff;
  const b1 = b >>> 16;
  const b0 = b & 0xffff;
  const cross = a1 * b0 + a0 * b1;
  return (a1 * b1 + Math.floor((cross * 65_536 + a0 * b0) / TWO_32)) >>> 0;
}

/** (a * b) mod 2^64. */
export function mul64(a: Word64, b: Word64): Word64 {
  const lo = Math.imul(a[1], b[1]) >>> 0;
  const hi = (mulHigh32(a[1], b[1]) + Math.imul(a[0], b[1]) + Math.imul(a[1], b[0])) >>> 0;
  return [hi, lo];
}

/** (a + b) mod 2^64. */
export function add64(a: Word64, b: Word64): Word64 {
  const low = a[1] + b[1];
  const carry = low >= TWO_32 ? 1 : 0;
  return [(a[0] + b[0] + carry) >>> 0, low >>> 0];
}

export function xor64(a: Word64, b: Word64): Word64 {
  return [(a[0] ^ b[0]) >>> 0, (a[1] ^ b[1]) >>> 0];
}

/** The splitmix64 increment, 2^64 / golden ratio. */
export const GOLDEN_GAMMA: Word64 = [0x9e3779b9, 0x7f4a7c15];
const MIX_1: Word64 = [0xbf58476d, 0x1ce4e5b9];
const MIX_2: Word64 = [0x94d049bb, 0x133111eb];

/** Halves of the last `mixHalves` result: the mix runs once per character of every fork label, so it allocates nothing. */
let mixedHi = 0;
let mixedLo = 0;

/** z ^ (z >>> s), then times m, mod 2^64; the result in mixedHi and mixedLo. */
function xorShiftMultiply(hi: number, lo: number, s: number, m: Word64): void {
  const xh = (hi ^ (hi >>> s)) >>> 0;
  const xl = (lo ^ ((lo >>> s) | (hi << (32 - s)))) >>> 0;
  mixedLo = Math.imul(xl, m[1]) >>> 0;
  mixedHi = (mulHigh32(xl, m[1]) + Math.imul(xh, m[1]) + Math.imul(xl, m[0])) >>> 0;
}

/** mix64 of the word [hi, lo], the result in mixedHi and mixedLo (z ^= z >>> 30, z *= MIX_1, z ^= z >>> 27, z *= MIX_2, z ^= z >>> 31). */
function mixHalves(hi: number, lo: number): void {
  xorShiftMultiply(hi, lo, 30, MIX_1);
  xorShiftMultiply(mixedHi, mixedLo, 27, MIX_2);
  const h = mixedHi;
  const l = mixedLo;
  mixedHi = (h ^ (h >>> 31)) >>> 0;
  mixedLo = (l ^ ((l >>> 31) | (h << 1))) >>> 0;
}

/** The splitmix64 output function: a bijection of 64-bit words with full avalanche. */
export function mix64(z: Word64): Word64 {
  mixHalves(z[0], z[1]);
  return [mixedHi, mixedLo];
}

/** The first `count` outputs of a splitmix64 generator started at `state`. */
export function splitmix64(state: Word64, count: number): Word64[] {
  const out: Word64[] = [];
  for (let k = 0; k < count; k++) {
    state = add64(state, GOLDEN_GAMMA);
    out.push(mix64(state));
  }
  return out;
}

// Distinct tags keep the number 1, the string "1" and the fork index 1 from hashing alike.
const NUMBER_TAG: Word64 = [0x6e756d62, 0x65720000];
const FLOAT_TAG: Word64 = [0x666c6f61, 0x74000000];
const STRING_TAG: Word64 = [0x73747269, 0x6e670000];

/**
 * A 64-bit word for a seed or a fork label. Safe integers map to their two's-complement 64-bit value, other
 * finite numbers to their IEEE-754 bits, strings to a hash of their UTF-16 code units and length.
 */
export function hashKey(value: number | string): Word64 {
  if (typeof value === 'string') {
    // h = mix64(h + code unit) per code unit, on two halves instead of a new pair per step.
    let hi = STRING_TAG[0];
    let lo = (STRING_TAG[1] ^ value.length) >>> 0;
    for (let k = 0; k < value.length; k++) {
      const low = lo + value.charCodeAt(k);
      mixHalves((hi + (low >= TWO_32 ? 1 : 0)) >>> 0, low >>> 0);
      hi = mixedHi;
      lo = mixedLo;
    }
    return mix64([hi, lo]);
  }
  if (!Number.isFinite(value))
    throw new RangeError(`a seed must be a finite number or a string, not ${value}`);
  if (Number.isSafeInteger(value)) {
    const word: Word64 = [Math.floor(value / TWO_32) >>> 0, value >>> 0];
    return mix64(xor64(word, NUMBER_TAG));
  }
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, value);
  return mix64(xor64([bits.getUint32(0), bits.getUint32(4)], FLOAT_TAG));
}
