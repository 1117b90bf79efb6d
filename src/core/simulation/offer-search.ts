import { enumerateUtilities, layoutOf, ruleMask } from '../analysis/utility-table.js';
import type { UtilityFunction } from '../evaluate/utility-function.js';
import type { CompiledScenario } from '../model/compile.js';
import { decodeOutcome, type OutcomeSpace } from '../model/outcome-space.js';
import type { CompiledRule } from '../model/rule.js';
import { BranchAndBoundSearch } from './branch-and-bound.js';
import { BucketedOutcomes } from './bucketed-outcomes.js';
import { LruMap, utilityFingerprint } from './outcome-tables.js';

/**
 * Finding what to propose at a target utility level, without scanning the outcome space each round.
 *
 * Spaces of at most `exactLimit` outcomes are enumerated once per (scenario, party, realised utility, beliefs):
 * outcomes that cross none of the party's red lines are ordered by its utility (lazily, see BucketedOutcomes),
 * with a range-maximum index over the others' estimated utility that answers "best for them within
 * [target, target + ε]" exactly. These precomputations are cached per compiled scenario (bounded, least
 * recently used), so repeated runs reuse them.
 *
 * Larger spaces use branch and bound with a node budget per query: heuristic (answers that exhausted the budget
 * may be suboptimal, and are counted), exact when a query completes within the budget.
 */

export interface Bid {
  outcome: Int32Array;
  utility: number;
}

export interface OfferSearch {
  /** True when the space was enumerated (every answer exact). */
  readonly exact: boolean;
  /** Highest own utility over outcomes crossing no own red line; -Infinity when there are none. */
  readonly maxUtility: number;
  /** Lowest own utility over outcomes crossing no own red line; +Infinity when there are none. */
  readonly minUtility: number;
  /**
   * Among outcomes with own utility in [target, target + band] (band: the search's epsilon unless given), the
   * one best for the others; if none lies in that band, the one closest above the target.
   */
  bidAtLeast(target: number, band?: number): Bid | undefined;
  /** The outcome of lowest own utility >= target; among equal utilities, the last in outcome order. */
  lowestAtLeast(target: number): Bid | undefined;
  /**
   * The outcome whose own utility is nearest the target, among those with utility >= lowest (the higher one on
   * a tie; among equal utilities, the first in outcome order).
   */
  nearest(target: number, lowest: number): Bid | undefined;
  /** Number of this agent's queries that exhausted the node budget (always 0 when exact). */
  budgetHits(): number;
}

export interface OfferSearchOptions {
  /** Width of the band above the target within which the others' estimated utility is maximised. */
  epsilon: number;
  exactLimit: number;
  nodeBudget: number;
}

export const DEFAULT_EXACT_LIMIT = 4_000_000;
export const DEFAULT_NODE_BUDGET = 20_000;

interface ScenarioCache {
  tables: LruMap<string, Float64Array>;
  masks: Map<number, Uint8Array>;
  indexes: LruMap<string, BucketedOutcomes>;
  searches: LruMap<string, BranchAndBoundSearch>;
}

const caches = new WeakMap<CompiledScenario, ScenarioCache>();

function cacheFor(compiled: CompiledScenario): ScenarioCache {
  let cache = caches.get(compiled);
  if (!cache) {
    // Keep a few hundred megabytes of tables at most, whatever the space size.
    const entries = Math.max(4, Math.min(32, Math.floor(2e8 / (8 * Math.max(1, compiled.space.size)))));
    cache = {
      tables: new LruMap(entries),
      masks: new Map(),
      indexes: new LruMap(entries),
      searches: new LruMap(64),
    };
    caches.set(compiled, cache);
  }
  return cache;
}

function table(
  compiled: CompiledScenario,
  cache: ScenarioCache,
  u: UtilityFunction,
  key: string,
): Float64Array {
  return cache.tables.getOrCreate(key, () => enumerateUtilities([u], compiled.space).utilities[0]);
}

/**
 * The offer search for one agent: its own utility and red lines (from model `partyIndex`) and its estimates of
 * the other negotiators (empty when it has no opponent model: then it proposes the outcome closest above target).
 */
