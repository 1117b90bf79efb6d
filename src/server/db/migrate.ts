/** Brings a database to this code's schema version, refusing one that a newer Parley has written. */
import { type Kysely, Migrator, sql } from 'kysely';
import {
  MIGRATION_LOCK_TABLE,
  MIGRATION_TABLE,
  migrationProvider,
  migrationVersion,
  SCHEMA_VERSION,
} from './migrations.js';
import { SchemaTooNewError, type StoreDialect, StoreOpenError } from './store.js';
import type { Tables } from './tables.js';

/** The newest migration applied to the database (0 for an empty one). */
export async function databaseSchemaVersion(db: Kysely<Tables>): Promise<number> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return 0;
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db);
  return rows.rows.reduce((newest, row) => Math.max(newest, migrationVersion(row.name) || 0), 0);
}

function migrator(db: Kysely<Tables>, dialect: StoreDialect): Migrator {
  return new Migrator({
    db,
    provider: migrationProvider(dialect),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
}

/**
 * Applies pending migrations (each in its own transaction, under Kysely's migration lock, so two servers
 * starting at once do not both apply one) and returns the resulting version. A database newer than the code
 * is refused before anything is touched.
 */
export async function migrateToLatest(db: Kysely<Tables>, dialect: StoreDialect): Promise<number> {
  const before = await databaseSchemaVersion(db);
  if (before > SCHEMA_VERSION) throw new SchemaTooNewError(before, SCHEMA_VERSION);
  if (before === SCHEMA_VERSION) return before;
  const { error, results } = await migrator(db, dialect).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'a migration';
    throw new StoreOpenError(
      `cannot bring the database schema to version ${SCHEMA_VERSION}: ${failed} failed (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return databaseSchemaVersion(db);
}

/** Without migrating: the version, refusing a newer database and saying when the database needs migrating. */
export async function checkSchemaVersion(db: Kysely<Tables>): Promise<number> {
  const version = await databaseSchemaVersion(db);
  if (version > SCHEMA_VERSION) throw new SchemaTooNewError(version, SCHEMA_VERSION);
  return version;
}
