import type { UtilityFunction } from '../evaluate/utility-function.js';
import type { OutcomeSpace } from '../model/outcome-space.js';
import { type CompiledRule, holds, ruleIssues } from '../model/rule.js';
import { fullSubspace, type Subspace } from '../model/subspace.js';

/**
 * Every outcome's utility for every party, one Float64Array per party.
 * Index = mixed-radix index of the outcome within the enumerated sub-space (issue 0 varies slowest, digit k of
 * issue i means option `subspace.allowed[i][k]`); for the full space it is the outcome's own index
 * (`encodeOutcome`).
 */
export interface UtilityTable extends Layout {
  space: OutcomeSpace;
  subspace: Subspace;
  parties: string[];
  utilities: Float64Array[];
}

/** The sub-space layout the enumeration walks: per issue, the options allowed and their count. */
export interface Layout {
  allowed: Int32Array[];
  /** Number of allowed options per issue: the mixed radix of the enumeration. */
  radix: Int32Array;
  /** Number of outcomes. */
  size: number;
}

export interface EnumerateOptions {
  subspace?: Subspace;
  /** Largest outcomes × parties to enumerate (default DEFAULT_MAX_CELLS). */
  maxCells?: number;
  /**
   * Arrays to fill, one per utility function, each of the sub-space's size: repeated enumerations (say, one
   * per sampled realisation of the estimates) then reuse memory instead of allocating and zeroing it.
   */
  into?: Float64Array[];
}

/** 100 million utilities: 800 MB of Float64Array. */
export const DEFAULT_MAX_CELLS = 100_000_000;

/** The space is too large to enumerate within the memory budget; the caller should use the MILP frontier. */
export class EnumerationLimitError extends Error {
  constructor(
    readonly outcomes: number,
    readonly parties: number,
    readonly limit: number,
  ) {
    super(
      `the outcome space has ${fmtCount(outcomes)} outcomes × ${parties} parties = ${fmtCount(outcomes * parties)} ` +
        `utilities, above the enumeration limit of ${fmtCount(limit)} (${Math.round((limit * 8) / 1e6)} MB); ` +
        'restrict it to a sub-space, raise maxCells, or use the MILP frontier, which does not enumerate',
    );
    this.name = 'EnumerationLimitError';
  }
}

function fmtCount(x: number): string {
  if (!Number.isFinite(x)) return 'more than 1.8e308';
  return x >= 1e6 ? x.toExponential(2) : String(x);
}

export function layoutOf(space: OutcomeSpace, subspace: Subspace = fullSubspace(space)): Layout {
  if (subspace.allowed.length !== space.radix.length) {
    throw new RangeError(
      `the sub-space has ${subspace.allowed.length} issues but the outcome space has ${space.radix.length}`,
    );
  }
  subspace.allowed.forEach((allowed, i) => {
    for (const k of allowed) {
      if (!(k >= 0 && k < space.radix[i])) {
        throw new RangeError(
          `sub-space option ${k} of issue '${space.issues[i].id}' is outside 0..${space.radix[i] - 1}`,
        );
      }
    }
  });
  const radix = Int32Array.from(subspace.allowed, (a) => a.length);
  let size = 1;
  for (const r of radix) size *= r;
  return { allowed: subspace.allowed, radix, size };
}

/**
 * Enumerates u_p(o) for every outcome o of the (sub-)space and every utility function, in the same order of
 * additions as `utilityOf` (issue 0 first, then adjustments in their order), so values agree bit for bit.
 *
 * The walk is an odometer with the last issue innermost (the last two when the last has few options): per
 * party, the partial sums of the outer issues are kept per level and only the levels that changed are
 * recomputed, so each outcome costs about one addition. Adjustments are applied afterwards, a contiguous
 * block of outcomes at a time: a rule's truth depends only on its own issues, so it is tabulated once over
 * their options and the outcomes where it holds are visited as runs.
 *
 * Throws EnumerationLimitError when outcomes × parties exceeds `maxCells`.
 */
