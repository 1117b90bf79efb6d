import type { z } from 'zod';
import type { redactNearest, redactWhatIf } from '../../../../src/app/privacy/redact-builder.js';
import type { AnalysisAnswer, JobView } from '../../../../src/schema/api/analysis.js';
import type { NearestBody, WhatIfBody } from '../../../../src/schema/api/builder.js';
import { api } from '../../api/client.js';
import { ApiRequestError } from '../../api/errors.js';
import { followJob } from '../../api/jobs.js';

/** A what-if as the caller's role receives it (the server applies the same redaction). */
export type WhatIfAnswer = ReturnType<typeof redactWhatIf>;
export type NearestAnswer = ReturnType<typeof redactNearest>;

const base = (workspace: string) => `/api/workspaces/${encodeURIComponent(workspace)}`;

/** Evaluates the builder's target, under the hypothesis when there is one; nothing is saved. */
export async function postWhatIf(
  workspace: string,
  body: z.input<typeof WhatIfBody>,
  signal?: AbortSignal,
): Promise<WhatIfAnswer> {
  const answer = await api.request<z.infer<typeof AnalysisAnswer>>(`${base(workspace)}/what-if`, {
    method: 'POST',
    body,
    ...(signal ? { signal } : {}),
  });
  return answer.data.result as WhatIfAnswer;
}

/** The nearest acceptable package and a Pareto improvement: at once, or by following the job. */
export async function postNearest(
  workspace: string,
  body: z.input<typeof NearestBody>,
  signal?: AbortSignal,
): Promise<NearestAnswer> {
  const answer = await api.request<z.infer<typeof AnalysisAnswer> | JobView>(`${base(workspace)}/nearest`, {
    method: 'POST',
    body,
    ...(signal ? { signal } : {}),
  });
  if (answer.status !== 202) return (answer.data as z.infer<typeof AnalysisAnswer>).result as NearestAnswer;
  const job = await followJob(answer.data as JobView, signal ? { signal } : {});
  if (job.state !== 'done') {
    throw new ApiRequestError(500, {
      code: 'analysis-failed',
      message: job.error ?? `the search ended: ${job.state}`,
    });
  }
  return job.result as NearestAnswer;
}
