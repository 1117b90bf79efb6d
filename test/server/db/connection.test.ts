import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseTarget, SQLITE_FILE_NAME } from '../../../src/server/db/connect.js';
import { storeTargets, useTestDatabase } from '../../support/test-stores.js';

describe('which database the options name', () => {
  it('defaults to parley.db in the data dir; takes SQLite paths and postgres URLs', () => {
    expect(databaseTarget({ dataDir: '/srv/parley' })).toEqual({
      dialect: 'sqlite',
      file: join('/srv/parley', SQLITE_FILE_NAME),
    });
    expect(databaseTarget({ url: 'sqlite:/data/x.db', dataDir: '.' })).toEqual({
      dialect: 'sqlite',
      file: '/data/x.db',
    });
    expect(databaseTarget({ url: '/data/y.db', dataDir: '.' })).toEqual({
      dialect: 'sqlite',
      file: '/data/y.db',
    });
    expect(databaseTarget({ url: 'postgresql://me:pw@db/p', dataDir: '.' })).toEqual({
      dialect: 'postgres',
      url: 'postgresql://me:pw@db/p',
      display: 'postgresql://me:***@db/p',
    });
  });
});

describe.each(storeTargets())('database settings on $label', (target) => {
  const database = useTestDatabase(target.dialect);
  const it_ = it.skipIf(!target.available);

  it_('enforces foreign keys', async () => {
    const store = await database.open();
    await expect(
      store.members.set('no-workspace', 'no-user', { role: 'observer' }, 'no-user'),
    ).rejects.toThrow(/foreign key/i);
  });

  it.skipIf(target.dialect !== 'sqlite')('keeps SQLite in WAL mode', async () => {
    await (await database.open()).close();
    expect(await database.raw('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });
});
