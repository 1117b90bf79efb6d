import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiProblem, unauthenticated } from './api-problem.js';
import type { Caller } from './caller.js';
import { apiIssues } from './zod-issues.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ResponseSpec {
  description: string;
  /** The JSON body; absent for an empty body or a non-JSON one (see contentType). */
  schema?: z.ZodType;
  /** Default application/json. */
  contentType?: string;
}

export interface HeaderSpec {
  name: string;
  required: boolean;
  description: string;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteInputWithCaller<P, Q, B> extends RouteInput<P, Q, B> {
  caller: Caller;
}

interface RouteBase<P, Q, B> {
  method: HttpMethod;
  /** Fastify's form: /api/workspaces/:workspace */
  url: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  headers?: HeaderSpec[];
  responses: Record<number, ResponseSpec>;
}

/** A route: its schemas validate the request and, collected, make the OpenAPI document (one source of truth). */
export type ApiRoute<P = unknown, Q = unknown, B = unknown> = RouteBase<P, Q, B> &
  (
    | { auth: 'none'; handler: (input: RouteInput<P, Q, B>) => Promise<unknown> }
    | { auth: 'user'; handler: (input: RouteInputWithCaller<P, Q, B>) => Promise<unknown> }
  );

/** Keeps the route's generic types while the list of routes is heterogenous. */
export function defineRoute<P = undefined, Q = undefined, B = undefined>(route: ApiRoute<P, Q, B>): ApiRoute {
  return route as unknown as ApiRoute;
}

function parsePart<T>(root: string, schema: z.ZodType<T> | undefined, value: unknown): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value ?? (root === 'body' ? undefined : {}));
  if (!parsed.success) {
    throw new ApiProblem(400, 'invalid-request', `invalid ${root}`, {
      issues: apiIssues(root, parsed.error),
    });
  }
  return parsed.data;
}

/**
 * Registers the route with Fastify. Validation is zod's, here, not Ajv's: the schemas that validate are the
 * ones the OpenAPI document shows, and nothing is coerced behind the caller's back (no scalars wrapped in arrays).
 */
export function registerRoute(app: FastifyInstance, route: ApiRoute): void {
  app.route({
    method: route.method,
    url: route.url,
    handler: async (request, reply) => {
      // Who may ask comes before what was asked: an anonymous caller learns nothing about the body's shape.
      if (route.auth === 'user' && !request.caller) throw unauthenticated();
      const input = {
        params: parsePart('params', route.params, request.params),
        query: parsePart('query', route.query, request.query),
        body: parsePart('body', route.body, request.body),
        request,
        reply,
      };
      if (route.auth === 'none') return route.handler(input);
      return route.handler({ ...input, caller: request.caller as Caller });
    },
  });
}
