/**
 * The exact number of complete outcomes of a space: the product of its issues' option counts, which passes 2^53
 * (and then Infinity as a double) long before a scenario is unreasonable: 10,000 two-option issues make a
 * 3,011-digit number. Counted as a BigInt, so it is exact at any size.
 */
export interface OutcomeCount {
  /** The exact count in decimal digits. */
  decimal: string;
  /** log10 of the count (finite at any size), for comparisons and plots. */
  log10: number;
}

export function outcomeCount(radix: Iterable<number>): OutcomeCount {
  let exact = 1n;
  let log10 = 0;
  for (const r of radix) {
    exact *= BigInt(r);
    log10 += Math.log10(r);
  }
  return { decimal: exact.toString(), log10: exact === 0n ? Number.NEGATIVE_INFINITY : log10 };
}

/** Counts up to this many digits are written out in full; longer ones as a power of ten. */
const FULL_DIGITS = 24;

/**
 * The count for people: in full with thousands separators ("1,048,576") up to 24 digits, else as a power of
 * ten with its digit count ("10^4771.21 (4,772 digits)"), never "Infinity".
 */
export function outcomeCountText(count: OutcomeCount): string {
  if (count.decimal.length <= FULL_DIGITS) return count.decimal.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = count.decimal.length.toLocaleString('en-US');
  return `10^${count.log10.toFixed(2)} (${digits} digits)`;
}

/** outcomeCountText of a space given by its option counts. */
export function spaceSizeText(radix: Iterable<number>): string {
  return outcomeCountText(outcomeCount(radix));
}
