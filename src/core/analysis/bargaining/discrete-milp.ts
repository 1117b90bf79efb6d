import type { Clock } from '../../ports.js';
import type { ScenarioEncoding } from '../milp/encode-scenario.js';
import { exactSearch } from '../milp/exact-search.js';
import { combine, constantExpr, type LinearExpr, variableExpr } from '../milp/milp-problem.js';
import type { MilpSolver } from '../milp/solver.js';
import { type ConceptSpec, stagesOf, stageTolerance } from './concept-spec.js';
import type { DiscreteOutcome, DiscreteSearch } from './discrete-enumerated.js';

/** The bargaining set encoded as a MILP, with exact evaluation outside the solver. */
export interface MilpBargainingContext {
  solver: MilpSolver;
  encoding: ScenarioEncoding;
  /** Gain g_q = u_q − d_q of each bargaining party as a linear expression. */
  gainExpr: LinearExpr[];
  /** Exact membership of the bargaining set. */
  accept(outcome: Int32Array): boolean;
  /** Exact gains at an outcome. */
  gainsOf(outcome: Int32Array): Float64Array;
  maxTies: number;
  timeLimitSeconds?: number;
  clock?: Clock;
  /** Outcomes known to be good (earlier solutions, ideal points): each search starts from them. */
  seeds: Int32Array[];
}

/** Tangent breakpoints grow geometrically by this ratio; the envelope then over-estimates log by <= 0.0011. */
const TANGENT_RATIO = 1.1;
/** The first breakpoint is at least this fraction of the largest possible gain (more tangents come on demand). */
const TANGENT_SPAN = 1e-4;

export interface NashMilpOptions {
  /** Largest possible gain of each party (I_q − d_q). */
  maxGain: Float64Array;
  /** The exact Nash value of a known outcome (a lower bound on the optimum), to exclude near-zero gains. */
  lowerBound: number;
  /** Optimality is proven once the bound is within this of the best value (log units; default 1e-6). */
  tolerance?: number;
}

/**
 * Lexicographic stages by MILP. Stage k maximises S_k, the sum of the k smallest y_q, written linearly as
 * S_k = max_λ k·λ − Σ_q max(0, λ − y_q) (λ free, s_q >= λ − y_q, s_q >= 0); earlier stages stay fixed at
 * their optimum minus the tie tolerance. When a stage's optimum is proven unique, the later stages are
 * skipped (they could only choose among its ties). Utilitarian is the single stage Σ u_q.
 */
