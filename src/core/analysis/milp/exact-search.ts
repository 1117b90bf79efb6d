import { type Clock, deadlineOf } from '../../ports.js';
import type { ScenarioEncoding } from './encode-scenario.js';
import type { LinearExpr } from './milp-problem.js';
import type { MilpSolver } from './solver.js';

export interface Candidate {
  outcome: Int32Array;
  /** Exact value of the objective at the outcome (computed outside the solver). */
  value: number;
}

export interface ExactSearchSpec {
  /** The MILP objective to maximise. It must be >= the exact value at every outcome (equal for linear ones). */
  objective: LinearExpr;
  /** Exact feasibility of an outcome (the MILP's tolerances may admit borderline outcomes; they are cut off). */
  accept(outcome: Int32Array): boolean;
  /** Exact objective value of an outcome. */
  value(outcome: Int32Array): number;
  /** Tightens the model at an outcome (e.g. tangent cuts) so that its MILP objective equals its value. */
  refine?(outcome: Int32Array): void;
  /** Outcomes within this of the best value are ties (default 1e-9 · max(1, |best|)). */
  tieTolerance?(best: number): number;
  /** The optimum counts as proven when the solver's bound is within this of the best value. */
  proofTolerance?(best: number): number;
  /** Search for ties after the optimum (default true). */
  findTies?: boolean;
  /** Stop listing ties after this many outcomes (default 20); the result then says the list is incomplete. */
  maxTies?: number;
  /** Overall wall-clock budget, measured on `clock` (required with it). */
  timeLimitSeconds?: number;
  clock?: Clock;
  /** Safety cap on solver calls (default 500). */
  maxSolves?: number;
  /** Known outcomes to start from (e.g. other solutions): evaluated exactly first, so the solver gets a cutoff. */
  seeds?: Int32Array[];
}

export interface ExactSearchResult {
  /** 'infeasible': no acceptable outcome; 'stopped': a time or solve limit ended the search early. */
  status: 'optimal' | 'infeasible' | 'stopped';
  best?: Candidate;
  /** Every outcome found within the tie tolerance of the best value, best first. */
  ties: Candidate[];
  /** True when the tie list is complete (the solver proved no further tie exists). */
  tiesComplete: boolean;
  /** True when the best value is proven optimal within `gap`. */
  proven: boolean;
  /** Proven upper bound on the optimum minus the best value found (0 when proven exactly; may be Infinity). */
  gap: number;
  solves: number;
}

const defaultTolerance = (best: number) => 1e-9 * Math.max(1, Math.abs(best));

/**
 * Maximises over complete outcomes with the solver, verifying every solution exactly outside it.
 *
 * Each solve returns an outcome; it is evaluated exactly, then excluded by a no-good cut, so the next solve
 * looks at the remaining outcomes only. Once a best value is known, a row "objective >= best − tie tolerance"
 * keeps only possible ties. The search ends when the solver proves the remaining model infeasible: every
 * outcome not yet seen then has objective (and so exact value) below best − tolerance, which is a proof of
 * optimality and of the completeness of the tie list. The solver's own feasibility tolerances only make the
 * model more permissive, so they cannot hide an outcome; borderline outcomes they admit fail `accept` and are
 * cut off. Everything added to the encoding is rolled back at the end.
 */
export async function exactSearch(
  solver: MilpSolver,
  encoding: ScenarioEncoding,
  spec: ExactSearchSpec,
): Promise<ExactSearchResult> {
  const tieTolerance = spec.tieTolerance ?? defaultTolerance;
  const proofTolerance = spec.proofTolerance ?? ((best: number) => 1e-7 * Math.max(1, Math.abs(best)));
  const findTies = spec.findTies ?? true;
  const maxTies = spec.maxTies ?? 20;
  const maxSolves = spec.maxSolves ?? 500;
  const deadline = deadlineOf(spec.timeLimitSeconds, spec.clock);
  const mark = encoding.mark();
  const builder = encoding.builder;
  const seen: Candidate[] = [];
  let best: Candidate | undefined;
  let bestRow = -1;
  /** The least proven upper bound on the optimum over all outcomes. */
  let upper = Number.POSITIVE_INFINITY;
  let solves = 0;
  let exhausted = false;
  const isProven = () => best !== undefined && upper <= best.value + proofTolerance(best.value);
  const tiesOf = () =>
    best === undefined
      ? []
      : seen.filter((c) => best !== undefined && c.value >= best.value - tieTolerance(best.value));

  // Records an accepted outcome and raises the "at least best" row when it is a new best.
  const consider = (outcome: Int32Array) => {
    const value = spec.value(outcome);
    spec.refine?.(outcome);
    seen.push({ outcome, value });
    if (best === undefined || value > best.value) {
      best = { outcome, value };
      const floor = value - tieTolerance(value);
      if (bestRow < 0) bestRow = builder.atLeast('at_least_best', spec.objective, floor);
      else
        builder.constraints[bestRow] = {
          ...builder.constraints[bestRow],
          lower: floor - spec.objective.constant,
        };
    }
  };

  try {
    const seeded = new Set<string>();
    for (const seed of spec.seeds ?? []) {
      const key = seed.join(',');
      if (seeded.has(key) || !spec.accept(seed)) continue;
      seeded.add(key);
      encoding.excludeOutcome(seed, `seed_${seeded.size}`);
      consider(seed);
    }
    while (solves < maxSolves) {
      const remaining = spec.clock ? (deadline - spec.clock.now()) / 1000 : Number.POSITIVE_INFINITY;
      if (remaining <= 0) break;
      solves++;
      const solution = await solver.solve(builder.problem('maximize', spec.objective), {
        timeLimitSeconds: Number.isFinite(remaining) ? remaining : undefined,
      });
      if (solution.status === 'infeasible') {
        exhausted = true;
        break;
      }
      if (solution.status === 'unbounded') throw new Error('the search objective is unbounded');
      // The solver's bound covers every outcome not yet cut off; the cut-off ones were evaluated exactly
      // (or lie below the best value, by the "at least best" row).
      const solverBound = solution.hasSolution
        ? Math.max(solution.bound, solution.objective)
        : solution.bound;
      if (!Number.isNaN(solverBound)) {
        upper = Math.min(upper, Math.max(best?.value ?? Number.NEGATIVE_INFINITY, solverBound));
      }
      if (!solution.hasSolution) break;
      const outcome = encoding.decode(solution.values);
      encoding.excludeOutcome(outcome, `seen_${solves}`);
      if (!spec.accept(outcome)) continue;
      consider(outcome);
      if (isProven() && (!findTies || tiesOf().length >= maxTies)) break;
    }
  } finally {
    encoding.rollback(mark);
  }

  if (exhausted) upper = best?.value ?? Number.NEGATIVE_INFINITY;
  const proven = exhausted || isProven();
  const status: ExactSearchResult['status'] = exhausted
    ? best === undefined
      ? 'infeasible'
      : 'optimal'
    : proven
      ? 'optimal'
      : 'stopped';
  const ties = tiesOf().sort((a, b) => b.value - a.value);
  return {
    status,
    best,
    ties,
    tiesComplete: exhausted,
    proven,
    gap: best === undefined ? (exhausted ? 0 : Number.POSITIVE_INFINITY) : Math.max(0, upper - best.value),
    solves,
  };
}
