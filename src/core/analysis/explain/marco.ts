import { type Clock, deadlineOf } from '../../ports.js';
import { combine, type LinearExpr, MilpBuilder, variableExpr } from '../milp/milp-problem.js';
import type { MilpSolver } from '../milp/solver.js';

/** Answer of a satisfiability oracle over subsets of constraints 0..n−1. */
export type OracleAnswer =
  | {
      satisfiable: true /** Every constraint the witness satisfies (a superset of the query). */;
      satisfied: number[];
    }
  | { satisfiable: false }
  | { satisfiable: 'unknown' };

export type Oracle = (subset: number[]) => Promise<OracleAnswer>;

export interface MarcoOptions {
  /** Stop after this many minimal infeasible subsets. */
  maxSubsets?: number;
  timeLimitSeconds?: number;
  /** Measures the time limit (required with it). */
  clock?: Clock;
}

export interface MarcoResult {
  /** Minimal infeasible subsets found (constraint indices, ascending). */
  minimalInfeasible: number[][];
  /** Maximal satisfiable subsets found. */
  maximalSatisfiable: number[][];
  /** True when the map was exhausted: the lists are then complete. */
  complete: boolean;
  /** Why the search stopped early, if it did. */
  stoppedBecause?: string;
  oracleCalls: number;
}

/**
 * MARCO (Liffiton et al.): enumerates every minimal infeasible subset (MIS) and maximal satisfiable subset
 * (MSS) of n constraints. A "map" 0-1 programme over y_c (constraint c selected) proposes an unexplored seed
 * of largest size; a satisfiable seed is grown to an MSS and everything below it blocked (Σ_{c∉MSS} y_c >= 1);
 * an unsatisfiable seed is shrunk to an MIS by deletion and everything above it blocked
 * (Σ_{c∈MIS} y_c <= |MIS| − 1). When the map has no solution left, every subset has been classified, so both
 * lists are complete.
 */
export async function marco(
  n: number,
  oracle: Oracle,
  solver: MilpSolver,
  options: MarcoOptions = {},
): Promise<MarcoResult> {
  const maxSubsets = options.maxSubsets ?? Number.POSITIVE_INFINITY;
  const deadline = deadlineOf(options.timeLimitSeconds, options.clock);
  const map = new MilpBuilder();
  const y = Array.from({ length: n }, (_, c) => map.addVariable(`y_${c}`, 0, 1, 'binary'));
  const sumOf = (cs: number[]): LinearExpr =>
    combine(cs.map((c): [number, LinearExpr] => [1, variableExpr(y[c])]));
  const everything = sumOf(Array.from({ length: n }, (_, c) => c));
  const minimalInfeasible: number[][] = [];
  const maximalSatisfiable: number[][] = [];
  let oracleCalls = 0;
  const ask = async (subset: number[]) => {
    oracleCalls++;
    const answer = await oracle(subset);
    if (answer.satisfiable === 'unknown') throw new StopSearch('the satisfiability oracle ran out of time');
    return answer;
  };

  try {
    for (;;) {
      if (options.clock && options.clock.now() > deadline) throw new StopSearch('the time limit was reached');
      const proposal = await solver.solve(map.problem('maximize', everything));
      if (proposal.status === 'infeasible') break;
      if (!proposal.hasSolution) throw new StopSearch('the map could not be solved');
      if (minimalInfeasible.length >= maxSubsets) {
        throw new StopSearch(`the cap of ${maxSubsets} minimal infeasible subsets was reached`);
      }
      const seed = y.flatMap((v, c) => (proposal.values[v] > 0.5 ? [c] : []));
      const answer = await ask(seed);
      if (answer.satisfiable) {
        const grown = new Set(answer.satisfied);
        for (let c = 0; c < n; c++) {
          if (grown.has(c)) continue;
          const more = await ask([...grown, c].sort((a, b) => a - b));
          if (more.satisfiable) for (const d of more.satisfied) grown.add(d);
        }
        const mss = [...grown].sort((a, b) => a - b);
        maximalSatisfiable.push(mss);
        const outside = y.map((_, c) => c).filter((c) => !grown.has(c));
        // An empty complement means everything is satisfiable together: nothing infeasible exists.
        if (outside.length === 0) break;
        map.atLeast(`above_mss_${maximalSatisfiable.length}`, sumOf(outside), 1);
      } else {
        let core = seed;
        for (const c of seed) {
          if (!core.includes(c)) continue;
          const without = core.filter((d) => d !== c);
          const smaller = await ask(without);
          if (!smaller.satisfiable) core = without;
        }
        minimalInfeasible.push(core);
        map.atMost(`below_mis_${minimalInfeasible.length}`, sumOf(core), core.length - 1);
      }
    }
  } catch (error) {
    if (error instanceof StopSearch) {
      return {
        minimalInfeasible,
        maximalSatisfiable,
        complete: false,
        stoppedBecause: error.message,
        oracleCalls,
      };
    }
    throw error;
  }
  return { minimalInfeasible, maximalSatisfiable, complete: true, oracleCalls };
}

class StopSearch extends Error {}
