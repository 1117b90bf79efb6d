import {
  type FrontierOver,
  type MilpFrontierPoint,
  milpFrontier,
} from '../core/analysis/pareto/milp-frontier.js';
import {
  FrontierError,
  type FrontierOptions,
  paretoFrontier,
} from '../core/analysis/pareto/pareto-frontier.js';
import { EnumerationLimitError } from '../core/analysis/utility-table.js';
import type { CompiledScenario } from '../core/model/compile.js';
import { encodeOutcome } from '../core/model/outcome-space.js';
import { type Subspace, subspaceSize } from '../core/model/subspace.js';
import type { Cancellation, Clock, MilpSolver, Progress } from '../core/ports.js';

/**
 * The Pareto frontier as a use case: one request, the ports, one serialisable result that says which
 * outcomes it is over, how it was computed, and whether it is exact or bounded (with the bound).
 *
 * Methods: 'enumerate' and 'decompose' are exact below their limits and count every outcome; 'milp' proves
 * one outcome per distinct utility vector at any size (two parties exactly; three or more exactly when the
 * frontier is small enough, else with a certified coverage bound). 'auto' uses decomposition or enumeration
 * when the space allows, else MILP for two parties; for three or more parties above the enumeration limit
 * it computes nothing unless asked ('milp'), since an exact frontier there can take very long.
 */
export type FrontierMethodChoice = 'auto' | 'enumerate' | 'decompose' | 'milp';

export interface FrontierRequest {
  method?: FrontierMethodChoice;
  over?: FrontierOver;
  parties?: string[];
  subspace?: Subspace;
  /** Points listed in the result (default 2,000; Infinity lists all). `onPoint` always receives all. */
  maxListed?: number;
  /** Seed of the spread sample listed when the frontier is longer than maxListed. */
  seed?: number;
  /** MILP: stop after this many points (the result is then bounded, with what was certified). */
  maxPoints?: number;
  /** MILP, 3+ parties: accept a certified coverage bound of this many utility points instead of exactness. */
  coverage?: number;
  /** MILP: count the outcomes sharing each frontier vector, up to this many per vector (default: not counted). */
  countTies?: number;
  /** One enumeration shared by the steps of an analysis (see paretoFrontier). */
  shared?: FrontierOptions['shared'];
  /** Largest space enumerated by 'auto' (default 2,000,000 outcomes). */
  enumerationLimit?: number;
}

export interface FrontierPorts {
  solver: MilpSolver;
  progress?: Progress;
  cancel?: Cancellation;
  clock?: Clock;
  /** Each point as soon as it is known (MILP: as it is proven; enumeration: after the frontier is built). */
  onPoint?: (point: FrontierPointView) => void;
}

export interface FrontierPointView {
  /** Option index per issue. */
  outcome: number[];
  /** Index of the outcome in the full space, when the space is small enough to index. */
  index?: number;
  /** Utility per party, in the order of `parties`. */
  utilities: number[];
  /** MILP with `countTies`: outcomes sharing this vector (a lower bound when `countExact` is false). */
  count?: number;
  countExact?: boolean;
}

export interface FrontierReport {
  method: 'enumerate' | 'decompose' | 'milp';
  reason: string;
  over: FrontierOver;
  parties: string[];
  /** True when every frontier vector is listed or streamed; false when the result is bounded. */
  exact: boolean;
  /** When not exact: every frontier vector lies within this many utility points of a listed one (if known). */
  coverage?: number;
  /** Number of Pareto-optimal outcomes, when counted (enumeration, or MILP with `countTies` run to the end). */
  outcomes?: number;
  distinctVectors: number;
  /** Points in `points`; less than the frontier when `truncated`. */
  listed: number;
  truncated: boolean;
  points: FrontierPointView[];
  solves?: number;
  solverMs?: number;
  note: string;
  warnings: string[];
}

export const DEFAULT_LISTED = 2000;
export const DEFAULT_ENUMERATION_LIMIT = 2_000_000;

export class FrontierRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrontierRequestError';
  }
}

/** Computes the frontier, or says in `skipped` why 'auto' did not. */
export async function computeFrontier(
  compiled: CompiledScenario,
  request: FrontierRequest,
  ports: FrontierPorts,
): Promise<FrontierReport | { skipped: string }> {
  const method = request.method ?? 'auto';
  const over = request.over ?? 'all-outcomes';
  const maxListed = request.maxListed ?? DEFAULT_LISTED;
  if (!(maxListed >= 1)) throw new FrontierRequestError(`maxListed must be at least 1, got ${maxListed}`);
  const limit = request.enumerationLimit ?? DEFAULT_ENUMERATION_LIMIT;
  // A subspace (a package's open issues) is enumerated when it is small, whatever the whole space's size.
  const size = request.subspace ? subspaceSize(request.subspace) : compiled.space.size;
  const small = (request.subspace !== undefined || compiled.space.sizeIsExact) && size <= limit;
  const partyCount =
    request.parties?.length ??
    (compiled.signatories.length > 0 ? compiled.signatories.length : compiled.models.length);

  if (method === 'enumerate' || method === 'decompose' || (method === 'auto' && small)) {
    try {
      return enumerated(compiled, request, ports, method === 'auto' ? 'auto' : method, maxListed);
    } catch (error) {
      if (method !== 'auto' || !(error instanceof FrontierError || error instanceof EnumerationLimitError))
        throw error;
    }
  }
  if (method === 'auto' && partyCount > 2) {
    return {
      skipped: `${size.toExponential(2)} outcomes are more than the ${limit.toExponential(0)} the frontier enumerates, and with ${partyCount} parties an exact MILP frontier can take very long; ask for it with method 'milp' (optionally with a coverage bound)`,
    };
  }
  return byMilp(compiled, request, ports, over, maxListed, method === 'milp');
}

