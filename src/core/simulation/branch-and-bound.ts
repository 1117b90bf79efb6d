import type { UtilityFunction } from '../evaluate/utility-function.js';
import type { OutcomeSpace } from '../model/outcome-space.js';
import type { CompiledRule } from '../model/rule.js';
import { maxOf, minOf } from '../statistics/extremes.js';

/**
 * Offer search for spaces too large to enumerate: depth-first branch and bound over issues, using per-issue
 * bounds of the additive part and interval bounds for adjustments whose condition is still undecided.
 * Each query stops after a node budget once it has found some answer (or after 50 budgets regardless); a
 * query that completes within it is exact, one that does not returns the best outcome found so far (a
 * heuristic answer) and is counted in `budgetHits`.
 */

const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;

/** Truth of a rule when only some issues are assigned (digit -1 = unassigned). */
export function partialTruth(rule: CompiledRule, digits: Int32Array): number {
  switch (rule.kind) {
    case 'leaf': {
      const d = digits[rule.issue];
      return d < 0 ? UNKNOWN : rule.mask[d] === 1 ? TRUE : FALSE;
    }
    case 'all': {
      let result = TRUE;
      for (const r of rule.rules) {
        const t = partialTruth(r, digits);
        if (t === FALSE) return FALSE;
        if (t === UNKNOWN) result = UNKNOWN;
      }
      return result;
    }
    case 'any': {
      let result = FALSE;
      for (const r of rule.rules) {
        const t = partialTruth(r, digits);
        if (t === TRUE) return TRUE;
        if (t === UNKNOWN) result = UNKNOWN;
      }
      return result;
    }
    case 'not': {
      const t = partialTruth(rule.rule, digits);
      return t === UNKNOWN ? UNKNOWN : 1 - t;
    }
  }
}

interface Bounded {
  contribution: Float64Array[];
  adjustments: ReadonlyArray<{ when: CompiledRule; delta: number }>;
  /** sufMax[d] / sufMin[d]: best / worst additive total of the issues at depth >= d. */
  sufMax: Float64Array;
  sufMin: Float64Array;
}

function bounded(u: UtilityFunction, order: number[]): Bounded {
  const m = order.length;
  const sufMax = new Float64Array(m + 1);
  const sufMin = new Float64Array(m + 1);
  for (let d = m - 1; d >= 0; d--) {
    const row = u.contribution[order[d]];
    let hi = Number.NEGATIVE_INFINITY;
    let lo = Number.POSITIVE_INFINITY;
    for (const x of row) {
      if (x > hi) hi = x;
      if (x < lo) lo = x;
    }
    sufMax[d] = sufMax[d + 1] + hi;
    sufMin[d] = sufMin[d + 1] + lo;
  }
  return { contribution: u.contribution, adjustments: u.adjustments, sufMax, sufMin };
}

/** Adjustment bounds under a partial assignment: [sum of decided deltas + negative undecided, ... + positive]. */
function adjustmentBounds(b: Bounded, digits: Int32Array, out: Float64Array): void {
  let lo = 0;
  let hi = 0;
  for (const a of b.adjustments) {
    const t = partialTruth(a.when, digits);
    if (t === TRUE) {
      lo += a.delta;
      hi += a.delta;
    } else if (t === UNKNOWN) {
      if (a.delta < 0) lo += a.delta;
      else hi += a.delta;
    }
  }
  out[0] = lo;
  out[1] = hi;
}

export interface SearchHit {
  outcome: Int32Array;
  utility: number;
  score: number;
}

export class BranchAndBoundSearch {
  /** Queries that ran out of node budget (their answers are heuristic), over the object's lifetime. */
  budgetHits = 0;
  private readonly order: number[];
  private readonly own: Bounded;
  private readonly others: Bounded[];
  private readonly digits: Int32Array;
  private readonly adj = new Float64Array(2);
  /** Options of each issue in the order tried: best for the others (sum of their contributions) first... */
  private readonly othersFirst: Int32Array[];
  /** ...or best for this agent first. */
  private readonly ownFirst: Int32Array[];
  private maxCache: SearchHit | undefined | null = null;

  constructor(
    space: OutcomeSpace,
    ownUtility: UtilityFunction,
    private readonly redLines: readonly CompiledRule[],
    opponents: readonly UtilityFunction[],
    private readonly budget = 20_000,
  ) {
    const m = space.radix.length;
    const spread = (i: number) => {
      const row = ownUtility.contribution[i];
      return maxOf(row) - minOf(row);
    };
    this.order = Array.from({ length: m }, (_, i) => i).sort((p, q) => spread(q) - spread(p) || p - q);
    this.own = bounded(ownUtility, this.order);
    this.others = opponents.map((u) => bounded(u, this.order));
    this.digits = new Int32Array(m).fill(-1);
    this.othersFirst = Array.from({ length: m }, (_, i) => {
      const gain = (k: number) => this.others.reduce((s, o) => s + o.contribution[i][k], 0);
      const own = ownUtility.contribution[i];
      return Int32Array.from({ length: space.radix[i] }, (_, k) => k).sort(
        (p, q) => gain(q) - gain(p) || own[q] - own[p] || p - q,
      );
    });
    this.ownFirst = Array.from({ length: m }, (_, i) => {
      const own = ownUtility.contribution[i];
      return Int32Array.from({ length: space.radix[i] }, (_, k) => k).sort(
        (p, q) => own[q] - own[p] || p - q,
      );
    });
  }

  private crossesRedLine(): boolean {
    for (const r of this.redLines) if (partialTruth(r, this.digits) === TRUE) return true;
    return false;
  }

