import { z } from 'zod';
import { Id, IsoDate } from '../scenario.js';

const VersionRefText = z.string().regex(/^[^:\s]+:[^:\s]+$/, 'document:version');

export const EvaluateBody = z
  .strictObject({
    at: IsoDate.optional(),
    package: Id.optional(),
    versions: z.array(VersionRefText).max(100).optional(),
    outcome: z.record(Id, z.string().min(1)).optional().describe('Issues pinned to options.'),
  })
  .meta({ id: 'EvaluateBody' });

export const AnalyzeBody = z
  .strictObject({
    at: IsoDate.optional(),
    package: Id.optional().describe('Focus package for the concession analysis.'),
    samples: z.number().int().min(0).max(100_000).default(0),
    seed: z.union([z.number().int(), z.string().max(100)]).default(1),
  })
  .meta({ id: 'AnalyzeBody' });

/** The HTML report's analysis (as `parley report`): the same options as an analysis. */
export const ReportBody = z
  .strictObject({
    at: IsoDate.optional(),
    package: Id.optional().describe('Focus package for the concession analysis.'),
    samples: z.number().int().min(0).max(100_000).default(0),
    seed: z.union([z.number().int(), z.string().max(100)]).default(1),
  })
  .meta({ id: 'ReportBody' });

export const DiffBody = z
  .strictObject({
    before: z.string().min(1).max(200).describe('document:version, or a package id with packages: true.'),
    after: z.string().min(1).max(200),
    packages: z.boolean().default(false),
    seed: z.number().int().default(1),
  })
  .meta({ id: 'DiffBody' });

export const TimelineBody = z
  .strictObject({
    documents: z.array(Id).max(100).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .meta({ id: 'TimelineBody' });

export const JobState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

export const JobParams = z.strictObject({ job: z.string().min(1).max(100) });

/** A long computation: 202 gives this; poll it, stream its events, or cancel it. */
export const JobView = z
  .object({
    id: z.string(),
    kind: z.string(),
    state: JobState,
    revision: z.number().int(),
    progress: z.object({
      step: z.string().optional(),
      done: z.number().optional(),
      total: z.number().optional(),
    }),
    result: z.unknown().optional().describe("The result as the caller's role may see it, once done."),
    error: z.string().optional(),
  })
  .meta({ id: 'Job' });

/** A short computation's answer: its result, already filtered for the caller. */
export const AnalysisAnswer = z
  .object({
    kind: z.string(),
    revision: z.number().int(),
    cached: z.boolean().describe('True when the same revision and options were computed before.'),
    result: z.unknown(),
  })
  .meta({ id: 'AnalysisAnswer' });

export type EvaluateBody = z.infer<typeof EvaluateBody>;
export type AnalyzeBody = z.infer<typeof AnalyzeBody>;
export type DiffBody = z.infer<typeof DiffBody>;
export type ReportBody = z.infer<typeof ReportBody>;
export type TimelineBody = z.infer<typeof TimelineBody>;
export type JobView = z.infer<typeof JobView>;
