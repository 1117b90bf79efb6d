import {
  type Realise,
  realiseUtility,
  type UtilityFunction,
  utilityOf,
} from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { fullSubspace, type Subspace } from '../../model/subspace.js';
import type { Pick } from '../../model/uncertain.js';
import type { Cancellation, Clock, Progress } from '../../ports.js';
import { ScenarioEncoding } from '../milp/encode-scenario.js';
import { combine, type LinearExpr, variableExpr } from '../milp/milp-problem.js';
import type { MilpSolution, MilpSolver } from '../milp/solver.js';
import { imposeConstraint, satisfies, zoneConstraints } from '../zone/zone-constraints.js';
import { type IntegerUtility, integerUtility, integerValue } from './utility-grid.js';

/**
 * Exact Pareto frontiers at any size by a sequence of MILPs, each point proven non-dominated by the solver.
 *
 * Utilities are first rewritten on their common rational grid (utility-grid.ts): u = offset + unit·U with U
 * an integer, so "better" means "at least one grid unit better" and the constraints below exclude exactly
 * what they should, whatever the doubles' rounding.
 *
 * - Two parties: ε-constraint with lexicographic polishing. Solve max U1 s.t. U2 >= b, then max U2 s.t.
 *   U1 >= U1*, U2 >= b (in one solve of W·U1 + U2 with W above U2's integer range when that stays below
 *   1e9, else two solves): the outcome is non-dominated (nothing has more U1 with U2 >= b, and among those with
 *   U1*, nothing has more U2). Then b = U2* + 1. Every distinct frontier vector is found once, in order of
 *   U1 descending; the search ends when the model is infeasible.
 * - Three parties, exact: by levels of the third utility (after Özlen and Azizoğlu). With U3 >= f, the
 *   two-party ε-constraint on (U1, U2), polished lexicographically on U3 as well, lists points that are
 *   non-dominated in all three utilities (one that beat such a point would beat it in (U1, U2) or, tied there,
 *   in U3). A non-dominated point y with U3 >= f that the list misses is beaten in (U1, U2) by a listed z
 *   with less U3, so y3 >= min z3 + 1: the next level. The search ends when a level is empty. Every solve has
 *   only the outcome variables, so it stays as fast as a two-party step.
 * - Three or more, with a coverage bound (or four and more): a disjunctive method. Maximise Σ_k U_k subject to "for every point z found,
 *   some U_k >= z_k + δ_k" (one binary per party and point, big-M from the bounds of U). The optimum is
 *   non-dominated (a dominating outcome would satisfy the same disjunctions with a larger objective) and not
 *   yet found. When the model is infeasible, every outcome y has a found z with y_k <= z_k + δ_k − 1 for
 *   every k: the found set covers the frontier within max_k (δ_k − 1)·unit_k. δ starts coarse and is refined
 *   down to 1 (exact); each completed stage certifies its bound, so a stopped run still states one.
 *
 * When a utility has no common grid within range, the step is 1e-6 of its range instead, and the result says
 * it is bounded (any missed point lies within that step of a listed one).
 */
export type FrontierOver = 'all-outcomes' | 'acceptable-outcomes';

export interface MilpFrontierOptions {
  solver: MilpSolver;
  /** Party ids whose utilities span the frontier (default: the signatories, else every party). */
  parties?: string[];
  /** 'all-outcomes' (default) or 'acceptable-outcomes' (every signatory's red lines respected and BATNA met). */
  over?: FrontierOver;
  subspace?: Subspace;
  realise?: Pick | Realise;
  /** Stop after this many points (the result then says it is incomplete, with the bound proven so far). */
  maxPoints?: number;
  /** Time limit per solve, in seconds (a solve that hits it ends the run with what was proven). */
  solveTimeLimitSeconds?: number;
  /**
   * Three or more parties: stop refining once the certified coverage bound is at most this (utility points,
   * default 0: exact).
   */
  coverage?: number;
  /**
   * Count the outcomes that share each frontier vector, up to this many per vector (default 0: not counted).
   * Each count takes one solve per outcome found plus one that proves there are no more.
   */
  countTies?: number;
  /** Called with each point as soon as it is proven. */
  onPoint?: (point: MilpFrontierPoint) => void;
  progress?: Progress;
  cancel?: Cancellation;
  /** Measures solver time when given. */
  clock?: Clock;
}

