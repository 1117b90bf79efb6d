import { withoutZoneConstraints } from '../core/analysis/explain/drop-constraints.js';
import type { CompiledScenario } from '../core/model/compile.js';
import { spaceSizeText } from '../core/model/outcome-count.js';
import {
  computeFrontier,
  DEFAULT_ENUMERATION_LIMIT,
  type FrontierMethodChoice,
  type FrontierPorts,
  type FrontierReport,
} from './frontier.js';

/**
 * Coverage bound (utility points) that the frontier under a relaxation refines down to by default when three or
 * more parties span it and the space is too large to enumerate: every frontier vector then lies within this
 * many points of a listed one. 0 asks for the exact frontier, which can take far longer.
 */
export const DEFAULT_RELAXED_COVERAGE = 10;

export interface RelaxedFrontierRequest {
  /** Constraint ids the relaxation drops ("party:red-line-id" or "party:batna"). */
  dropped: string[];
  /** Labels of the dropped constraints, for the reader. */
  labels?: string[];
  parties?: string[];
  /** 'auto' (default): enumeration when the space allows, else MILP with the coverage target. */
  method?: FrontierMethodChoice;
  /** Three or more parties by MILP: stop refining once the certified bound is at most this (default 10). */
  coverage?: number;
  maxListed?: number;
  countTies?: number;
  enumerationLimit?: number;
}

/** The frontier of the agreement zone under a relaxation: a hypothesis, never the zone as modelled. */
export interface RelaxedFrontier {
  dropped: string[];
  labels: string[];
  /** The coverage bound asked for (0: exact); the frontier's own `coverage` is the one certified. */
  coverageTarget: number;
  frontier: FrontierReport | { skipped: string };
}

/**
 * The Pareto frontier of the outcomes every signatory accepts once the relaxation's constraints are dropped
 * (absent, not loosened). Small spaces are enumerated exactly. Above the enumeration limit each point is
 * proven by MILP: exact for two parties (and for three with a coverage target of 0); for more, the search
 * refines a certified coverage bound down to the target. It is anytime: points reach `onPoint` as they are
 * proven, and a cancellation (the analysis budget) keeps them with the last bound certified.
 */
export async function relaxedZoneFrontier(
  compiled: CompiledScenario,
  request: RelaxedFrontierRequest,
  ports: FrontierPorts,
): Promise<RelaxedFrontier> {
  const relaxed = withoutZoneConstraints(compiled, request.dropped);
  const limit = request.enumerationLimit ?? DEFAULT_ENUMERATION_LIMIT;
  const coverageTarget = Math.max(0, request.coverage ?? DEFAULT_RELAXED_COVERAGE);
  const method = request.method ?? 'auto';
  const large = !compiled.space.sizeIsExact || compiled.space.size > limit;
  const byMilp = method === 'milp' || (method === 'auto' && large);
  const frontier = await computeFrontier(
    relaxed,
    {
      method: byMilp ? 'milp' : method,
      over: 'acceptable-outcomes',
      parties: request.parties,
      maxListed: request.maxListed,
      countTies: request.countTies,
      coverage: coverageTarget,
      enumerationLimit: limit,
    },
    ports,
  );
  const result: RelaxedFrontier = {
    dropped: request.dropped,
    labels: request.labels ?? request.dropped,
    coverageTarget,
    frontier,
  };
  if ('skipped' in frontier || !(method === 'auto' && large)) return result;
  const many = frontier.parties.length > 2;
  frontier.reason =
    `${spaceSizeText(compiled.space.radix)} outcomes are too many to enumerate, so each point is proven by MILP` +
    (many
      ? coverageTarget > 0
        ? `; with ${frontier.parties.length} parties the search refines a certified coverage bound down to ${coverageTarget} utility points`
        : `; with ${frontier.parties.length} parties the search refines its coverage bound down to exactness`
      : '');
  return result;
}
