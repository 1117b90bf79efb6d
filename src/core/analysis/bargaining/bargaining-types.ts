import type { Subspace } from '../../model/subspace.js';
import type { Clock } from '../../ports.js';
import type { MilpSolver } from '../milp/solver.js';
import type { SharedScenarioTable } from '../scenario-table.js';
import type { Method, MethodChoice, OutcomeView } from '../zone/analysis-options.js';
import type { Concept } from './criteria.js';

export interface BargainingOptions {
  /** Bargaining parties (default: the signatories). */
  parties?: string[];
  subspace?: Subspace;
  solver: MilpSolver;
  method?: MethodChoice;
  /**
   * Asymmetric Nash with weights from the parties' capability estimates (normalised to sum 1).
   * Default: computed when every bargaining party has a capability; true reports why when one is missing.
   */
  asymmetric?: boolean;
  /** Tie-break for Kalai–Smorodinsky and egalitarian: lexicographic maximin (default) or none. */
  tieBreak?: 'leximin' | 'none';
  /** List at most this many tied outcomes per solution (default 20); counts stay exact when enumerated. */
  maxTies?: number;
  /** Only these concepts (default: all five, reported in the order nash, asymmetric-nash, KS, egalitarian, utilitarian). */
  concepts?: Concept[];
  /** Compute lottery (mixed) solutions (default true). */
  lotteries?: boolean;
  /** Largest space 'auto' enumerates (default 2e6). */
  enumerationLimit?: number;
  /** Wall-clock budget per MILP search. */
  timeLimitSeconds?: number;
  /** Clock for the time limit (default: none needed without a time limit). */
  clock?: Clock;
  /** The run's one enumeration of the whole space (see SharedScenarioTable); read instead of enumerating again. */
  shared?: SharedScenarioTable;
}

export interface BargainingParty {
  party: string;
  name: string;
  /** Index into compiled.models. */
  model: number;
  /** Disagreement point: the party's BATNA (estimate). */
  disagreement: number;
  /** Best utility the party reaches in the bargaining set. */
  ideal: number;
  /** Normalised capability (asymmetric Nash weight), if the party has a capability estimate. */
  weight?: number;
}

export interface SolutionOutcome {
  outcome: OutcomeView;
  /** Utility of each bargaining party, in `parties` order. */
  utilities: number[];
  gains: number[];
}

export interface DiscreteSolution {
  /** Criterion values at the optimum, one per lexicographic stage (e.g. minimum, then sum of two smallest). */
  values: number[];
  /** The optimum and every outcome tied with it (within 1e-9), best first; at most `maxTies`. */
  outcomes: SolutionOutcome[];
  /** Exact number of tied outcomes (known when enumerated, or when the MILP tie search completed). */
  tieCount?: number;
  /** True when `outcomes` lists every tied outcome. */
  tiesComplete: boolean;
  /** True when optimality is proven within `gap` (always for enumeration). */
  proven: boolean;
  /** Proven bound on how far the optimum can exceed values[0] (0 when exact; Nash: in log units). */
  gap: number;
}

export interface LotteryComponent {
  outcome: OutcomeView;
  probability: number;
  utilities: number[];
}

export interface LotterySolution {
  /** Outcomes with probabilities (a probability mixture over the bargaining set). */
  mixture: LotteryComponent[];
  expectedUtilities: number[];
  expectedGains: number[];
  /** Criterion values of the expected gains, one per stage. */
  values: number[];
  /** Proven bound on how far the best lottery can exceed values[0] (Nash: log units). */
  gap: number;
  /** For Kalai–Smorodinsky: the point d + s·(I − d) on the line from d to I; the mixture gives at least it. */
  linePoint?: number[];
}

export interface ConceptResult {
  concept: Concept;
  /** The definition used, in words. */
  definition: string;
  /** solved; degenerate (defined but uninformative, see notes); unavailable (e.g. no capabilities); empty-zone. */
  status: 'solved' | 'degenerate' | 'unavailable' | 'empty-zone';
  discrete?: DiscreteSolution;
  /** Present only when some lottery does strictly better (by more than 1e-7) than the discrete solution. */
  lottery?: LotterySolution;
  lotteryNote: string;
  method: Method;
  /** Exactness statement for this concept under the method used. */
  exactness: string;
  /**
   * Proven relative bound on how much the true optimum may exceed the reported discrete value (Nash: on the
   * product); 0 when exact (enumeration, or a completed MILP tie search).
   */
  tolerance?: number;
  notes: string[];
}

export interface BargainingResult {
  method: Method;
  methodReason: string;
  parties: BargainingParty[];
  /** True when the bargaining set (zone, and every bargaining party at least at its BATNA) is empty. */
  empty: boolean;
  /** Exact size of the bargaining set when enumerated. */
  size?: number;
  solutions: ConceptResult[];
  notes: string[];
}