export interface MilpFrontierPoint {
  outcome: Int32Array;
  /** Utility per party, in the order of `parties` (exact evaluation of the outcome, not the solver's value). */
  utilities: number[];
  /** Outcomes with this utility vector, when counted (`countTies`); a lower bound when `countExact` is false. */
  count?: number;
  countExact?: boolean;
}

export interface MilpFrontierResult {
  method: 'milp';
  parties: string[];
  over: FrontierOver;
  /** One outcome per distinct frontier vector, in the order proven. */
  points: MilpFrontierPoint[];
  /** True when `points` holds every distinct frontier vector. */
  exact: boolean;
  /** True when the search ran to its end (it was not cut by a limit or cancellation). */
  complete: boolean;
  /**
   * Certified coverage: every frontier vector lies within this (in every utility, utility points) of a listed
   * one and is weakly below it. 0 when exact; undefined when nothing could be certified (stopped too early).
   */
  coverage?: number;
  /** For two parties: the part of the second utility's range not yet explored (0 when complete). */
  remainingGap?: number;
  /** Grid unit of each party's utility (the resolution of the proofs). */
  units: number[];
  /** Whether each party's unit is its exact common grid (else a stated resolution). */
  gridExact: boolean[];
  solves: number;
  /** Total solver time in ms (when a clock was given). */
  solverMs?: number;
  stoppedBy?: 'cancelled' | 'max-points' | 'time-limit';
  note: string;
  warnings: string[];
}

export class MilpFrontierError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MilpFrontierError';
  }
}

interface PartyGrid {
  fn: UtilityFunction;
  grid: IntegerUtility;
  exact: boolean;
}

/** A float-step stand-in for a utility without a usable common grid: U = round(u / step) is not exact. */
function approximateGrid(fn: UtilityFunction, allowed: Subspace['allowed']): IntegerUtility {
  let range = 0;
  fn.contribution.forEach((row, i) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const k of allowed[i]) {
      lo = Math.min(lo, row[k]);
      hi = Math.max(hi, row[k]);
    }
    if (hi > lo) range += hi - lo;
  });
  for (const a of fn.adjustments) range += Math.abs(a.delta);
  const unit = range > 0 ? range * 1e-6 : 1;
  const rounded: UtilityFunction = {
    ...fn,
    contribution: fn.contribution.map((row) => Float64Array.from(row, (v) => Math.round(v / unit) * unit)),
    adjustments: fn.adjustments.map((a) => ({ ...a, delta: Math.round(a.delta / unit) * unit })),
  };
  const grid = integerUtility(rounded, allowed);
  if (!grid) throw new MilpFrontierError(`the utility of '${fn.party}' has no finite range`);
  return grid;
}

