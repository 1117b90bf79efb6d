import { beforeAll, describe, expect, it } from 'vitest';
import { plantedYaml } from '../../support/planted-scenario.js';
import { syntheticScenario } from '../../support/synthetic-scenario.js';
import { type TestClient, useTestServer } from '../../support/test-server.js';

/** The events of a Server-Sent Events body, in order. */
function events(body: string): Array<{ event: string; data: { state: string; result?: unknown } }> {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
      return { event, data };
    });
}

describe('analyses as jobs', () => {
  // A zero wait: every analysis not computed before answers 202 with its job.
  const env = useTestServer('sqlite', { directWaitMs: 0 });
  let mediator: TestClient;
  let workspace = '';

  beforeAll(async () => {
    mediator = await env().user('mediator');
    workspace = (await mediator.request('POST', '/api/workspaces', { body: { scenario: plantedYaml() } }))
      .json.id;
  });

  it('answers 202 with the job, streams its end by SSE, and serves the same request from the cache', async () => {
    const first = await mediator.request('POST', `/api/workspaces/${workspace}/analyze`, {
      body: { samples: 20 },
    });
    expect(first.status).toBe(202);
    expect(first.headers.location).toBe(`/api/jobs/${first.json.id}`);
    expect(first.json.state).toBeOneOf(['queued', 'running']);
    const stream = await mediator.request('GET', `/api/jobs/${first.json.id}/events`);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    const received = events(stream.body);
    expect(received.at(-1)).toMatchObject({ event: 'end', data: { state: 'done' } });
    expect(received.at(-1)?.data.result).toMatchObject({ space: { outcomes: 40 } });
    const again = await mediator.request('POST', `/api/workspaces/${workspace}/analyze`, {
      body: { seed: 1, samples: 20 },
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ kind: 'analyze', cached: true, revision: 1 });
    expect(await env().store.jobs.list(workspace)).toHaveLength(1);
  });

  it('a new revision is computed afresh', async () => {
    const evaluate = { package: 'p1' };
    await mediator.request('POST', `/api/workspaces/${workspace}/evaluate`, { body: evaluate });
    const head = await mediator.request('GET', `/api/workspaces/${workspace}`);
    const text = JSON.stringify({ ...head.json.scenario, title: 'Changed' });
    const put = await mediator.request('PUT', `/api/workspaces/${workspace}/scenario`, {
      body: { scenario: text, format: 'json' },
      headers: { 'if-match': String(head.headers.etag) },
    });
    expect(put.status).toBe(200);
    const fresh = await mediator.request('POST', `/api/workspaces/${workspace}/evaluate`, { body: evaluate });
    expect(fresh.status).toBe(202);
    expect(fresh.json.revision).toBe(put.json.revision);
  });

  it('cancels a long analysis: the job ends cancelled and the server keeps answering', async () => {
    const big = syntheticScenario({ parties: 3, issues: 9, options: 6, seed: 5 });
    const created = await mediator.request('POST', '/api/workspaces', {
      body: { scenario: JSON.stringify(big), format: 'json' },
    });
    expect(created.status).toBe(201);
    const started = await mediator.request('POST', `/api/workspaces/${created.json.id}/analyze`, {
      body: { samples: 2000 },
    });
    expect(started.status).toBe(202);
    const health = await mediator.request('GET', '/health');
    expect(health.json).toEqual({ status: 'ok' });
    const cancelled = await mediator.request('DELETE', `/api/jobs/${started.json.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.state).toBe('cancelled');
    const after = await mediator.request('GET', `/api/jobs/${started.json.id}`);
    expect(after.json.state).toBe('cancelled');
    const ended = await mediator.request('DELETE', `/api/jobs/${started.json.id}`);
    expect(ended.status).toBeOneOf([200, 409]);
  });

  it('only members see a job, and only its creator or the mediator cancels it', async () => {
    const started = await mediator.request('POST', `/api/workspaces/${workspace}/timeline`, { body: {} });
    const stranger = await env().user('stranger');
    expect((await stranger.request('GET', `/api/jobs/${started.json.id}`)).status).toBe(404);
    expect((await stranger.request('DELETE', `/api/jobs/${started.json.id}`)).status).toBe(404);
  });
});
