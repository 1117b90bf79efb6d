import type { FastifyReply } from 'fastify';
import type { JobKind } from '../jobs/analysis-kinds.js';
import type { SubmitRequest } from '../jobs/job-runner.js';
import { jobView, resultFor } from '../jobs/job-view.js';
import type { Access } from './access.js';
import { ApiProblem } from './api-problem.js';
import type { Caller } from './caller.js';
import { auditRead } from './routes/workspace-routes.js';
import type { ServerContext } from './server-context.js';

export interface JobQuestion {
  caller: Caller;
  access: Access;
  kind: JobKind;
  options: unknown;
  modules?: SubmitRequest['modules'];
  reply: FastifyReply;
}

/**
 * Runs (or finds) the job for the workspace's head revision and answers as every analysis route does: the
 * result filtered for the caller when it ends within the short wait or was computed before (200), else 202 with
 * the job to follow; a failure of the request's own making is 422, any other failure 500.
 */
export async function answerWithJob(ctx: ServerContext, question: JobQuestion): Promise<unknown> {
  const { store, jobs, options, revisions } = ctx;
  const { caller, access, kind, reply } = question;
  const workspaceId = access.workspace.id;
  const revision = access.workspace.headRevision;
  const scenario = await revisions.scenario(workspaceId, revision);
  if (!scenario) throw new ApiProblem(404, 'not-found', 'no such workspace, or you are not a member of it');
  const { job, cached } = await jobs.submit({
    workspaceId,
    revision,
    kind,
    options: question.options,
    scenario,
    userId: caller.user.id,
    ...(question.modules ? { modules: question.modules } : {}),
  });
  const ended = cached ? job : await jobs.wait(job.id, options.directWaitMs);
  const policy = await store.policies.get(workspaceId);
  await auditRead(store, caller, workspaceId, revision, access.member, `read.${kind}`);
  if (ended?.status === 'done') {
    return { kind, revision, cached, result: resultFor(kind, ended.result, access.viewer, policy) };
  }
  if (ended?.status === 'failed') {
    const view = jobView(ended, access.viewer, policy, undefined);
    throw new ApiProblem(
      ended.error?.startsWith('input: ') ? 422 : 500,
      `${kind === 'simulate' || kind === 'tournament' ? kind : 'analysis'}-failed`,
      view.error ?? 'failed',
    );
  }
  reply.code(202).header('location', `/api/jobs/${job.id}`);
  return jobView(ended ?? job, access.viewer, policy, jobs.lastProgress(job.id));
}