export async function milpFrontier(
  compiled: CompiledScenario,
  options: MilpFrontierOptions,
): Promise<MilpFrontierResult> {
  const { space, models } = compiled;
  const over = options.over ?? 'all-outcomes';
  const subspace = options.subspace ?? fullSubspace(space);
  const realise = options.realise ?? 'estimate';
  const chosen = chooseParties(compiled, options.parties);
  const warnings: string[] = [];
  const grids: PartyGrid[] = chosen.map((m) => {
    const fn = realiseUtility(models[m], realise);
    const grid = integerUtility(fn, subspace.allowed);
    if (grid) return { fn, grid, exact: true };
    warnings.push(
      `the utility of '${fn.party}' has no common grid within ${1e9} steps; points are separated by 1e-6 of its range instead, so the result is bounded, not exact`,
    );
    return { fn, grid: approximateGrid(fn, subspace.allowed), exact: false };
  });
  const parties = grids.map((g) => g.fn.party);
  const encoding = new ScenarioEncoding(space, subspace);
  const U = grids.map((g) => encoding.utility(g.grid.scaled));

  // Acceptance: red lines and BATNAs of every signatory, imposed in the model and re-checked exactly.
  const estimates = models.map((m) => realiseUtility(m, 'estimate'));
  const constraints = over === 'acceptable-outcomes' ? zoneConstraints(compiled) : [];
  for (const c of constraints) imposeConstraint(compiled, estimates, encoding, c);
  const acceptable = (o: Int32Array) => constraints.every((c) => satisfies(compiled, estimates, c, o));

  const state: SearchState = {
    solver: options.solver,
    encoding,
    U,
    grids,
    points: [],
    solves: 0,
    solverMs: options.clock ? 0 : undefined,
    clock: options.clock,
    timeLimit: options.solveTimeLimitSeconds,
    acceptable,
    onPoint: options.onPoint,
    maxPoints: options.maxPoints ?? Number.POSITIVE_INFINITY,
    cancel: options.cancel,
    progress: options.progress,
    parties,
    tieLimit: Math.max(0, Math.floor(options.countTies ?? 0)),
  };

  const byLevels = grids.length === 3 && (options.coverage ?? 0) === 0;
  const outcome =
    grids.length === 2
      ? await epsilonConstraint(state)
      : byLevels
        ? await levelSearch(state)
        : await disjunctiveSearch(state, options.coverage ?? 0);
  const gridExact = grids.map((g) => g.exact);
  const allGrid = gridExact.every(Boolean);
  const exact = outcome.complete && outcome.coverageSteps === 0 && allGrid;
  let coverage: number | undefined;
  if (outcome.coverageSteps !== undefined) {
    coverage = outcome.coverageSteps;
    if (!allGrid) coverage += Math.max(...grids.map((g) => g.grid.unit));
  }
  const scope =
    over === 'acceptable-outcomes'
      ? 'the acceptable outcomes (red lines respected, utility >= BATNA for every signatory)'
      : 'all outcomes';
  let note =
    `${exact ? 'Exact' : 'Bounded'} frontier of ${parties.length} parties over ${scope} by MILP ` +
    `(${grids.length === 2 ? 'ε-constraint with lexicographic polishing' : byLevels ? 'ε-constraint by levels of the third utility' : 'disjunctive search with coverage refinement'}): ` +
    `${state.points.length} distinct utility vectors, each proven non-dominated, in ${state.solves} solves. ` +
    tieNote(state);
  if (!exact && coverage !== undefined && coverage > 0)
    note += ` Every frontier vector lies within ${formatUtility(coverage)} utility points of a listed one.`;
  if (outcome.remainingGap !== undefined && outcome.remainingGap > 0)
    note += ` The second party's utilities above the last point, a range of ${formatUtility(outcome.remainingGap)}, were not explored.`;
  if (outcome.stoppedBy) note += ` Stopped by ${outcome.stoppedBy}; every listed point is proven.`;
  if (!exact && coverage === undefined) note += ' No coverage bound was certified before the search stopped.';
  return {
    method: 'milp',
    parties,
    over,
    points: state.points,
    exact,
    complete: outcome.complete,
    coverage: exact ? 0 : coverage,
    remainingGap: outcome.remainingGap,
    units: grids.map((g) => g.grid.unit),
    gridExact,
    solves: state.solves,
    solverMs: state.solverMs,
    stoppedBy: outcome.stoppedBy,
    note,
    warnings,
  };
}

const formatUtility = (x: number) => String(Number(x.toPrecision(6)));

function tieNote(state: SearchState): string {
  if (state.tieLimit === 0)
    return 'One outcome is listed per vector; how many outcomes share a vector is not counted.';
  const counted = state.points.filter((p) => p.count !== undefined);
  const total = counted.reduce((sum, p) => sum + (p.count ?? 0), 0);
  const cut = counted.filter((p) => !p.countExact).length;
  const shared = counted.filter((p) => (p.count ?? 0) > 1).length;
  let note = `${total} Pareto-optimal outcomes${cut > 0 ? ' at least' : ''}: ${shared} of the vectors are shared by more than one outcome, each counted by excluding the outcomes found until none is left`;
  if (cut > 0) note += `; ${cut} counts stopped at ${state.tieLimit} and are lower bounds`;
  if (counted.length < state.points.length)
    note += `; ${state.points.length - counted.length} vectors were not counted before the search stopped`;
  return `${note}.`;
}

