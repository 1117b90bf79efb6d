import type { Method } from '../zone/analysis-options.js';
import type { ConceptSpec } from './concept-spec.js';
import type { Concept } from './criteria.js';
import type { DiscreteSearch } from './discrete-enumerated.js';
import type { Column, Pricer } from './lottery.js';

/** How the bargaining set is searched: by enumeration or by MILP. */
export interface Backend {
  method: Method;
  /** Exact size of the bargaining set, when enumerated. */
  size?: number;
  empty: boolean;
  ideal: Float64Array;
  idealOutcomes: Int32Array[];
  discrete(spec: ConceptSpec, nash?: { maxGain: Float64Array }): Promise<DiscreteSearch>;
  pricer: Pricer;
  /** What the result guarantees, and a proven relative bound on how far the optimum may exceed it. */
  exactness(concept: Concept, search: DiscreteSearch): { text: string; tolerance: number };
}

export function columnOf(outcome: Int32Array, gains: Float64Array): Column {
  return { key: outcome.join(','), outcome, gains };
}
