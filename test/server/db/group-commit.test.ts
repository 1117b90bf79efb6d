import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../src/server/db/group-commit.js';
import { storeTargets, uniqueLogin, useTestDatabase } from '../../support/test-stores.js';

describe('group commit', () => {
  it('writes items added in the same turn together, and later ones in the next write', async () => {
    const writes: number[][] = [];
    const batches = new GroupCommit<number>(async (items) => {
      writes.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const first = [1, 2, 3].map((k) => batches.add(k));
    await Promise.resolve();
    const second = [4, 5].map((k) => batches.add(k));
    await Promise.all([...first, ...second]);
    expect(writes).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('splits at the batch limit and keeps the order', async () => {
    const writes: number[][] = [];
    const batches = new GroupCommit<number>(async (items) => void writes.push(items), 2);
    await Promise.all([1, 2, 3, 4, 5].map((k) => batches.add(k)));
    expect(writes).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('a failed write rejects its own items only; flush waits for everything', async () => {
    let calls = 0;
    const batches = new GroupCommit<string>(async () => {
      calls++;
      if (calls === 1) throw new Error('disk full');
    });
    const failed = batches.add('a');
    await expect(failed).rejects.toThrow('disk full');
    const later = batches.add('b');
    await batches.flush();
    await expect(later).resolves.toBeUndefined();
  });
});

describe.each(storeTargets())('audited reads on $label', (target) => {
  const database = useTestDatabase(target.dialect);
  it.skipIf(!target.available)(
    'every read whose promise resolved is in the log, also after close',
    async () => {
      const store = await database.open();
      const created = await store.users.create({ login: uniqueLogin(), displayName: 'r', passwordHash: 'x' });
      if (!created.ok) throw new Error(created.reason);
      const reads = Array.from({ length: 250 }, (_, k) =>
        store.audit.recordRead({ actorId: created.user.id, action: 'read.scenario', revision: k }),
      );
      await Promise.all(reads.slice(0, 100));
      const early = await store.audit.list({ actorId: created.user.id, limit: 1000 });
      expect(early.length).toBeGreaterThanOrEqual(100);
      // Not awaited: closing the store writes what is still queued.
      await store.close();
      const again = await database.open();
      const all = await again.audit.list({ actorId: created.user.id, limit: 1000 });
      expect(all.map((e) => e.revision).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        Array.from({ length: 250 }, (_, k) => k),
      );
    },
  );
});