interface SearchState {
  solver: MilpSolver;
  encoding: ScenarioEncoding;
  U: LinearExpr[];
  grids: PartyGrid[];
  points: MilpFrontierPoint[];
  solves: number;
  solverMs?: number;
  clock?: Clock;
  timeLimit?: number;
  acceptable: (o: Int32Array) => boolean;
  onPoint?: (p: MilpFrontierPoint) => void;
  maxPoints: number;
  cancel?: Cancellation;
  progress?: Progress;
  parties: string[];
  /** Largest number of outcomes counted per frontier vector (0: no counting). */
  tieLimit: number;
}

interface SearchOutcome {
  complete: boolean;
  /** Certified coverage in utility points (0: every vector found); undefined when none was certified. */
  coverageSteps?: number;
  remainingGap?: number;
  stoppedBy?: MilpFrontierResult['stoppedBy'];
}

/** Largest integer range of a combined lexicographic objective (beyond it, two solves per point). */
const MAX_LEXICOGRAPHIC_RANGE = 1e9;

/** Below this, a solver value counts as the next integer (solver tolerances are ~1e-6 on these rows). */
const HALF = 0.5;

async function solve(state: SearchState, objective: LinearExpr): Promise<MilpSolution> {
  const problem = state.encoding.builder.problem('maximize', objective);
  const start = state.clock?.now();
  // An integer objective: a proven gap below 1 proves the integer optimum.
  const solution = await state.solver.solve(problem, {
    relativeGap: 0,
    absoluteGap: HALF,
    timeLimitSeconds: state.timeLimit,
  });
  state.solves++;
  if (state.clock && start !== undefined && state.solverMs !== undefined)
    state.solverMs += state.clock.now() - start;
  return solution;
}

function stopReason(state: SearchState): SearchOutcome['stoppedBy'] {
  if (state.cancel?.aborted) return 'cancelled';
  if (state.points.length >= state.maxPoints) return 'max-points';
  return undefined;
}

async function emit(state: SearchState, outcome: Int32Array): Promise<MilpFrontierPoint> {
  const point: MilpFrontierPoint = { outcome, utilities: state.grids.map((g) => utilityOf(g.fn, outcome)) };
  if (state.tieLimit > 0) Object.assign(point, await countTies(state, outcome));
  state.points.push(point);
  state.onPoint?.(point);
  return point;
}

/**
 * How many acceptable outcomes share this outcome's vector: fix every utility to its grid value, then find
 * and exclude outcomes one by one until the model is infeasible (exact) or the limit is reached (a lower
 * bound). Each one found is checked on exact evaluation.
 */
async function countTies(
  state: SearchState,
  outcome: Int32Array,
): Promise<{ count: number; countExact: boolean }> {
  const { encoding, grids, U } = state;
  const target = grids.map((g) => integerValue(g.grid, outcome));
  const mark = encoding.mark();
  try {
    target.forEach((value, k) => {
      encoding.builder.atLeast(`tie_lo_${k}`, U[k], value - HALF);
      encoding.builder.atMost(`tie_hi_${k}`, U[k], value + HALF);
    });
    encoding.excludeOutcome(outcome, 'tie_0');
    let count = 1;
    while (count < state.tieLimit) {
      if (state.cancel?.aborted) return { count, countExact: false };
      const solution = await solve(state, U[0]);
      if (solution.status === 'infeasible') return { count, countExact: true };
      if (solution.status !== 'optimal') return { count, countExact: false };
      const tied = decodeChecked(state, solution);
      if (grids.some((g, k) => integerValue(g.grid, tied) !== target[k])) {
        throw new MilpFrontierError(
          'the solver returned an outcome off the frontier vector it was asked to match',
        );
      }
      encoding.excludeOutcome(tied, `tie_${count}`);
      count++;
    }
    return { count, countExact: false };
  } finally {
    encoding.rollback(mark);
  }
}

