import { JobParams, JobView } from '../../../schema/api/analysis.js';
import type { Job } from '../../db/store.js';
import { jobView } from '../../jobs/job-view.js';
import { type Access, accessTo } from '../access.js';
import { ApiProblem, forbidden, notFound } from '../api-problem.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import type { Caller } from '../caller.js';
import type { ServerContext } from '../server-context.js';
import { auditRead } from './workspace-routes.js';

/** Jobs of long analyses: state, a stream of progress events, cancellation. */
export function jobRoutes(ctx: ServerContext): ApiRoute[] {
  const { store, jobs } = ctx;

  /** A job and the caller's access to its workspace; a job of a workspace the caller is not in is a 404. */
  async function jobAccess(caller: Caller, id: string): Promise<{ job: Job; access: Access }> {
    const job = await store.jobs.get(id);
    if (!job) throw notFound('job');
    const access = await accessTo(store, caller, job.workspaceId).catch(() => {
      throw notFound('job');
    });
    return { job, access };
  }

  return [
    defineRoute({
      method: 'GET',
      url: '/api/jobs/:job',
      tag: 'jobs',
      summary: "A job's state and, once done, its result filtered for the caller",
      auth: 'user',
      params: JobParams,
      responses: { 200: { description: 'The job', schema: JobView } },
      handler: async ({ caller, params }) => {
        const { job, access } = await jobAccess(caller, params.job);
        const policy = await store.policies.get(job.workspaceId);
        if (job.status === 'done') {
          await auditRead(store, caller, job.workspaceId, job.revision, access.member, `read.${job.kind}`);
        }
        return jobView(job, access.viewer, policy, jobs.lastProgress(job.id));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/jobs/:job/events',
      tag: 'jobs',
      summary: 'Server-Sent Events: `progress` as each step starts, then `end` with the job',
      auth: 'user',
      params: JobParams,
      responses: { 200: { description: 'An event stream', contentType: 'text/event-stream' } },
      handler: async ({ caller, params, reply, request }) => {
        const { job, access } = await jobAccess(caller, params.job);
        const policy = await store.policies.get(job.workspaceId);
        reply.hijack();
        const out = reply.raw;
        out.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        const send = (event: string, data: unknown) =>
          out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        const view = (j: Job) => jobView(j, access.viewer, policy, jobs.lastProgress(j.id));
        // The result goes out with the end event: recorded as a read now, whenever the job ends.
        await auditRead(store, caller, job.workspaceId, job.revision, access.member, `read.${job.kind}`);
        if (!jobs.isRunning(job.id)) {
          send('end', view((await store.jobs.get(job.id)) ?? job));
          out.end();
          return;
        }
        send('progress', view(job));
        const unsubscribe = jobs.subscribe(job.id, (event) => {
          if (event.type === 'progress') send('progress', view(job));
          else {
            send('end', view(event.job));
            unsubscribe();
            out.end();
          }
        });
        request.raw.on('close', unsubscribe);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/jobs/:job',
      tag: 'jobs',
      summary: 'Cancel a job (its creator or the mediator)',
      auth: 'user',
      params: JobParams,
      responses: { 200: { description: 'The job after cancelling', schema: JobView } },
      handler: async ({ caller, params }) => {
        const { job, access } = await jobAccess(caller, params.job);
        if (access.member.role !== 'mediator' && job.createdBy !== caller.user.id) {
          throw forbidden('only who started the job, or the mediator, may cancel it');
        }
        if (job.status === 'done' || job.status === 'failed') {
          throw new ApiProblem(409, 'job-ended', `the job has already ended (${job.status})`);
        }
        await jobs.cancel(job.id);
        const policy = await store.policies.get(job.workspaceId);
        return jobView((await store.jobs.get(job.id)) ?? job, access.viewer, policy, undefined);
      },
    }),
  ];
}
