import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/server/db/open-store.js';
import type { Store, StoreOptions } from '../../../src/server/db/store.js';
import { repoRoot } from '../../support/run-cli.js';
import { storeTargets, uniqueLogin, useTestDatabase } from '../../support/test-stores.js';
import { tinyScenario } from '../../support/tiny-scenario.js';

const writerScript = join(repoRoot, 'test', 'server', 'db', 'fixtures', 'append-revisions.mjs');
const builtStore = join(repoRoot, 'dist', 'server', 'db', 'open-store.js');

interface Writer {
  child: ChildProcess;
  /** Every revision number the child printed as acknowledged. */
  acknowledged: number[];
  /** Resolves once `n` acknowledgements have arrived. */
  waitFor(n: number): Promise<void>;
  exited: Promise<number | null>;
}

function startWriter(args: Record<string, unknown>): Writer {
  if (!existsSync(builtStore))
    throw new Error(`${builtStore} is missing: run \`npm run build\` first (npm test does)`);
  const child = spawn(process.execPath, [writerScript, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: number[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  let pending = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (/^\d+$/.test(line)) acknowledged.push(Number(line));
    for (const waiter of waiters.filter((w) => acknowledged.length >= w.n)) waiter.resolve();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    acknowledged,
    exited,
    waitFor: (n) =>
      new Promise((resolve, reject) => {
        if (acknowledged.length >= n) return resolve();
        waiters.push({ n, resolve });
        exited.then((code) =>
          reject(new Error(`writer exited (${code}) after ${acknowledged.length}: ${stderr}`)),
        );
      }),
  };
}

async function seed(store: Store) {
  const user = await store.users.create({ login: uniqueLogin(), displayName: 'Writer', passwordHash: 'h' });
  if (!user.ok) throw new Error(user.reason);
  const { workspace } = await store.workspaces.create({
    title: 'Crash',
    createdBy: user.user.id,
    scenario: tinyScenario(),
  });
  return { workspaceId: workspace.id, authorId: user.user.id, scenario: tinyScenario() };
}

async function expectContiguous(store: Store, workspaceId: string): Promise<number> {
  const head = (await store.workspaces.get(workspaceId))?.headRevision ?? 0;
  const numbers = (await store.revisions.list(workspaceId, { limit: 100_000 })).map((r) => r.number);
  expect(numbers).toEqual(Array.from({ length: head }, (_, k) => head - k));
  return head;
}

describe.each(storeTargets())('crash safety on $label', (target) => {
  const database = useTestDatabase(target.dialect);
  const it_ = it.skipIf(!target.available);

  it_('every acknowledged revision survives kill -9 of the writer, and the database is intact', async () => {
    const store = await database.open();
    const seeded = await seed(store);
    const storeOptions: StoreOptions = database.options();
    for (let round = 0; round < 2; round++) {
      const writer = startWriter({ storeOptions, ...seeded });
      await writer.waitFor(30 + round * 20);
      writer.child.kill('SIGKILL');
      await writer.exited;
      const reopened = await database.open();
      const head = await expectContiguous(reopened, seeded.workspaceId);
      const last = writer.acknowledged[writer.acknowledged.length - 1];
      expect(head).toBeGreaterThanOrEqual(last);
      for (const number of writer.acknowledged) {
        expect((await reopened.revisions.get(seeded.workspaceId, number))?.summary).toMatch(/^loop-\d+$/);
      }
      await reopened.close();
    }
    if (target.dialect === 'sqlite') {
      expect(await database.raw('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await database.raw('pragma foreign_key_check')).toEqual([]);
    }
  });

  it.skipIf(target.dialect !== 'sqlite')(
    'a backup taken during a stream of writes is consistent',
    async () => {
      const store = await database.open();
      const seeded = await seed(store);
      const writer = startWriter({ storeOptions: database.options(), ...seeded });
      await writer.waitFor(5);
      const file = join(database.options().dataDir, 'during-writes.db');
      const acknowledgedBefore = writer.acknowledged[writer.acknowledged.length - 1];
      await store.backup(file);
      const copiedAfter = writer.acknowledged.length;
      await writer.waitFor(copiedAfter + 5);
      writer.child.kill('SIGKILL');
      await writer.exited;
      const copy = await openStore({ url: file, dataDir: database.options().dataDir, migrate: false });
      const head = await expectContiguous(copy, seeded.workspaceId);
      await copy.close();
      // Everything acknowledged before the copy started is in it; the copy is one snapshot, not a mixture.
      expect(head).toBeGreaterThanOrEqual(acknowledgedBefore);
      const integrity = new BetterSqlite3(file, { readonly: true });
      expect(integrity.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      integrity.close();
    },
  );

  it_('writers in separate processes on one workspace lose no update', async () => {
    const store = await database.open();
    const seeded = await seed(store);
    const storeOptions: StoreOptions = database.options();
    const count = 12;
    const writers = ['a', 'b', 'c'].map((name) =>
      startWriter({ storeOptions, ...seeded, count, writer: name }),
    );
    expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0, 0]);
    const head = await expectContiguous(store, seeded.workspaceId);
    expect(head).toBe(1 + 3 * count);
    const summaries = new Set(
      (await store.revisions.list(seeded.workspaceId, { limit: 1000 })).map((r) => r.summary),
    );
    for (const name of ['a', 'b', 'c'])
      for (let k = 0; k < count; k++) expect(summaries).toContain(`${name}-${k}`);
  });
});
