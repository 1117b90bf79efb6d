import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgresTool } from '../../../src/server/db/backup.js';
import { openStore } from '../../../src/server/db/open-store.js';
import type { Store } from '../../../src/server/db/store.js';
import { POSTGRES_ADMIN_URL, storeTargets, uniqueLogin, useTestDatabase } from '../../support/test-stores.js';
import { tinyScenario } from '../../support/tiny-scenario.js';

/** Restores a pg_dump file into a new database and returns its URL (dropped by the caller). */
async function restorePostgres(file: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL ?? '');
  url.pathname = `/${name}`;
  execFileSync(findPostgresTool('pg_restore') ?? 'pg_restore', ['--no-owner', `--dbname=${url}`, file]);
  return url.toString();
}

async function dropPostgres(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

describe.each(storeTargets())('backups on $label', (target) => {
  const database = useTestDatabase(target.dialect);
  const it_ = it.skipIf(!target.available || (target.dialect === 'postgres' && !findPostgresTool('pg_dump')));

  it_('a backup restores to a store with the same users, revisions and audit log', async () => {
    const store = await database.open();
    const user = await store.users.create({ login: uniqueLogin(), displayName: 'Kept', passwordHash: 'h' });
    if (!user.ok) throw new Error(user.reason);
    const { workspace } = await store.workspaces.create({
      title: 'Kept',
      createdBy: user.user.id,
      scenario: tinyScenario(),
    });
    await store.revisions.append({
      workspaceId: workspace.id,
      expectedRevision: 1,
      scenario: { ...tinyScenario(), title: 'second' },
      authorId: user.user.id,
      summary: 'second',
    });
    const file = join(database.options().dataDir, target.dialect === 'sqlite' ? 'copy.db' : 'copy.dump');
    const result = await store.backup(file);
    expect(result.file).toBe(file);
    expect(result.bytes).toBeGreaterThan(0);

    const restoredName = `parley_restored_${process.pid}`;
    const url = target.dialect === 'sqlite' ? file : await restorePostgres(file, restoredName);
    let copy: Store | undefined;
    try {
      copy = await openStore({ url, dataDir: database.options().dataDir, migrate: false });
      expect((await copy.users.findByLogin(user.user.login))?.id).toBe(user.user.id);
      expect((await copy.revisions.get(workspace.id))?.scenario.title).toBe('second');
      expect((await copy.audit.list({ workspaceId: workspace.id })).map((e) => e.action)).toEqual([
        'revision.append',
        'workspace.create',
      ]);
      expect(copy.schemaVersion).toBe(store.schemaVersion);
    } finally {
      await copy?.close();
      if (target.dialect === 'postgres') await dropPostgres(restoredName);
    }
    await expect(store.backup(file)).rejects.toThrow(/already exists; pass --force/);
    expect((await store.backup(file, { force: true })).file).toBe(file);
  });
});