function decodeChecked(state: SearchState, solution: MilpSolution): Int32Array {
  const outcome = state.encoding.decode(solution.values);
  if (!state.acceptable(outcome)) {
    throw new MilpFrontierError(
      'the solver returned an outcome that fails an acceptance test on exact evaluation (a BATNA met only within the solver tolerance); the frontier of acceptable outcomes cannot be proven here',
    );
  }
  return outcome;
}

async function epsilonConstraint(state: SearchState): Promise<SearchOutcome> {
  const { encoding, grids, U } = state;
  const builder = encoding.builder;
  const [g1, g2] = grids.map((g) => g.grid);
  const ideal2 = g2.highest;
  // The lexicographic objective in one solve when its integer range stays where solver tolerances are safe.
  const weight = g2.highest - g2.lowest + 1;
  const lexicographic =
    weight * (g1.highest - g1.lowest + 1) <= MAX_LEXICOGRAPHIC_RANGE
      ? combine([
          [weight, U[0]],
          [1, U[1]],
        ])
      : undefined;
  let floor2: number | undefined;
  while (true) {
    const stoppedBy = stopReason(state);
    if (stoppedBy) {
      return {
        complete: false,
        remainingGap: floor2 === undefined ? undefined : Math.max(0, (ideal2 - floor2 + 1) * g2.unit),
        stoppedBy,
      };
    }
    const mark = encoding.mark();
    try {
      if (floor2 !== undefined) builder.atLeast('eps_u2', U[1], floor2 - HALF);
      let outcome: Int32Array;
      let best1: number;
      if (lexicographic) {
        // One solve: W·U1 + U2 with W above U2's range is lexicographic (U1 first, then U2).
        const solution = await solve(state, lexicographic);
        if (solution.status === 'infeasible') return { complete: true, coverageSteps: 0, remainingGap: 0 };
        if (solution.status !== 'optimal') return timeLimited(state, solution, floor2, ideal2, g2.unit);
        outcome = decodeChecked(state, solution);
        best1 = integerValue(g1, outcome);
      } else {
        const first = await solve(state, U[0]);
        if (first.status === 'infeasible') return { complete: true, coverageSteps: 0, remainingGap: 0 };
        if (first.status !== 'optimal') return timeLimited(state, first, floor2, ideal2, g2.unit);
        best1 = integerValue(g1, decodeChecked(state, first));
        builder.atLeast('lex_u1', U[0], best1 - HALF);
        const second = await solve(state, U[1]);
        if (second.status !== 'optimal') return timeLimited(state, second, floor2, ideal2, g2.unit);
        outcome = decodeChecked(state, second);
      }
      const u1 = integerValue(g1, outcome);
      const u2 = integerValue(g2, outcome);
      if (u1 < best1 || (floor2 !== undefined && u2 < floor2)) {
        throw new MilpFrontierError(
          `the solver's point (${u1}, ${u2} grid units) breaks its own constraints on exact evaluation`,
        );
      }
      await emit(state, outcome);
      floor2 = u2 + 1;
      state.progress?.report({
        step: 'pareto frontier',
        done: state.points.length,
        message: `${state.points.length} frontier points proven; ${state.parties[1]} above ${formatUtility(g2.offset + u2 * g2.unit)} still open (up to ${formatUtility(g2.offset + ideal2 * g2.unit)})`,
      });
    } finally {
      encoding.rollback(mark);
    }
  }
}

function timeLimited(
  _state: SearchState,
  _solution: MilpSolution,
  floor2: number | undefined,
  ideal2: number,
  unit: number,
): SearchOutcome {
  return {
    complete: false,
    remainingGap: floor2 === undefined ? undefined : Math.max(0, (ideal2 - floor2 + 1) * unit),
    stoppedBy: 'time-limit',
  };
}

