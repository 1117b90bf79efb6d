import type { UtilityFunction } from '../../evaluate/utility-function.js';
import type { OutcomeSpace } from '../../model/outcome-space.js';
import { fullSubspace, type Subspace } from '../../model/subspace.js';
import { layoutOf } from '../utility-table.js';
import { gridForUtilities, snapColumns } from './robust-dominance.js';
import { skyline, skylineWithMargin } from './skyline.js';

/**
 * Pareto frontier of purely additive utilities by issue decomposition, without enumerating the space.
 *
 * With u(o) = sum_i c_i(o_i), the utility vectors of the space are the Minkowski sum P_0 ⊕ P_1 ⊕ … of the
 * per-issue option vectors, and Pareto(A ⊕ B) ⊆ Pareto(A) ⊕ Pareto(B): if a' dominates a then a' + b
 * dominates a + b. So F ← Pareto(F ⊕ Pareto(P_i)), issue by issue, ends with the frontier of the space; each
 * frontier point keeps a back-pointer per stage, from which its outcome is read.
 *
 * Floating point: sums are formed in the same order as `utilityOf` (0 + c_0 + c_1 + …), so every vector is
 * bit-identical to the enumerated one. Rounding of later additions can turn a tiny strict advantage into an
 * exact tie; so intermediate stages drop a point only when it is dominated by more than a margin that bounds
 * the rounding of all remaining additions (4·(n+1)·2^-53 · max |partial sum|); the last stage is exact.
 * The result is therefore exactly the frontier enumeration finds, ties and duplicates included.
 *
 * Applies only when no utility function has adjustments (they couple issues). Red lines and BATNAs are not
 * applied: this is the frontier of the whole (sub-)space.
 */
export interface DecomposeOptions {
  subspace?: Subspace;
  /** Largest frontier kept between stages (default 2,000,000 points). */
  maxIntermediate?: number;
  /** Largest number of combinations formed in one stage, |F| × options (default 20,000,000). */
  maxCandidates?: number;
}

export interface DecomposedFrontier {
  /** Frontier size. */
  size: number;
  /** utilities[p][j]: party p's utility at frontier point j. */
  utilities: Float64Array[];
  /** Outcomes row by row: outcomes[j * issues + i] is point j's option index on issue i (full space). */
  outcomes: Int32Array;
  issues: number;
  /** Combinations formed over all stages. */
  candidatesExamined: number;
  /** Largest frontier between stages. */
  largestIntermediate: number;
}

export const DEFAULT_MAX_INTERMEDIATE = 2_000_000;
export const DEFAULT_MAX_CANDIDATES = 20_000_000;

export class DecompositionLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecompositionLimitError';
  }
}

export class DecompositionNotApplicableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecompositionNotApplicableError';
  }
}

/** Why decomposition cannot be used for these utilities, or undefined if it can. */
export function decompositionObstacle(fns: UtilityFunction[]): string | undefined {
  const adjusted = fns.filter((f) => f.adjustments.length > 0).map((f) => f.party);
  if (adjusted.length > 0) {
    return `utilities of ${adjusted.map((p) => `'${p}'`).join(', ')} have adjustments, which couple issues`;
  }
  return undefined;
}

const ROUNDING = 2 ** -53;

