import { gridForUtilities, snapColumns } from '../analysis/pareto/robust-dominance.js';
import { skyline } from '../analysis/pareto/skyline.js';
import { acceptableMask, enumerateUtilities, maskIndices, outcomeAt } from '../analysis/utility-table.js';
import type { UtilityFunction } from '../evaluate/utility-function.js';
import type { CompiledScenario } from '../model/compile.js';
import { spaceSizeText } from '../model/outcome-count.js';
import { maxOf } from '../statistics/extremes.js';
import { euclidean, type OutcomeReference } from './metrics.js';

/**
 * The yardsticks a simulated outcome is measured against, computed exactly by enumerating the outcome space
 * with the negotiators' true utilities (the same enumeration and skyline as the Pareto frontier analysis):
 *
 * - the Pareto frontier of the outcomes that cross none of the negotiators' red lines (the distance of a
 *   utility vector to it is the Euclidean distance to its nearest point);
 * - the agreement zone: those outcomes that also give every negotiator at least its BATNA (round 0). Its
 *   Pareto frontier is the part of the frontier above every BATNA (anything dominating a zone outcome is in
 *   the zone too), so the bargaining solutions are found by brute force over those frontier points:
 *   - Nash: the point maximising Π(u_j − d_j) over points where every surplus u_j − d_j is positive;
 *   - Kalai–Smorodinsky: the point maximising min_j (u_j − d_j) / (ideal_j − d_j), ideal_j being the best
 *     utility of party j in the zone (ties: larger sum of utilities, then the first in outcome order).
 *
 * Spaces above `maxOutcomes` are not enumerated: the result says so instead of approximating.
 */

export const DEFAULT_REFERENCE_LIMIT = 4_000_000;

export interface ReferenceInput {
  compiled: CompiledScenario;
  /** Negotiators, in run order. */
  parties: readonly string[];
  /** Their true utility functions, same order. */
  utilities: readonly UtilityFunction[];
  /** Their BATNAs in round 0, same order. */
  batnas: readonly number[];
  /** Largest space to enumerate (default 4,000,000 outcomes). */
  maxOutcomes?: number;
}

export interface ReferencePoint {
  /** Option index per issue. */
  outcome: number[];
  /** Utility per negotiator, in run order. */
  utilities: number[];
}

export interface AvailableReference {
  available: true;
  parties: string[];
  /** Outcomes in the space. */
  outcomes: number;
  /** Outcomes crossing none of the negotiators' red lines. */
  withinRedLines: number;
  /** Outcomes acceptable to every negotiator (no red line crossed, utility >= BATNA in round 0). */
  agreementZone: number;
  /** Pareto-optimal outcomes among those crossing no red line (ties each count). */
  frontierSize: number;
  /** Pareto-optimal outcomes of the agreement zone. */
  zoneFrontierSize: number;
  /** Utility vectors of the frontier (all of them), in outcome order. */
  frontier: number[][];
  nash?: ReferencePoint;
  kalai?: ReferencePoint;
  /** Why Nash or Kalai is missing, when they are. */
  notes: string[];
  /** For the run metrics; absent when the frontier is empty. */
  reference?: OutcomeReference;
}

export interface UnavailableReference {
  available: false;
  parties: string[];
  reason: string;
}

export type ReferenceResult = AvailableReference | UnavailableReference;

