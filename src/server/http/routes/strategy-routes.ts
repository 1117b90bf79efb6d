import { createHash } from 'node:crypto';
import { builtInStrategies } from '../../../core/simulation/strategies/registry.js';
import {
  STRATEGY_LIMITS,
  StrategyList,
  StrategyParams,
  StrategyUploadBody,
  StrategyView,
} from '../../../schema/api/simulation.js';
import { isUniqueViolation } from '../../db/repositories/unique-violation.js';
import type { StoredStrategy } from '../../db/store.js';
import { ApiProblem } from '../api-problem.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import type { ServerContext } from '../server-context.js';

const BUILT_IN = builtInStrategies.map((s) => s.name);

function view(s: StoredStrategy): StrategyView {
  return { name: s.name, sha256: s.sha256, bytes: s.bytes, createdAt: s.createdAt };
}

function invalidModule(message: string): ApiProblem {
  return new ApiProblem(422, 'invalid-strategy', `the strategy module cannot be used: ${message}`, {
    issues: [{ path: 'body.source', message }],
  });
}

/**
 * Strategy modules a user uploads, private to that user and used by name in simulations and tournaments. An
 * upload is loaded once in a fresh sandbox on a job thread (never on the request loop) to learn the name it
 * registers; it is refused with the sandbox's own message when it does not load.
 */
export function strategyRoutes(ctx: ServerContext): ApiRoute[] {
  const { store, jobs } = ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/strategies',
      tag: 'strategies',
      summary: 'Your uploaded strategy modules, the built-in strategies and the per-user limits',
      auth: 'user',
      responses: { 200: { description: 'Your strategies', schema: StrategyList } },
      handler: async ({ caller }) => ({
        strategies: (await store.strategies.list(caller.user.id)).map(view),
        builtIn: [...BUILT_IN],
        limits: { ...STRATEGY_LIMITS },
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/strategies',
      tag: 'strategies',
      summary: 'Upload a strategy module (one JavaScript ES module); it runs only in the sandbox',
      auth: 'user',
      body: StrategyUploadBody,
      responses: {
        201: { description: 'Stored under the name the module registers', schema: StrategyView },
        409: { description: 'You already have a strategy of that name, or as many as allowed' },
        422: { description: 'The module does not load in the sandbox (the reason, as the sandbox gives it)' },
      },
      handler: async ({ caller, body, reply }) => {
        const bytes = Buffer.byteLength(body.source, 'utf8');
        if (bytes > STRATEGY_LIMITS.sourceBytes) {
          throw new ApiProblem(400, 'invalid-request', 'invalid body', {
            issues: [
              {
                path: 'body.source',
                message: `the module is ${bytes} bytes; at most ${STRATEGY_LIMITS.sourceBytes} bytes`,
              },
            ],
          });
        }
        if ((await store.strategies.count(caller.user.id)) >= STRATEGY_LIMITS.stored) {
          throw new ApiProblem(
            409,
            'too-many-strategies',
            `you may keep ${STRATEGY_LIMITS.stored} strategy modules; delete one first`,
          );
        }
        const checked = await jobs.checkStrategy(body.source);
        if (!checked.ok) throw invalidModule(checked.message);
        if (BUILT_IN.includes(checked.name)) {
          throw invalidModule(`'${checked.name}' is a built-in strategy's name; register another name`);
        }
        try {
          const stored = await store.strategies.create({
            userId: caller.user.id,
            name: checked.name,
            source: body.source,
            sha256: createHash('sha256').update(body.source, 'utf8').digest('hex'),
          });
          reply.code(201);
          return view(stored);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw new ApiProblem(
            409,
            'strategy-exists',
            `you already have a strategy named '${checked.name}'; delete it first to replace it`,
          );
        }
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/strategies/:name',
      tag: 'strategies',
      summary: 'Delete one of your strategy modules (results computed with it stay)',
      auth: 'user',
      params: StrategyParams,
      responses: {
        204: { description: 'Deleted' },
        404: { description: 'You have no strategy of that name' },
      },
      handler: async ({ caller, params, reply }) => {
        if (!(await store.strategies.delete(caller.user.id, params.name))) {
          throw new ApiProblem(404, 'not-found', `you have no strategy named '${params.name}'`);
        }
        reply.code(204);
        return undefined;
      },
    }),
  ];
}