export function enumerateUtilities(
  fns: UtilityFunction[],
  space: OutcomeSpace,
  options: EnumerateOptions = {},
): UtilityTable {
  const subspace = options.subspace ?? fullSubspace(space);
  const layout = layoutOf(space, subspace);
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const cells = layout.size * Math.max(1, fns.length);
  if (!(cells <= maxCells) || layout.size > 2 ** 31 - 1) {
    throw new EnumerationLimitError(layout.size, fns.length, maxCells);
  }
  for (const fn of fns) {
    if (fn.contribution.length !== space.radix.length) {
      throw new RangeError(
        `utility of '${fn.party}' has ${fn.contribution.length} issues but the outcome space has ${space.radix.length}`,
      );
    }
    fn.contribution.forEach((c, i) => {
      if (c.length !== space.radix[i]) {
        throw new RangeError(
          `utility of '${fn.party}' has ${c.length} options for issue '${space.issues[i].id}', expected ${space.radix[i]}`,
        );
      }
    });
  }
  const into = options.into;
  if (into && (into.length !== fns.length || into.some((row) => row.length !== layout.size))) {
    throw new RangeError(`'into' must hold ${fns.length} arrays of ${layout.size} numbers`);
  }
  const utilities = fns.map((fn, p) => {
    const row = into ? into[p] : new Float64Array(layout.size);
    const restricted = layout.allowed.map((allowed, i) =>
      Float64Array.from(allowed, (k) => fn.contribution[i][k]),
    );
    fillAdditive(row, restricted, layout.radix);
    for (const adjustment of fn.adjustments) {
      const delta = adjustment.delta;
      forEachRunWhere(adjustment.when, layout, (start, end) => {
        for (let j = start; j < end; j++) row[j] += delta;
      });
    }
    return row;
  });
  return { ...layout, space, subspace, parties: fns.map((f) => f.party), utilities };
}

/** row[index] = sum over issues of contribution[issue][digit], summed from issue 0 up, starting at 0. */
function fillAdditive(row: Float64Array, contribution: Float64Array[], radix: Int32Array): void {
  const n = radix.length;
  if (row.length === 0) return;
  if (n === 0) {
    row[0] = 0;
    return;
  }
  const last = contribution[n - 1];
  const lastRadix = radix[n - 1];
  // With few options on the last issue, the last two issues form the inner loops, so that the odometer
  // (the costly part of a step) moves less often. Both ways add in the same order.
  const inner = n >= 2 && lastRadix < 16 ? 2 : 1;
  const mid = contribution[n - 2];
  const midRadix = inner === 2 ? radix[n - 2] : 1;
  const outer = n - inner;
  const prefix = new Float64Array(Math.max(outer, 1));
  const digits = new Int32Array(Math.max(outer, 1));
  let sum = 0;
  for (let l = 0; l < outer; l++) {
    sum += contribution[l][0];
    prefix[l] = sum;
  }
  let index = 0;
  for (;;) {
    const base = outer > 0 ? prefix[outer - 1] : 0;
    if (inner === 1) {
      for (let j = 0; j < lastRadix; j++) row[index + j] = base + last[j];
      index += lastRadix;
    } else {
      for (let a = 0; a < midRadix; a++) {
        const partial = base + mid[a];
        for (let j = 0; j < lastRadix; j++) row[index + j] = partial + last[j];
        index += lastRadix;
      }
    }
    let l = outer - 1;
    while (l >= 0) {
      if (++digits[l] < radix[l]) break;
      digits[l] = 0;
      l--;
    }
    if (l < 0) return;
    sum = l > 0 ? prefix[l - 1] : 0;
    for (let m = l; m < outer; m++) {
      sum += contribution[m][digits[m]];
      prefix[m] = sum;
    }
  }
}

/** Truth tables over more option combinations than this are split along the rule's structure instead. */
const TRUTH_TABLE_LIMIT = 1 << 20;

/**
 * Calls `visit(start, end)` for maximal runs [start, end) of sub-space indices whose outcomes satisfy `rule`,
 * in increasing order. Cost: the rule's truth table plus O(size / block) steps, where block is the number of
 * outcomes sharing the rule's last issue's option (contiguous in the mixed-radix order).
 */
export function forEachRunWhere(
  rule: CompiledRule,
  layout: Layout,
  visit: (start: number, end: number) => void,
  tableLimit = TRUTH_TABLE_LIMIT,
): void {
  if (layout.size === 0) return;
  const issues = [...ruleIssues(rule)].sort((a, b) => a - b);
  let combos = 1;
  for (const i of issues) combos *= layout.radix[i];
  if (combos > tableLimit && rule.kind !== 'leaf') {
    const mask = ruleMask(rule, layout, tableLimit);
    forEachRunOfMask(mask, visit);
    return;
  }
  const probe = Int32Array.from(layout.allowed, (a) => a[0]);
  if (issues.length === 0) {
    if (holds(rule, probe)) visit(0, layout.size);
    return;
  }
  const truth = truthTable(rule, layout, issues, combos, probe);
  const lastIssue = issues[issues.length - 1];
  let block = 1;
  for (let l = lastIssue + 1; l < layout.radix.length; l++) block *= layout.radix[l];
  const lastRadix = layout.radix[lastIssue];
  // Key strides: the rule's issues in order, last one fastest; other levels do not move the key.
  const keyStride = new Int32Array(lastIssue);
  let stride = lastRadix;
  for (let j = issues.length - 2; j >= 0; j--) {
    keyStride[issues[j]] = stride;
    stride *= layout.radix[issues[j]];
  }
  const digits = new Int32Array(lastIssue);
  let key = 0;
  let index = 0;
  let runStart = -1;
  const span = lastRadix * block;
  for (;;) {
    for (let k = 0; k < lastRadix; k++) {
      if (truth[key + k]) {
        if (runStart < 0) runStart = index + k * block;
      } else if (runStart >= 0) {
        visit(runStart, index + k * block);
        runStart = -1;
      }
    }
    index += span;
    let l = lastIssue - 1;
    while (l >= 0) {
      if (++digits[l] < layout.radix[l]) {
        key += keyStride[l];
        break;
      }
      key -= (layout.radix[l] - 1) * keyStride[l];
      digits[l] = 0;
      l--;
    }
    if (l < 0) break;
  }
  if (runStart >= 0) visit(runStart, layout.size);
}

