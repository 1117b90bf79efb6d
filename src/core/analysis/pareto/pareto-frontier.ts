import { type Realise, realiseUtility, type UtilityFunction } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { encodeOutcome } from '../../model/outcome-space.js';
import { fullSubspace, isFullSubspace, type Subspace } from '../../model/subspace.js';
import type { Pick } from '../../model/uncertain.js';
import { createRng } from '../../random/rng.js';
import type { ScenarioTable, SharedScenarioTable } from '../scenario-table.js';
import {
  type AcceptanceTest,
  acceptableMask,
  EnumerationLimitError,
  enumerateUtilities,
  layoutOf,
  maskIndices,
  outcomeAt,
} from '../utility-table.js';
import { DecompositionLimitError, decompositionObstacle, paretoByDecomposition } from './pareto-decompose.js';
import { type DominanceGrid, gridForUtilities, snapColumns } from './robust-dominance.js';
import { skyline } from './skyline.js';
import { sortIdsByColumn } from './sort-by-key.js';

export type FrontierMethod = 'enumerate' | 'decompose';

export interface FrontierOptions {
  /** Party ids whose utilities span the frontier (default: the signatories, else every party with preferences). */
  parties?: string[];
  /** 'all' outcomes (default), or only those acceptable to every signatory (no red line crossed, utility >= BATNA). */
  within?: 'all' | 'agreement-zone';
  /** Restrict to a sub-space (default: the whole space). */
  subspace?: Subspace;
  /** Which value of each estimate to use (default 'estimate'). */
  realise?: Pick | Realise;
  /** List at most this many points (default 1000; Infinity lists all); beyond it, an evenly spread sample. */
  maxListed?: number;
  /** Seed of the sample drawn when the frontier is longer than maxListed (default 1). */
  seed?: number;
  /** 'auto' (default): decomposition when it applies and stays within its limits, else enumeration. */
  method?: 'auto' | FrontierMethod;
  /** Enumeration budget, outcomes × parties (see enumerateUtilities). */
  maxCells?: number;
  /**
   * The run's one enumeration of the whole space at the point estimates: read instead of enumerating again
   * when the frontier is over the whole space at the estimates.
   */
  shared?: SharedScenarioTable;
  /** Decomposition limits (see paretoByDecomposition). */
  maxIntermediate?: number;
  maxCandidates?: number;
}

export interface FrontierPoint {
  /** Option index per issue (of the full outcome space). */
  outcome: Int32Array;
  /** Mixed-radix index of the outcome in the full space (absent when the space is too large to index exactly). */
  index?: number;
  /** Utility per party, in the order of `parties`. */
  utilities: number[];
}

export interface FrontierResult {
  method: FrontierMethod;
  /** Why that method was used. */
  reason: string;
  parties: string[];
  within: 'all' | 'agreement-zone';
  /** Which outcomes the frontier is taken over, in the words every output uses. */
  over: 'all-outcomes' | 'acceptable-outcomes';
  /** Always true here: enumeration and decomposition are exact (on the dominance grid, see robust-dominance.ts). */
  exact: true;
  /** Grid step on which utilities are compared (values closer than this are ties). */
  resolution: number;
  /** Outcomes in the (sub-)space. */
  spaceSize: number;
  /** Outcomes the frontier was taken over: the whole (sub-)space, or the acceptable ones. */
  outcomesConsidered: number;
  /** Number of Pareto-optimal outcomes (duplicates of a utility vector each count). */
  size: number;
  /** Number of distinct utility vectors on the frontier (size minus ties). */
  distinctVectors: number;
  /** True when only a sample of `points` is listed. */
  truncated: boolean;
  /** Ordered by utilities, first party's descending, then the next's, …; all of them unless truncated. */
  points: FrontierPoint[];
  note: string;
}

export class FrontierError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrontierError';
  }
}

const DEFAULT_MAX_LISTED = 1000;

/**
 * Exact Pareto frontier (every party's utility maximised; an outcome is on it when no outcome is at least as
 * good for every party and better for one). Outcomes with identical utility vectors are all on it, as ties.
 */
