import type highsModule from 'highs';
import type { Highs, Model, ModelData } from 'highs';
import { compactTerms, type MilpProblem } from '../../core/analysis/milp/milp-problem.js';
import {
  type MilpSolution,
  type MilpSolveOptions,
  type MilpSolver,
  type MilpStatus,
  SolverError,
} from '../../core/analysis/milp/solver.js';

type Loader = typeof highsModule;

let runtime: Promise<Highs> | undefined;

/**
 * Loads the HiGHS WebAssembly runtime once per process, on the first solve (not when this module loads, so
 * that commands which never solve do not pay for it); every solver shares it.
 */
function highsRuntime(): Promise<Highs> {
  if (!runtime) {
    runtime = import('highs').then((module) => {
      // The package's declarations describe its CommonJS build, whose default export is the module object;
      // the ES build that Node loads here exports the loader itself. Accept either.
      const candidate = module.default as unknown as Loader & { default?: Loader };
      return (candidate.default ?? candidate)();
    });
  }
  return runtime;
}

/** The primal solution status HiGHS reports when `colValue` is a feasible point. */
const FEASIBLE_PRIMAL = 2;

function toModelData(highs: Highs, problem: MilpProblem): ModelData {
  const inf = highs.infinity;
  const clamp = (x: number) =>
    x === Number.POSITIVE_INFINITY ? inf : x === Number.NEGATIVE_INFINITY ? -inf : x;
  const n = problem.variables.length;
  const colCost = new Float64Array(n);
  for (let j = 0; j < problem.objective.variables.length; j++) {
    colCost[problem.objective.variables[j]] += problem.objective.coefficients[j];
  }
  // HiGHS rejects a row that names a column twice, so repeats are merged first.
  const rows = problem.constraints.map((c) => compactTerms(c.variables, c.coefficients));
  const starts = new Int32Array(rows.length + 1);
  rows.forEach((row, r) => {
    starts[r + 1] = starts[r] + row.variables.length;
  });
  const indices = new Int32Array(starts[rows.length]);
  const values = new Float64Array(starts[rows.length]);
  rows.forEach((row, r) => {
    indices.set(row.variables, starts[r]);
    values.set(row.coefficients, starts[r]);
  });
  const integer = highs.constants.variableType.integer;
  const continuous = highs.constants.variableType.continuous;
  return {
    numCols: n,
    numRows: problem.constraints.length,
    sense:
      problem.sense === 'maximize'
        ? highs.constants.objectiveSense.maximize
        : highs.constants.objectiveSense.minimize,
    offset: problem.objective.constant,
    colCost,
    colLower: problem.variables.map((v) => clamp(v.kind === 'binary' ? Math.max(0, v.lower) : v.lower)),
    colUpper: problem.variables.map((v) => clamp(v.kind === 'binary' ? Math.min(1, v.upper) : v.upper)),
    rowLower: problem.constraints.map((c) => clamp(c.lower)),
    rowUpper: problem.constraints.map((c) => clamp(c.upper)),
    matrix: { format: 'csr', numRows: problem.constraints.length, numCols: n, starts, indices, values },
    integrality: problem.variables.map((v) => (v.kind === 'continuous' ? continuous : integer)),
  };
}

function infoNumber(model: Model, name: string): number | undefined {
  try {
    const value = model.info.get(name);
    return typeof value === 'bigint' ? Number(value) : value;
  } catch {
    return undefined;
  }
}

/** Evaluates a problem without variables, which HiGHS treats as a special case. */
function solveConstant(problem: MilpProblem): MilpSolution {
  const feasible = problem.constraints.every((c) => c.lower <= 1e-9 && c.upper >= -1e-9);
  return {
    status: feasible ? 'optimal' : 'infeasible',
    hasSolution: feasible,
    objective: feasible ? problem.objective.constant : Number.NaN,
    bound: feasible ? problem.objective.constant : Number.NaN,
    mipGap: 0,
    values: new Float64Array(),
  };
}

