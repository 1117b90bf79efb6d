import type { LoginBody, SessionState } from '../../../src/schema/api/session.js';
import { api } from './client.js';

export type { SessionState };
export type SessionUser = NonNullable<SessionState['user']>;

/** Who is signed in; also gives the client its CSRF token. */
export async function fetchSession(): Promise<SessionState> {
  const state = await api.get<SessionState>('/api/session');
  api.setCsrfToken(state.csrfToken);
  return state;
}

export async function signIn(body: LoginBody): Promise<SessionState> {
  const state = await api.send<SessionState>('POST', '/api/session', body);
  api.setCsrfToken(state.csrfToken);
  return state;
}

export async function signOut(): Promise<void> {
  await api.send<null>('DELETE', '/api/session');
  api.setCsrfToken(null);
}
