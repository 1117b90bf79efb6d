import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { domainImporter } from '../../../src/adapters/server/domain-importer.js';
import { reportRenderer } from '../../../src/adapters/server/report-renderer.js';
import { DEFAULT_POLICY } from '../../../src/core/privacy/disclosure-policy.js';
import { markersIn, PRIVATE_PARTIES, plantedScenario, plantedYaml } from '../../support/planted-scenario.js';
import { repoRoot } from '../../support/run-cli.js';
import { type TestClient, useTestServer } from '../../support/test-server.js';
import { storeTargets } from '../../support/test-stores.js';
import { tinyScenario } from '../../support/tiny-scenario.js';

type Party = (typeof PRIVATE_PARTIES)[number];

interface Caller {
  name: string;
  client: TestClient;
  /** The party whose private data this caller may see, if any. */
  sees?: Party;
}

/** A GENIUS domain and its profiles from examples/, as the import route takes them. */
function lunchFiles() {
  const dir = join(repoRoot, 'examples', 'domains', 'genius-lunch');
  return readdirSync(dir).map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
}

/** A party's planted preferences as the body of the preferences route (the route names the party). */
function preferencesBody(party: string) {
  const { party: _party, ...preferences } = plantedScenario().preferences.find((p) => p.party === party)!;
  return { preferences };
}

