import { AnalysisAnswer, JobView } from '../../../schema/api/analysis.js';
import { WorkspaceParams } from '../../../schema/api/workspace.js';
import { ANALYSIS_BODIES, type AnalysisKind } from '../../jobs/analysis-kinds.js';
import { jobView, resultFor } from '../../jobs/job-view.js';
import { accessTo } from '../access.js';
import { ApiProblem } from '../api-problem.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import type { ServerContext } from '../server-context.js';
import { auditRead } from './workspace-routes.js';

const SUMMARIES: Record<AnalysisKind, string> = {
  evaluate: 'Evaluate a package, document versions or an outcome: utilities, red lines, verdict',
  analyze: 'Analyse the workspace: zone, explanation, frontier, bargaining, concessions, robustness',
  report: "The HTML report's data (as `parley report`); GET …/report renders the page",
  diff: 'What changed between two versions or packages, and who gains',
  timeline: 'What happened when, and how the settlement gaps moved',
};

/**
 * One route per analysis. Each runs its use case from src/app on a worker thread with everyone's private data,
 * and answers with the result filtered for the caller's role and the disclosure policy: directly (200) when it
 * ends within a short wait or was computed before for this revision, else 202 with the job to follow.
 */
export function analysisRoutes(ctx: ServerContext): ApiRoute[] {
  const { store, jobs, options, revisions } = ctx;
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
      handler: async ({ caller, params, body, reply }) => {
        const access = await accessTo(store, caller, params.workspace);
        const revision = access.workspace.headRevision;
        const scenario = await revisions.scenario(params.workspace, revision);
        if (!scenario)
          throw new ApiProblem(404, 'not-found', 'no such workspace, or you are not a member of it');
        const { job, cached } = await jobs.submit({
          workspaceId: params.workspace,
          revision,
          kind,
          options: body,
          scenario,
          userId: caller.user.id,
        });
        const ended = cached ? job : await jobs.wait(job.id, options.directWaitMs);
        const policy = await store.policies.get(params.workspace);
        await auditRead(store, caller, params.workspace, revision, access.member, `read.${kind}`);
        if (ended?.status === 'done') {
          return {
            kind,
            revision: revision,
            cached,
            result: resultFor(kind, ended.result, access.viewer, policy),
          };
        }
        if (ended?.status === 'failed') {
          const view = jobView(ended, access.viewer, policy, undefined);
          throw new ApiProblem(
            ended.error?.startsWith('input: ') ? 422 : 500,
            'analysis-failed',
            view.error ?? 'failed',
          );
        }
        reply.code(202).header('location', `/api/jobs/${job.id}`);
        return jobView(ended ?? job, access.viewer, policy, jobs.lastProgress(job.id));
      },
    }),
  );
}