export function paretoByDecomposition(
  fns: UtilityFunction[],
  space: OutcomeSpace,
  options: DecomposeOptions = {},
): DecomposedFrontier {
  const obstacle = decompositionObstacle(fns);
  if (obstacle) throw new DecompositionNotApplicableError(`issue decomposition does not apply: ${obstacle}`);
  if (fns.length === 0) throw new RangeError('a frontier needs at least one party');
  const subspace = options.subspace ?? fullSubspace(space);
  const layout = layoutOf(space, subspace);
  const maxIntermediate = options.maxIntermediate ?? DEFAULT_MAX_INTERMEDIATE;
  const maxCandidates = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
  const n = layout.radix.length;
  if (layout.size === 0) {
    return {
      size: 0,
      utilities: fns.map(() => new Float64Array(0)),
      outcomes: new Int32Array(0),
      issues: n,
      candidatesExamined: 0,
      largestIntermediate: 0,
    };
  }
  // The last stage decides dominance on the same grid as enumeration (robust-dominance.ts), so an earlier
  // stage may drop a point only when it is worse by more than a grid step plus the rounding drift: anything
  // closer can still become a tie on the grid.
  const grid = gridForUtilities(fns);
  const margin = fns.map((fn) => {
    let bound = 0;
    layout.allowed.forEach((allowed, i) => {
      let m = 0;
      for (const k of allowed) m = Math.max(m, Math.abs(fn.contribution[i][k]));
      bound += m;
    });
    // Twice the drift bound: the raised value itself is rounded once more.
    return grid.step + (bound > 0 ? 8 * (n + 1) * ROUNDING * bound : 0);
  });

  let frontier: Float64Array[] = fns.map(() => new Float64Array(1));
  const parents: Int32Array[] = [];
  const choices: Int32Array[] = [];
  let examined = 0;
  let largest = 1;
  for (let i = 0; i < n; i++) {
    const allowed = layout.allowed[i];
    const optionCols = fns.map((fn) => Float64Array.from(allowed, (k) => fn.contribution[i][k]));
    const useful = skylineWithMargin(optionCols, iota(allowed.length), margin);
    const f = frontier[0].length;
    const K = useful.length;
    const count = f * K;
    if (count > maxCandidates) {
      throw new DecompositionLimitError(
        `issue decomposition stopped at issue '${space.issues[i].id}' (${i + 1} of ${n}): ` +
          `${f} frontier points × ${K} options = ${count} combinations exceed the limit of ${maxCandidates}`,
      );
    }
    examined += count;
    const candidates = frontier.map((partial, p) => {
      const c = new Float64Array(count);
      const option = optionCols[p];
      for (let a = 0; a < f; a++) {
        const base = partial[a];
        const row = a * K;
        for (let b = 0; b < K; b++) c[row + b] = base + option[useful[b]];
      }
      return c;
    });
    const last = i === n - 1;
    const kept = last
      ? skyline(snapColumns(candidates, grid))
      : skylineWithMargin(candidates, iota(count), margin);
    if (!last && kept.length > maxIntermediate) {
      throw new DecompositionLimitError(
        `issue decomposition stopped after issue '${space.issues[i].id}' (${i + 1} of ${n}): ` +
          `the partial frontier has ${kept.length} points, above the limit of ${maxIntermediate}`,
      );
    }
    largest = Math.max(largest, kept.length);
    const parent = new Int32Array(kept.length);
    const choice = new Int32Array(kept.length);
    for (let j = 0; j < kept.length; j++) {
      const id = kept[j];
      const a = Math.floor(id / K);
      parent[j] = a;
      choice[j] = allowed[useful[id - a * K]];
    }
    parents.push(parent);
    choices.push(choice);
    frontier = candidates.map((c) => Float64Array.from(kept, (id) => c[id]));
  }
  const size = frontier[0].length;
  const outcomes = new Int32Array(size * n);
  for (let j = 0; j < size; j++) {
    let at = j;
    for (let i = n - 1; i >= 0; i--) {
      outcomes[j * n + i] = choices[i][at];
      at = parents[i][at];
    }
  }
  if (n === 0) {
    // No issue: the single empty outcome with utility 0 for everyone.
    return {
      size: 1,
      utilities: frontier,
      outcomes,
      issues: 0,
      candidatesExamined: 0,
      largestIntermediate: 1,
    };
  }
  return {
    size,
    utilities: frontier,
    outcomes,
    issues: n,
    candidatesExamined: examined,
    largestIntermediate: largest,
  };
}

function iota(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}
