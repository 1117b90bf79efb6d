import { combine, type LinearExpr, MilpBuilder, variableExpr } from '../milp/milp-problem.js';
import { type MilpSolver, SolverError } from '../milp/solver.js';
import { AnalysisError } from '../zone/analysis-options.js';
import { nashValue, sumOfSmallest } from './criteria.js';
import { polishNashMixture } from './nash-lottery-polish.js';

/** An outcome of the bargaining set offered to the lottery, with its exact gains. */
export interface Column {
  key: string;
  outcome: Int32Array;
  gains: Float64Array;
}

/** The best outcome for a weighted sum of gains: max_o Σ_q w_q g_q(o), with a proven upper bound. */
export interface PriceResult {
  column?: Column;
  value: number;
  bound: number;
}

/** `known`: outcomes already in the master, which a solver may use as incumbents. */
export type Pricer = (weights: Float64Array, known: Column[]) => Promise<PriceResult>;

export type LotterySpec =
  | {
      kind: 'nash';
      /** Parties in the product (each has a positive gain in some column). */
      active: number[];
      weights: Float64Array;
    }
  | {
      kind: 'leximin';
      parties: number[];
      scale: Float64Array;
      /** All leximin stages, or the minimum only. */
      leximin: boolean;
      /** After the stages, maximise Σ y_q so that the mixture is Pareto-efficient on the hull. */
      paretoStage: boolean;
    };

export interface LotteryResult {
  columns: Column[];
  /** Probability of each column (sums to 1). */
  probabilities: Float64Array;
  /** Expected gains. */
  gains: Float64Array;
  /** Criterion values at the expected gains, one per stage (Nash: the weighted log product). */
  values: number[];
  /** Proven bound on how far the best lottery can exceed values[0]. */
  gap: number;
  iterations: number;
}

interface Master {
  builder: MilpBuilder;
  lambda: number[];
  g: number[];
}

/** λ_j >= 0 per column, g_q = Σ_j λ_j G_jq (rows 0..n−1), Σ_j λ_j = 1 (row n). */
function master(columns: Column[], n: number): Master {
  const builder = new MilpBuilder();
  const lambda = columns.map((_, j) => builder.addVariable(`lambda_${j}`, 0, Number.POSITIVE_INFINITY));
  const g = Array.from({ length: n }, (_, q) =>
    builder.addVariable(`g_${q}`, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY),
  );
  for (let q = 0; q < n; q++) {
    builder.equal(
      `gain_${q}`,
      combine([
        [1, variableExpr(g[q])],
        ...columns.map((c, j): [number, LinearExpr] => [-c.gains[q], variableExpr(lambda[j])]),
      ]),
      0,
    );
  }
  builder.equal('convexity', combine(lambda.map((v): [number, LinearExpr] => [1, variableExpr(v)])), 1);
  return { builder, lambda, g };
}

