import { describe, expect, it } from 'vitest';
import type { NewJob, Store } from '../../../src/server/db/store.js';
import { storeTargets, uniqueLogin, useTestDatabase } from '../../support/test-stores.js';
import { tinyScenario } from '../../support/tiny-scenario.js';

describe.each(storeTargets())('jobs and results on $label', (target) => {
  const database = useTestDatabase(target.dialect);
  const it_ = it.skipIf(!target.available);

  async function jobInput(store: Store): Promise<NewJob> {
    const created = await store.users.create({ login: uniqueLogin(), displayName: 'U', passwordHash: 'h' });
    if (!created.ok) throw new Error(created.reason);
    const { workspace } = await store.workspaces.create({
      title: 'W',
      createdBy: created.user.id,
      scenario: tinyScenario(),
    });
    return {
      workspaceId: workspace.id,
      revision: 1,
      kind: 'analyze',
      optionsHash: 'h1',
      options: { samples: 100, seed: 1 },
      createdBy: created.user.id,
    };
  }

  it_(
    'runs a job through its states and keeps its result for the same revision, kind and options',
    async () => {
      const store = await database.open();
      const input = await jobInput(store);
      const job = await store.jobs.create(input);
      expect(job).toMatchObject({ status: 'queued', progress: 0, options: { samples: 100, seed: 1 } });
      expect(await store.jobs.findResult(input.workspaceId, 1, 'analyze', 'h1')).toBeUndefined();
      expect(await store.jobs.progress(job.id, 0.5)).toBe(false);
      expect(await store.jobs.start(job.id)).toBe(true);
      expect(await store.jobs.start(job.id)).toBe(false);
      expect(await store.jobs.progress(job.id, 0.5, 'frontier')).toBe(true);
      expect(await store.jobs.get(job.id)).toMatchObject({
        status: 'running',
        progress: 0.5,
        progressMessage: 'frontier',
      });
      const result = { zone: { empty: false }, points: [1.5, 2.25] };
      expect(await store.jobs.finish(job.id, result)).toBe(true);
      expect(await store.jobs.cancel(job.id)).toBe(false);
      const cached = await store.jobs.findResult(input.workspaceId, 1, 'analyze', 'h1');
      expect(cached).toMatchObject({ id: job.id, status: 'done', progress: 1, result });
      expect(await store.jobs.findResult(input.workspaceId, 1, 'analyze', 'h2')).toBeUndefined();
      expect(await store.jobs.findResult(input.workspaceId, 2, 'analyze', 'h1')).toBeUndefined();
      expect(await store.jobs.findResult(input.workspaceId, 1, 'simulate', 'h1')).toBeUndefined();
    },
  );

  it_('failed and cancelled jobs are not results; interrupted ones fail at start-up', async () => {
    const store = await database.open();
    const input = await jobInput(store);
    const failed = await store.jobs.create(input);
    await store.jobs.start(failed.id);
    expect(await store.jobs.fail(failed.id, 'solver gave up')).toBe(true);
    const cancelled = await store.jobs.create(input);
    expect(await store.jobs.cancel(cancelled.id)).toBe(true);
    expect(await store.jobs.findResult(input.workspaceId, 1, 'analyze', 'h1')).toBeUndefined();
    expect(await store.jobs.get(failed.id)).toMatchObject({ status: 'failed', error: 'solver gave up' });

    const running = await store.jobs.create(input);
    await store.jobs.start(running.id);
    const queued = await store.jobs.create(input);
    expect(await store.jobs.failInterrupted('the server restarted')).toBe(2);
    expect(await store.jobs.get(running.id)).toMatchObject({
      status: 'failed',
      error: 'the server restarted',
    });
    expect(await store.jobs.get(queued.id)).toMatchObject({ status: 'failed' });
    expect((await store.jobs.list(input.workspaceId)).length).toBe(4);
    expect((await store.jobs.list(input.workspaceId, { status: 'cancelled' })).map((j) => j.id)).toEqual([
      cancelled.id,
    ]);
  });
});
