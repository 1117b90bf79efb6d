import type { BargainingResult } from '../core/analysis/bargaining/bargaining-types.js';
import type { AgreementZone } from '../core/analysis/zone/agreement-zone.js';
import type { Concessions } from './concessions.js';
import type { FrontierReport } from './frontier.js';

/**
 * Whether an analysis is a full answer. A run stopped by its time limit is still an answer, but a partial one:
 * `unproven` says, one line per part, what was not proven (and the bound that was, where there is one).
 */
export interface Completeness {
  /** The run's time limit in seconds (null: none). */
  timeLimitSeconds: number | null;
  /** True when the time limit (or a cancellation) ended the run before every step had finished. */
  limitReached: boolean;
  /** True when some part of the answer is not proven; `unproven` lists them. */
  partial: boolean;
  unproven: string[];
}

export interface AnalysisParts {
  zone: AgreementZone;
  /** Names of the parties whose best outcome in the zone was asked for. */
  zoneParties: string[];
  frontier: FrontierReport | { skipped: string };
  bargaining: BargainingResult;
  focus?: Concessions;
  /** Steps skipped because the budget was spent before they started. */
  skipped: string[];
}

/** What of an analysis is proven, from the parts' own exactness flags. */
export function completenessOf(
  parts: AnalysisParts,
  budget: { timeLimitSeconds?: number; reached: boolean },
): Completeness {
  const unproven = [
    ...zoneGaps(parts.zone, parts.zoneParties),
    ...frontierGaps(parts.frontier),
    ...bargainingGaps(parts.bargaining),
    ...focusGaps(parts.focus),
    ...parts.skipped.map((name) => `${name}: not computed (the time limit was reached first)`),
  ];
  return {
    timeLimitSeconds: budget.timeLimitSeconds ?? null,
    limitReached: budget.reached,
    partial: unproven.length > 0,
    unproven,
  };
}

function zoneGaps(zone: AgreementZone, parties: string[]): string[] {
  if (!zone.emptinessProven) {
    return ['agreement zone: status unknown (no acceptable outcome found, and emptiness not proven)'];
  }
  if (zone.empty) return [];
  const found = new Set(zone.bestFor.map((b) => b.name));
  const missing = parties.filter((name) => !found.has(name));
  return [
    ...zone.bestFor
      .filter((b) => !b.proven)
      .map((b) => `agreement zone: the best outcome found for ${b.name} is not proven best`),
    ...(missing.length === 0
      ? []
      : [
          `agreement zone: not empty, but no best outcome found for ${missing.length} of ${parties.length} parties (${listed(missing)})`,
        ]),
  ];
}

function frontierGaps(frontier: FrontierReport | { skipped: string }): string[] {
  if ('skipped' in frontier || frontier.exact) return [];
  const bound =
    frontier.coverage !== undefined && Number.isFinite(frontier.coverage)
      ? `every frontier point lies within ${frontier.coverage.toPrecision(3)} utility points of a listed one`
      : 'no coverage bound proven';
  return [`Pareto frontier: ${frontier.distinctVectors} points proven so far; ${bound}`];
}

function bargainingGaps(bargaining: BargainingResult): string[] {
  return bargaining.solutions.flatMap((solution) => {
    const discrete = solution.discrete;
    if (solution.status !== 'solved' || !discrete || discrete.proven) return [];
    if (discrete.outcomes.length === 0) return [`${solution.concept}: no solution found`];
    const gap = Number.isFinite(discrete.gap)
      ? `proven gap ${discrete.gap.toPrecision(3)}`
      : 'no bound proven';
    return [`${solution.concept}: best found, not proven optimal (${gap})`];
  });
}

function focusGaps(focus: Concessions | undefined): string[] {
  if (!focus) return [];
  const answers = [focus.whatWouldItTake.fewestChanges, focus.whatWouldItTake.leastLoss];
  return answers.some((a) => a && !a.proven) ? [`${focus.target}: fewest changes not proven minimal`] : [];
}

/** Up to four names, then how many more. */
function listed(names: string[]): string {
  return names.length <= 4
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