/**
 * Defaults tuned on Parley's models (one-hot choices, rule indicators, a few hundred sparse rows): the analyses
 * mostly ask the solver to prove that nothing better than a known incumbent exists, where primal heuristics and
 * symmetry detection cost far more than they save (about half the time on the bench models).
 */
export const LEAN_HIGHS_OPTIONS: Readonly<Record<string, boolean | number | string>> = {
  mip_heuristic_run_feasibility_jump: false,
  mip_heuristic_run_rins: false,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_root_reduced_cost: false,
  mip_heuristic_run_zi_round: false,
  mip_heuristic_run_shifting: false,
  mip_detect_symmetry: false,
};

export interface HighsSolverOptions {
  /** HiGHS options set on every solve instead of LEAN_HIGHS_OPTIONS ({} gives HiGHS's own defaults). */
  highsOptions?: Readonly<Record<string, boolean | number | string>>;
}

function runModel(
  highs: Highs,
  data: ModelData,
  problem: MilpProblem,
  options: MilpSolveOptions,
  tuning: Readonly<Record<string, boolean | number | string>>,
): MilpSolution {
  const isMip = problem.variables.some((v) => v.kind !== 'continuous');
  const model = highs.createModel(data);
  try {
    model.options.set({
      output_flag: false,
      mip_rel_gap: options.relativeGap ?? 0,
      mip_abs_gap: options.absoluteGap ?? 1e-9,
      ...tuning,
    });
    const limit = options.timeLimitSeconds;
    if (limit !== undefined && Number.isFinite(limit)) model.options.set('time_limit', Math.max(limit, 1e-3));
    const code = model.run().modelStatus;
    const codes = highs.constants.modelStatus;
    let status: MilpStatus;
    if (code === codes.optimal) status = 'optimal';
    else if (code === codes.infeasible) status = 'infeasible';
    else if (code === codes.unbounded) status = 'unbounded';
    else if (code === codes.timeLimit || code === codes.interrupted) status = 'time-limit';
    else if (code === codes.unboundedOrInfeasible) {
      // Decide between the two with a zero objective: feasible then means unbounded.
      const probe = runModel(
        highs,
        { ...data, colCost: new Float64Array(data.numCols) },
        problem,
        options,
        tuning,
      );
      status = probe.status === 'infeasible' ? 'infeasible' : 'unbounded';
    } else {
      throw new SolverError(`HiGHS stopped with model status ${code}; no optimum is available`);
    }
    const hasSolution =
      status === 'optimal' ||
      (status === 'time-limit' && infoNumber(model, 'primal_solution_status') === FEASIBLE_PRIMAL);
    const solution = hasSolution ? model.getSolution() : undefined;
    const objective = hasSolution ? model.getObjectiveValue() : Number.NaN;
    const unproven = problem.sense === 'maximize' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    const bound = isMip
      ? (infoNumber(model, 'mip_dual_bound') ?? unproven)
      : status === 'optimal'
        ? objective
        : unproven;
    const reportedGap = isMip ? infoNumber(model, 'mip_gap') : 0;
    return {
      status,
      hasSolution,
      objective,
      bound,
      mipGap: status === 'optimal' && !isMip ? 0 : (reportedGap ?? Number.POSITIVE_INFINITY),
      values: solution ? Float64Array.from(solution.colValue) : new Float64Array(problem.variables.length),
      rowDuals: !isMip && status === 'optimal' && solution ? Float64Array.from(solution.rowDual) : undefined,
    };
  } finally {
    model.dispose();
  }
}

/**
 * A MilpSolver backed by HiGHS (WebAssembly). The model is passed as sparse arrays, so coefficients reach
 * the solver exactly (no text round trip). Each solve uses a fresh native model, disposed afterwards; the
 * WebAssembly runtime is loaded once and shared.
 */
export function createHighsSolver(solverOptions: HighsSolverOptions = {}): MilpSolver {
  const tuning = solverOptions.highsOptions ?? LEAN_HIGHS_OPTIONS;
  return {
    async solve(problem, options = {}) {
      if (problem.variables.length === 0) return solveConstant(problem);
      const highs = await highsRuntime();
      return runModel(highs, toModelData(highs, problem), problem, options, tuning);
    },
  };
}
