import { redactWhatIf } from '../../../app/privacy/redact-builder.js';
import { whatIf } from '../../../app/what-if.js';
import { BuilderInputError } from '../../../core/model/builder-input.js';
import { partiesNamed } from '../../../core/model/hypothesis.js';
import { ResolveError } from '../../../core/model/resolve.js';
import type { Viewer } from '../../../core/privacy/viewer.js';
import { AnalysisAnswer, JobView } from '../../../schema/api/analysis.js';
import { type Hypothesis, NearestBody, WhatIfBody } from '../../../schema/api/builder.js';
import { WorkspaceParams } from '../../../schema/api/workspace.js';
import { jobView, resultFor } from '../../jobs/job-view.js';
import { accessTo } from '../access.js';
import { ApiProblem, forbidden } from '../api-problem.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import type { ServerContext } from '../server-context.js';
import { auditRead } from './workspace-routes.js';

/** A delegate may change its own party's parameters (and the date), an observer only the date. */
export function checkHypothesisRights(viewer: Viewer, hypothesis: Hypothesis | undefined): void {
  if (!hypothesis || viewer.role === 'mediator') return;
  const named = partiesNamed(hypothesis);
  if (viewer.role === 'observer' && named.length > 0) {
    throw forbidden("an observer may change only the date of a hypothesis, not a party's parameters");
  }
  if (viewer.role === 'delegate' && named.some((p) => p !== viewer.party)) {
    throw forbidden(`a delegate may change only its own party's parameters ('${viewer.party}') and the date`);
  }
}

/** Unknown ids and out-of-range values as a located 422 (the paths are under `body`). */
function inputProblem(error: unknown): never {
  if (error instanceof BuilderInputError) {
    throw new ApiProblem(422, 'invalid-input', error.message, {
      issues: error.problems.map((p) => ({ ...p, path: `body.${p.path}` })),
    });
  }
  if (error instanceof ResolveError) throw new ApiProblem(422, 'invalid-input', error.message);
  throw error;
}

const PRIVACY =
  "Computed with every party's private data and filtered for the caller: a delegate sees its own party's row and parameters, and others' only as the disclosure policy allows (docs/guide/server.md).";

/**
 * The package builder's routes. What-if evaluations are computed at once on the request (an exact evaluation
 * of one target takes milliseconds) and never stored; the nearest package is an exact search that may take
 * seconds, so it runs as a job like the analyses.
 */
export function builderRoutes(ctx: ServerContext): ApiRoute[] {
  const { store, jobs, options, revisions } = ctx;
  const load = async (workspace: string, revision: number) => {
    const scenario = await revisions.scenario(workspace, revision);
    if (!scenario) throw new ApiProblem(404, 'not-found', 'no such workspace, or you are not a member of it');
    return scenario;
  };
  return [
    defineRoute({
      method: 'POST',
      url: '/api/workspaces/:workspace/what-if',
      tag: 'builder',
      summary:
        'Evaluate a package, versions or a partial outcome, optionally under a hypothesis (never saved)',
      description: PRIVACY,
      auth: 'user',
      params: WorkspaceParams,
      body: WhatIfBody,
      responses: {
        200: {
          description: 'The evaluation, the hypothesis it assumed, the adjustable parameters',
          schema: AnalysisAnswer,
        },
        403: { description: "The hypothesis changes another party's parameters" },
        422: { description: 'An unknown id (with a suggestion) or a value outside its estimate range' },
      },
      handler: async ({ caller, params, body }) => {
        const access = await accessTo(store, caller, params.workspace);
        checkHypothesisRights(access.viewer, body.hypothesis);
        const revision = access.workspace.headRevision;
        const [scenario, policy] = await Promise.all([
          load(params.workspace, revision),
          store.policies.get(params.workspace),
        ]);
        const result = await whatIf({ scenario, ...body }).catch(inputProblem);
        await auditRead(store, caller, params.workspace, revision, access.member, 'read.what-if');
        return {
          kind: 'what-if',
          revision,
          cached: false,
          result: redactWhatIf(result, access.viewer, policy),
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/workspaces/:workspace/nearest',
      tag: 'builder',
      summary: 'The nearest acceptable package (fewest changes, least loss) and a Pareto improvement',
      description: `${PRIVACY} An acceptable package is itself a verdict: non-mediators get it only when every other party discloses package verdicts, and the least-loss package and the improvement only when they also disclose bargaining outcomes.`,
      auth: 'user',
      params: WorkspaceParams,
      body: NearestBody,
      responses: {
        200: { description: 'The answers, filtered for the caller', schema: AnalysisAnswer },
        202: { description: 'Still computing: follow the job (Location header)', schema: JobView },
        403: { description: "The hypothesis changes another party's parameters" },
        422: { description: 'An unknown id (with a suggestion) or a value outside its estimate range' },
      },
      handler: async ({ caller, params, body, reply }) => {
        const access = await accessTo(store, caller, params.workspace);
        checkHypothesisRights(access.viewer, body.hypothesis);
        const revision = access.workspace.headRevision;
        const scenario = await load(params.workspace, revision);
        // Checked here, not on the job's thread, so that every problem comes back with its path.
        await whatIf({ scenario, ...body }).catch(inputProblem);
        const { job, cached } = await jobs.submit({
          workspaceId: params.workspace,
          revision,
          kind: 'nearest',
          options: body,
          scenario,
          userId: caller.user.id,
        });
        const ended = cached ? job : await jobs.wait(job.id, options.directWaitMs);
        const policy = await store.policies.get(params.workspace);
        await auditRead(store, caller, params.workspace, revision, access.member, 'read.nearest');
        if (ended?.status === 'done') {
          return {
            kind: 'nearest',
            revision,
            cached,
            result: resultFor('nearest', ended.result, access.viewer, policy),
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
  ];
}
