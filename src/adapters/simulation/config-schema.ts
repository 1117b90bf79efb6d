import { z } from 'zod';
import { CONVENTION_SETS } from '../../core/conventions.js';
import type { SimulationConfig } from '../../core/simulation/config.js';
import { IsoDate } from '../../schema/scenario.js';
import { protoKeyProblems } from '../load/proto-keys.js';

/**
 * Schemas for simulation and tournament configurations as read from files or the command line. They check
 * shape and types; the meaning (known parties and strategies, a feasible deadline) is checked against the
 * scenario by the core (resolveConfig), with the same field paths in its messages.
 */

export const StrategySpecSchema = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1),
    params: z.record(z.string(), z.unknown()).optional(),
    label: z.string().min(1).optional(),
  }),
]);

const agentSettings = {
  discount: z.number().gt(0).lte(1).optional(),
  walkAway: z.union([z.boolean(), z.strictObject({ after: z.number().min(0).max(1).optional() })]).optional(),
  opponentModel: z.enum(['none', 'estimate', 'sampled', 'true']).optional(),
};

export const AgentConfigSchema = z.strictObject({ strategy: StrategySpecSchema, ...agentSettings });

const MediatorSchema = z.strictObject({
  strategy: z.enum(['hill-climb', 'nash']),
  patience: z.number().int().min(1).optional(),
  initial: z.union([z.literal('random'), z.record(z.string(), z.union([z.string(), z.number()]))]).optional(),
  maxObjections: z.number().int().min(1).optional(),
  party: z.string().min(1).optional(),
});

const simulationSettings = {
  protocol: z.enum(['alternating-offers', 'single-text']).optional(),
  deadline: z.strictObject({
    rounds: z.number().int().min(1).optional(),
    days: z.number().positive().optional(),
  }),
  timeline: z.strictObject({ start: IsoDate, daysPerRound: z.number().positive() }).optional(),
  preferences: z.enum(['estimate', 'sampled']).optional(),
  epsilon: z.number().min(0).optional(),
  /** Whose conventions the built-in time-dependent strategies follow (default parley). */
  conventions: z.enum(CONVENTION_SETS).optional(),
  exactLimit: z.number().int().min(0).optional(),
  nodeBudget: z.number().int().min(1).optional(),
  recordTrace: z.boolean().optional(),
  decisionTimeLimitMs: z.number().positive().optional(),
  mediator: MediatorSchema.optional(),
};

export const SimulationConfigSchema = z.strictObject({
  ...simulationSettings,
  parties: z.array(z.string().min(1)).min(1).optional(),
  agents: z.record(z.string(), z.union([AgentConfigSchema, StrategySpecSchema])),
  seed: z.number().int(),
  realisationSeed: z.number().int().optional(),
});

export const ModuleStrategySchema = z.strictObject({
  /** Path of a JavaScript module exporting a StrategyModule (default export or `strategy`). */
  module: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
  label: z.string().min(1).optional(),
});

export const TournamentConfigSchema = z.strictObject({
  scenarios: z
    .array(
      z.strictObject({
        /** A scenario object (validated against the scenario schema separately, for precise messages). */
        scenario: z.unknown(),
        /** Negotiators in turn order; default: the signatories. */
        parties: z.array(z.string().min(1)).min(1).optional(),
        /** Date to compile dated BATNAs at (default: the scenario's asOf). */
        at: IsoDate.optional(),
      }),
    )
    .min(1),
  strategies: z.array(z.union([StrategySpecSchema, ModuleStrategySchema])).min(1),
  assignments: z.enum(['all', 'distinct']).default('all'),
  repetitions: z.number().int().min(1).default(1),
  seed: z.number().int(),
  /** Settings shared by every match; `agent` applies to every negotiator. */
  simulation: z.strictObject({ ...simulationSettings, agent: z.strictObject(agentSettings).optional() }),
});

export type TournamentConfigInput = z.input<typeof TournamentConfigSchema>;
export type TournamentConfig = z.output<typeof TournamentConfigSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function describe(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  what: string,
): string {
  const lines = issues.map((issue) => {
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    return `  ${path || '(top level)'}: ${issue.message}`;
  });
  return `invalid ${what}:\n${lines.join('\n')}`;
}

/** A `__proto__` key (an agent, a parameter) would vanish while parsing; it is refused instead. */
function refuseProtoKeys(raw: unknown, what: string): void {
  const problems = protoKeyProblems(raw);
  if (problems.length > 0) throw new ConfigError(describe(problems, what));
}

/** Parses a simulation configuration, or throws a ConfigError listing every problem with its field path. */
export function parseSimulationConfig(raw: unknown, what = 'simulation configuration'): SimulationConfig {
  refuseProtoKeys(raw, what);
  const result = SimulationConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(describe(result.error.issues, what));
  return result.data as SimulationConfig;
}

export function parseTournamentConfig(raw: unknown, what = 'tournament configuration'): TournamentConfig {
  refuseProtoKeys(raw, what);
  const result = TournamentConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(describe(result.error.issues, what));
  return result.data;
}

export function formatIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  what: string,
): string {
  return describe(issues, what);
}
