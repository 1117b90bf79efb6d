import { beforeAll, describe, expect, it } from 'vitest';
import { markersIn, plantedYaml } from '../../support/planted-scenario.js';
import { type TestClient, useTestServer } from '../../support/test-server.js';

const OPEN = {
  zoneEmptiness: true,
  constraintsInConflict: true,
  bargainingOutcomes: true,
  packageVerdicts: true,
};

describe('the package builder over HTTP', () => {
  const env = useTestServer('sqlite');
  let mediator: TestClient;
  let delegateA: TestClient;
  let delegateB: TestClient;
  let observer: TestClient;
  let workspace = '';
  const url = (route: string) => `/api/workspaces/${workspace}/${route}`;

  beforeAll(async () => {
    const { user } = env();
    mediator = await user('mediator');
    [delegateA, delegateB, observer] = await Promise.all([
      user('delegate-a'),
      user('delegate-b'),
      user('observer'),
    ]);
    workspace = (await mediator.request('POST', '/api/workspaces', { body: { scenario: plantedYaml() } }))
      .json.id;
    for (const [client, body] of [
      [delegateA, { role: 'delegate', party: 'a' }],
      [delegateB, { role: 'delegate', party: 'b' }],
      [observer, { role: 'observer' }],
    ] as const) {
      const invitation = await mediator.request('POST', url('invitations'), { body });
      expect((await client.request('POST', invitation.json.url)).status).toBe(200);
    }
  });

  it('evaluates a partial outcome for the mediator with every row, and a delegate its own row only', async () => {
    const body = { outcome: { land: 'share' }, at: '2025-03-01' };
    const all = await mediator.request('POST', url('what-if'), { body });
    expect(all.status).toBe(200);
    expect(all.json.result.evaluation.parties.map((p: { party: string }) => p.party)).toEqual(['a', 'b']);
    expect(all.json.result.evaluation.open).toEqual(['troops', 'money']);
    const own = await delegateA.request('POST', url('what-if'), { body });
    expect(own.json.result.evaluation.parties.map((p: { party: string }) => p.party)).toEqual(['a']);
    expect(own.json.result.parameters.map((p: { party: string }) => p.party)).toEqual(['a']);
    expect(markersIn(own.body, 'b')).toEqual([]);
    expect(own.json.result.evaluation.verdict).toBeUndefined();
  });

  it('lets a delegate change its own parameters only, and an observer only the date', async () => {
    const own = { batna: [{ party: 'a', value: 45 }], at: '2025-03-01' };
    const mine = await delegateA.request('POST', url('what-if'), { body: { hypothesis: own } });
    expect(mine.status).toBe(200);
    expect(mine.json.result.hypothesis).toEqual(own);
    const theirs = await delegateB.request('POST', url('what-if'), { body: { hypothesis: own } });
    expect(theirs.status).toBe(403);
    expect(markersIn(theirs.body, 'a')).toEqual([]);
    const watching = await observer.request('POST', url('what-if'), { body: { hypothesis: own } });
    expect(watching.status).toBe(403);
    const dated = await observer.request('POST', url('what-if'), {
      body: { hypothesis: { at: '2025-01-15' } },
    });
    expect(dated.status).toBe(200);
    const mediated = await mediator.request('POST', url('what-if'), { body: { hypothesis: own } });
    expect(mediated.json.result.evaluation.parties[0].batna.estimate).toBe(45);
  });

  it('answers bad input with located problems and suggestions, never a stack', async () => {
    const typo = await mediator.request('POST', url('what-if'), { body: { outcome: { lnd: 'shar' } } });
    expect(typo.status).toBe(422);
    expect(typo.json.error.issues).toEqual([
      expect.objectContaining({ path: 'body.outcome.lnd', suggestion: "did you mean 'land'?" }),
    ]);
    const option = await mediator.request('POST', url('nearest'), { body: { outcome: { land: 'shar' } } });
    expect(option.status).toBe(422);
    expect(option.json.error.issues[0]).toMatchObject({
      path: 'body.outcome.land',
      suggestion: "did you mean 'share'?",
    });
    const range = await delegateA.request('POST', url('what-if'), {
      body: { hypothesis: { batna: [{ party: 'a', value: 99 }], at: '2025-03-01' } },
    });
    expect(range.status).toBe(422);
    expect(range.json.error.issues[0]).toMatchObject({ path: 'body.hypothesis.batna[0].value' });
    const shape = await mediator.request('POST', url('what-if'), { body: { hypothesis: { batna: 'high' } } });
    expect(shape.status).toBe(400);
    expect(`${typo.body}${option.body}${range.body}${shape.body}`).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('finds the nearest acceptable package; others see it only when every other party discloses verdicts', async () => {
    const body = { outcome: { land: 'keep', money: 'none' }, at: '2025-03-01' };
    const full = await mediator.request('POST', url('nearest'), { body });
    expect(full.status).toBe(200);
    const result = full.json.result;
    expect(result.nearest.possible).toBe(true);
    expect(result.nearest.fewestChanges.value).toBeGreaterThan(0);
    expect(result.nearest.fewestChanges.alternatives[0].outcome.assignment.land).not.toBe('keep');
    const strict = await delegateA.request('POST', url('nearest'), { body });
    expect(strict.json.result.fewestChanges).toBeUndefined();
    expect(strict.json.result.improvement).toBeUndefined();
    expect(markersIn(strict.body, 'b')).toEqual([]);
    const policy = { parties: {}, otherwise: OPEN, privatePositions: false };
    expect((await mediator.request('PUT', url('disclosure'), { body: policy })).status).toBe(200);
    const open = await delegateA.request('POST', url('nearest'), { body });
    expect(open.json.result.fewestChanges.value).toBe(result.nearest.fewestChanges.value);
    expect(open.json.result.fewestChanges.alternatives[0].own).toBeDefined();
    expect(markersIn(open.body, 'b')).toEqual([]);
    const seenByB = await delegateB.request('POST', url('nearest'), { body });
    expect(markersIn(seenByB.body, 'a')).toEqual([]);
  });

  it('lists both routes in the OpenAPI document', async () => {
    const document = (await mediator.request('GET', '/openapi.json')).json;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/workspaces/{workspace}/what-if', '/api/workspaces/{workspace}/nearest']),
    );
  });
});