/** The lexicographic objective U_1 ≻ U_2 ≻ … as one weighted sum, when its integer range stays safe. */
function lexicographicObjective(grids: PartyGrid[], U: LinearExpr[]): LinearExpr | undefined {
  const ranges = grids.map((g) => g.grid.highest - g.grid.lowest + 1);
  if (ranges.reduce((a, b) => a * b, 1) > MAX_LEXICOGRAPHIC_RANGE) return undefined;
  const terms: [number, LinearExpr][] = [];
  let weight = 1;
  for (let k = U.length - 1; k >= 0; k--) {
    terms.unshift([weight, U[k]]);
    weight *= ranges[k];
  }
  return combine(terms);
}

/** max U_1, then U_2, … each with the earlier ones held at their optimum. */
async function solveLexicographic(
  state: SearchState,
  objective: LinearExpr | undefined,
): Promise<Int32Array | 'infeasible' | 'stopped'> {
  const { encoding, grids, U } = state;
  if (objective) {
    const solution = await solve(state, objective);
    if (solution.status === 'infeasible') return 'infeasible';
    return solution.status === 'optimal' ? decodeChecked(state, solution) : 'stopped';
  }
  const mark = encoding.mark();
  try {
    let outcome: Int32Array | undefined;
    for (let k = 0; k < U.length; k++) {
      const solution = await solve(state, U[k]);
      if (solution.status === 'infeasible' && k === 0) return 'infeasible';
      if (solution.status !== 'optimal') return 'stopped';
      outcome = decodeChecked(state, solution);
      encoding.builder.atLeast(`lex_${k}`, U[k], integerValue(grids[k].grid, outcome) - HALF);
    }
    return outcome as Int32Array;
  } finally {
    encoding.rollback(mark);
  }
}

/**
 * One level: the two-party ε-constraint on (U1, U2) with U3 >= floor3, polished on U3. Each point is proven
 * non-dominated when found, so new ones are emitted at once; the level's third utilities are returned.
 */
async function levelPoints(
  state: SearchState,
  objective: LinearExpr | undefined,
  floor3: number | undefined,
  found: Set<string>,
): Promise<{ thirds: number[]; stopped?: SearchOutcome['stoppedBy'] }> {
  const { encoding, grids, U } = state;
  const thirds: number[] = [];
  const mark = encoding.mark();
  try {
    if (floor3 !== undefined) encoding.builder.atLeast('level_u3', U[2], floor3 - HALF);
    let floor2: number | undefined;
    while (true) {
      const stoppedBy = stopReason(state);
      if (stoppedBy) return { thirds, stopped: stoppedBy };
      const inner = encoding.mark();
      let outcome: Int32Array | 'infeasible' | 'stopped';
      try {
        if (floor2 !== undefined) encoding.builder.atLeast('eps_u2', U[1], floor2 - HALF);
        outcome = await solveLexicographic(state, objective);
      } finally {
        encoding.rollback(inner);
      }
      if (outcome === 'infeasible') return { thirds };
      if (outcome === 'stopped') return { thirds, stopped: 'time-limit' };
      const z = grids.map((g) => integerValue(g.grid, outcome));
      if ((floor2 !== undefined && z[1] < floor2) || (floor3 !== undefined && z[2] < floor3)) {
        throw new MilpFrontierError(
          `the solver's point (${z.join(', ')} grid units) breaks its own constraints on exact evaluation`,
        );
      }
      thirds.push(z[2]);
      if (!found.has(z.join(','))) {
        found.add(z.join(','));
        await emit(state, outcome);
      }
      floor2 = z[1] + 1;
    }
  } finally {
    encoding.rollback(mark);
  }
}

