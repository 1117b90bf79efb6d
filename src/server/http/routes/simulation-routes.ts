import { closestId } from '../../../core/model/closest-id.js';
import { builtInStrategies } from '../../../core/simulation/strategies/registry.js';
import { AnalysisAnswer, JobView } from '../../../schema/api/analysis.js';
import { SimulateBody, STRATEGY_LIMITS, TournamentBody } from '../../../schema/api/simulation.js';
import { WorkspaceParams } from '../../../schema/api/workspace.js';
import type { StrategySource } from '../../db/store.js';
import type { SimulationKind } from '../../jobs/analysis-kinds.js';
import { type Access, accessTo } from '../access.js';
import { ApiProblem, forbidden } from '../api-problem.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import type { Caller } from '../caller.js';
import { answerWithJob } from '../job-answer.js';
import type { ServerContext } from '../server-context.js';

const BUILT_IN = new Set(builtInStrategies.map((s) => s.name));
const SIMULATION_KINDS: SimulationKind[] = ['simulate', 'tournament'];

const RESPONSES = {
  200: { description: 'The result, filtered for the caller', schema: AnalysisAnswer },
  202: { description: 'Still computing: follow the job (Location header)', schema: JobView },
  422: { description: 'The configuration names a party, strategy or setting the scenario or server lacks' },
  429: { description: 'You already have as many simulations and tournaments computing as allowed' },
};

/** The caller's uploaded modules by name; an unknown name is a 422 with the closest known name. */
async function uploadedModules(
  ctx: ServerContext,
  caller: Caller,
  names: readonly string[],
  field: string,
): Promise<Array<StrategySource>> {
  const wanted = [...new Set(names)];
  const found = await ctx.store.strategies.sources(caller.user.id, wanted);
  const missing = wanted.filter((n) => !found.some((s) => s.name === n));
  if (missing.length > 0) {
    const known = [...BUILT_IN, ...(await ctx.store.strategies.list(caller.user.id)).map((s) => s.name)];
    const issues = missing.map((name) => {
      const near = closestId(name, known);
      return {
        path: field,
        message: `unknown strategy '${name}': neither built in nor uploaded by you${near ? ` (did you mean '${near}'?)` : ''}`,
      };
    });
    throw new ApiProblem(422, 'unknown-strategy', issues[0].message, { issues });
  }
  return found;
}

/** The per-user limit on simulations and tournaments computing at once. */
function checkConcurrency(ctx: ServerContext, caller: Caller): void {
  if (ctx.jobs.runningFor(caller.user.id, SIMULATION_KINDS) >= STRATEGY_LIMITS.concurrentJobs) {
    throw new ApiProblem(
      429,
      'too-many-jobs',
      `you already have ${STRATEGY_LIMITS.concurrentJobs} simulations or tournaments computing; wait for one to end or cancel it`,
    );
  }
}

/** Which parties the caller's uploaded modules may play: a module playing another party could leak its data. */
function modulesMayPlay(access: Access): string[] | '*' {
  if (access.viewer.role === 'mediator') return '*';
  return access.viewer.role === 'delegate' ? [access.viewer.party] : [];
}

/**
 * Model runs over the workspace's head revision: one simulated negotiation, or a tournament of strategies.
 * Both run on a job thread with everyone's private preferences; uploaded strategies run only in the sandbox.
 */
export function simulationRoutes(ctx: ServerContext): ApiRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/workspaces/:workspace/simulate',
      tag: 'simulations',
      summary: 'Simulate one negotiation between strategies (built in, or uploaded by you)',
      description:
        "Negotiators play every party's private preferences; the answer is filtered for the caller. Your uploaded strategies may play only your own party (any party for the mediator). Same revision, options and module sources: computed once.",
      auth: 'user',
      params: WorkspaceParams,
      body: SimulateBody,
      responses: RESPONSES,
      handler: async ({ caller, params, body, reply }) => {
        const access = await accessTo(ctx.store, caller, params.workspace);
        const modules = await uploadedModules(ctx, caller, body.strategies, 'body.strategies');
        checkConcurrency(ctx, caller);
        return answerWithJob(ctx, {
          caller,
          access,
          kind: 'simulate',
          options: { ...body, modulesMayPlay: modulesMayPlay(access) },
          modules,
          reply,
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/workspaces/:workspace/tournament',
      tag: 'simulations',
      summary: 'A tournament: strategies × role assignments × repetitions on the workspace, scored',
      description:
        'Matches run on a job thread, one after another; progress is one event per finished match. Uploaded strategies play every role, so only the mediator may enter them. The answer is filtered for the caller.',
      auth: 'user',
      params: WorkspaceParams,
      body: TournamentBody,
      responses: { ...RESPONSES, 403: { description: 'Uploaded strategies in a non-mediator tournament' } },
      handler: async ({ caller, params, body, reply }) => {
        const access = await accessTo(ctx.store, caller, params.workspace);
        const names = body.strategies.map((s) => (typeof s === 'string' ? s : s.name));
        const uploaded = names.filter((n) => !BUILT_IN.has(n));
        const modules = await uploadedModules(ctx, caller, uploaded, 'body.strategies');
        if (modules.length > 0 && access.viewer.role !== 'mediator') {
          throw forbidden(
            'uploaded strategies play every party in a tournament, so only the mediator may enter them; simulate with your strategy as your own party instead',
          );
        }
        checkConcurrency(ctx, caller);
        return answerWithJob(ctx, { caller, access, kind: 'tournament', options: body, modules, reply });
      },
    }),
  ];
}
