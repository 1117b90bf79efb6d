import { z } from 'zod';
import { Id, IsoDate } from '../scenario.js';

/**
 * Request bodies of simulations, tournaments and strategy uploads. The simulation settings themselves are
 * checked by the simulation's own configuration schema on the job's thread, with the same field paths as
 * `parley simulate --config` reports.
 */

/** Per-user limits on uploaded strategy modules and the jobs that run them. */
export const STRATEGY_LIMITS = {
  /** Largest module source, in bytes (UTF-8). */
  sourceBytes: 64 * 1024,
  /** Strategy modules one user may keep. */
  stored: 20,
  /** Simulations and tournaments one user may have computing at once. */
  concurrentJobs: 2,
  /** Hard limit on one decision of an uploaded strategy, in ms (the sandbox stops it beyond). */
  decisionMs: 1000,
  /** Hard limit on all decisions of one uploaded strategy in one run, in ms. */
  runMs: 20_000,
  /** Heap cap of one uploaded strategy's engine, in MiB. */
  memoryMiB: 64,
} as const;

/** The name a strategy module registers, which configurations use. */
export const StrategyName = Id.describe('The name the strategy module registers.');

const StrategySpec = z.union([
  StrategyName,
  z.strictObject({
    name: StrategyName,
    params: z.record(z.string(), z.unknown()).optional(),
    label: z.string().min(1).max(80).optional(),
  }),
]);

export const SimulateBody = z
  .strictObject({
    config: z
      .record(z.string(), z.unknown())
      .describe(
        'The simulation configuration, as in `parley simulate --config`: agents, deadline, seed, protocol, …',
      ),
    at: IsoDate.optional().describe("Date for dated BATNAs; default the scenario's asOf."),
    strategies: z
      .array(StrategyName)
      .max(4)
      .default([])
      .describe('Your uploaded strategies the configuration uses (by name); they run only in the sandbox.'),
  })
  .meta({ id: 'SimulateBody' });

export const TournamentBody = z
  .strictObject({
    strategies: z
      .array(StrategySpec)
      .min(1)
      .max(8)
      .describe(
        'Built-in strategies and your uploaded ones, by name (with parameters and a label if wanted).',
      ),
    parties: z.array(Id).min(1).optional().describe('Negotiators in turn order; default the signatories.'),
    at: IsoDate.optional(),
    assignments: z.enum(['all', 'distinct']).default('all'),
    repetitions: z.number().int().min(1).max(20).default(1),
    seed: z.number().int(),
    simulation: z
      .record(z.string(), z.unknown())
      .describe('Settings shared by every match, as in a tournament file: deadline, protocol, agent, …'),
  })
  .meta({ id: 'TournamentBody' });

export const StrategyUploadBody = z
  .strictObject({
    source: z
      .string()
      .min(1)
      .max(STRATEGY_LIMITS.sourceBytes)
      .describe(
        'One JavaScript module (ES module) exporting a strategy, as for `parley simulate --strategy`.',
      ),
  })
  .meta({ id: 'StrategyUploadBody' });

export const StrategyParams = z.strictObject({ name: StrategyName });

export const StrategyView = z
  .object({
    name: z.string(),
    sha256: z.string(),
    bytes: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Strategy' });

export const StrategyList = z
  .object({
    strategies: z.array(StrategyView),
    builtIn: z.array(z.string()).describe('Strategies every simulation may use without uploading.'),
    limits: z.object({
      sourceBytes: z.number().int(),
      stored: z.number().int(),
      concurrentJobs: z.number().int(),
      decisionMs: z.number().int(),
      runMs: z.number().int(),
      memoryMiB: z.number().int(),
    }),
  })
  .meta({ id: 'StrategyList' });

export type SimulateBody = z.infer<typeof SimulateBody>;
export type TournamentBody = z.infer<typeof TournamentBody>;
export type StrategyView = z.infer<typeof StrategyView>;
