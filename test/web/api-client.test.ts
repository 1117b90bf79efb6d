import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ApiClient } from '../../web/src/api/client.js';
import { ApiRequestError, ConflictError, SignedOutError } from '../../web/src/api/errors.js';
import { TEST_PASSWORD, useTestServer } from '../support/test-server.js';
import { tinyScenario } from '../support/tiny-scenario.js';

/**
 * The web app's API client against a real server (listening on a port, SQLite): CSRF on unsafe requests, the
 * one error shape with field paths, 412 as a conflict carrying the current revision, 401 signing the page out.
 * A cookie jar stands in for the browser's.
 */
function cookieFetch(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}

describe('the web API client', () => {
  const env = useTestServer('sqlite');
  let base = '';
  let login = '';

  beforeAll(async () => {
    const { server, user } = env();
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    login = (await user('client')).login!;
  });

  async function signedIn(): Promise<ApiClient> {
    const client = new ApiClient({ base, fetch: cookieFetch() });
    const state = await client.send<{ csrfToken: string }>('POST', '/api/session', {
      login,
      password: TEST_PASSWORD,
    });
    client.setCsrfToken(state.csrfToken);
    return client;
  }

  it('sends the CSRF token on unsafe requests; without it the server refuses', async () => {
    const client = await signedIn();
    const created = await client.send<{ id: string; revision: number }>('POST', '/api/workspaces', {
      scenario: stringify(tinyScenario()),
    });
    expect(created.revision).toBe(1);
    client.setCsrfToken(null);
    const refused = await client.send('POST', '/api/workspaces', { scenario: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiRequestError);
    expect((refused as ApiRequestError).code).toBe('csrf');
  });

  it('keeps code, message and located issues of a refused body', async () => {
    const client = await signedIn();
    const error = (await client
      .send('POST', '/api/workspaces', { scenario: 'parley: 1\nid: x\ntitle: X\nparties: 3\n' })
      .catch((e: unknown) => e)) as ApiRequestError;
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid-scenario');
    const parties = error.issues.find((i) => i.path === 'parties');
    expect(parties).toMatchObject({ line: 4 });
    expect(error.issuesAt('parties')).toContain(parties);
  });

  it('turns a stale write into a ConflictError with the revision to build on', async () => {
    const client = await signedIn();
    const { id } = await client.send<{ id: string }>('POST', '/api/workspaces', {
      scenario: stringify(tinyScenario()),
    });
    const put = (ifMatch: number) =>
      client.request(`/api/workspaces/${id}/scenario`, {
        method: 'PUT',
        body: { scenario: stringify({ ...tinyScenario(), title: `Tiny ${ifMatch}` }), summary: 'retitled' },
        ifMatch,
      });
    expect((await put(1)).status).toBe(200);
    const stale = await put(1).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).currentRevision).toBe(2);
    expect((stale as ConflictError).code).toBe('stale-revision');
  });

  it('tells the app when the session has ended (401)', async () => {
    const client = await signedIn();
    let signedOut = 0;
    client.whenSignedOut(() => signedOut++);
    await client.send('DELETE', '/api/session');
    const error = await client.get('/api/workspaces').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignedOutError);
    expect(signedOut).toBe(1);
  });
});