export function buildOutcomeReference(input: ReferenceInput): ReferenceResult {
  const { compiled, batnas } = input;
  const parties = [...input.parties];
  const space = compiled.space;
  const limit = input.maxOutcomes ?? DEFAULT_REFERENCE_LIMIT;
  if (!space.sizeIsExact || space.size > limit) {
    return {
      available: false,
      parties,
      reason: `the space of ${spaceSizeText(space.radix)} outcomes is too large to enumerate (limit ${limit}), so there is no exact Pareto frontier and no Nash or Kalai point to measure against`,
    };
  }
  const n = parties.length;
  const table = enumerateUtilities([...input.utilities], space, { maxCells: limit * Math.max(1, n) });
  const redLines = parties.map((party) => {
    const model = compiled.models.find((m) => m.party === party);
    return model ? model.redLines.map((r) => r.crossedWhen) : [];
  });
  const within = acceptableMask(
    table,
    parties.map((_, j) => ({
      utility: table.utilities[j],
      batna: Number.NEGATIVE_INFINITY,
      crossedWhen: redLines[j],
    })),
  );
  const candidates = maskIndices(within.mask);
  const notes: string[] = [];
  const frontierIds =
    candidates.length > 0
      ? skyline(snapColumns(table.utilities, gridForUtilities(input.utilities)), candidates)
      : new Int32Array(0);
  const vector = (id: number) => table.utilities.map((u) => u[id]);
  const frontier = Array.from(frontierIds, vector);

  let zone = 0;
  for (const id of candidates) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) ok = table.utilities[j][id] >= batnas[j];
    if (ok) zone++;
  }
  const zoneFrontier: number[] = [];
  frontierIds.forEach((id, k) => {
    if (frontier[k].every((u, j) => u >= batnas[j])) zoneFrontier.push(id);
  });
  const positive = zoneFrontier.filter((id) => table.utilities.every((u, j) => u[id] > batnas[j]));

  let nash: ReferencePoint | undefined;
  let kalai: ReferencePoint | undefined;
  const point = (id: number): ReferencePoint => ({
    outcome: Array.from(outcomeAt(table, id)),
    utilities: vector(id),
  });
  const sum = (id: number) => table.utilities.reduce((s, u) => s + u[id], 0);
  if (positive.length > 0) {
    let best = -1;
    let bestProduct = Number.NEGATIVE_INFINITY;
    for (const id of positive) {
      let product = 1;
      for (let j = 0; j < n; j++) product *= table.utilities[j][id] - batnas[j];
      if (product > bestProduct || (product === bestProduct && sum(id) > sum(best))) {
        best = id;
        bestProduct = product;
      }
    }
    nash = point(best);
    const ideal = batnas.map((_, j) => maxOf(zoneFrontier.map((id) => table.utilities[j][id])));
    let bestK = -1;
    let bestRatio = Number.NEGATIVE_INFINITY;
    for (const id of positive) {
      let ratio = Number.POSITIVE_INFINITY;
      for (let j = 0; j < n; j++)
        ratio = Math.min(ratio, (table.utilities[j][id] - batnas[j]) / (ideal[j] - batnas[j]));
      if (ratio > bestRatio || (ratio === bestRatio && sum(id) > sum(bestK))) {
        bestK = id;
        bestRatio = ratio;
      }
    }
    kalai = point(bestK);
  } else {
    notes.push(
      zone === 0
        ? 'no outcome is acceptable to every negotiator (the agreement zone is empty), so there is no Nash or Kalai point'
        : 'no outcome gives every negotiator more than its BATNA, so there is no Nash or Kalai point',
    );
  }

  const reference: OutcomeReference | undefined =
    frontier.length === 0
      ? undefined
      : {
          paretoDistance: (u) => {
            let best = Number.POSITIVE_INFINITY;
            for (const f of frontier) best = Math.min(best, euclidean(u, f));
            return best;
          },
        };
  if (reference && nash) reference.nash = nash.utilities;
  if (reference && kalai) reference.kalai = kalai.utilities;
  if (frontier.length === 0) notes.push('every outcome crosses a red line, so the frontier is empty');
  return {
    available: true,
    parties,
    outcomes: space.size,
    withinRedLines: candidates.length,
    agreementZone: zone,
    frontierSize: frontier.length,
    zoneFrontierSize: zoneFrontier.length,
    frontier,
    nash,
    kalai,
    notes,
    reference,
  };
}
