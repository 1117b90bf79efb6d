import type { z } from 'zod';
import type { DiffResult } from '../../../src/app/diff.js';
import type { redactAnalysis } from '../../../src/app/privacy/redact-analysis.js';
import type { redactDiff } from '../../../src/app/privacy/redact-diff.js';
import type { redactEvaluationData } from '../../../src/app/privacy/redact-evaluation.js';
import type { redactReport } from '../../../src/app/privacy/redact-report.js';
import type { redactTimeline } from '../../../src/app/privacy/redact-timeline.js';
import type {
  AnalysisAnswer,
  AnalyzeBody,
  DiffBody,
  EvaluateBody,
  JobView,
  ReportBody,
  TimelineBody,
} from '../../../src/schema/api/analysis.js';
import { api } from './client.js';
import { ApiRequestError } from './errors.js';
import { type FollowOptions, followJob } from './jobs.js';

/** Each analysis's request body, as the server's schemas take it (defaults optional). */
export interface AnalysisBodies {
  evaluate: z.input<typeof EvaluateBody>;
  analyze: z.input<typeof AnalyzeBody>;
  diff: z.input<typeof DiffBody>;
  timeline: z.input<typeof TimelineBody>;
  report: z.input<typeof ReportBody>;
}

/**
 * Each analysis's result as a role receives it: the mediator gets the use case's result, everyone else the
 * redaction's view (the same functions the server applies).
 */
export interface AnalysisResults {
  evaluate: ReturnType<typeof redactEvaluationData>;
  analyze: ReturnType<typeof redactAnalysis>;
  diff: DiffResult | { diff: ReturnType<typeof redactDiff> };
  timeline: ReturnType<typeof redactTimeline>;
  report: ReturnType<typeof redactReport>;
}

export type AnalysisKind = keyof AnalysisBodies;

export interface AnalysisOutcome<K extends AnalysisKind> {
  kind: K;
  revision: number;
  cached: boolean;
  result: AnalysisResults[K];
}

/**
 * Runs an analysis of the workspace's head revision: the server answers at once (200) or with a job (202), which
 * is followed to its end. Aborting the signal cancels the job.
 */
export async function runAnalysis<K extends AnalysisKind>(
  workspace: string,
  kind: K,
  body: AnalysisBodies[K],
  options: FollowOptions = {},
): Promise<AnalysisOutcome<K>> {
  const url = `/api/workspaces/${encodeURIComponent(workspace)}/${kind}`;
  const answer = await api.request<z.infer<typeof AnalysisAnswer> | JobView>(url, {
    method: 'POST',
    body,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (answer.status !== 202) {
    const done = answer.data as z.infer<typeof AnalysisAnswer>;
    return { kind, revision: done.revision, cached: done.cached, result: done.result as AnalysisResults[K] };
  }
  const job = await followJob(answer.data as JobView, options);
  if (job.state !== 'done') {
    throw new ApiRequestError(500, {
      code: job.state === 'cancelled' ? 'job-cancelled' : 'analysis-failed',
      message: job.error ?? `the analysis ended: ${job.state}`,
    });
  }
  return { kind, revision: job.revision, cached: false, result: job.result as AnalysisResults[K] };
}