export function createOfferSearch(
  compiled: CompiledScenario,
  partyIndex: number,
  own: UtilityFunction,
  opponents: readonly UtilityFunction[],
  options: OfferSearchOptions,
): OfferSearch {
  const cache = cacheFor(compiled);
  const space = compiled.space;
  const redLines = compiled.models[partyIndex].redLines.map((r) => r.crossedWhen);
  const ownKey = `${partyIndex}/${utilityFingerprint(own)}`;
  const othersKey = opponents.map(utilityFingerprint).join('+');
  const { epsilon } = options;

  if (!space.sizeIsExact || space.size > options.exactLimit) {
    const search = cache.searches.getOrCreate(
      `${ownKey}|${othersKey}|${options.nodeBudget}`,
      () => new BranchAndBoundSearch(space, own, redLines, opponents, options.nodeBudget),
    );
    const max = search.maximum();
    // Counted per use (the search object is shared between runs), so that a run's report is reproducible.
    let hits = search.maximumExact ? 0 : 1;
    /** Runs a query, counting it when it exhausted the node budget. */
    const counted = <T>(query: () => T): T => {
      const before = search.budgetHits;
      const result = query();
      if (search.budgetHits > before) hits++;
      return result;
    };
    let min: number | undefined;
    return {
      exact: false,
      maxUtility: max ? max.utility : Number.NEGATIVE_INFINITY,
      get minUtility() {
        min ??= max
          ? (counted(() => search.closestAbove(Number.NEGATIVE_INFINITY))?.utility ?? max.utility)
          : Number.POSITIVE_INFINITY;
        return min;
      },
      bidAtLeast(target, band = epsilon) {
        if (!max || max.utility < target) return undefined;
        const hit = counted(
          () => search.bestInBand(target, target + band) ?? search.closestAbove(target) ?? max,
        );
        return { outcome: hit.outcome, utility: hit.utility };
      },
      lowestAtLeast(target) {
        if (!max || max.utility < target) return undefined;
        const hit = counted(() => search.closestAbove(target)) ?? max;
        return { outcome: hit.outcome, utility: hit.utility };
      },
      nearest(target, lowest) {
        if (!max || max.utility < lowest) return undefined;
        const above = counted(() => search.closestAbove(Math.max(target, lowest))) ?? max;
        const below = target > lowest ? counted(() => search.closestBelow(target)) : undefined;
        const hit =
          below && below.utility >= lowest && target - below.utility < above.utility - target ? below : above;
        return { outcome: hit.outcome, utility: hit.utility };
      },
      budgetHits: () => hits,
    };
  }

  const index = cache.indexes.getOrCreate(`${ownKey}|${othersKey}`, () => {
    const ownTable = table(compiled, cache, own, utilityFingerprint(own));
    let mask: Uint8Array | undefined;
    if (redLines.length > 0) {
      mask = cache.masks.get(partyIndex);
      if (!mask) {
        mask = anyRuleMask(space, redLines);
        cache.masks.set(partyIndex, mask);
      }
    }
    let score: Float64Array | undefined;
    if (opponents.length > 0) {
      const tables = opponents.map((u) => table(compiled, cache, u, utilityFingerprint(u)));
      score = Float64Array.from(tables[0]);
      for (let j = 1; j < tables.length; j++) {
        const t = tables[j];
        for (let i = 0; i < score.length; i++) if (t[i] < score[i]) score[i] = t[i];
      }
    }
    return new BucketedOutcomes(ownTable, mask, score);
  });
  const n = index.size;
  const bidAt = (pos: number): Bid => ({
    outcome: decodeOutcome(space, index.order[pos]),
    utility: index.util[pos],
  });
  return {
    exact: true,
    maxUtility: n > 0 ? index.util[index.upperBound(Number.POSITIVE_INFINITY) - 1] : Number.NEGATIVE_INFINITY,
    minUtility: n > 0 ? index.util[index.lowerBound(Number.NEGATIVE_INFINITY)] : Number.POSITIVE_INFINITY,
    bidAtLeast(target, band = epsilon) {
      const lo = index.lowerBound(target);
      if (lo >= n) return undefined;
      const hi = index.score ? index.upperBound(target + band) : lo;
      return bidAt(hi > lo ? index.argMax(lo, hi) : lo);
    },
    lowestAtLeast(target) {
      const lo = index.lowerBound(target);
      if (lo >= n) return undefined;
      // Positions of equal utility are in outcome order, so the last of them is just before the next utility.
      return bidAt(index.upperBound(index.util[lo]) - 1);
    },
    nearest(target, lowest) {
      const floor = index.lowerBound(lowest);
      if (floor >= n) return undefined;
      const lo = Math.max(floor, index.lowerBound(target));
      let pos = lo < n ? lo : n - 1;
      if (lo > floor) {
        index.settle(lo - 1);
        const below = index.util[lo - 1];
        if (lo >= n || target - below < index.util[lo] - target) pos = index.lowerBound(below);
      }
      return bidAt(pos);
    },
    budgetHits: () => 0,
  };
}

/** 1 where any of the rules holds (a red line is crossed), over the whole space. */
function anyRuleMask(space: OutcomeSpace, rules: readonly CompiledRule[]): Uint8Array {
  const layout = layoutOf(space);
  const mask = new Uint8Array(layout.size);
  for (const rule of rules) {
    const holds = ruleMask(rule, layout);
    for (let j = 0; j < mask.length; j++) mask[j] |= holds[j];
  }
  return mask;
}