export async function discreteStagesByMilp(
  ctx: MilpBargainingContext,
  spec: ConceptSpec,
): Promise<DiscreteSearch> {
  if (spec.kind === 'nash') throw new Error('use discreteNashByMilp for Nash');
  const { encoding } = ctx;
  const builder = encoding.builder;
  const stages = stagesOf(spec);
  const mark = encoding.mark();
  const values: number[] = [];
  try {
    let last: Awaited<ReturnType<typeof exactSearch>> | undefined;
    for (let k = 1; k <= stages.length; k++) {
      let objective: LinearExpr;
      if (spec.kind === 'utilitarian') {
        objective = combine([
          ...ctx.gainExpr.map((g): [number, LinearExpr] => [1, g]),
          [1, constantExpr(spec.disagreement.reduce((a, b) => a + b, 0))],
        ]);
      } else {
        const lambda = builder.addVariable(`lambda_${k}`, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
        const parts: Array<[number, LinearExpr]> = [[k, variableExpr(lambda)]];
        for (const q of spec.parties) {
          const s = builder.addVariable(`s_${k}_${q}`, 0, Number.POSITIVE_INFINITY);
          // s_q >= λ − g_q / scale_q
          builder.atLeast(
            `s_${k}_${q}_def`,
            combine([
              [1, variableExpr(s)],
              [-1, variableExpr(lambda)],
              [1 / spec.scale[q], ctx.gainExpr[q]],
            ]),
            0,
          );
          parts.push([-1, variableExpr(s)]);
        }
        objective = combine(parts);
      }
      const fixed = values.slice();
      const isLast = k === stages.length;
      const result = await exactSearch(ctx.solver, encoding, {
        objective,
        accept: (o) => {
          if (!ctx.accept(o)) return false;
          const g = ctx.gainsOf(o);
          return fixed.every((v, j) => stages[j].value(g) >= v - stageTolerance(spec, v));
        },
        value: (o) => stages[k - 1].value(ctx.gainsOf(o)),
        tieTolerance: (v) => stageTolerance(spec, v),
        // Before the last stage, only whether the optimum is unique matters: then later stages cannot change it.
        findTies: true,
        maxTies: isLast ? ctx.maxTies : 2,
        timeLimitSeconds: ctx.timeLimitSeconds,
        clock: ctx.clock,
        seeds: ctx.seeds,
      });
      if (!result.best) {
        return {
          values,
          ties: [],
          tiesComplete: result.status === 'infeasible',
          proven: result.status === 'infeasible',
          gap: Number.POSITIVE_INFINITY,
          degenerate: false,
        };
      }
      values.push(result.best.value);
      last = result;
      if (!isLast && result.tiesComplete && result.ties.length === 1) {
        // A unique optimum wins every later stage too; its later stage values are its own.
        const g = ctx.gainsOf(result.best.outcome);
        for (let j = k; j < stages.length; j++) values.push(stages[j].value(g));
        break;
      }
      if (!isLast)
        builder.atLeast(`stage_${k}`, objective, result.best.value - stageTolerance(spec, result.best.value));
    }
    const final = last as Awaited<ReturnType<typeof exactSearch>>;
    const ties: DiscreteOutcome[] = final.ties.map((c) => ({
      outcome: c.outcome,
      gains: ctx.gainsOf(c.outcome),
    }));
    return {
      values,
      ties,
      tieCount: final.tiesComplete ? ties.length : undefined,
      tiesComplete: final.tiesComplete,
      proven: final.proven,
      gap: final.gap,
      degenerate: false,
    };
  } finally {
    encoding.rollback(mark);
  }
}

/**
 * The discrete Nash solution by MILP: maximise Σ_q w_q t_q with t_q below tangent lines of log at breakpoints
 * (an outer approximation: each tangent over-estimates log, so the MILP value of every outcome is at least its
 * true weighted log product). Each outcome the solver returns is evaluated exactly and tangents are added at
 * its gains, making its MILP value exact; `exactSearch` then continues until the remaining model is infeasible
 * (every unseen outcome provably at least 1e-9 below the best, so the optimum is exact) or, if the tie list
 * hits its cap, until the solver's bound is within `tolerance` of the best value.
 * Gains below ε_q are excluded where ε_q is small enough that such an outcome cannot reach the known lower bound.
 */
export async function discreteNashByMilp(
  ctx: MilpBargainingContext,
  spec: Extract<ConceptSpec, { kind: 'nash' }>,
  options: NashMilpOptions,
): Promise<DiscreteSearch> {
  const { encoding } = ctx;
  const builder = encoding.builder;
  const mark = encoding.mark();
  const tolerance = options.tolerance ?? 1e-6;
  const t = new Map<number, number>();
  const addTangent = (q: number, at: number) => {
    const tv = t.get(q);
    if (tv === undefined || !(at > 0)) return;
    // t_q <= log a + (g_q − a)/a
    builder.atMost(
      `tangent_${q}_${at}`,
      combine([
        [1, variableExpr(tv)],
        [-1 / at, ctx.gainExpr[q]],
      ]),
      Math.log(at) - 1,
    );
  };
  try {
    const logMax = spec.active.reduce((sum, q) => sum + spec.weights[q] * Math.log(options.maxGain[q]), 0);
    for (const q of spec.active) {
      const top = options.maxGain[q];
      t.set(q, builder.addVariable(`t_${q}`, Number.NEGATIVE_INFINITY, Math.log(top) + 1e-9));
      // An outcome with g_q < ε_q has value < α_q log ε_q + Σ_{r≠q} α_r log G_r <= lowerBound − 2e-9.
      const rest = logMax - spec.weights[q] * Math.log(top);
      const epsilon = Math.exp((options.lowerBound - 2e-9 - rest) / spec.weights[q]);
      if (epsilon > 0) builder.atLeast(`floor_${q}`, ctx.gainExpr[q], epsilon);
      for (let a = Math.max(epsilon, top * TANGENT_SPAN); a < top * TANGENT_RATIO; a *= TANGENT_RATIO) {
        addTangent(q, Math.min(a, top));
      }
    }
    const objective = combine(
      spec.active.map((q): [number, LinearExpr] => [spec.weights[q], variableExpr(t.get(q) ?? -1)]),
    );
    const [stage] = stagesOf(spec);
    const result = await exactSearch(ctx.solver, encoding, {
      objective,
      accept: ctx.accept,
      value: (o) => stage.value(ctx.gainsOf(o)),
      refine: (o) => {
        const g = ctx.gainsOf(o);
        for (const q of spec.active) addTangent(q, g[q]);
      },
      tieTolerance: () => 1e-9,
      proofTolerance: () => tolerance,
      findTies: true,
      maxTies: ctx.maxTies,
      timeLimitSeconds: ctx.timeLimitSeconds,
      clock: ctx.clock,
      maxSolves: 2000,
      seeds: ctx.seeds,
    });
    if (!result.best) {
      return {
        values: [],
        ties: [],
        tiesComplete: result.status === 'infeasible',
        proven: result.status === 'infeasible',
        gap: Number.POSITIVE_INFINITY,
        degenerate: false,
      };
    }
    const ties = result.ties.map((c) => ({ outcome: c.outcome, gains: ctx.gainsOf(c.outcome) }));
    return {
      values: [result.best.value],
      ties,
      tieCount: result.tiesComplete ? ties.length : undefined,
      tiesComplete: result.tiesComplete,
      proven: result.proven,
      gap: result.gap,
      degenerate: false,
    };
  } finally {
    encoding.rollback(mark);
  }
}