describe.each(storeTargets())('confidentiality matrix on $label', (target) => {
  describe.skipIf(!target.available)('every route of /openapi.json, every role', () => {
    const env = useTestServer(target.dialect, {
      maxFailuresPerLogin: 10_000,
      maxFailuresPerAddress: 10_000,
      domains: domainImporter,
      reports: reportRenderer,
      // A loaded machine can take longer than the default wait for the first analysis, which must answer 200.
      directWaitMs: 60_000,
    });
    let workspace = '';
    let job = '';
    let tokenId = '';
    let callers: Caller[] = [];

    beforeAll(async () => {
      const { user, anonymous } = env();
      const mediator = await user('mediator');
      const [delegateA, delegateB, observer, stranger] = await Promise.all([
        user('delegate-a'),
        user('delegate-b'),
        user('observer'),
        user('stranger'),
      ]);
      const created = await mediator.request('POST', '/api/workspaces', {
        body: { scenario: plantedYaml() },
      });
      expect(created.status).toBe(201);
      workspace = created.json.id;
      for (const [client, body] of [
        [delegateA, { role: 'delegate', party: 'a' }],
        [delegateB, { role: 'delegate', party: 'b' }],
        [observer, { role: 'observer' }],
      ] as const) {
        const invitation = await mediator.request('POST', `/api/workspaces/${workspace}/invitations`, {
          body,
        });
        expect(invitation.status).toBe(201);
        expect((await client.request('POST', invitation.json.url)).status).toBe(200);
      }
      // The stranger is the mediator of another workspace, with data of its own.
      const own = await stranger.request('POST', '/api/workspaces', {
        body: { scenario: stringify(tinyScenario()) },
      });
      expect(own.status).toBe(201);
      const analysis = await mediator.request('POST', `/api/workspaces/${workspace}/analyze`, { body: {} });
      expect(analysis.status).toBe(200);
      const jobs = await env().store.jobs.list(workspace);
      job = jobs[0].id;
      tokenId = (await mediator.request('POST', '/api/tokens', { body: { name: 'script' } })).json.id;
      const tokenClient = anonymous();
      tokenClient.bearer = (
        await delegateA.request('POST', '/api/tokens', { body: { name: 'a-script' } })
      ).json.token;
      callers = [
        { name: 'mediator', client: mediator },
        { name: 'delegate of a', client: delegateA, sees: 'a' },
        { name: 'delegate of a (API token)', client: tokenClient, sees: 'a' },
        { name: 'delegate of b', client: delegateB, sees: 'b' },
        { name: 'observer', client: observer },
        { name: 'member of another workspace', client: stranger },
        { name: 'no session', client: anonymous() },
      ];
    });

    /** A plausible request for each route (body and parameters), keyed by "METHOD /path"; one bad variant too. */
    function samples(key: string, caller: Caller): Array<{ params: Record<string, string>; body?: unknown }> {
      const w = { workspace };
      const bad = { workspace: 'no-such-workspace', party: 'zz', job: 'no-such-job', token: 'no-such-token' };
      const bodies: Record<string, Array<{ params: Record<string, string>; body?: unknown }>> = {
        'GET /health': [{ params: {} }],
        'GET /openapi.json': [{ params: {} }],
        'GET /api/session': [{ params: {} }],
        'POST /api/session': [
          { params: {}, body: { login: caller.client.login ?? 'nobody', password: 'wrong password' } },
          { params: {}, body: { login: 7 } },
        ],
        'DELETE /api/session': [{ params: {} }],
        'GET /api/tokens': [{ params: {} }],
        'POST /api/tokens': [
          { params: {}, body: { name: 'matrix' } },
          { params: {}, body: { name: '' } },
        ],
        'DELETE /api/tokens/{token}': [{ params: { token: tokenId } }, { params: bad }],
        'GET /api/workspaces': [{ params: {} }],
        'POST /api/workspaces': [
          { params: {}, body: { scenario: stringify(tinyScenario()) } },
          { params: {}, body: { scenario: 'parley: 1\nparties: 3\n' } },
        ],
        'GET /api/workspaces/{workspace}': [{ params: w }, { params: bad }],
        'PUT /api/workspaces/{workspace}/scenario': [
          { params: w, body: { scenario: plantedYaml(), summary: 'again' } },
          { params: w, body: { scenario: 'not: [valid' } },
        ],
        'PUT /api/workspaces/{workspace}/parties/{party}/preferences': [
          { params: { workspace, party: 'a' }, body: preferencesBody('a') },
          { params: { workspace, party: 'b' }, body: preferencesBody('b') },
          { params: { workspace, party: 'a' }, body: { preferences: { weights: 'heavy' } } },
          { params: bad, body: preferencesBody('a') },
        ],
        'GET /api/workspaces/{workspace}/revisions': [{ params: w }, { params: bad }],
        'GET /api/workspaces/{workspace}/export': [{ params: w }, { params: bad }],
        'GET /api/workspaces/{workspace}/members': [{ params: w }, { params: bad }],
        'POST /api/workspaces/{workspace}/invitations': [
          { params: w, body: { role: 'observer' } },
          { params: w, body: { role: 'delegate', party: 'zz' } },
        ],
        'POST /api/invitations/{token}/accept': [{ params: bad }],
        'GET /api/workspaces/{workspace}/disclosure': [{ params: w }, { params: bad }],
        'PUT /api/workspaces/{workspace}/disclosure': [
          { params: w, body: DEFAULT_POLICY },
          { params: w, body: { parties: 3 } },
        ],
        'GET /api/workspaces/{workspace}/audit': [{ params: w }, { params: bad }],
        'POST /api/workspaces/{workspace}/evaluate': [
          { params: w, body: { package: 'p1' } },
          { params: w, body: { versions: ['plan:v1'], outcome: { troops: '50' } } },
          { params: w, body: { package: 'no-such-package' } },
        ],
        'POST /api/workspaces/{workspace}/analyze': [
          { params: w, body: {} },
          { params: w, body: { package: 'clash', samples: 50, seed: 3 } },
          { params: w, body: { samples: 'many' } },
        ],
        'POST /api/workspaces/{workspace}/diff': [
          { params: w, body: { before: 'plan:v1', after: 'plan:v2' } },
          { params: w, body: { before: 'p1', after: 'clash', packages: true } },
          { params: w, body: { before: 'plan:v1', after: 'plan:v9' } },
        ],
        'POST /api/workspaces/{workspace}/timeline': [
          { params: w, body: {} },
          { params: w, body: { documents: ['nope'] } },
        ],
        'POST /api/workspaces/{workspace}/report': [
          { params: w, body: {} },
          { params: w, body: { samples: 'many' } },
        ],
        'GET /api/workspaces/{workspace}/report': [{ params: w }, { params: bad }],
        'POST /api/workspaces/import': [
          { params: {}, body: { files: lunchFiles() } },
          { params: {}, body: { files: [{ path: 'x.xml', text: '<nope' }] } },
        ],
        'GET /api/jobs/{job}': [{ params: { job } }, { params: bad }],
        'GET /api/jobs/{job}/events': [{ params: { job } }, { params: bad }],
        'DELETE /api/jobs/{job}': [{ params: { job } }, { params: bad }],
      };
      const found = bodies[key];
      if (!found) throw new Error(`no sample request for ${key}: add one to the confidentiality matrix`);
      return found;
    }

    it('plants data that the mediator and each delegate can see', async () => {
      const [mediator, delegateA] = callers;
      const all = await mediator.client.request('GET', `/api/workspaces/${workspace}`);
      expect(markersIn(all.body, 'a').length).toBeGreaterThan(3);
      expect(markersIn(all.body, 'b').length).toBeGreaterThan(3);
      const own = await delegateA.client.request('GET', `/api/workspaces/${workspace}`);
      expect(markersIn(own.body, 'a').length).toBeGreaterThan(3);
      expect(markersIn(own.body, 'b')).toEqual([]);
    });

    it("no route answers anyone with another party's markers, in body or headers", async () => {
      const document = (await callers[0].client.request('GET', '/openapi.json')).json;
      const routes = Object.entries(document.paths as Record<string, Record<string, unknown>>)
        .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
        // Signing out last, so that each caller keeps its session for the other routes.
        .sort((x, y) => Number(x === 'DELETE /api/session') - Number(y === 'DELETE /api/session'));
      expect(routes.length).toBeGreaterThan(20);
      const leaks: string[] = [];
      let calls = 0;
      for (const caller of callers) {
        for (const key of routes) {
          const [method, path] = key.split(' ');
          for (const sample of samples(key, caller)) {
            const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
              encodeURIComponent(sample.params[name] ?? ''),
            );
            const head = (await env().store.workspaces.get(workspace))?.headRevision ?? 1;
            const reply = await caller.client.request(method, url, {
              ...(sample.body !== undefined ? { body: sample.body } : {}),
              headers: { 'if-match': `"${head}"` },
            });
            calls++;
            expect(
              reply.status,
              `${caller.name}: ${key} → ${reply.status} ${reply.body.slice(0, 200)}`,
            ).toBeLessThan(500);
            if (caller.name === 'mediator') continue;
            const seen = `${reply.body}\n${JSON.stringify(reply.headers)}`;
            for (const party of PRIVATE_PARTIES) {
              if (party === caller.sees) continue;
              const found = markersIn(seen, party);
              if (found.length > 0)
                leaks.push(`${caller.name}: ${method} ${url} (${reply.status}) shows ${found.join(', ')}`);
            }
          }
        }
      }
      expect(leaks).toEqual([]);
      expect(calls).toBeGreaterThan(callers.length * routes.length);
    });
  });
});