async function levelSearch(state: SearchState): Promise<SearchOutcome> {
  const objective = lexicographicObjective(state.grids, state.U);
  const found = new Set<string>();
  const g3 = state.grids[2].grid;
  let floor3: number | undefined;
  while (true) {
    const { thirds, stopped } = await levelPoints(state, objective, floor3, found);
    if (stopped) return { complete: false, stoppedBy: stopped };
    if (thirds.length === 0) return { complete: true, coverageSteps: 0 };
    floor3 = thirds.reduce((a, b) => Math.min(a, b)) + 1;
    state.progress?.report({
      step: 'pareto frontier',
      done: state.points.length,
      message: `${state.points.length} frontier points proven; ${state.parties[2]} from ${formatUtility(g3.offset + floor3 * g3.unit)} up still open`,
    });
  }
}

/** Refinement schedule of δ as a fraction of each party's range: coarse first, then exact. */
const COVERAGE_FRACTIONS = [1 / 4, 1 / 16, 1 / 64, 1 / 256, 0];

async function disjunctiveSearch(state: SearchState, wantedCoverage: number): Promise<SearchOutcome> {
  const { encoding, grids, U } = state;
  const builder = encoding.builder;
  const ranges = grids.map((g) => Math.max(1, g.grid.highest - g.grid.lowest));
  // Objective Σ U_k: positive weights, so the optimum is non-dominated; integer, so a gap below 1 proves it.
  const objective = combine(U.map((u): [number, LinearExpr] => [1, u]));
  let certified: number | undefined;
  for (const fraction of COVERAGE_FRACTIONS) {
    const delta = ranges.map((r) => Math.max(1, Math.ceil(fraction * r)));
    const bound = Math.max(...delta.map((d, k) => (d - 1) * grids[k].grid.unit));
    if (certified !== undefined && bound >= certified) continue;
    const mark = encoding.mark();
    try {
      let added = 0;
      const addDisjunction = (point: number) => {
        const z = grids.map((g) => integerValue(g.grid, state.points[point].outcome));
        const choices: LinearExpr[] = [];
        z.forEach((zk, k) => {
          const y = variableExpr(builder.addVariable(`cover_${point}_${k}`, 0, 1, 'binary'));
          choices.push(y);
          // U_k >= z_k + δ_k − M_k (1 − y), with M_k = z_k + δ_k − lowest_k.
          const big = zk + delta[k] - grids[k].grid.lowest;
          builder.atLeast(
            `cover_${point}_${k}_row`,
            combine([
              [1, U[k]],
              [-big, y],
            ]),
            zk + delta[k] - big - HALF,
          );
        });
        builder.atLeast(`cover_${point}`, combine(choices.map((c): [number, LinearExpr] => [1, c])), 1);
      };
      while (added < state.points.length) addDisjunction(added++);
      while (true) {
        const stoppedBy = stopReason(state);
        if (stoppedBy) return { complete: false, coverageSteps: certified, stoppedBy };
        const solution = await solve(state, objective);
        if (solution.status === 'infeasible') break;
        if (solution.status !== 'optimal')
          return { complete: false, coverageSteps: certified, stoppedBy: 'time-limit' };
        const outcome = decodeChecked(state, solution);
        await emit(state, outcome);
        addDisjunction(added++);
        state.progress?.report({
          step: 'pareto frontier',
          done: state.points.length,
          message: `${state.points.length} frontier points proven; refining to a coverage of ${formatUtility(bound)}${certified === undefined ? '' : ` (${formatUtility(certified)} certified)`}`,
        });
      }
    } finally {
      encoding.rollback(mark);
    }
    certified = bound;
    if (bound <= wantedCoverage) break;
  }
  return { complete: true, coverageSteps: certified };
}

function chooseParties(compiled: CompiledScenario, ids: string[] | undefined): number[] {
  const { models } = compiled;
  if (ids === undefined) {
    const chosen = compiled.signatories.length > 0 ? compiled.signatories : models.map((_, m) => m);
    if (chosen.length === 0) throw new MilpFrontierError('no party has preferences, so there is no frontier');
    return chosen;
  }
  const known = models.map((m) => m.party);
  return ids.map((id) => {
    const m = known.indexOf(id);
    if (m < 0)
      throw new MilpFrontierError(`unknown party '${id}'; parties with preferences: ${known.join(', ')}`);
    return m;
  });
}
