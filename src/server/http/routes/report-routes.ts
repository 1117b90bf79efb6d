import { z } from 'zod';
import { JobView, ReportBody } from '../../../schema/api/analysis.js';
import { WorkspaceParams } from '../../../schema/api/workspace.js';
import { Id, IsoDate } from '../../../schema/scenario.js';
import { jobView, resultFor } from '../../jobs/job-view.js';
import { accessTo } from '../access.js';
import { ApiProblem } from '../api-problem.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import type { ServerContext } from '../server-context.js';
import { auditRead } from './workspace-routes.js';

/** Renders the report's data (full for the mediator, the party view for others) as one HTML page. */
export interface ReportRenderer {
  html(data: unknown): string;
}

const ReportQuery = z.strictObject({ package: Id.optional(), at: IsoDate.optional() });

/** How long the page request waits for a report still computing before answering 202 with its job. */
const REPORT_WAIT_MS = 120_000;

/**
 * `GET /api/workspaces/:workspace/report`: the HTML report as the caller's role may see it, from the `report`
 * job (computed once per revision and options; `POST …/report` starts it and shows its progress first).
 */
export function reportRoutes(ctx: ServerContext, renderer: ReportRenderer): ApiRoute[] {
  const { store, jobs, revisions } = ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/workspaces/:workspace/report',
      tag: 'analyses',
      summary: "The HTML report of the head revision, as the caller's role may see it (a download)",
      description:
        'The mediator gets the full report; others get the party view (their own data, and what the disclosure policy allows). Computed as the `report` job; a report still computing after two minutes answers 202 with the job.',
      auth: 'user',
      params: WorkspaceParams,
      query: ReportQuery,
      responses: {
        200: { description: 'The report page', contentType: 'text/html' },
        202: { description: 'Still computing: follow the job, then ask again', schema: JobView },
      },
      handler: async ({ caller, params, query, reply }) => {
        const access = await accessTo(store, caller, params.workspace);
        const revision = access.workspace.headRevision;
        const scenario = await revisions.scenario(params.workspace, revision);
        if (!scenario)
          throw new ApiProblem(404, 'not-found', 'no such workspace, or you are not a member of it');
        const { job, cached } = await jobs.submit({
          workspaceId: params.workspace,
          revision,
          kind: 'report',
          options: ReportBody.parse(query),
          scenario,
          userId: caller.user.id,
        });
        const ended = cached ? job : await jobs.wait(job.id, REPORT_WAIT_MS);
        const policy = await store.policies.get(params.workspace);
        if (ended?.status === 'failed') {
          const view = jobView(ended, access.viewer, policy, undefined);
          throw new ApiProblem(
            ended.error?.startsWith('input: ') ? 422 : 500,
            'analysis-failed',
            view.error ?? 'failed',
          );
        }
        if (ended?.status !== 'done') {
          reply.code(202).header('location', `/api/jobs/${job.id}`);
          return jobView(ended ?? job, access.viewer, policy, jobs.lastProgress(job.id));
        }
        await auditRead(store, caller, params.workspace, revision, access.member, 'read.report');
        const html = renderer.html(resultFor('report', ended.result, access.viewer, policy));
        const name = `${scenario.id}-r${revision}-report.html`;
        reply
          .type('text/html; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          // Opened in place rather than saved, the page still runs no script and reaches nothing else.
          .header(
            'content-security-policy',
            "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
          );
        return html;
      },
    }),
  ];
}