function enumerated(
  compiled: CompiledScenario,
  request: FrontierRequest,
  ports: FrontierPorts,
  method: 'auto' | 'enumerate' | 'decompose',
  maxListed: number,
): FrontierReport {
  const over = request.over ?? 'all-outcomes';
  const all = paretoFrontier(compiled, {
    parties: request.parties,
    within: over === 'acceptable-outcomes' ? 'agreement-zone' : 'all',
    subspace: request.subspace,
    method,
    seed: request.seed,
    shared: request.shared,
    // Everything when a listener streams the points; the listed part is cut below.
    maxListed: ports.onPoint ? Number.POSITIVE_INFINITY : maxListed,
  });
  const views = all.points.map(
    (p): FrontierPointView => ({ outcome: Array.from(p.outcome), index: p.index, utilities: p.utilities }),
  );
  if (ports.onPoint) for (const v of views) ports.onPoint(v);
  const truncated = all.truncated || views.length > maxListed;
  const points = views.length > maxListed ? spread(views, maxListed) : views;
  let note = all.note;
  if (views.length > maxListed)
    note += ` The list is cut: ${points.length} of ${views.length} evenly spread points are listed.`;
  return {
    method: all.method,
    reason: all.reason,
    over: all.over,
    parties: all.parties,
    exact: true,
    outcomes: all.size,
    distinctVectors: all.distinctVectors,
    listed: points.length,
    truncated,
    points,
    note,
    warnings: [],
  };
}

async function byMilp(
  compiled: CompiledScenario,
  request: FrontierRequest,
  ports: FrontierPorts,
  over: FrontierOver,
  maxListed: number,
  requested: boolean,
): Promise<FrontierReport> {
  const index = (outcome: Int32Array) =>
    compiled.space.sizeIsExact && compiled.space.size <= Number.MAX_SAFE_INTEGER
      ? encodeOutcome(compiled.space, outcome)
      : undefined;
  const view = (p: MilpFrontierPoint): FrontierPointView => {
    const v: FrontierPointView = { outcome: Array.from(p.outcome), utilities: p.utilities };
    const i = index(p.outcome);
    if (i !== undefined) v.index = i;
    if (p.count !== undefined) Object.assign(v, { count: p.count, countExact: p.countExact });
    return v;
  };
  const result = await milpFrontier(compiled, {
    solver: ports.solver,
    parties: request.parties,
    over,
    subspace: request.subspace,
    maxPoints: request.maxPoints,
    coverage: request.coverage,
    countTies: request.countTies,
    progress: ports.progress,
    cancel: ports.cancel,
    clock: ports.clock,
    onPoint: ports.onPoint ? (p) => ports.onPoint?.(view(p)) : undefined,
  });
  const views = result.points.map(view);
  // Listed in the same order as enumeration: first party's utility descending, then the next's.
  views.sort((a, b) => {
    for (let k = 0; k < a.utilities.length; k++)
      if (a.utilities[k] !== b.utilities[k]) return b.utilities[k] - a.utilities[k];
    return 0;
  });
  const truncated = views.length > maxListed;
  const points = truncated ? spread(views, maxListed) : views;
  let note = result.note;
  if (truncated)
    note += ` The list is cut: ${points.length} of ${views.length} evenly spread points are listed.`;
  return {
    method: 'milp',
    reason: requested
      ? 'MILP was requested'
      : `the space of ${compiled.space.size.toExponential(2)} outcomes is too large to enumerate, so each frontier point is proven by MILP`,
    over,
    parties: result.parties,
    exact: result.exact,
    coverage: result.exact ? 0 : result.coverage,
    ...countedOutcomes(result.points, result.exact),
    distinctVectors: result.points.length,
    listed: points.length,
    truncated,
    points,
    solves: result.solves,
    solverMs: result.solverMs,
    note,
    warnings: result.warnings,
  };
}

/** The number of Pareto-optimal outcomes, when every vector's outcomes were counted to the end. */
function countedOutcomes(points: MilpFrontierPoint[], exact: boolean): { outcomes?: number } {
  if (!exact || points.length === 0 || !points.every((p) => p.countExact)) return {};
  return { outcomes: points.reduce((sum, p) => sum + (p.count ?? 0), 0) };
}

/** `count` items evenly spread over the list, the first and last included. */
function spread<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items;
  if (count === 1) return [items[0]];
  return Array.from({ length: count }, (_, s) => items[Math.round((s * (items.length - 1)) / (count - 1))]);
}
