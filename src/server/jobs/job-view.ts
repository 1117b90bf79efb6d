import type { AnalysisReport } from '../../app/analyze.js';
import type { DiffResult } from '../../app/diff.js';
import type { EvaluationData } from '../../app/evaluate.js';
import { redactAnalysis } from '../../app/privacy/redact-analysis.js';
import { redactDiff } from '../../app/privacy/redact-diff.js';
import { redactEvaluationData } from '../../app/privacy/redact-evaluation.js';
import { redactReport } from '../../app/privacy/redact-report.js';
import { redactTimeline } from '../../app/privacy/redact-timeline.js';
import type { ReportData } from '../../app/report.js';
import type { TimelineData } from '../../app/timeline.js';
import type { ProgressUpdate } from '../../core/ports.js';
import type { DisclosurePolicy } from '../../core/privacy/disclosure-policy.js';
import type { Viewer } from '../../core/privacy/viewer.js';
import type { JobView } from '../../schema/api/analysis.js';
import type { Job } from '../db/store.js';

/**
 * A stored (full) result as `viewer` may see it, through the redactions of app/privacy: nothing computed from
 * another party's preferences leaves the server unless the policy allows it.
 */
export function resultFor(kind: string, result: unknown, viewer: Viewer, policy: DisclosurePolicy): unknown {
  switch (kind) {
    case 'evaluate':
      return redactEvaluationData(result as EvaluationData, viewer, policy);
    case 'analyze':
      return redactAnalysis(result as AnalysisReport, viewer, policy);
    case 'diff': {
      const d = result as DiffResult;
      if (viewer.role === 'mediator') return d;
      return { diff: redactDiff(d.diff, viewer, policy) };
    }
    case 'timeline':
      return redactTimeline(result as TimelineData, viewer, policy);
    case 'report':
      return redactReport(result as ReportData, viewer, policy);
    default:
      // A kind without a redaction is never sent to anyone but the mediator.
      return viewer.role === 'mediator' ? result : { withheld: ['the whole result'] };
  }
}

/** Progress as others may see it: the step's name only (counts and messages can reflect private data). */
export function progressFor(update: ProgressUpdate | undefined, viewer: Viewer): JobView['progress'] {
  if (!update) return {};
  if (viewer.role === 'mediator') return { step: update.step, done: update.done, total: update.total };
  return { step: update.step };
}

/** A failure's message: input errors (unknown shared ids) to everyone, others to the mediator only. */
function errorFor(error: string | undefined, viewer: Viewer): string | undefined {
  if (error === undefined) return undefined;
  if (error.startsWith('input: ')) return error.slice('input: '.length);
  return viewer.role === 'mediator' ? error.replace(/^internal: /, '') : 'the computation failed';
}

export function jobView(
  job: Job,
  viewer: Viewer,
  policy: DisclosurePolicy,
  progress: ProgressUpdate | undefined,
): JobView {
  return {
    id: job.id,
    kind: job.kind,
    state: job.status,
    revision: job.revision,
    progress: progressFor(
      progress ?? (job.progressMessage ? { step: job.progressMessage } : undefined),
      viewer,
    ),
    ...(job.status === 'done' ? { result: resultFor(job.kind, job.result, viewer, policy) } : {}),
    ...(job.status === 'failed' ? { error: errorFor(job.error, viewer) } : {}),
  };
}
