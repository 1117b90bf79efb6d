import { z } from 'zod';
import type { MatchRecord } from '../../core/simulation/tournament.js';

/**
 * The tournament journal's lines, as zod schemas: the writer parses every line through them before it writes
 * it, and the reader accepts only what they accept. Numbers must be finite and of a size a match can produce.
 */

/** No utility, welfare or distance of a real match comes near this; 1e308 and friends are damage. */
const MAGNITUDE_LIMIT = 1e9;
const amount = z.number().finite().min(-MAGNITUDE_LIMIT).max(MAGNITUDE_LIMIT);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const JOURNAL_FORMAT = 'parley-tournament-journal';
export const JOURNAL_VERSION = 2;

export const journalHeaderSchema = z.strictObject({
  kind: z.literal('header'),
  format: z.literal(JOURNAL_FORMAT),
  version: z.literal(JOURNAL_VERSION),
  /** SHA-256 of the configuration, the scenarios in it and the strategy modules' code. */
  configHash: z.string().regex(/^[0-9a-f]{64}$/),
  matches: count,
});
export type JournalHeader = z.infer<typeof journalHeaderSchema>;

export const matchRecordSchema = z.strictObject({
  index: count,
  id: z.string().min(1),
  scenario: z.string().min(1),
  parties: z.array(z.string().min(1)).min(1),
  strategies: z.array(z.string().min(1)).min(1),
  repetition: count,
  seed: z.number().int().safe(),
  realisationSeed: z.number().int().safe(),
  agreement: z.boolean(),
  endedBy: z.enum(['agreement', 'deadline', 'walk-away', 'stalled', 'disqualified']),
  rounds: count,
  utilities: z.array(amount),
  discountedUtilities: z.array(amount),
  socialWelfare: amount,
  concessionRates: z.array(amount.nullable()),
  paretoDistance: amount.min(0).optional(),
  nashDistance: amount.min(0).optional(),
  kalaiDistance: amount.min(0).optional(),
  faults: count,
  outcome: z.array(count).optional(),
}) satisfies z.ZodType<MatchRecord>;

export const journalMatchSchema = z.strictObject({
  kind: z.literal('match'),
  record: matchRecordSchema,
  /** SHA-256 of the header's configHash and the record's JSON: an edited or mixed-in line does not match. */
  check: z.string().regex(/^[0-9a-f]{64}$/),
});
export type JournalMatch = z.infer<typeof journalMatchSchema>;
