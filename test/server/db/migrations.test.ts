import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/server/db/migrations.js';
import { openStore } from '../../../src/server/db/open-store.js';
import { SchemaTooNewError, StoreOpenError } from '../../../src/server/db/store.js';
import { storeTargets, useTestDatabase } from '../../support/test-stores.js';

describe.each(storeTargets())('schema versions on $label', (target) => {
  const database = useTestDatabase(target.dialect);
  const it_ = it.skipIf(!target.available);

  it_('migrates an empty database to the current version, and reopening changes nothing', async () => {
    const store = await database.open();
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    await store.close();
    const again = await database.open();
    expect(again.schemaVersion).toBe(SCHEMA_VERSION);
    const applied = await database.raw('select name from parley_migration order by name');
    expect(applied.map((row) => row.name)).toEqual(['0001-initial', '0002-strategies']);
  });

  it_('refuses a database a newer Parley wrote, saying so, and leaves it untouched', async () => {
    await (await database.open()).close();
    const future = SCHEMA_VERSION + 6;
    const name = `${String(future).padStart(4, '0')}-from-the-future`;
    await database.raw(`insert into parley_migration (name, timestamp) values ('${name}', '2030-01-01')`);
    const opening = openStore(database.options());
    await expect(opening).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(openStore(database.options())).rejects.toThrow(
      `database schema version ${future} is newer than this Parley (${SCHEMA_VERSION}); upgrade Parley`,
    );
    await expect(openStore(database.options({ migrate: false }))).rejects.toThrow(/upgrade Parley/);
    const applied = await database.raw('select name from parley_migration order by name');
    expect(applied.map((row) => row.name)).toEqual(['0001-initial', '0002-strategies', name]);
    await database.raw(`delete from parley_migration where name = '${name}'`);
  });
});

describe('opening errors', () => {
  it('an unreachable PostgreSQL server is a clear error without the password', async () => {
    const opening = openStore({ url: 'postgres://parley:s3cret@127.0.0.1:1/parley', dataDir: '.' });
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    await expect(
      openStore({ url: 'postgres://parley:s3cret@127.0.0.1:1/parley', dataDir: '.' }),
    ).rejects.toThrow(/^cannot connect to PostgreSQL at postgres:\/\/parley:\*\*\*@127\.0\.0\.1:1\/parley: /);
  });

  it('an unsupported URL scheme is named', async () => {
    await expect(openStore({ url: 'mysql://host/db', dataDir: '.' })).rejects.toThrow(
      'unsupported database URL "mysql://host/db": expected postgres://… or a SQLite file path',
    );
  });
});
