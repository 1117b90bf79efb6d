import { CONVENTION_SETS, type ConventionSet, DEFAULT_CONVENTIONS, isConventionSet } from '../conventions.js';
import type { CompiledScenario } from '../model/compile.js';
import { optionIndex } from '../model/outcome-space.js';
import { own } from '../model/own-key.js';
import { DEFAULT_EXACT_LIMIT, DEFAULT_NODE_BUDGET } from './offer-search.js';
import type { StrategySpec } from './strategy.js';
import { type Timeline, timelineProblem } from './timeline.js';

/** What an agent believes about the other negotiators' utilities. */
export type OpponentModel = 'none' | 'estimate' | 'sampled' | 'true';

export interface AgentConfig {
  strategy: StrategySpec;
  /** Per-round discount factor δ in (0, 1]: an agreement in round r is worth utility × δ^r. Default 1. */
  discount?: number;
  /**
   * Walk away when the BATNA beats what the agent can expect: from normalised time `after` on (default 0.5),
   * if the best offer it has received, discounted to now, is below its current BATNA; and at any time if no
   * outcome can reach its BATNA any more. Default: never walks away.
   */
  walkAway?: boolean | { after?: number };
  /** Default 'estimate': the scenario's estimates of the others (the analyst's prior). */
  opponentModel?: OpponentModel;
}

export interface MediatorConfig {
  /**
   * hill-climb: changes an issue that parties object to and keeps the change unless some party objects more.
   * nash: moves the text, issue by issue, toward the Nash point under the scenario's estimated preferences,
   * then hill-climbs from there.
   */
  strategy: 'hill-climb' | 'nash';
  /** Stop after this many consecutive rounds without improvement in the parties' feedback. Default 10. */
  patience?: number;
  /** The first text: 'random' (seeded, default) or options per issue (unlisted issues are drawn at random). */
  initial?: 'random' | Record<string, string | number>;
  /** Most issues a party names when it rejects a text. Default: all issues where a change would help it. */
  maxObjections?: number;
  /**
   * The party acting as mediator, for the record (it need not have preferences). Default: the scenario's first
   * party with the mediator role, else 'mediator'.
   */
  party?: string;
}

export interface Deadline {
  rounds?: number;
  /** Simulated days; needs a timeline. The negotiation lasts floor(days / daysPerRound) rounds. */
  days?: number;
}

export type Protocol = 'alternating-offers' | 'single-text';

export interface SimulationConfig {
  /** Default 'alternating-offers' (stacked alternating offers; bilateral SAO when two parties negotiate). */
  protocol?: Protocol;
  /** Negotiating parties in turn order. Default: the signatories, in scenario order. */
  parties?: string[];
  /** Agent per party id; `default` applies to parties not listed. A bare strategy spec means default settings. */
  agents: Record<string, AgentConfig | StrategySpec>;
  deadline: Deadline;
  /** Maps rounds to dates, so dated BATNAs change during the negotiation. */
  timeline?: Timeline;
  /** How each party's true utility is fixed: the estimates (default) or one seeded draw inside their ranges. */
  preferences?: 'estimate' | 'sampled';
  seed: number;
  /** Seed for drawing true preferences; defaults to `seed`. Tournaments share it across strategy pairings. */
  realisationSeed?: number;
  /** Band width above a target within which bids favour the others (utility points). Default 1. */
  epsilon?: number;
  /**
   * Whose conventions the built-in time-dependent strategies follow: time, concession floor, offer choice,
   * acceptance and the meaning of the names boulware, linear and conceder (see concession-settings.ts).
   * Default 'parley'. A strategy's own options override single settings.
   */
  conventions?: ConventionSet;
  exactLimit?: number;
  nodeBudget?: number;
  /** Record every offer and response (default true); the outcome and metrics are always recorded. */
  recordTrace?: boolean;
  /** A decision taking longer than this disqualifies the agent after the fact (needs a clock; see simulate). */
  decisionTimeLimitMs?: number;
  mediator?: MediatorConfig;
}

export class SimulationConfigError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'SimulationConfigError';
  }
}

export interface ResolvedAgent {
  party: string;
  /** Index into compiled.models. */
  model: number;
  strategy: StrategySpec;
  discount: number;
  walkAwayAfter: number | undefined;
  opponentModel: OpponentModel;
}

