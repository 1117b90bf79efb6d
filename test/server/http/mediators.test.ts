import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/core/privacy/disclosure-policy.js';
import { markersIn, plantedYaml } from '../../support/planted-scenario.js';
import { type TestClient, useTestServer } from '../../support/test-server.js';
import { storeTargets } from '../../support/test-stores.js';

describe.each(storeTargets())('a second mediator on $label', (target) => {
  describe.skipIf(!target.available)('invite, share, demote, leave', () => {
    const env = useTestServer(target.dialect);
    let first: TestClient;
    let second: TestClient;
    let workspace = '';

    async function invite(by: TestClient, to: TestClient, body: object) {
      const invitation = await by.request('POST', `/api/workspaces/${workspace}/invitations`, { body });
      expect(invitation.status, invitation.body).toBe(201);
      return to.request('POST', invitation.json.url);
    }

    beforeAll(async () => {
      first = await env().user('first');
      second = await env().user('second');
      workspace = (await first.request('POST', '/api/workspaces', { body: { scenario: plantedYaml() } })).json
        .id;
    });

    it('an invited mediator sees and edits everything, as the first one does', async () => {
      expect((await invite(first, second, { role: 'mediator' })).json.membership).toEqual({
        role: 'mediator',
      });
      const seen = await second.request('GET', `/api/workspaces/${workspace}`);
      expect(markersIn(seen.body, 'a').length).toBeGreaterThan(3);
      expect(markersIn(seen.body, 'b').length).toBeGreaterThan(3);
      const policy = await second.request('PUT', `/api/workspaces/${workspace}/disclosure`, {
        body: DEFAULT_POLICY,
      });
      expect(policy.status).toBe(200);
      const audit = await second.request('GET', `/api/workspaces/${workspace}/audit`);
      expect(audit.status).toBe(200);
      const third = await env().user('third');
      expect((await invite(second, third, { role: 'observer' })).status).toBe(200);
      const members = await first.request('GET', `/api/workspaces/${workspace}/members`);
      expect(members.json.members.map((m: { role: string }) => m.role).sort()).toEqual([
        'mediator',
        'mediator',
        'observer',
      ]);
    });

    it('an observer may leave but not remove others; a mediator may not be left the only one and leave', async () => {
      const observer = (await first.request('GET', `/api/workspaces/${workspace}/members`)).json.members.find(
        (m: { role: string }) => m.role === 'observer',
      ).user;
      const other = await env().user('other');
      await invite(first, other, { role: 'observer' });
      expect(
        (await other.request('DELETE', `/api/workspaces/${workspace}/members/${second.login}`)).status,
      ).toBe(403);
      expect(
        (await other.request('DELETE', `/api/workspaces/${workspace}/members/${other.login}`)).status,
      ).toBe(204);
      expect((await first.request('DELETE', `/api/workspaces/${workspace}/members/${observer}`)).status).toBe(
        204,
      );
      const demoted = await first.request('PUT', `/api/workspaces/${workspace}/members/${first.login}`, {
        body: { role: 'delegate', party: 'a' },
      });
      expect(demoted.status, demoted.body).toBe(200);
      expect(demoted.json).toEqual({ user: first.login, role: 'delegate', party: 'a' });
      const seen = await first.request('GET', `/api/workspaces/${workspace}`);
      expect(markersIn(seen.body, 'b')).toEqual([]);
      for (const attempt of [
        () =>
          second.request('PUT', `/api/workspaces/${workspace}/members/${second.login}`, {
            body: { role: 'observer' },
          }),
        () => second.request('DELETE', `/api/workspaces/${workspace}/members/${second.login}`),
      ]) {
        const refused = await attempt();
        expect(refused.status).toBe(409);
        expect(refused.json.error).toEqual({
          code: 'last-mediator',
          message: 'the workspace must keep a mediator: make someone else mediator first',
        });
      }
      // The only mediator accepting a lesser invitation: refused, and the invitation stays usable.
      const invitation = await second.request('POST', `/api/workspaces/${workspace}/invitations`, {
        body: { role: 'observer' },
      });
      expect((await second.request('POST', invitation.json.url)).status).toBe(409);
      expect((await env().user('late')).request('POST', invitation.json.url)).resolves.toMatchObject({
        status: 200,
      });
      const promoted = await second.request('PUT', `/api/workspaces/${workspace}/members/${first.login}`, {
        body: { role: 'mediator' },
      });
      expect(promoted.json.role).toBe('mediator');
    });

    it('two mediators demoting each other at once: one succeeds, one mediator remains', async () => {
      const replies = await Promise.all([
        first.request('PUT', `/api/workspaces/${workspace}/members/${second.login}`, {
          body: { role: 'observer' },
        }),
        second.request('PUT', `/api/workspaces/${workspace}/members/${first.login}`, {
          body: { role: 'observer' },
        }),
      ]);
      // The loser is refused either as no longer a mediator (403) or as the last one (409), by timing.
      const [won, lost] = replies.map((r) => r.status).sort();
      expect(won).toBe(200);
      expect(lost).toBeOneOf([403, 409]);
      const members = (await env().store.members.list(workspace)).filter((m) => m.role === 'mediator');
      expect(members).toHaveLength(1);
    });
  });
});
