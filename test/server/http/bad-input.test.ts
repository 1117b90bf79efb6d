import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../../../src/adapters/load/parse-scenario.js';
import { plantedScenario, plantedYaml } from '../../support/planted-scenario.js';
import { type TestClient, useTestServer } from '../../support/test-server.js';
import { tinyScenario } from '../../support/tiny-scenario.js';

/** No answer carries a stack trace or a source path. */
function noInternals(body: string) {
  expect(body).not.toMatch(/\n\s+at |\.ts:\d|node_modules/);
}

describe('bad input on the routes', () => {
  const env = useTestServer('sqlite', { bodyLimit: 64 * 1024 });
  let mediator: TestClient;
  let workspace = '';

  beforeAll(async () => {
    mediator = await env().user('mediator');
    workspace = (await mediator.request('POST', '/api/workspaces', { body: { scenario: plantedYaml() } }))
      .json.id;
  });

  it('an invalid scenario gets the same located diagnostics as the command line', async () => {
    const text = stringify(tinyScenario())
      .replace('role: signatory', 'role: signatroy')
      .replace('troops: 50', 'trops: 50');
    const reply = await mediator.request('POST', '/api/workspaces', { body: { scenario: text } });
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe('invalid-scenario');
    const cli = parseScenario(text, { fileName: 'scenario.yaml' });
    expect(cli.ok).toBe(false);
    if (cli.ok) return;
    expect(reply.json.error.issues).toEqual(
      cli.diagnostics.map(({ file: _file, ...d }) => expect.objectContaining(d)),
    );
    expect(reply.json.error.issues.length).toBeGreaterThanOrEqual(2);
    expect(reply.json.error.issues.some((i: { suggestion?: string }) => i.suggestion !== undefined)).toBe(
      true,
    );
  });

  it('wrong types and unknown fields name the field path and what was expected', async () => {
    const wrong = await mediator.request('POST', '/api/workspaces', { body: { scenario: 5, extra: true } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.scenario', expected: 'string' }),
        expect.objectContaining({ path: 'body', message: expect.stringContaining('extra') }),
      ]),
    );
    const samples = await mediator.request('POST', `/api/workspaces/${workspace}/analyze`, {
      body: { samples: -1 },
    });
    expect(samples.json.error.issues[0]).toMatchObject({ path: 'body.samples', expected: 'at least 0' });
  });

  it('query parameters are not coerced into arrays or from junk', async () => {
    for (const query of ['limit=abc', 'limit=5&limit=6', 'limit=0', 'surprise=1']) {
      const reply = await mediator.request('GET', `/api/workspaces/${workspace}/revisions?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.json.error.issues[0].path).toMatch(/^query/);
    }
    expect((await mediator.request('GET', `/api/workspaces/${workspace}/revisions?limit=5`)).status).toBe(
      200,
    );
  });

  it('invalid JSON, an empty body and a wrong media type get 400 or 415', async () => {
    const bad = await mediator.request('POST', '/api/workspaces', { raw: '{"scenario": ' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid-json');
    const empty = await mediator.request('POST', '/api/workspaces', { raw: '' });
    expect(empty.status).toBe(400);
    const text = await mediator.request('POST', '/api/workspaces', {
      raw: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(400);
    expect(text.json.error.issues[0]).toMatchObject({ path: 'body', expected: 'object' });
    const xml = await mediator.request('POST', '/api/workspaces', {
      raw: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.status).toBe(415);
    for (const r of [bad, empty, text, xml]) noInternals(r.body);
  });

  it('a body over the limit gets 413', async () => {
    const huge = { scenario: `# ${'x'.repeat(100 * 1024)}\n${plantedYaml()}` };
    const reply = await mediator.request('POST', '/api/workspaces', { body: huge });
    expect(reply.status).toBe(413);
    expect(reply.json.error.code).toBe('body-too-large');
  });

  it('unknown routes, workspaces, jobs and parties get 404 JSON', async () => {
    const route = await mediator.request('GET', '/api/nothing-here');
    expect(route.status).toBe(404);
    expect(route.json.error.code).toBe('no-route');
    for (const url of ['/api/workspaces/nope', '/api/jobs/nope', `/api/workspaces/${'x'.repeat(101)}`]) {
      const reply = await mediator.request('GET', url);
      expect(reply.status, url).toBeOneOf([404, 414]);
      expect(reply.json.error.code).toEqual(expect.any(String));
      noInternals(reply.body);
    }
    const party = await mediator.request('PUT', `/api/workspaces/${workspace}/parties/zz/preferences`, {
      body: { preferences: preferencesOf('a') },
      headers: { 'if-match': '"1"' },
    });
    expect(party.status).toBe(404);
  });

  it('invalid preferences are located under body.preferences', async () => {
    const preferences = { ...preferencesOf('a'), weights: { land: 'heavy' } };
    const reply = await mediator.request('PUT', `/api/workspaces/${workspace}/parties/a/preferences`, {
      body: { preferences },
      headers: { 'if-match': '"1"' },
    });
    expect(reply.status).toBe(400);
    expect(reply.json.error.issues[0].path).toMatch(/^body\.preferences\.weights\.land/);
    const unknownIssue = { ...preferencesOf('a'), weights: { lond: 2 } };
    const located = await mediator.request('PUT', `/api/workspaces/${workspace}/parties/a/preferences`, {
      body: { preferences: unknownIssue },
      headers: { 'if-match': '"1"' },
    });
    expect(located.status).toBe(400);
    expect(located.json.error.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.preferences.weights.lond' })]),
    );
  });

  it('an analysis naming an unknown package gets 422 with a suggestion', async () => {
    const reply = await mediator.request('POST', `/api/workspaces/${workspace}/evaluate`, {
      body: { package: 'p2' },
    });
    expect(reply.status).toBe(422);
    expect(reply.json.error.message).toMatch(/p1/);
    noInternals(reply.body);
  });

  it('describes every route in an OpenAPI 3.1 document', async () => {
    const reply = await mediator.request('GET', '/openapi.json');
    expect(reply.json.openapi).toBe('3.1.0');
    const operations = Object.values(reply.json.paths as Record<string, object>).flatMap((m) =>
      Object.keys(m),
    );
    expect(operations.length).toBe(env().server.routes.length);
    const create = reply.json.paths['/api/workspaces'].post;
    expect(create.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CreateWorkspaceBody',
    });
    expect(reply.json.components.schemas.CreateWorkspaceBody.required).toContain('scenario');
    // Every reference resolves inside the document.
    for (const [, name] of JSON.stringify(reply.json).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      expect(reply.json.components.schemas[name], name).toBeDefined();
    }
    expect(reply.json.paths['/api/workspaces/{workspace}/revisions'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'limit', in: 'query' })]),
    );
  });
});

describe('behind HTTPS', () => {
  const env = useTestServer('sqlite', { secureCookies: true });
  it('marks the session cookie Secure', async () => {
    const client = await env().user('secure');
    const reply = await client.signIn();
    expect(String(reply.headers['set-cookie'])).toMatch(/; Secure/);
  });
});

function preferencesOf(party: string) {
  const { party: _party, ...preferences } = plantedScenario().preferences.find((p) => p.party === party)!;
  return preferences;
}