export interface ResolvedConfig {
  protocol: Protocol;
  agents: ResolvedAgent[];
  deadlineRounds: number;
  timeline?: Timeline;
  preferences: 'estimate' | 'sampled';
  seed: number;
  realisationSeed: number;
  epsilon: number;
  conventions: ConventionSet;
  exactLimit: number;
  nodeBudget: number;
  recordTrace: boolean;
  decisionTimeLimitMs?: number;
  mediator?: Required<Omit<MediatorConfig, 'party' | 'initial'>> & {
    party: string;
    /** Fixed option per issue, -1 where it is drawn at random. */
    initial: Int32Array;
  };
}

const isAgentConfig = (x: AgentConfig | StrategySpec): x is AgentConfig =>
  typeof x === 'object' && x !== null && 'strategy' in x;

/** ' (known: ...)', listing names that look close to `name`, else all of them. */
export function suggest(name: string, known: readonly string[]): string {
  const close = known.filter((k) => k.startsWith(name.slice(0, 2)) || name.startsWith(k.slice(0, 2)));
  const list = (close.length > 0 ? close : known).join(', ');
  return list ? ` (known: ${list})` : '';
}

function positiveInteger(path: string, x: number): number {
  if (!Number.isInteger(x) || x < 1)
    throw new SimulationConfigError(path, `expected a whole number >= 1, got ${x}`);
  return x;
}