  private utilityOf(b: Bounded): number {
    let sum = 0;
    for (let i = 0; i < this.digits.length; i++) sum += b.contribution[i][this.digits[i]];
    adjustmentBounds(b, this.digits, this.adj);
    return sum + this.adj[0];
  }

  private scoreOf(): number {
    if (this.others.length === 0) return 0;
    let s = Number.POSITIVE_INFINITY;
    for (const o of this.others) s = Math.min(s, this.utilityOf(o));
    return s;
  }

  /**
   * Generic depth-first search. `accept` decides whether a complete outcome is feasible and returns its value
   * (higher is better) or NaN; `prune` decides from the partial state whether the subtree can be skipped.
   */
  private search(
    prune: (depth: number, ownPartial: number, partials: Float64Array, best: number) => boolean,
    accept: (ownUtility: number) => number,
    optionOrder: Int32Array[],
  ): { hit: SearchHit | undefined; complete: boolean } {
    const m = this.order.length;
    const partials = new Float64Array(this.others.length);
    let best = Number.NEGATIVE_INFINITY;
    let hit: SearchHit | undefined;
    let nodes = 0;
    let complete = true;
    // Iterative, not recursive: the depth is the number of issues, which may be many thousands.
    const ownAt = new Float64Array(m + 1);
    const next = new Int32Array(m);
    const enter = (depth: number): boolean => {
      nodes++;
      if ((nodes > this.budget && hit) || nodes > 50 * this.budget) {
        complete = false;
        return false;
      }
      if (this.crossesRedLine()) return false;
      if (prune(depth, ownAt[depth], partials, best)) return false;
      if (depth < m) return true;
      const utility = this.utilityOf(this.own);
      const value = accept(utility);
      if (!Number.isNaN(value) && value > best) {
        best = value;
        hit = { outcome: Int32Array.from(this.digits), utility, score: this.scoreOf() };
      }
      return false;
    };
    let depth = enter(0) ? 0 : -1;
    while (depth >= 0) {
      const issue = this.order[depth];
      const options = optionOrder[issue];
      if (next[depth] > 0) this.shiftPartials(partials, issue, options[next[depth] - 1], -1);
      if (!complete || next[depth] >= options.length) {
        this.digits[issue] = -1;
        depth--;
        continue;
      }
      const k = options[next[depth]++];
      this.digits[issue] = k;
      this.shiftPartials(partials, issue, k, 1);
      ownAt[depth + 1] = ownAt[depth] + this.own.contribution[issue][k];
      if (enter(depth + 1)) {
        depth++;
        next[depth] = 0;
      }
    }
    this.digits.fill(-1);
    if (!complete) this.budgetHits++;
    return { hit, complete };
  }

  /** Adds (sign 1) or removes (sign -1) option k of an issue from the opponents' partial utilities. */
  private shiftPartials(partials: Float64Array, issue: number, k: number, sign: number): void {
    for (let j = 0; j < this.others.length; j++) partials[j] += sign * this.others[j].contribution[issue][k];
  }

  private ownBounds(depth: number, ownPartial: number): [number, number] {
    adjustmentBounds(this.own, this.digits, this.adj);
    return [
      ownPartial + this.own.sufMin[depth] + this.adj[0],
      ownPartial + this.own.sufMax[depth] + this.adj[1],
    ];
  }

  private scoreUpper(depth: number, partials: Float64Array): number {
    let s = Number.POSITIVE_INFINITY;
    for (let j = 0; j < this.others.length; j++) {
      adjustmentBounds(this.others[j], this.digits, this.adj);
      s = Math.min(s, partials[j] + this.others[j].sufMax[depth] + this.adj[1]);
    }
    return s;
  }

  /** Whether the (cached) maximum was found within the node budget. */
  maximumExact = true;

  /** The outcome of highest own utility that crosses no own red line. */
  maximum(): SearchHit | undefined {
    if (this.maxCache !== null) return this.maxCache;
    const { hit, complete } = this.search(
      (depth, ownPartial, _p, best) => this.ownBounds(depth, ownPartial)[1] <= best,
      (u) => u,
      this.ownFirst,
    );
    this.maxCache = hit;
    this.maximumExact = complete;
    return hit;
  }

  /** Among outcomes with own utility in [lo, hi], the one with the highest opponent score. */
  bestInBand(lo: number, hi: number): SearchHit | undefined {
    if (this.others.length === 0) return this.closestAbove(lo);
    const { hit } = this.search(
      (depth, ownPartial, partials, best) => {
        const [min, max] = this.ownBounds(depth, ownPartial);
        if (max < lo || min > hi) return true;
        return this.scoreUpper(depth, partials) <= best;
      },
      (u) => (u >= lo && u <= hi ? this.scoreOf() : Number.NaN),
      this.othersFirst,
    );
    return hit;
  }

  /** The outcome with the lowest own utility >= lo. */
  closestAbove(lo: number): SearchHit | undefined {
    const { hit } = this.search(
      (depth, ownPartial, _p, best) => {
        const [min, max] = this.ownBounds(depth, ownPartial);
        return max < lo || -min <= best;
      },
      (u) => (u >= lo ? -u : Number.NaN),
      this.ownFirst,
    );
    return hit;
  }

  /** The outcome with the highest own utility <= hi. */
  closestBelow(hi: number): SearchHit | undefined {
    const { hit } = this.search(
      (depth, ownPartial, _p, best) => {
        const [min, max] = this.ownBounds(depth, ownPartial);
        return min > hi || max <= best;
      },
      (u) => (u <= hi ? u : Number.NaN),
      this.ownFirst,
    );
    return hit;
  }
}
