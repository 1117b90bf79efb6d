import {
  DEFAULT_POLICY,
  type DisclosurePolicy,
  everyOtherAllows,
} from '../../core/privacy/disclosure-policy.js';
import { ownParty, type Viewer } from '../../core/privacy/viewer.js';
import type { MatchRecord, StrategyScore } from '../../core/simulation/tournament.js';
import type { Run, TraceEvent } from '../../core/simulation/trace.js';
import type { SimulateResult } from '../simulate.js';
import type { TournamentReport } from '../tournament.js';

/**
 * Simulations and tournaments as a non-mediator may see them. Every move of a simulated negotiator comes from
 * its party's private preferences (its opening offer is its ideal, its concessions trace its weights, its
 * acceptances its red lines and BATNA), so others' offers, responses, utilities and faults are withheld; the
 * viewer keeps its own party's moves and numbers. Whether a run ended in agreement, when and how follows the
 * party's `zoneEmptiness` flag; the agreed outcome follows `packageVerdicts` (it is acceptable to everyone).
 */

/** Per-party numbers in run order with only the viewer's own kept (others null). */
function ownSlots<T>(
  values: readonly T[],
  parties: readonly string[],
  own: string | undefined,
): Array<T | null> {
  return values.map((value, k) => (parties[k] === own ? value : null));
}

function ownEvent(event: TraceEvent, parties: readonly string[], own: string): TraceEvent {
  return {
    round: event.round,
    party: event.party,
    action: event.action,
    // Only its own offers: what it accepted or rejected was put forward by others.
    ...(event.outcome && event.action === 'offer' ? { outcome: [...event.outcome] } : {}),
    ...(event.utilities ? { utilities: ownSlots(event.utilities, parties, own) as number[] } : {}),
    ...(event.objections ? { objections: [...event.objections] } : {}),
  };
}

interface Gates {
  own: string | undefined;
  ending: boolean;
  agreed: boolean;
}

function gatesFor(parties: readonly string[], viewer: Viewer, policy: DisclosurePolicy): Gates {
  const own = ownParty(viewer);
  const mine = own === '*' ? undefined : own;
  return {
    own: mine,
    ending: everyOtherAllows(policy, parties, mine, 'zoneEmptiness'),
    agreed: everyOtherAllows(policy, parties, mine, 'packageVerdicts'),
  };
}

/** A simulated run's shared frame, the viewer's own moves and numbers, and what the policy opens. */
export interface RunView {
  format: 'parley-run';
  scenario: string;
  protocol: Run['protocol'];
  seed: number;
  realisationSeed: number;
  preferences: Run['preferences'];
  parties: string[];
  issues: string[];
  deadlineRounds: number;
  outcome?: Partial<Run['outcome']>;
  results: Run['results'];
  /** Own utilities in run order; others null. */
  utilities: Array<number | null>;
  events: TraceEvent[];
  faults: Run['faults'];
}

export interface SimulationView {
  run: RunView;
  timings: Record<string, number>;
  withheld: string[];
}

export function redactSimulation(
  result: SimulateResult,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): SimulateResult | SimulationView {
  if (viewer.role === 'mediator') return result;
  const { run } = result;
  const gates = gatesFor(run.parties, viewer, policy);
  const { outcome } = run;
  const withheld = [
    "other parties' offers, responses, utilities and faults",
    'welfare and distances to the frontier and bargaining solutions',
    'the reference frontier and the notes on approximations',
  ];
  if (!gates.ending) withheld.push('whether and how the run ended');
  if (!gates.agreed) withheld.push('the agreed outcome');
  return {
    run: {
      format: run.format,
      scenario: run.scenario,
      protocol: run.protocol,
      seed: run.seed,
      realisationSeed: run.realisationSeed,
      preferences: run.preferences,
      parties: [...run.parties],
      issues: [...run.issues],
      deadlineRounds: run.deadlineRounds,
      ...(gates.ending
        ? {
            outcome: {
              agreement: outcome.agreement,
              endedBy: outcome.endedBy,
              round: outcome.round,
              ...(outcome.date ? { date: outcome.date } : {}),
              ...(outcome.by ? { by: outcome.by } : {}),
              ...(gates.agreed && outcome.options ? { options: { ...outcome.options } } : {}),
            },
          }
        : {}),
      results: run.results.filter((r) => r.party === gates.own).map((r) => ({ ...r })),
      utilities: ownSlots(run.metrics.utilities, run.parties, gates.own),
      events: gates.own
        ? (run.events ?? [])
            .filter((e) => e.party === gates.own)
            .map((e) => ownEvent(e, run.parties, gates.own as string))
        : [],
      faults: run.faults.filter((f) => f.party === gates.own).map((f) => ({ ...f })),
    },
    timings: { ...result.timings },
    withheld,
  };
}

/** One match with the viewer's own numbers only. */
export interface MatchView {
  index: number;
  id: string;
  scenario: string;
  parties: string[];
  strategies: string[];
  repetition: number;
  agreement?: boolean;
  endedBy?: MatchRecord['endedBy'];
  rounds?: number;
  utilities: Array<number | null>;
}

export interface TournamentView {
  complete: boolean;
  strategies: string[];
  matches: MatchView[];
  /** Per strategy: observations and, when the policy opens endings, its agreement rate. */
  scores: Array<
    Pick<StrategyScore, 'strategy' | 'observations'> & Partial<Pick<StrategyScore, 'agreementRate'>>
  >;
  withheld: string[];
}

export function redactTournament(
  report: TournamentReport,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): TournamentReport | TournamentView {
  if (viewer.role === 'mediator') return report;
  const { result } = report;
  const parties = [...new Set(result.matches.flatMap((m) => m.parties))];
  const gates = gatesFor(parties, viewer, policy);
  const withheld = [
    "other parties' utilities, welfare, distances and outcomes of every match",
    'scores of utility and welfare (they mix every role) and the pairwise comparisons',
  ];
  if (!gates.ending) withheld.push('agreements, endings and agreement rates');
  return {
    complete: result.complete,
    strategies: [...result.strategies],
    matches: result.matches.map((m) => ({
      index: m.index,
      id: m.id,
      scenario: m.scenario,
      parties: [...m.parties],
      strategies: [...m.strategies],
      repetition: m.repetition,
      ...(gates.ending ? { agreement: m.agreement, endedBy: m.endedBy, rounds: m.rounds } : {}),
      utilities: ownSlots(m.utilities, m.parties, gates.own),
    })),
    scores: result.summary.strategies.map((s) => ({
      strategy: s.strategy,
      observations: s.observations,
      ...(gates.ending ? { agreementRate: structuredClone(s.agreementRate) } : {}),
    })),
    withheld,
  };
}
