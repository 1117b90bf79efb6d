import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Store } from '../db/store.js';
import { JobRunner, type JobRunnerOptions } from '../jobs/job-runner.js';
import { type ApiRoute, registerRoute } from './api-route.js';
import { checkCsrf, resolveCaller } from './caller.js';
import { installErrorHandling } from './error-handler.js';
import { buildOpenApi } from './openapi.js';
import { RevisionCache } from './revision-cache.js';
import { analysisRoutes } from './routes/analysis-routes.js';
import { type DomainImporter, importRoutes } from './routes/import-routes.js';
import { jobRoutes } from './routes/job-routes.js';
import { memberRoutes } from './routes/member-routes.js';
import { type ReportRenderer, reportRoutes } from './routes/report-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { systemRoutes } from './routes/system-routes.js';
import { workspaceRoutes } from './routes/workspace-routes.js';
import type { ScenarioCodec } from './scenario-codec.js';
import type { ServerContext, ServerOptions } from './server-context.js';
import { registerWebApp } from './web-app.js';

export const API_VERSION = '0.1.0';

export const DEFAULT_SERVER_OPTIONS: ServerOptions = {
  secureCookies: false,
  sessionTtlMs: 7 * 24 * 3600 * 1000,
  loginWindowMs: 15 * 60 * 1000,
  maxFailuresPerLogin: 5,
  maxFailuresPerAddress: 30,
  bodyLimit: 2 * 1024 * 1024,
  invitationTtlMs: 7 * 24 * 3600 * 1000,
  directWaitMs: 1500,
};

export interface BuildServerOptions extends Partial<ServerOptions> {
  store: Store;
  /** Scenario text in and out: `scenarioCodec` from src/adapters/server/scenario-codec.ts. */
  scenarios: ScenarioCodec;
  /** Request logging (pino, JSON lines on stdout); default off. */
  logger?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (for the client address and HTTPS). */
  trustProxy?: boolean;
  jobs?: JobRunnerOptions;
  /** A built web app (`dist/web`) to serve at `/`, with every other non-API path falling back to its page. */
  webRoot?: string;
  /** GENIUS, GeniusWeb and NegMAS import (`POST /api/workspaces/import`); the route is absent without it. */
  domains?: DomainImporter;
  /** The HTML report (`GET /api/workspaces/{w}/report`); the route is absent without it. */
  reports?: ReportRenderer;
}

export interface ParleyServer {
  app: FastifyInstance;
  routes: readonly ApiRoute[];
  /** Stops accepting requests, cancels running jobs and stops their threads (the store stays open). */
  close(): Promise<void>;
}

/**
 * The HTTP face of a store: every route from a module of ./routes, validated by zod schemas that also make
 * /openapi.json. Importable for tests (`app.inject`, or `app.listen` on port 0).
 */
export async function buildServer(options: BuildServerOptions): Promise<ParleyServer> {
  const settings: ServerOptions = { ...DEFAULT_SERVER_OPTIONS };
  for (const key of Object.keys(DEFAULT_SERVER_OPTIONS) as Array<keyof ServerOptions>) {
    if (options[key] !== undefined) (settings as unknown as Record<string, unknown>)[key] = options[key];
  }
  const app = Fastify({
    logger: options.logger === true ? { redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    bodyLimit: settings.bodyLimit,
    trustProxy: options.trustProxy === true,
    return503OnClosing: true,
    // Errors the router raises before any route (a malformed URL, an over-long parameter) in the one shape too.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 400;
      reply
        .code(status)
        .type('application/json')
        .send({ error: { code: 'bad-url', message: 'the URL could not be read' } });
    },
  });
  await app.register(fastifyCookie);
  installErrorHandling(app, settings.bodyLimit);
  const jobs = new JobRunner(options.store, options.jobs);
  const ctx: ServerContext = {
    store: options.store,
    jobs,
    revisions: new RevisionCache(options.store),
    scenarios: options.scenarios,
    options: settings,
  };

  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    request.caller = await resolveCaller(ctx.store, request);
    checkCsrf(request, request.caller);
  });

  let openApi: unknown;
  const routes: ApiRoute[] = [
    ...systemRoutes(() => openApi),
    ...sessionRoutes(ctx),
    ...workspaceRoutes(ctx),
    ...memberRoutes(ctx),
    ...analysisRoutes(ctx),
    ...jobRoutes(ctx),
    ...(options.domains ? importRoutes(ctx, options.domains) : []),
    ...(options.reports ? reportRoutes(ctx, options.reports) : []),
  ];
  openApi = buildOpenApi(routes, { version: API_VERSION });
  for (const route of routes) registerRoute(app, route);
  if (options.webRoot !== undefined) await registerWebApp(app, options.webRoot);
  await options.store.jobs.failInterrupted('the server stopped while this job ran; submit it again');

  return {
    app,
    routes,
    async close() {
      await app.close();
      await jobs.close();
    },
  };
}