export function paretoFrontier(compiled: CompiledScenario, options: FrontierOptions = {}): FrontierResult {
  const { space, models } = compiled;
  const within = options.within ?? 'all';
  const subspace = options.subspace ?? fullSubspace(space);
  const layout = layoutOf(space, subspace);
  const chosen = chooseParties(compiled, options.parties);
  const realise = options.realise ?? 'estimate';
  const fns = new Map<number, UtilityFunction>();
  const fnOf = (m: number) => {
    let fn = fns.get(m);
    if (!fn) {
      fn = realiseUtility(models[m], realise);
      fns.set(m, fn);
    }
    return fn;
  };
  const partyFns = chosen.map(fnOf);
  const reusable =
    options.shared && realise === 'estimate' && isFullSubspace(space, subspace)
      ? options.shared.get()
      : undefined;
  const parties = partyFns.map((f) => f.party);
  const requested = options.method ?? 'auto';
  const grid = gridForUtilities(partyFns);

  let obstacle = decompositionObstacle(partyFns);
  if (within === 'agreement-zone') {
    obstacle = 'the agreement zone (red lines, utility >= BATNA) is not a product of per-issue choices';
  }
  if (requested === 'decompose' && obstacle) {
    throw new FrontierError(`method 'decompose' does not apply: ${obstacle}; use 'enumerate' or 'auto'`);
  }

  let method: FrontierMethod;
  let reason: string;
  let fallbackNote = '';
  let raw: {
    size: number;
    utilities: Float64Array[];
    outcomeOf: (j: number) => Int32Array;
    considered: number;
  };
  if (requested !== 'enumerate' && !obstacle) {
    try {
      const dec = paretoByDecomposition(partyFns, space, {
        subspace,
        maxIntermediate: options.maxIntermediate,
        maxCandidates: options.maxCandidates,
      });
      method = 'decompose';
      reason =
        requested === 'decompose'
          ? 'issue decomposition was requested'
          : 'utilities are additive (no adjustments) and no acceptance filter is asked for, so the frontier is ' +
            'built issue by issue without enumerating the space';
      raw = {
        size: dec.size,
        utilities: dec.utilities,
        outcomeOf: (j) => dec.outcomes.slice(j * dec.issues, (j + 1) * dec.issues),
        considered: layout.size,
      };
      fallbackNote = ` Decomposition formed ${dec.candidatesExamined} combinations; its largest partial frontier had ${dec.largestIntermediate} points.`;
    } catch (error) {
      if (!(error instanceof DecompositionLimitError) || requested === 'decompose') throw error;
      method = 'enumerate';
      reason = `issue decomposition was tried but stopped (${error.message}); the space was enumerated instead`;
      try {
        raw = enumerateFrontier(compiled, chosen, fnOf, within, subspace, options.maxCells, grid, reusable);
      } catch (second) {
        if (!(second instanceof EnumerationLimitError)) throw second;
        throw new FrontierError(
          `no exact frontier within the limits: ${error.message}; and ${second.message}`,
        );
      }
    }
  } else {
    method = 'enumerate';
    reason =
      requested === 'enumerate'
        ? 'enumeration was requested'
        : `every outcome is enumerated because ${obstacle ?? 'decomposition does not apply'}`;
    raw = enumerateFrontier(compiled, chosen, fnOf, within, subspace, options.maxCells, grid, reusable);
  }

  // Ordered and counted on the dominance grid, so last-bit differences neither split ties nor reorder them.
  const keys = snapColumns(raw.utilities, grid);
  const order = lexicographicOrder(keys, raw.size);
  let distinct = 0;
  for (let r = 0; r < order.length; r++) {
    if (r === 0 || !sameVector(keys, order[r], order[r - 1])) distinct++;
  }
  const maxListed = options.maxListed ?? DEFAULT_MAX_LISTED;
  if (!(maxListed >= 1)) throw new FrontierError(`maxListed must be at least 1, got ${maxListed}`);
  const truncated = raw.size > maxListed;
  const listed = truncated ? spreadSample(order, maxListed, options.seed ?? 1) : order;
  const indexable = space.sizeIsExact;
  const points = Array.from(listed, (j): FrontierPoint => {
    const outcome = raw.outcomeOf(j);
    const point: FrontierPoint = { outcome, utilities: raw.utilities.map((u) => u[j]) };
    if (indexable) point.index = encodeOutcome(space, outcome);
    return point;
  });

  const scope =
    within === 'agreement-zone'
      ? `the ${raw.considered} outcomes acceptable to every signatory (of ${layout.size})`
      : `all ${layout.size} outcomes${options.subspace ? ' of the sub-space' : ''}`;
  const ties = raw.size - distinct;
  let note =
    `Exact frontier of ${parties.length} part${parties.length === 1 ? 'y' : 'ies'} over ${scope} by ` +
    `${method === 'decompose' ? 'issue decomposition' : 'enumeration'}: ${raw.size} Pareto-optimal outcomes, ` +
    `${distinct} distinct utility vectors` +
    (ties > 0
      ? ` (${ties} outcome${ties === 1 ? ' ties' : 's tie'} with another on every utility; all are listed as ties).`
      : '.');
  if (truncated) {
    note += ` The list is cut: only ${listed.length} of ${raw.size} are listed, one drawn (seed ${options.seed ?? 1}) from each of ${maxListed} equal slices of the frontier ordered by utilities.`;
  }
  if (typeof realise !== 'function' && realise !== 'estimate')
    note += ` Utilities use every estimate's ${realise} value.`;
  note += fallbackNote;
  return {
    method,
    reason,
    parties,
    within,
    over: within === 'agreement-zone' ? 'acceptable-outcomes' : 'all-outcomes',
    exact: true,
    resolution: grid.step,
    spaceSize: layout.size,
    outcomesConsidered: raw.considered,
    size: raw.size,
    distinctVectors: distinct,
    truncated,
    points,
    note,
  };
}

