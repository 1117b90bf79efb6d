import { utilityOf } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { forEachCompletion } from '../../model/subspace.js';
import { tieTolerance } from '../bargaining/criteria.js';
import { acceptableToSignatories } from '../enumerate-zone.js';
import { ScenarioEncoding } from '../milp/encode-scenario.js';
import { exactSearch } from '../milp/exact-search.js';
import { combine, constantExpr, type LinearExpr } from '../milp/milp-problem.js';
import type { MilpSolver } from '../milp/solver.js';
import { sharedColumns } from '../scenario-table.js';
import { type Method, type OutcomeView, outcomeView } from '../zone/analysis-options.js';
import { type ConcessionOptions, setUpConcession } from './concession-setup.js';

export interface PartyGuarantee {
  party: string;
  name: string;
  /** Minimum utility over the package's completions. */
  guaranteed: number;
}

export interface ImprovingOutcome {
  outcome: OutcomeView;
  /** Utility of each compared party. */
  utilities: number[];
  /** utilities − guaranteed, each >= 0. */
  gains: number[];
  totalGain: number;
  /** Acceptable to every signatory (red lines and BATNAs)? */
  acceptable: boolean;
}

export interface ParetoImprovement {
  method: Method;
  methodReason: string;
  parties: PartyGuarantee[];
  /** True when no outcome makes every compared party at least as well off and someone strictly better (1e-9). */
  paretoOptimal: boolean;
  /** Outcomes with the largest total gain (ties up to the cap); empty when the package is Pareto-optimal. */
  best: ImprovingOutcome[];
  /** Exact number of best outcomes when enumerated, or when the MILP tie search completed. */
  count?: number;
  complete: boolean;
  note: string;
}

/**
 * Pareto improvements on a package: complete outcomes (anywhere in `within`) that give every compared party at
 * least the utility the package guarantees it (its minimum over the package's completions), choosing those with
 * the largest total gain Σ_p (u_p − guaranteed_p).
 */
export async function paretoImprovement(
  compiled: CompiledScenario,
  options: ConcessionOptions,
): Promise<ParetoImprovement> {
  const { within, parties, decision, utilities, chosen, floor, maxAlternatives } = await setUpConcession(
    compiled,
    options,
  );
  const describe = (o: ArrayLike<number>): ImprovingOutcome => {
    const u = chosen.map((f) => utilityOf(f, o));
    const gains = u.map((x, q) => x - floor[q]);
    return {
      outcome: outcomeView(compiled.space, o),
      utilities: u,
      gains,
      totalGain: gains.reduce((a, b) => a + b, 0),
      acceptable: acceptableToSignatories(compiled, utilities, o),
    };
  };
  const info = parties.map((m, q) => ({
    party: compiled.models[m].party,
    name: compiled.models[m].name,
    guaranteed: floor[q],
  }));

  let best: ImprovingOutcome[] = [];
  let count: number | undefined;
  let complete = true;
  if (decision.method === 'enumerate') {
    let bestGain = Number.NEGATIVE_INFINITY;
    const found: Int32Array[] = [];
    let ties = 0;
    const columns = sharedColumns(compiled, within, options.shared, parties)?.columns;
    let j = -1;
    forEachCompletion(within, (o) => {
      j++;
      let gain = 0;
      for (let q = 0; q < chosen.length; q++) {
        const g = (columns ? columns[q][j] : utilityOf(chosen[q], o)) - floor[q];
        if (g < 0) return;
        gain += g;
      }
      if (bestGain === Number.NEGATIVE_INFINITY || gain > bestGain + tieTolerance(bestGain)) {
        bestGain = gain;
        found.length = 0;
        ties = 0;
      }
      if (gain >= bestGain - tieTolerance(bestGain)) {
        ties++;
        if (found.length < maxAlternatives) found.push(Int32Array.from(o));
      }
    });
    best = found.map(describe).filter((b) => b.totalGain >= bestGain - tieTolerance(bestGain));
    count = ties;
    complete = ties <= maxAlternatives;
  } else {
    const solver = options.solver as MilpSolver;
    const encoding = new ScenarioEncoding(compiled.space, within);
    const gainExpr = chosen.map((f, q) =>
      combine([
        [1, encoding.utility(f)],
        [-1, constantExpr(floor[q])],
      ]),
    );
    gainExpr.forEach((g, q) => {
      encoding.builder.atLeast(`keep_${q}`, g, 0);
    });
    const result = await exactSearch(solver, encoding, {
      objective: combine(gainExpr.map((g): [number, LinearExpr] => [1, g])),
      accept: (o) => chosen.every((f, q) => utilityOf(f, o) >= floor[q]),
      value: (o) => chosen.reduce((sum, f, q) => sum + utilityOf(f, o) - floor[q], 0),
      maxTies: maxAlternatives,
      timeLimitSeconds: options.timeLimitSeconds,
      clock: options.clock,
    });
    best = result.ties.map((c) => describe(c.outcome));
    complete = result.tiesComplete;
    count = result.tiesComplete ? best.length : undefined;
  }
  const topGain = best[0]?.totalGain ?? 0;
  const paretoOptimal = !(topGain > tieTolerance(topGain));
  return {
    method: decision.method,
    methodReason: decision.reason,
    parties: info,
    paretoOptimal,
    best: paretoOptimal ? [] : best,
    count: paretoOptimal ? 0 : count,
    complete,
    note: paretoOptimal
      ? 'no outcome makes every compared party at least as well off as the package guarantees and someone better: the package is Pareto-optimal for them'
      : `${count ?? `at least ${best.length}`} outcome(s) reach the largest total gain ${topGain.toFixed(2)} over the package's guaranteed utilities`,
  };
}