function truthTable(
  rule: CompiledRule,
  layout: Layout,
  issues: number[],
  combos: number,
  probe: Int32Array,
): Uint8Array {
  const truth = new Uint8Array(combos);
  const digits = new Int32Array(issues.length);
  for (let key = 0; key < combos; key++) {
    for (let j = 0; j < issues.length; j++) probe[issues[j]] = layout.allowed[issues[j]][digits[j]];
    truth[key] = holds(rule, probe) ? 1 : 0;
    for (let j = issues.length - 1; j >= 0; j--) {
      if (++digits[j] < layout.radix[issues[j]]) break;
      digits[j] = 0;
    }
  }
  return truth;
}

/**
 * 1 where the rule holds, over the sub-space indices. A rule whose issues have more than `tableLimit` option
 * combinations is combined from the masks of its parts (a leaf has one issue, so this always ends).
 */
export function ruleMask(rule: CompiledRule, layout: Layout, tableLimit = TRUTH_TABLE_LIMIT): Uint8Array {
  const issues = ruleIssues(rule);
  let combos = 1;
  for (const i of issues) combos *= layout.radix[i];
  if (combos <= tableLimit || rule.kind === 'leaf') {
    const mask = new Uint8Array(layout.size);
    forEachRunWhere(rule, layout, (start, end) => mask.fill(1, start, end), tableLimit);
    return mask;
  }
  if (rule.kind === 'not') {
    const mask = ruleMask(rule.rule, layout, tableLimit);
    for (let j = 0; j < mask.length; j++) mask[j] ^= 1;
    return mask;
  }
  const all = rule.kind === 'all';
  const mask = new Uint8Array(layout.size).fill(all ? 1 : 0);
  for (const part of rule.rules) {
    const m = ruleMask(part, layout, tableLimit);
    if (all) for (let j = 0; j < mask.length; j++) mask[j] &= m[j];
    else for (let j = 0; j < mask.length; j++) mask[j] |= m[j];
  }
  return mask;
}

function forEachRunOfMask(mask: Uint8Array, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let j = 0; j < mask.length; j++) {
    if (mask[j]) {
      if (start < 0) start = j;
    } else if (start >= 0) {
      visit(start, j);
      start = -1;
    }
  }
  if (start >= 0) visit(start, mask.length);
}

/** One signatory's acceptance test: no red line crossed and utility >= BATNA. */
export interface AcceptanceTest {
  utility: Float64Array;
  batna: number;
  /** Rules that hold exactly when a red line is crossed. */
  crossedWhen: CompiledRule[];
}

/**
 * Outcomes of the table's sub-space acceptable to every listed signatory: 1 in `mask` where no red line of
 * any of them is crossed and each one's utility is at least its BATNA; `count` of them.
 */
export function acceptableMask(layout: Layout, tests: AcceptanceTest[]): { mask: Uint8Array; count: number } {
  const mask = new Uint8Array(layout.size).fill(1);
  for (const test of tests) {
    if (test.utility.length !== layout.size)
      throw new RangeError('utility column does not match the sub-space');
    for (const rule of test.crossedWhen)
      forEachRunWhere(rule, layout, (start, end) => mask.fill(0, start, end));
  }
  for (const test of tests) {
    const u = test.utility;
    const batna = test.batna;
    for (let j = 0; j < mask.length; j++) if (u[j] < batna) mask[j] = 0;
  }
  let count = 0;
  for (let j = 0; j < mask.length; j++) count += mask[j];
  return { mask, count };
}

/** Indices where the mask is 1, ascending. */
export function maskIndices(mask: Uint8Array): Int32Array {
  let count = 0;
  for (let j = 0; j < mask.length; j++) count += mask[j];
  const out = new Int32Array(count);
  let k = 0;
  for (let j = 0; j < mask.length; j++) if (mask[j]) out[k++] = j;
  return out;
}

/** The outcome (option index per issue of the full space) at a sub-space index. */
export function outcomeAt(layout: Layout, index: number, into?: Int32Array): Int32Array {
  const n = layout.radix.length;
  const outcome = into ?? new Int32Array(n);
  let rest = index;
  for (let i = n - 1; i >= 0; i--) {
    const r = layout.radix[i];
    const digit = rest % r;
    rest = (rest - digit) / r;
    outcome[i] = layout.allowed[i][digit];
  }
  return outcome;
}
