import { utilityOf } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { acceptableToSignatories } from '../enumerate-zone.js';
import { ScenarioEncoding } from '../milp/encode-scenario.js';
import { exactSearch } from '../milp/exact-search.js';
import { combine, type LinearExpr, variableExpr } from '../milp/milp-problem.js';
import { AnalysisError, subspaceOrFull } from '../zone/analysis-options.js';
import { estimateUtilities, imposeConstraint, zoneConstraints } from '../zone/zone-constraints.js';
import { type Backend, columnOf } from './backend.js';
import type { BargainingOptions } from './bargaining-types.js';
import { nashValue } from './criteria.js';
import type { DiscreteSearch } from './discrete-enumerated.js';
import { discreteNashByMilp, discreteStagesByMilp, type MilpBargainingContext } from './discrete-milp.js';

/** The MILP Nash optimum counts as proven once the solver's bound is within this (log units, ≈ relative). */
const NASH_TOLERANCE = 1e-6;

/** The bargaining set as a MILP: exact searches, MILP pricing, earlier solutions seeding later searches. */
export async function milpBackend(
  compiled: CompiledScenario,
  options: BargainingOptions,
  parties: number[],
  disagreement: Float64Array,
  maxTies: number,
): Promise<Backend> {
  const subspace = subspaceOrFull(compiled, options.subspace);
  const utilities = estimateUtilities(compiled);
  const encoding = new ScenarioEncoding(compiled.space, subspace);
  for (const c of zoneConstraints(compiled)) imposeConstraint(compiled, utilities, encoding, c);
  // One continuous variable per gain, defined once: rows that use gains (tangents, maximin) then stay sparse.
  const gainExpr = parties.map((m, q): LinearExpr => {
    const g = encoding.builder.addVariable(`gain_${q}`, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    encoding.builder.equal(
      `gain_${q}_def`,
      combine([
        [1, variableExpr(g)],
        [-1, encoding.utility(utilities[m])],
      ]),
      -disagreement[q],
    );
    return variableExpr(g);
  });
  parties.forEach((m, q) => {
    if (!compiled.signatories.includes(m)) encoding.builder.atLeast(`gain_${q}`, gainExpr[q], 0);
  });
  const gainsOf = (o: Int32Array) =>
    Float64Array.from(parties, (m, q) => utilityOf(utilities[m], o) - disagreement[q]);
  const ctx: MilpBargainingContext = {
    solver: options.solver,
    encoding,
    gainExpr,
    accept: (o) => acceptableToSignatories(compiled, utilities, o) && gainsOf(o).every((g) => g >= 0),
    gainsOf,
    maxTies,
    timeLimitSeconds: options.timeLimitSeconds,
    clock: options.clock,
    seeds: [],
  };
  const ideal = new Float64Array(parties.length);
  const idealOutcomes: Int32Array[] = [];
  let empty = false;
  for (let q = 0; q < parties.length; q++) {
    const result = await exactSearch(options.solver, encoding, {
      objective: gainExpr[q],
      accept: ctx.accept,
      value: (o) => gainsOf(o)[q],
      findTies: false,
      timeLimitSeconds: options.timeLimitSeconds,
      clock: options.clock,
    });
    if (result.status === 'infeasible') {
      empty = true;
      break;
    }
    if (!result.best) throw new AnalysisError('the MILP search for the ideal point ran out of time');
    ideal[q] = result.best.value + disagreement[q];
    idealOutcomes.push(result.best.outcome);
    ctx.seeds.push(result.best.outcome);
  }
  const remember = (search: DiscreteSearch) => {
    for (const t of search.ties.slice(0, 3)) ctx.seeds.push(t.outcome);
    return search;
  };
  return {
    method: 'milp',
    empty,
    ideal,
    idealOutcomes,
    discrete: async (spec, nash) => {
      if (spec.kind !== 'nash') return remember(await discreteStagesByMilp(ctx, spec));
      const maxGain = nash?.maxGain ?? new Float64Array(parties.length);
      // An outcome with every active gain positive gives the lower bound that keeps gains away from zero:
      // the best known one, else a maximin search over the active parties.
      let lowerBound = Number.NEGATIVE_INFINITY;
      for (const seed of ctx.seeds) {
        if (ctx.accept(seed))
          lowerBound = Math.max(lowerBound, nashValue(gainsOf(seed), spec.active, spec.weights));
      }
      if (lowerBound === Number.NEGATIVE_INFINITY) {
        const witness = await discreteStagesByMilp(
          { ...ctx, maxTies: 1 },
          { kind: 'leximin', parties: spec.active, scale: maxGain, leximin: false },
        );
        if (witness.ties.length === 0 || !(witness.values[0] > 0)) {
          return {
            values: [],
            ties: [],
            tiesComplete: true,
            proven: witness.proven,
            gap: 0,
            degenerate: true,
          };
        }
        lowerBound = nashValue(witness.ties[0].gains, spec.active, spec.weights);
      }
      return remember(
        await discreteNashByMilp(ctx, spec, { maxGain, lowerBound, tolerance: NASH_TOLERANCE }),
      );
    },
    pricer: async (w, known) => {
      const objective = combine(gainExpr.map((g, q): [number, LinearExpr] => [w[q], g]));
      const result = await exactSearch(options.solver, encoding, {
        objective,
        accept: ctx.accept,
        value: (o) => {
          const g = gainsOf(o);
          return g.reduce((sum, x, q) => sum + w[q] * x, 0);
        },
        findTies: false,
        timeLimitSeconds: options.timeLimitSeconds,
        clock: options.clock,
        // The master's outcomes give the solver a cutoff: it only has to find a better one or prove none exists.
        seeds: known.map((c) => c.outcome),
      });
      if (!result.best) throw new AnalysisError('the MILP pricing problem ran out of time');
      return {
        column: columnOf(result.best.outcome, gainsOf(result.best.outcome)),
        value: result.best.value,
        bound: result.best.value + result.gap,
      };
    },
    exactness: (concept, search) => {
      const isNash = concept === 'nash' || concept === 'asymmetric-nash';
      const value = search.values[search.values.length - 1] ?? 0;
      // An exhausted tie search leaves every unseen outcome below the best: the optimum is exact.
      const tolerance = search.tiesComplete
        ? 0
        : isNash
          ? Math.expm1(search.gap)
          : search.gap / Math.max(1, Math.abs(value));
      const ties = search.tiesComplete
        ? 'the tie search ended with an infeasible model, which certifies that no unlisted outcome is within 1e-9 of the optimum (so the optimum is exact)'
        : `the tie list stopped at ${maxTies}; ${search.proven ? 'optimality is proven' : 'optimality is NOT proven'} by the solver's bound within a relative ${tolerance.toExponential(1)}`;
      const text = isNash
        ? `MILP with a tangent-line outer approximation of log (an upper bound), re-evaluated exactly at every outcome found; ${ties}${search.tiesComplete ? '' : ' on the Nash product'}`
        : `exact MILP (linear objective); ${ties}`;
      return { text, tolerance };
    },
  };
}
