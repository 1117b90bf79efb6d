import { z } from 'zod';
import { CreatedToken, CreateTokenBody, LoginBody, SessionState } from '../../../schema/api/session.js';
import { hashPassword, needsRehash, timingDummyHash, verifyPassword } from '../../auth/password.js';
import { ApiProblem } from '../api-problem.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import { SESSION_COOKIE } from '../caller.js';
import type { ServerContext } from '../server-context.js';

const TokenParams = z.strictObject({ token: z.string().min(1).max(100) });

const TokenList = z
  .object({
    tokens: z.array(
      z.object({ id: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().optional() }),
    ),
  })
  .meta({ id: 'TokenList' });

const INVALID_LOGIN = 'unknown login or wrong password';

/** Sign-in, sign-out and API tokens. */
export function sessionRoutes(ctx: ServerContext): ApiRoute[] {
  const { store, options } = ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/session',
      tag: 'session',
      summary: 'Who is signed in, and the CSRF token for unsafe requests',
      auth: 'none',
      responses: { 200: { description: 'The session, or user null', schema: SessionState } },
      handler: async ({ request }) => ({
        user: request.caller ? publicUser(request.caller.user) : null,
        csrfToken: request.caller?.session?.csrfSecret ?? null,
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/session',
      tag: 'session',
      summary: 'Sign in with login and password; sets the HttpOnly session cookie',
      description:
        'Rate-limited per login and per address; an unknown login and a wrong password get the same answer in about the same time.',
      auth: 'none',
      body: LoginBody,
      responses: {
        200: { description: 'Signed in', schema: SessionState },
        401: { description: 'Unknown login or wrong password' },
        429: { description: 'Too many failed attempts' },
      },
      handler: async ({ body, request, reply }) => {
        const address = request.ip;
        const login = body.login.trim().toLowerCase();
        const since = new Date(Date.now() - options.loginWindowMs).toISOString();
        const [byLogin, byAddress] = await Promise.all([
          store.loginAttempts.countFailures({ login, since }),
          store.loginAttempts.countFailures({ address, since }),
        ]);
        if (byLogin >= options.maxFailuresPerLogin || byAddress >= options.maxFailuresPerAddress) {
          const seconds = Math.ceil(options.loginWindowMs / 1000);
          throw new ApiProblem(
            429,
            'too-many-attempts',
            `too many failed sign-ins; try again in ${seconds} s`,
            {
              headers: { 'retry-after': String(seconds) },
            },
          );
        }
        const user = await store.users.findByLogin(login);
        // Verify against a dummy hash for an unknown login, so both failures take the same time.
        const ok = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), body.password);
        const accepted = ok && user !== undefined && !user.disabled;
        await store.loginAttempts.record({ login, address, succeeded: accepted });
        if (!accepted || !user) throw new ApiProblem(401, 'invalid-credentials', INVALID_LOGIN);
        if (needsRehash(user.passwordHash)) {
          await store.users.setPasswordHash(user.id, await hashPassword(body.password));
        }
        const { token, session } = await store.sessions.create(user.id, options.sessionTtlMs);
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: options.secureCookies || request.protocol === 'https',
          maxAge: Math.floor(options.sessionTtlMs / 1000),
        });
        return { user: publicUser(user), csrfToken: session.csrfSecret };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/session',
      tag: 'session',
      summary: 'Sign out: ends the session and clears the cookie',
      auth: 'none',
      responses: { 204: { description: 'Signed out (also when not signed in)' } },
      handler: async ({ request, reply }) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await store.sessions.delete(token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        reply.code(204);
        return null;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/tokens',
      tag: 'session',
      summary: "The caller's API tokens (never the secrets)",
      auth: 'user',
      responses: { 200: { description: 'Tokens, newest first', schema: TokenList } },
      handler: async ({ caller }) => ({
        tokens: (await store.apiTokens.list(caller.user.id)).map((t) => ({
          id: t.id,
          name: t.name,
          createdAt: t.createdAt,
          ...(t.revokedAt ? { revokedAt: t.revokedAt } : {}),
        })),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/tokens',
      tag: 'session',
      summary: 'Create an API token for scripts (Authorization: Bearer); shown once',
      auth: 'user',
      body: CreateTokenBody,
      responses: { 201: { description: 'The token', schema: CreatedToken } },
      handler: async ({ caller, body, reply }) => {
        const { token, apiToken } = await store.apiTokens.create(caller.user.id, body.name);
        reply.code(201);
        return { id: apiToken.id, name: apiToken.name, token };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/tokens/:token',
      tag: 'session',
      summary: 'Revoke one of your API tokens',
      auth: 'user',
      params: TokenParams,
      responses: { 204: { description: 'Revoked' } },
      handler: async ({ caller, params, reply }) => {
        if (!(await store.apiTokens.revoke(caller.user.id, params.token))) {
          throw new ApiProblem(404, 'not-found', 'no such token of yours, or already revoked');
        }
        reply.code(204);
        return null;
      },
    }),
  ];
}

function publicUser(user: { id: string; login: string; displayName: string }) {
  return { id: user.id, login: user.login, name: user.displayName };
}
