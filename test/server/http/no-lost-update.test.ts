import { describe, expect, it } from 'vitest';
import { plantedScenario, plantedYaml } from '../../support/planted-scenario.js';
import { type TestClient, useTestServer } from '../../support/test-server.js';
import { storeTargets } from '../../support/test-stores.js';

function ownPreferences(party: string, batna: number) {
  const { party: _party, ...preferences } = plantedScenario().preferences.find((p) => p.party === party)!;
  return { ...preferences, batna };
}

async function join(mediator: TestClient, member: TestClient, workspace: string, party: string) {
  const invitation = await mediator.request('POST', `/api/workspaces/${workspace}/invitations`, {
    body: { role: 'delegate', party },
  });
  expect((await member.request('POST', invitation.json.url)).status).toBe(200);
}

/** Writes with If-Match, and on 412 reads again and retries: what a careful client does. */
async function writeWithRetry(
  client: TestClient,
  url: string,
  // biome-ignore lint/suspicious/noExplicitAny: the workspace as read
  body: (read: any) => unknown,
  workspace: string,
) {
  let statuses: number[] = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    const read = await client.request('GET', `/api/workspaces/${workspace}`);
    const reply = await client.request('PUT', url, {
      body: body(read.json),
      headers: { 'if-match': String(read.headers.etag) },
    });
    statuses = [...statuses, reply.status];
    if (reply.status !== 412) return statuses;
    expect(reply.json.error.currentRevision).toBeGreaterThan(0);
  }
  return statuses;
}

describe.each(storeTargets())('no lost update on $label', (target) => {
  describe.skipIf(!target.available)('concurrent writers', () => {
    const env = useTestServer(target.dialect);

    it('a stale write gets 412 with the current revision; a write without If-Match gets 428', async () => {
      const mediator = await env().user('mediator');
      const created = await mediator.request('POST', '/api/workspaces', {
        body: { scenario: plantedYaml() },
      });
      const url = `/api/workspaces/${created.json.id}/parties/a/preferences`;
      const first = await mediator.request('PUT', url, {
        body: { preferences: ownPreferences('a', 41) },
        headers: { 'if-match': '"1"' },
      });
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe('"2"');
      const stale = await mediator.request('PUT', url, {
        body: { preferences: ownPreferences('a', 42) },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      expect(stale.json.error).toMatchObject({ code: 'stale-revision', currentRevision: 2 });
      expect(stale.headers.etag).toBe('"2"');
      const missing = await mediator.request('PUT', url, { body: { preferences: ownPreferences('a', 43) } });
      expect(missing.status).toBe(428);
      const history = await mediator.request('GET', `/api/workspaces/${created.json.id}/revisions`);
      expect(history.json.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    });

    it('two delegates and the mediator write at once: losers get 412, retry, and every change is kept', async () => {
      const { user } = env();
      const mediator = await user('mediator');
      const [a, b] = await Promise.all([user('delegate-a'), user('delegate-b')]);
      const created = await mediator.request('POST', '/api/workspaces', {
        body: { scenario: plantedYaml() },
      });
      const workspace = created.json.id;
      await join(mediator, a, workspace, 'a');
      await join(mediator, b, workspace, 'b');
      const rounds = 4;
      const all: number[][] = [];
      for (let round = 0; round < rounds; round++) {
        // Each writer sets a value unique to its round; all three start from the same revision.
        const results = await Promise.all([
          writeWithRetry(
            a,
            `/api/workspaces/${workspace}/parties/a/preferences`,
            () => ({ preferences: ownPreferences('a', 10 + round) }),
            workspace,
          ),
          writeWithRetry(
            b,
            `/api/workspaces/${workspace}/parties/b/preferences`,
            () => ({ preferences: ownPreferences('b', 20 + round) }),
            workspace,
          ),
          writeWithRetry(
            mediator,
            `/api/workspaces/${workspace}/scenario`,
            (read) => ({
              scenario: JSON.stringify({ ...read.scenario, title: `Round ${round}` }),
              format: 'json',
            }),
            workspace,
          ),
        ]);
        all.push(...results);
      }
      // Every write succeeded after zero or more 412s, and at least one writer had to retry.
      for (const statuses of all) {
        expect(statuses.at(-1)).toBe(200);
        expect(statuses.slice(0, -1).every((s) => s === 412)).toBe(true);
      }
      expect(all.some((statuses) => statuses.length > 1)).toBe(true);
      const final = await mediator.request('GET', `/api/workspaces/${workspace}`);
      const batnas = Object.fromEntries(
        final.json.scenario.preferences.map((p: { party: string; batna: unknown }) => [p.party, p.batna]),
      );
      expect(batnas).toMatchObject({ a: 10 + rounds - 1, b: 20 + rounds - 1 });
      expect(final.json.scenario.title).toBe(`Round ${rounds - 1}`);
      const history = await mediator.request('GET', `/api/workspaces/${workspace}/revisions`);
      expect(history.json.revisions.length).toBe(1 + 3 * rounds);
    });
  });
});
