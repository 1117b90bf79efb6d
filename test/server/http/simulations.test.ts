import { beforeAll, describe, expect, it } from 'vitest';
import { parseSimulationConfig } from '../../../src/adapters/simulation/config-schema.js';
import { sandboxedSimulator } from '../../../src/adapters/simulation/run-simulation.js';
import { simulate } from '../../../src/app/simulate.js';
import { STRATEGY_LIMITS } from '../../../src/schema/api/simulation.js';
import { markersIn, PLANTED_NUMBERS, plantedScenario, plantedYaml } from '../../support/planted-scenario.js';
import { type TestClient, useTestServer } from '../../support/test-server.js';
import { storeTargets } from '../../support/test-stores.js';

/** A strategy module as a user would upload it: concedes in steps, accepts what it would offer itself. */
function steadySource(name: string): string {
  return `export default {
  name: '${name}',
  create() {
    let ctx;
    let target;
    return {
      name: '${name}',
      init(c) { ctx = c; target = c.maxUtility; },
      propose(state) {
        target = Math.max(ctx.floor(state.round), target - 5);
        return ctx.bidAtLeast(target) ?? null;
      },
      respond(state, offer) { return ctx.utility(offer) >= target ? 'accept' : 'reject'; },
    };
  },
};
`;
}

const CONFIG = { agents: { a: 'linear', b: 'boulware' }, deadline: { rounds: 30 }, seed: 7 };

