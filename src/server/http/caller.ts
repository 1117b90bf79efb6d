import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Session, Store, User } from '../db/store.js';
import { ApiProblem } from './api-problem.js';

/** Who sent a request: a signed-in browser (cookie session) or a script (API token). */
export interface Caller {
  user: User;
  via: 'cookie' | 'token';
  /** The cookie session, whose CSRF secret unsafe requests echo. */
  session?: Session;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export const SESSION_COOKIE = 'parley_session';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The caller of a request. A Bearer token that does not resolve is refused outright (a script should learn its
 * token is wrong, not be treated as anonymous); a stale cookie just means "signed out".
 */
export async function resolveCaller(store: Store, request: FastifyRequest): Promise<Caller | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match ? await store.apiTokens.find(match[1]) : undefined;
    if (!found)
      throw new ApiProblem(401, 'invalid-token', 'the Bearer token is unknown, revoked or malformed');
    return { user: found.user, via: 'token' };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const found = await store.sessions.find(cookie);
  return found ? { user: found.user, via: 'cookie', session: found.session } : null;
}

/** Whether the Origin names this server's host (default ports normalised as browsers write them). */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    const from = new URL(origin);
    return host !== undefined && from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Cookie sessions are what a cross-site form or script could ride on, so every unsafe request made with one must
 * echo the session's CSRF token in a header (which another site can neither read nor set) and, when the browser
 * names an Origin, come from this host. Token callers need neither: a browser never attaches a Bearer header.
 */
export function checkCsrf(request: FastifyRequest, caller: Caller | null): void {
  if (!UNSAFE.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined && caller?.via !== 'token') {
    if (!sameHost(origin, request.headers.host)) {
      throw new ApiProblem(403, 'cross-origin', 'requests that change data must come from this site');
    }
  }
  if (caller?.via !== 'cookie' || !caller.session) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameText(sent, caller.session.csrfSecret)) {
    throw new ApiProblem(
      403,
      'csrf',
      `send the session's CSRF token (from GET /api/session) in the ${CSRF_HEADER} header`,
    );
  }
}