/** Checks a configuration against a compiled scenario and fills in defaults; errors name the field. */
export function resolveConfig(
  compiled: CompiledScenario,
  config: SimulationConfig,
  knownStrategies: readonly string[],
): ResolvedConfig {
  const withPrefs = compiled.models.map((m) => m.party);
  const parties = config.parties ?? compiled.signatories.map((k) => compiled.models[k].party);
  if (parties.length === 0) {
    throw new SimulationConfigError(
      'parties',
      'no negotiating parties: the scenario has no signatory with preferences; list parties explicitly',
    );
  }
  const seen = new Set<string>();
  parties.forEach((p, k) => {
    if (seen.has(p)) throw new SimulationConfigError(`parties[${k}]`, `party '${p}' is listed twice`);
    seen.add(p);
    if (!withPrefs.includes(p)) {
      const exists = compiled.scenario.parties.some((q) => q.id === p);
      throw new SimulationConfigError(
        `parties[${k}]`,
        exists
          ? `party '${p}' has no preferences in the scenario, so it cannot negotiate`
          : `unknown party '${p}'${suggest(p, withPrefs)}`,
      );
    }
  });
  for (const key of Object.keys(config.agents)) {
    if (key !== 'default' && !parties.includes(key)) {
      throw new SimulationConfigError(
        `agents.${key}`,
        `'${key}' is not a negotiating party${suggest(key, parties)}`,
      );
    }
  }
  const agents = parties.map((party): ResolvedAgent => {
    const raw = own(config.agents, party) ?? own(config.agents, 'default');
    const path = own(config.agents, party) ? `agents.${party}` : 'agents.default';
    if (raw === undefined) {
      throw new SimulationConfigError(
        `agents.${party}`,
        `no agent for party '${party}'; give one, or an agents.default`,
      );
    }
    const agent: AgentConfig = isAgentConfig(raw) ? raw : { strategy: raw };
    const name = typeof agent.strategy === 'string' ? agent.strategy : agent.strategy?.name;
    if (typeof name !== 'string' || !knownStrategies.includes(name)) {
      throw new SimulationConfigError(
        `${path}.strategy`,
        `unknown strategy '${String(name)}'${suggest(String(name), knownStrategies)}`,
      );
    }
    const discount = agent.discount ?? 1;
    if (!(discount > 0 && discount <= 1)) {
      throw new SimulationConfigError(`${path}.discount`, `expected a number in (0, 1], got ${discount}`);
    }
    const walk = agent.walkAway;
    const walkAwayAfter =
      walk === undefined || walk === false ? undefined : walk === true ? 0.5 : (walk.after ?? 0.5);
    if (walkAwayAfter !== undefined && !(walkAwayAfter >= 0 && walkAwayAfter <= 1)) {
      throw new SimulationConfigError(
        `${path}.walkAway.after`,
        `expected a number in [0, 1], got ${walkAwayAfter}`,
      );
    }
    const opponentModel = agent.opponentModel ?? 'estimate';
    if (!['none', 'estimate', 'sampled', 'true'].includes(opponentModel)) {
      throw new SimulationConfigError(
        `${path}.opponentModel`,
        `expected none, estimate, sampled or true, got '${opponentModel}'`,
      );
    }
    return {
      party,
      model: withPrefs.indexOf(party),
      strategy: agent.strategy,
      discount,
      walkAwayAfter,
      opponentModel,
    };
  });

  const timeline = config.timeline;
  const problem = timeline && timelineProblem(timeline);
  if (problem) throw new SimulationConfigError(`timeline.${problem[0]}`, problem[1]);
  const { rounds, days } = config.deadline ?? {};
  if (rounds === undefined && days === undefined) {
    throw new SimulationConfigError(
      'deadline',
      'give deadline.rounds, deadline.days (with a timeline), or both',
    );
  }
  let deadlineRounds =
    rounds === undefined ? Number.POSITIVE_INFINITY : positiveInteger('deadline.rounds', rounds);
  if (days !== undefined) {
    if (!timeline) throw new SimulationConfigError('deadline.days', 'a deadline in days needs a timeline');
    if (!(days > 0))
      throw new SimulationConfigError('deadline.days', `expected a positive number, got ${days}`);
    const byDays = Math.floor(days / timeline.daysPerRound);
    if (byDays < 1) {
      throw new SimulationConfigError(
        'deadline.days',
        `${days} days is less than one round of ${timeline.daysPerRound} days`,
      );
    }
    deadlineRounds = Math.min(deadlineRounds, byDays);
  }

  const protocol = config.protocol ?? 'alternating-offers';
  if (protocol !== 'alternating-offers' && protocol !== 'single-text') {
    throw new SimulationConfigError(
      'protocol',
      `expected alternating-offers or single-text, got '${protocol}'`,
    );
  }
  let mediator: ResolvedConfig['mediator'];
  if (protocol === 'single-text') {
    const m = config.mediator ?? { strategy: 'hill-climb' };
    if (m.strategy !== 'hill-climb' && m.strategy !== 'nash') {
      throw new SimulationConfigError(
        'mediator.strategy',
        `expected hill-climb or nash, got '${m.strategy}'`,
      );
    }
    const initial = new Int32Array(compiled.space.radix.length).fill(-1);
    if (m.initial !== undefined && m.initial !== 'random') {
      for (const [issueId, ref] of Object.entries(m.initial)) {
        const i = compiled.space.issues.findIndex((x) => x.id === issueId);
        if (i < 0) {
          throw new SimulationConfigError(
            `mediator.initial.${issueId}`,
            `unknown issue${suggest(
              issueId,
              compiled.space.issues.map((x) => x.id),
            )}`,
          );
        }
        const k = optionIndex(compiled.space.issues[i], ref);
        if (k < 0) {
          throw new SimulationConfigError(
            `mediator.initial.${issueId}`,
            `issue '${issueId}' has no option '${ref}' (options: ${compiled.space.issues[i].optionIds.join(', ')})`,
          );
        }
        initial[i] = k;
      }
    }
    mediator = {
      strategy: m.strategy,
      patience: positiveInteger('mediator.patience', m.patience ?? 10),
      maxObjections: m.maxObjections === undefined ? Number.POSITIVE_INFINITY : m.maxObjections,
      party: m.party ?? compiled.scenario.parties.find((p) => p.role === 'mediator')?.id ?? 'mediator',
      initial,
    };
  }

  const conventions = config.conventions ?? DEFAULT_CONVENTIONS;
  if (!isConventionSet(conventions)) {
    throw new SimulationConfigError(
      'conventions',
      `unknown convention set '${String(conventions)}'${suggest(String(conventions), CONVENTION_SETS)}`,
    );
  }
  const epsilon = config.epsilon ?? 1;
  if (!(epsilon >= 0)) throw new SimulationConfigError('epsilon', `expected a number >= 0, got ${epsilon}`);
  if (!Number.isFinite(deadlineRounds))
    throw new SimulationConfigError('deadline', 'the deadline must be finite');
  if (!Number.isInteger(config.seed)) {
    throw new SimulationConfigError('seed', `expected a whole number, got ${String(config.seed)}`);
  }
  return {
    protocol,
    agents,
    deadlineRounds,
    timeline,
    preferences: config.preferences ?? 'estimate',
    seed: config.seed,
    realisationSeed: config.realisationSeed ?? config.seed,
    epsilon,
    conventions,
    exactLimit: config.exactLimit ?? DEFAULT_EXACT_LIMIT,
    nodeBudget: config.nodeBudget ?? DEFAULT_NODE_BUDGET,
    recordTrace: config.recordTrace ?? true,
    decisionTimeLimitMs: config.decisionTimeLimitMs,
    mediator,
  };
}