describe.each(storeTargets())('simulations, tournaments and strategies over HTTP on $label', (target) => {
  describe.skipIf(!target.available)('routes', () => {
    const env = useTestServer(target.dialect);
    let mediator: TestClient;
    let delegateA: TestClient;
    let observer: TestClient;
    let workspace = '';

    beforeAll(async () => {
      mediator = await env().user('mediator');
      delegateA = await env().user('delegate-a');
      observer = await env().user('observer');
      workspace = (await mediator.request('POST', '/api/workspaces', { body: { scenario: plantedYaml() } }))
        .json.id;
      for (const [client, body] of [
        [delegateA, { role: 'delegate', party: 'a' }],
        [observer, { role: 'observer' }],
      ] as const) {
        const invitation = await mediator.request('POST', `/api/workspaces/${workspace}/invitations`, {
          body,
        });
        expect((await client.request('POST', invitation.json.url)).status).toBe(200);
      }
    });

    it('the mediator gets the same run as the use case computes in-process, then the cached copy', async () => {
      const reply = await mediator.request('POST', `/api/workspaces/${workspace}/simulate`, {
        body: { config: CONFIG },
      });
      expect(reply.status, reply.body).toBe(200);
      const direct = await simulate(
        { scenario: plantedScenario(), config: parseSimulationConfig(CONFIG) },
        {
          clock: { now: () => 0 },
          progress: { report: () => {} },
          cancel: { aborted: false },
          simulator: sandboxedSimulator,
        },
      );
      expect(reply.json.result.run.outcome).toEqual(direct.run.outcome);
      expect(reply.json.result.run.metrics.utilities).toEqual(direct.run.metrics.utilities);
      expect(reply.json.result.run.events.length).toBe(direct.run.events?.length);
      const again = await mediator.request('POST', `/api/workspaces/${workspace}/simulate`, {
        body: { config: CONFIG },
      });
      expect(again.json).toMatchObject({ kind: 'simulate', cached: true });
    });

    it("a delegate sees its own moves and numbers, never the other party's, and an observer none", async () => {
      const mine = await delegateA.request('POST', `/api/workspaces/${workspace}/simulate`, {
        body: { config: CONFIG },
      });
      expect(mine.status).toBe(200);
      const run = mine.json.result.run;
      expect(run.results.map((r: { party: string }) => r.party)).toEqual(['a']);
      expect(run.events.length).toBeGreaterThan(0);
      expect(run.events.every((e: { party: string }) => e.party === 'a')).toBe(true);
      expect(run.utilities[run.parties.indexOf('b')]).toBeNull();
      expect(markersIn(mine.body, 'b')).toEqual([]);
      for (const n of PLANTED_NUMBERS.b) expect(mine.body).not.toContain(n);
      const seen = await observer.request('POST', `/api/workspaces/${workspace}/simulate`, {
        body: { config: CONFIG },
      });
      expect(seen.json.result.run.results).toEqual([]);
      expect(seen.json.result.run.events).toEqual([]);
      expect(markersIn(seen.body, 'a')).toEqual([]);
      expect(markersIn(seen.body, 'b')).toEqual([]);
    });

    it('a bad configuration is a 422 naming the field; a bad body a 400 with its path', async () => {
      const bad = await mediator.request('POST', `/api/workspaces/${workspace}/simulate`, {
        body: { config: { agents: { a: 'linear', zz: 'linear' }, deadline: { rounds: 5 }, seed: 1 } },
      });
      expect(bad.status).toBe(422);
      expect(bad.json.error.message).toMatch(/agents/);
      const shape = await mediator.request('POST', `/api/workspaces/${workspace}/simulate`, {
        body: { config: CONFIG, strategies: 'steady' },
      });
      expect(shape.status).toBe(400);
      expect(shape.json.error.issues[0].path).toBe('body.strategies');
      const unknown = await mediator.request('POST', `/api/workspaces/${workspace}/simulate`, {
        body: { config: CONFIG, strategies: ['linearr'] },
      });
      expect(unknown.status).toBe(422);
      expect(unknown.json.error.message).toMatch(/did you mean 'linear'/);
    });

    it('uploads a strategy, checked in the sandbox; lists it for its owner only; refuses bad modules', async () => {
      const up = await delegateA.request('POST', '/api/strategies', {
        body: { source: steadySource('steady-a') },
      });
      expect(up.status, up.body).toBe(201);
      expect(up.json).toMatchObject({ name: 'steady-a', bytes: steadySource('steady-a').length });
      const listed = await delegateA.request('GET', '/api/strategies');
      expect(listed.json.strategies.map((s: { name: string }) => s.name)).toEqual(['steady-a']);
      expect(listed.json.limits).toEqual(STRATEGY_LIMITS);
      expect((await mediator.request('GET', '/api/strategies')).json.strategies).toEqual([]);
      const twice = await delegateA.request('POST', '/api/strategies', {
        body: { source: steadySource('steady-a') },
      });
      expect(twice.status).toBe(409);
      const broken = await delegateA.request('POST', '/api/strategies', {
        body: { source: 'export default {' },
      });
      expect(broken.status).toBe(422);
      expect(broken.json.error.issues[0].path).toBe('body.source');
      expect(broken.json.error.message).toMatch(
        /^the strategy module cannot be used: SyntaxError: .* \(at strategy\.js:1:\d+\)$/,
      );
      expect(broken.body).not.toMatch(/parley-uploaded|\/tmp\//);
      const builtIn = await delegateA.request('POST', '/api/strategies', {
        body: { source: steadySource('linear') },
      });
      expect(builtIn.status).toBe(422);
      const huge = await delegateA.request('POST', '/api/strategies', {
        body: { source: `// ${'x'.repeat(STRATEGY_LIMITS.sourceBytes)}\n${steadySource('big')}` },
      });
      expect(huge.status).toBe(400);
      expect(huge.json.error.issues[0].path).toBe('body.source');
      const outside = await delegateA.request('POST', '/api/strategies', {
        body: { source: `import x from '/etc/passwd';\n${steadySource('escape')}` },
      });
      expect(outside.status).toBe(422);
    });

    it("a delegate's uploaded strategy plays its own party in the sandbox, and only that party", async () => {
      const own = await delegateA.request('POST', `/api/workspaces/${workspace}/simulate`, {
        body: { config: { ...CONFIG, agents: { a: 'steady-a', b: 'linear' } }, strategies: ['steady-a'] },
      });
      expect(own.status, own.body).toBe(200);
      expect(own.json.result.run.results[0]).toMatchObject({ party: 'a', strategy: 'steady-a' });
      const other = await delegateA.request('POST', `/api/workspaces/${workspace}/simulate`, {
        body: { config: { ...CONFIG, agents: { a: 'linear', b: 'steady-a' } }, strategies: ['steady-a'] },
      });
      expect(other.status).toBe(422);
      expect(other.json.error.message).toBe(
        "config.agents.b: your uploaded strategy 'steady-a' may play only your own party (a)",
      );
    });

    it('a tournament: the mediator gets scores, a delegate its own utilities; uploads are the mediator’s only', async () => {
      const body = { strategies: ['linear', 'boulware'], seed: 3, simulation: { deadline: { rounds: 20 } } };
      const full = await mediator.request('POST', `/api/workspaces/${workspace}/tournament`, { body });
      expect(full.status, full.body).toBe(200);
      expect(full.json.result.result.matches).toHaveLength(4);
      expect(full.json.result.result.summary.strategies).toHaveLength(2);
      const seen = await delegateA.request('POST', `/api/workspaces/${workspace}/tournament`, { body });
      expect(seen.json.cached).toBe(true);
      const matches = seen.json.result.matches as Array<{
        parties: string[];
        utilities: Array<number | null>;
      }>;
      expect(matches).toHaveLength(4);
      for (const m of matches) expect(m.utilities[m.parties.indexOf('b')]).toBeNull();
      expect(seen.json.result.summary).toBeUndefined();
      expect(seen.json.result.scores[0]).not.toHaveProperty('welfare');
      const entered = await delegateA.request('POST', `/api/workspaces/${workspace}/tournament`, {
        body: { ...body, strategies: ['linear', 'steady-a'] },
      });
      expect(entered.status).toBe(403);
      const uploaded = await mediator.request('POST', '/api/strategies', {
        body: { source: steadySource('steady-m') },
      });
      expect(uploaded.status).toBe(201);
      const mixed = await mediator.request('POST', `/api/workspaces/${workspace}/tournament`, {
        body: { ...body, strategies: ['linear', 'steady-m'] },
      });
      expect(mixed.status, mixed.body).toBe(200);
      expect(mixed.json.result.result.strategies).toEqual(['linear', 'steady-m']);
    });

    it('deletes a strategy; a deleted or foreign one is unknown', async () => {
      expect((await mediator.request('DELETE', '/api/strategies/steady-a')).status).toBe(404);
      expect((await delegateA.request('DELETE', '/api/strategies/steady-a')).status).toBe(204);
      expect((await delegateA.request('GET', '/api/strategies')).json.strategies).toEqual([]);
    });
  });
});

describe('long tournaments as jobs', () => {
  // A zero wait: every request not computed before answers 202 with its job.
  const env = useTestServer('sqlite', { directWaitMs: 0, jobs: { threads: 2 } });

  it('answers 202, streams progress by match, limits each user to two at once, and cancels', async () => {
    const mediator = await env().user('mediator');
    const workspace = (
      await mediator.request('POST', '/api/workspaces', { body: { scenario: plantedYaml() } })
    ).json.id;
    const long = (seed: number) => ({
      strategies: ['linear', 'boulware', 'conceder', 'hardliner'],
      repetitions: 20,
      seed,
      simulation: { deadline: { rounds: 200 } },
    });
    const first = await mediator.request('POST', `/api/workspaces/${workspace}/tournament`, {
      body: long(1),
    });
    expect(first.status).toBe(202);
    const second = await mediator.request('POST', `/api/workspaces/${workspace}/tournament`, {
      body: long(2),
    });
    expect(second.status).toBe(202);
    const third = await mediator.request('POST', `/api/workspaces/${workspace}/tournament`, {
      body: long(3),
    });
    expect(third.status).toBe(429);
    expect(third.json.error.code).toBe('too-many-jobs');
    for (const job of [first.json.id, second.json.id]) {
      const cancelled = await mediator.request('DELETE', `/api/jobs/${job}`);
      expect(cancelled.json.state).toBe('cancelled');
    }
    const short = { ...long(4), repetitions: 3 };
    const after = await mediator.request('POST', `/api/workspaces/${workspace}/tournament`, { body: short });
    expect(after.status).toBe(202);
    const stream = await mediator.request('GET', `/api/jobs/${after.json.id}/events`);
    const events = stream.body
      .split('\n\n')
      .filter((block) => block.trim() !== '')
      .map((block) => ({
        event: /^event: (.*)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'),
      }));
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { state: 'done' } });
    expect(events.at(-1)?.data.result.result.matches).toHaveLength(16 * 3);
    expect(events.some((e) => e.event === 'progress' && e.data.progress.step === 'matches')).toBe(true);
  });
});
