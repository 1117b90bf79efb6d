import type { UtilityFunction } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import type { Subspace } from '../../model/subspace.js';
import type { Clock } from '../../ports.js';
import type { MilpSolver } from '../milp/solver.js';
import type { SharedScenarioTable } from '../scenario-table.js';
import {
  type AnalysisSetup,
  type MethodChoice,
  setUpAnalysis,
  subspaceOrFull,
} from '../zone/analysis-options.js';
import { guaranteedUtilities } from './guaranteed-utility.js';

export interface ConcessionOptions {
  /** The package as a sub-space: settled issues have one allowed option, open issues several. */
  package: Subspace;
  /** Parties whose utility is compared (default: the signatories). */
  parties?: string[];
  /** Where other outcomes may be sought (default: the whole space). */
  within?: Subspace;
  solver?: MilpSolver;
  method?: MethodChoice;
  enumerationLimit?: number;
  /** List at most this many equally good answers (default 10). */
  maxAlternatives?: number;
  timeLimitSeconds?: number;
  /** Measures the time limit (required with it). */
  clock?: Clock;
  /** The run's one enumeration of the whole space; read instead of evaluating each outcome again. */
  shared?: SharedScenarioTable;
}

/** What both concession analyses start from: the sub-spaces, the compared parties and the package's floor. */
export interface ConcessionSetUp extends AnalysisSetup {
  within: Subspace;
  pkg: Subspace;
  /** Utility functions of the compared parties, in `parties` order. */
  chosen: UtilityFunction[];
  /** The utility the package guarantees each compared party. */
  floor: number[];
  maxAlternatives: number;
}

export async function setUpConcession(
  compiled: CompiledScenario,
  options: ConcessionOptions,
): Promise<ConcessionSetUp> {
  const within = subspaceOrFull(compiled, options.within);
  const pkg = subspaceOrFull(compiled, options.package);
  const setUp = setUpAnalysis(compiled, within, options);
  const chosen = setUp.parties.map((m) => setUp.utilities[m]);
  const floor = await guaranteedUtilities(compiled.space, pkg, chosen, options.solver, setUp.limit);
  return { ...setUp, within, pkg, chosen, floor, maxAlternatives: options.maxAlternatives ?? 10 };
}