function chooseParties(compiled: CompiledScenario, ids: string[] | undefined): number[] {
  const { models, scenario } = compiled;
  if (ids === undefined) {
    const chosen = compiled.signatories.length > 0 ? compiled.signatories : models.map((_, m) => m);
    if (chosen.length === 0) throw new FrontierError('no party has preferences, so there is no frontier');
    return chosen;
  }
  if (ids.length === 0) throw new FrontierError('parties is empty; name at least one party');
  const known = models.map((m) => m.party);
  return ids.map((id) => {
    const m = known.indexOf(id);
    if (m >= 0) return m;
    const exists = scenario.parties.some((p) => p.id === id);
    throw new FrontierError(
      exists
        ? `party '${id}' has no preferences, so it has no utility; parties with preferences: ${known.join(', ')}`
        : `unknown party '${id}'; parties with preferences: ${known.join(', ')}`,
    );
  });
}

function enumerateFrontier(
  compiled: CompiledScenario,
  chosen: number[],
  fnOf: (m: number) => UtilityFunction,
  within: 'all' | 'agreement-zone',
  subspace: Subspace,
  maxCells: number | undefined,
  grid: DominanceGrid,
  shared: ScenarioTable | undefined,
): { size: number; utilities: Float64Array[]; outcomeOf: (j: number) => Int32Array; considered: number } {
  const { space, models, signatories } = compiled;
  if (shared) {
    const cols = chosen.map((m) => shared.table.utilities[m]);
    const candidates = within === 'agreement-zone' ? maskIndices(shared.acceptable) : undefined;
    const ids = skyline(snapColumns(cols, grid), candidates);
    return {
      size: ids.length,
      utilities: cols.map((c) => Float64Array.from(ids, (id) => c[id])),
      outcomeOf: (j) => outcomeAt(shared.table, ids[j]),
      considered: within === 'agreement-zone' ? shared.acceptableCount : shared.table.size,
    };
  }
  const needed = within === 'agreement-zone' ? [...new Set([...chosen, ...signatories])] : chosen;
  const table = enumerateUtilities(needed.map(fnOf), space, { subspace, maxCells });
  const column = (m: number) => table.utilities[needed.indexOf(m)];
  let candidates: Int32Array | undefined;
  let considered = table.size;
  if (within === 'agreement-zone') {
    const tests: AcceptanceTest[] = signatories.map((m) => ({
      utility: column(m),
      batna: fnOf(m).batna,
      crossedWhen: models[m].redLines.map((r) => r.crossedWhen),
    }));
    const { mask, count } = acceptableMask(table, tests);
    candidates = maskIndices(mask);
    considered = count;
  }
  const cols = chosen.map(column);
  const ids = skyline(snapColumns(cols, grid), candidates);
  return {
    size: ids.length,
    utilities: cols.map((c) => Float64Array.from(ids, (id) => c[id])),
    outcomeOf: (j) => outcomeAt(table, ids[j]),
    considered,
  };
}

function sameVector(cols: Float64Array[], a: number, b: number): boolean {
  for (const c of cols) if (c[a] !== c[b]) return false;
  return true;
}

/** Point positions ordered by utilities descending, first party first (stable: ties keep position order). */
function lexicographicOrder(cols: Float64Array[], size: number): Int32Array {
  const order = new Int32Array(size);
  for (let j = 0; j < size; j++) order[j] = j;
  const scratch = new Float64Array(size);
  for (let k = cols.length - 1; k >= 0; k--) sortIdsByColumn(order, cols[k], true, scratch);
  return order;
}

/** One position drawn from each of `count` equal slices of `order`, with a seeded generator. */
function spreadSample(order: Int32Array, count: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const out = new Int32Array(count);
  const n = order.length;
  for (let s = 0; s < count; s++) {
    const from = Math.floor((s * n) / count);
    const to = Math.floor(((s + 1) * n) / count);
    out[s] = order[from + rng.int(to - from)];
  }
  return out;
}
