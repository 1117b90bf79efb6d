import { minOf } from '../statistics/extremes.js';
import type { RunMetrics } from './trace.js';

/**
 * What the metrics need from outcome-space analysis, injected so that simulation does not depend on how the
 * frontier or the bargaining solutions are computed. Vectors are true utilities in the run's party order.
 */
export interface OutcomeReference {
  /** Distance of a utility vector to the Pareto frontier (0 on it). */
  paretoDistance(u: number[]): number;
  /** Utility vector of the Nash bargaining solution, if known. */
  nash?: number[];
  /** Utility vector of the Kalai–Smorodinsky solution, if known. */
  kalai?: number[];
}

export function euclidean(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`vectors of length ${a.length} and ${b.length}`);
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k] - b[k]) ** 2;
  return Math.sqrt(s);
}

export interface MetricInput {
  agreement: boolean;
  endRound: number;
  utilities: number[];
  discountedUtilities: number[];
  concessionRates: Array<number | null>;
}

export function computeMetrics(input: MetricInput, reference?: OutcomeReference): RunMetrics {
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const metrics: RunMetrics = {
    agreement: input.agreement,
    rounds: input.endRound + 1,
    utilities: input.utilities,
    discountedUtilities: input.discountedUtilities,
    socialWelfare: sum(input.utilities),
    discountedWelfare: sum(input.discountedUtilities),
    concessionRates: input.concessionRates,
  };
  if (reference) Object.assign(metrics, referenceDistances(input.utilities, reference));
  return metrics;
}

export function referenceDistances(
  utilities: number[],
  reference: OutcomeReference,
): Pick<RunMetrics, 'paretoDistance' | 'nashDistance' | 'kalaiDistance'> {
  const out: Pick<RunMetrics, 'paretoDistance' | 'nashDistance' | 'kalaiDistance'> = {
    paretoDistance: reference.paretoDistance(utilities),
  };
  if (reference.nash) out.nashDistance = euclidean(utilities, reference.nash);
  if (reference.kalai) out.kalaiDistance = euclidean(utilities, reference.kalai);
  return out;
}

/**
 * Concession rate of one party (see PartyResult.concessionRate): the share of its opening surplus over its
 * BATNA given up, in its own utility.
 */
export function concessionRate(
  ownOfferUtilities: number[],
  accepted: number | undefined,
  batna0: number,
): number | null {
  if (ownOfferUtilities.length === 0) return null;
  const first = ownOfferUtilities[0];
  let lowest = minOf(ownOfferUtilities);
  if (accepted !== undefined) lowest = Math.min(lowest, accepted);
  const room = first - batna0;
  if (!(room > 0)) return 0;
  return Math.max(0, Math.min(1, (first - lowest) / room));
}