/** S_k(y) = max_λ k·λ − Σ_q max(0, λ − y_q), as variables and rows; returns the objective expression. */
function addSumOfSmallest(
  m: Master,
  parties: number[],
  scale: Float64Array,
  k: number,
  tag: string,
): LinearExpr {
  const lambda = m.builder.addVariable(`level_${tag}`, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const parts: Array<[number, LinearExpr]> = [[k, variableExpr(lambda)]];
  for (const q of parties) {
    const s = m.builder.addVariable(`short_${tag}_${q}`, 0, Number.POSITIVE_INFINITY);
    m.builder.atLeast(
      `short_${tag}_${q}`,
      combine([
        [1, variableExpr(s)],
        [-1, variableExpr(lambda)],
        [1 / scale[q], variableExpr(m.g[q])],
      ]),
      0,
    );
    parts.push([-1, variableExpr(s)]);
  }
  return combine(parts);
}

function mixture(columns: Column[], values: ArrayLike<number>, lambda: number[], n: number) {
  const probabilities = new Float64Array(columns.length);
  let sum = 0;
  for (let j = 0; j < columns.length; j++) {
    probabilities[j] = Math.max(0, values[lambda[j]]);
    sum += probabilities[j];
  }
  for (let j = 0; j < columns.length; j++) probabilities[j] /= sum;
  const gains = new Float64Array(n);
  columns.forEach((c, j) => {
    for (let q = 0; q < n; q++) gains[q] += probabilities[j] * c.gains[q];
  });
  return { probabilities, gains };
}

const LINEAR_TOLERANCE = (v: number) => 1e-9 * Math.max(1, Math.abs(v));
/** Stage values are fixed with this slack so LP round-off cannot make the next stage infeasible. */
const STAGE_SLACK = (v: number) => 1e-9 * Math.max(1, Math.abs(v));

/**
 * Best lottery (probability mixture of outcomes of the bargaining set) for a concept, by column generation:
 * the master LP mixes the outcomes found so far; the duals w of the rows g_q = Σ λ_j G_jq are a supergradient
 * of the (piecewise-linear) objective at the master optimum, so a new outcome can improve the mixture only if
 * Σ w_q g_q(o) exceeds the master's best such value μ, and V + max(0, max_o w·g(o) − μ) bounds the optimum
 * from above (V: master value). The pricer finds max_o w·g(o) exactly (by scanning an enumerated zone, or by
 * MILP). The maximin stages are LPs; Nash has its own exact master (see nashLottery) and stops once the proven
 * bound is within `tolerance` (log units) of the value of the mixture found.
 */
export async function solveLottery(
  solver: MilpSolver,
  n: number,
  initial: Column[],
  pricer: Pricer,
  spec: LotterySpec,
  options: { tolerance?: number; maxIterations?: number } = {},
): Promise<LotteryResult> {
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 400;
  const columns: Column[] = [];
  const keys = new Set<string>();
  const addColumn = (c: Column) => {
    if (keys.has(c.key)) return false;
    keys.add(c.key);
    columns.push(c);
    return true;
  };
  for (const c of initial) addColumn(c);
  let iterations = 0;

  const solveMaster = async (build: (m: Master) => LinearExpr) => {
    const m = master(columns, n);
    const objective = build(m);
    const solution = await solver.solve(m.builder.problem('maximize', objective));
    // Out of time is an answer the caller reports as "not computed"; any other status is a solver failure.
    if (solution.status === 'time-limit') throw new AnalysisError('the lottery master LP ran out of time');
    if (solution.status !== 'optimal' || !solution.rowDuals) {
      throw new SolverError(`the lottery master LP ended with status ${solution.status}`);
    }
    const w = Float64Array.from({ length: n }, (_, q) => Math.max(0, solution.rowDuals?.[q] ?? 0));
    let mu = Number.NEGATIVE_INFINITY;
    for (const c of columns) {
      let v = 0;
      for (let q = 0; q < n; q++) v += w[q] * c.gains[q];
      mu = Math.max(mu, v);
    }
    return { m, solution, w, mu, ...mixture(columns, solution.values, m.lambda, n) };
  };

  if (spec.kind === 'nash') {
    return nashLottery(n, columns, addColumn, pricer, spec, tolerance, maxIterations);
  }

  const stageCount = spec.leximin ? spec.parties.length : Math.min(1, spec.parties.length);
  const fixed: number[] = [];
  let gap = 0;
  let last: Awaited<ReturnType<typeof solveMaster>> | undefined;
  const stageObjective = (m: Master, k: number) => {
    for (let j = 1; j < k; j++) {
      const expr = addSumOfSmallest(m, spec.parties, spec.scale, j, `fixed_${j}`);
      m.builder.atLeast(`stage_${j}`, expr, fixed[j - 1] - STAGE_SLACK(fixed[j - 1]));
    }
    if (k <= stageCount) return addSumOfSmallest(m, spec.parties, spec.scale, k, `stage_${k}`);
    return combine(spec.parties.map((q): [number, LinearExpr] => [1 / spec.scale[q], variableExpr(m.g[q])]));
  };
  const totalStages = stageCount + (spec.paretoStage ? 1 : 0);
  for (let k = 1; k <= totalStages; k++) {
    for (;;) {
      iterations++;
      const round = await solveMaster((m) => stageObjective(m, k));
      last = round;
      const price = await pricer(round.w, columns);
      const improving = price.column && price.value > round.mu + LINEAR_TOLERANCE(round.mu);
      if (!improving || iterations >= maxIterations || !price.column || !addColumn(price.column)) {
        if (k === 1) gap = Math.max(0, price.bound - round.mu);
        break;
      }
    }
    if (k <= stageCount) fixed.push((last as NonNullable<typeof last>).solution.objective);
  }
  const final = last as NonNullable<typeof last>;
  const values = Array.from({ length: stageCount }, (_, j) =>
    sumOfSmallest(final.gains, spec.parties, spec.scale, j + 1),
  );
  return {
    columns: columns.slice(),
    probabilities: final.probabilities,
    gains: final.gains,
    values,
    gap,
    iterations,
  };
}

/**
 * The Nash lottery by column generation with an exact master: over the current columns, F(λ) =
 * Σ_q α_q log(Σ_j λ_j G_jq) is maximised on the simplex by an active-set Newton method; the gradient w = α/g
 * then prices every outcome. By concavity F(g') <= F(g) + w·(g' − g) for every mixture g', and w·g = Σα, so
 * V + max(0, max_o w·g(o) − Σα) is a proven upper bound, and an outcome with w·g(o) > Σα enters the master.
 */
async function nashLottery(
  n: number,
  columns: Column[],
  addColumn: (c: Column) => boolean,
  pricer: Pricer,
  spec: Extract<LotterySpec, { kind: 'nash' }>,
  tolerance: number,
  maxIterations: number,
): Promise<LotteryResult> {
  const alphaSum = spec.active.reduce((sum, q) => sum + spec.weights[q], 0);
  const mix = (lambda: Float64Array) => {
    const g = new Float64Array(n);
    columns.forEach((c, j) => {
      for (let q = 0; q < n; q++) g[q] += lambda[j] * c.gains[q];
    });
    return g;
  };
  const gradient = (g: Float64Array) => {
    const w = new Float64Array(n);
    for (const q of spec.active) w[q] = spec.weights[q] / g[q];
    return w;
  };
  const dot = (w: Float64Array, gains: Float64Array) => gains.reduce((sum, x, q) => sum + w[q] * x, 0);
  // Start from the uniform mixture: the ideal outcomes among the columns make every active gain positive.
  let lambda = new Float64Array(columns.length).fill(1 / columns.length);
  let upper = Number.POSITIVE_INFINITY;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // Exact master: Newton on the support, re-admitting any column whose gradient entry exceeds Σα.
    for (let round = 0; round < 50; round++) {
      const support = Array.from(lambda.keys()).filter((j) => lambda[j] > 0);
      const polished = polishNashMixture(
        support.map((j) => columns[j].gains),
        Float64Array.from(support, (j) => lambda[j]),
        spec.active,
        spec.weights,
      );
      lambda = new Float64Array(columns.length);
      support.forEach((j, k) => {
        lambda[j] = polished[k];
      });
      const w = gradient(mix(lambda));
      let entering = -1;
      let most = alphaSum * (1 + 1e-12);
      columns.forEach((c, j) => {
        const v = dot(w, c.gains);
        if (lambda[j] === 0 && v > most) {
          most = v;
          entering = j;
        }
      });
      if (entering < 0) break;
      for (let j = 0; j < lambda.length; j++) lambda[j] *= 1 - 1e-6;
      lambda[entering] = 1e-6;
    }
    const g = mix(lambda);
    const value = nashValue(g, spec.active, spec.weights);
    const price = await pricer(gradient(g), columns);
    upper = Math.min(upper, value + Math.max(0, price.bound - alphaSum));
    if (upper - value <= tolerance || !price.column || price.value <= alphaSum * (1 + 1e-12)) break;
    if (!addColumn(price.column)) break;
    const grown = new Float64Array(columns.length);
    grown.set(lambda.map((x) => x * (1 - 1e-6)));
    grown[columns.length - 1] = 1e-6;
    lambda = grown;
  }
  const gains = mix(lambda);
  const value = nashValue(gains, spec.active, spec.weights);
  return {
    columns: columns.slice(),
    probabilities: lambda,
    gains,
    values: [value],
    gap: Math.max(0, upper - value),
    iterations,
  };
}
