import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { TEST_PASSWORD, TestClient, useTestServer } from '../../support/test-server.js';
import { storeTargets } from '../../support/test-stores.js';
import { tinyScenario } from '../../support/tiny-scenario.js';

describe.each(storeTargets())('sign-in, sessions, CSRF and tokens on $label', (target) => {
  describe.skipIf(!target.available)('auth', () => {
    const env = useTestServer(target.dialect, { maxFailuresPerLogin: 3, maxFailuresPerAddress: 50 });

    it('sets an HttpOnly, SameSite=Strict session cookie and gives the CSRF token', async () => {
      const client = new TestClient(env().server, (await env().user('cookie')).login);
      const reply = await client.signIn();
      expect(reply.status).toBe(200);
      const cookie = String(reply.headers['set-cookie']);
      expect(cookie).toMatch(/^parley_session=[^;]+;/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toMatch(/Secure/);
      expect(reply.json.csrfToken).toEqual(expect.any(String));
      const session = await client.request('GET', '/api/session');
      expect(session.json).toMatchObject({ user: { login: client.login }, csrfToken: reply.json.csrfToken });
    });

    it('marks the cookie Secure behind HTTPS', async () => {
      const client = new TestClient(env().server, (await env().user('https')).login);
      const reply = await env().server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { login: client.login, password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      // Without trustProxy the forwarded header is ignored: not HTTPS, so not Secure.
      expect(String(reply.headers['set-cookie'])).not.toMatch(/Secure/);
    });

    it('refuses unsafe cookie requests without the CSRF token or from another origin; tokens need none', async () => {
      const client = await env().user('csrf');
      const body = { scenario: stringify(tinyScenario()) };
      const without = await client.request('POST', '/api/workspaces', {
        body,
        headers: { 'x-csrf-token': '' },
      });
      expect(without.status).toBe(403);
      expect(without.json.error.code).toBe('csrf');
      const wrong = await client.request('POST', '/api/workspaces', {
        body,
        headers: { 'x-csrf-token': 'x'.repeat(43) },
      });
      expect(wrong.status).toBe(403);
      const foreign = await client.request('POST', '/api/workspaces', {
        body,
        headers: { origin: 'https://evil.example' },
      });
      expect(foreign.status).toBe(403);
      expect(foreign.json.error.code).toBe('cross-origin');
      const ok = await client.request('POST', '/api/workspaces', {
        body,
        headers: { origin: 'http://localhost:80' },
      });
      expect(ok.status).toBe(201);
      const created = await client.request('POST', '/api/tokens', { body: { name: 'script' } });
      const script = new TestClient(env().server);
      script.bearer = created.json.token;
      expect((await script.request('POST', '/api/workspaces', { body })).status).toBe(201);
      expect((await script.request('GET', '/api/workspaces')).json.workspaces).toHaveLength(2);
    });

    it('revoked, unknown and malformed tokens are refused with 401', async () => {
      const client = await env().user('revoke');
      const created = await client.request('POST', '/api/tokens', { body: { name: 'short-lived' } });
      expect((await client.request('DELETE', `/api/tokens/${created.json.id}`)).status).toBe(204);
      for (const value of [created.json.token, 'parley_unknown', '']) {
        const script = new TestClient(env().server);
        const reply = await script.request('GET', '/api/workspaces', {
          headers: { authorization: `Bearer ${value}` },
        });
        expect(reply.status).toBe(401);
      }
    });

    it('answers an unknown login and a wrong password alike, and rate-limits failures per login', async () => {
      const client = await env().user('limited');
      const unknown = await new TestClient(env().server, 'nobody-here').signIn();
      const wrong = await client.signIn('wrong password');
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.json).toEqual(wrong.json);
      await client.signIn('wrong password');
      await client.signIn('wrong password');
      const limited = await client.signIn(TEST_PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      // Another login from the same address is not blocked by this one's failures.
      const other = new TestClient(env().server, (await env().user('other')).login);
      expect((await other.signIn()).status).toBe(200);
    });

    it('signing out ends the session', async () => {
      const client = await env().user('bye');
      expect((await client.request('DELETE', '/api/session')).status).toBe(204);
      const after = await client.request('GET', '/api/workspaces');
      expect(after.status).toBe(401);
      expect(after.json.error.code).toBe('unauthenticated');
    });

    it('a disabled user can no longer sign in or use a session', async () => {
      const client = await env().user('disabled');
      const user = await env().store.users.findByLogin(client.login!);
      await env().store.users.setDisabled(user!.id, true);
      expect((await client.request('GET', '/api/workspaces')).status).toBe(401);
      expect((await client.signIn()).status).toBe(401);
    });
  });
});

describe('sign-in rate limit per address', () => {
  const env = useTestServer('sqlite', { maxFailuresPerLogin: 100, maxFailuresPerAddress: 4 });
  it('refuses any login from an address after too many failures', async () => {
    const real = await env().user('real');
    for (let k = 0; k < 4; k++) await new TestClient(env().server, `ghost-${k}`).signIn();
    expect((await real.signIn()).status).toBe(429);
  });
});
