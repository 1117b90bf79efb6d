import { AnalysisAnswer, JobView } from '../../../schema/api/analysis.js';
import { WorkspaceParams } from '../../../schema/api/workspace.js';
import { ANALYSIS_BODIES, type AnalysisKind } from '../../jobs/analysis-kinds.js';
import { accessTo } from '../access.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import { answerWithJob } from '../job-answer.js';
import type { ServerContext } from '../server-context.js';

const SUMMARIES: Record<AnalysisKind, string> = {
  evaluate: 'Evaluate a package, document versions or an outcome: utilities, red lines, verdict',
  analyze: 'Analyse the workspace: zone, explanation, frontier, bargaining, concessions, robustness',
  diff: 'What changed between two versions or packages, and who gains',
  timeline: 'What happened when, and how the settlement gaps moved',
};

/**
 * One route per analysis. Each runs its use case from src/app on a worker thread with everyone's private data,
 * and answers with the result filtered for the caller's role and the disclosure policy: directly (200) when it
 * ends within a short wait or was computed before for this revision, else 202 with the job to follow.
 */
export function analysisRoutes(ctx: ServerContext): ApiRoute[] {
  return (Object.keys(ANALYSIS_BODIES) as AnalysisKind[]).map((kind) =>
    defineRoute({
      method: 'POST',
      url: `/api/workspaces/:workspace/${kind}`,
      tag: 'analyses',
      summary: SUMMARIES[kind],
      description:
        "Computed with every party's private data; the answer is filtered for the caller (see the disclosure policy). Same revision and options: computed once.",
      auth: 'user',
      params: WorkspaceParams,
      body: ANALYSIS_BODIES[kind] as (typeof ANALYSIS_BODIES)['analyze'],
      responses: {
        200: { description: 'The result, filtered for the caller', schema: AnalysisAnswer },
        202: { description: 'Still computing: follow the job (Location header)', schema: JobView },
        422: { description: 'The request names a package, version or option the scenario lacks' },
      },
      handler: async ({ caller, params, body, reply }) =>
        answerWithJob(ctx, {
          caller,
          access: await accessTo(ctx.store, caller, params.workspace),
          kind,
          options: body,
          reply,
        }),
    }),
  );
}
