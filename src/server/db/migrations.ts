/**
 * The schema's history, in code: migration `NNNN-name` brings the schema to version NNNN. Migrations are
 * append-only: a released one is never edited; a change is a new migration. `SCHEMA_VERSION` is the newest.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import type { StoreDialect } from './store.js';

type MigrationBody = (db: Kysely<unknown>, dialect: StoreDialect) => Promise<void>;

/** An integer key that the database numbers in insertion order. */
async function createTableWithSerialId(db: Kysely<unknown>, dialect: StoreDialect, table: string) {
  return db.schema
    .createTable(table)
    .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    );
}

/** Refuses UPDATE and DELETE on a table whose rows are history (audit log, revisions). */
async function makeAppendOnly(db: Kysely<unknown>, dialect: StoreDialect, table: string) {
  const message = `${table} is append-only`;
  if (dialect === 'sqlite') {
    for (const event of ['update', 'delete']) {
      await sql
        .raw(
          `create trigger ${table}_no_${event} before ${event} on ${table} begin select raise(abort, '${message}'); end`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `create function ${table}_append_only() returns trigger language plpgsql as $$ begin raise exception '${message}'; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_append_only before update or delete on ${table} for each row execute function ${table}_append_only()`,
    )
    .execute(db);
}

const initial: MigrationBody = async (db, dialect) => {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('csrf_secret', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_by_user').on('api_tokens').column('user_id').execute();

  await (await createTableWithSerialId(db, dialect, 'login_attempts'))
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempts_by_login')
    .on('login_attempts')
    .columns(['login', 'at'])
    .execute();
  await db.schema
    .createIndex('login_attempts_by_address')
    .on('login_attempts')
    .columns(['address', 'at'])
    .execute();

  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('head_revision', 'integer', (c) => c.notNull())
    .addColumn('private_positions', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('mediator', 'delegate', 'observer')`))
    .addColumn('party', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('members_pk', ['workspace_id', 'user_id'])
    .addCheckConstraint('members_delegate_party', sql`(role = 'delegate') = (party is not null)`)
    .execute();
  await db.schema.createIndex('members_by_user').on('members').column('user_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('mediator', 'delegate', 'observer')`))
    .addColumn('party', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_by', 'text', (c) => c.references('users.id'))
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('invitations_by_workspace').on('invitations').column('workspace_id').execute();

  await db.schema
    .createTable('revisions')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('scenario_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('revisions_pk', ['workspace_id', 'number'])
    .execute();
  await makeAppendOnly(db, dialect, 'revisions');

  await db.schema
    .createTable('disclosure_policies')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('disclosure_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_policies_pk', ['workspace_id', 'party'])
    .execute();

  // No foreign keys: the log outlives what it mentions.
  await (await createTableWithSerialId(db, dialect, 'audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('workspace_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer')
    .addColumn('target', 'text')
    .addColumn('detail_json', 'text')
    .execute();
  await db.schema.createIndex('audit_by_workspace').on('audit_log').columns(['workspace_id', 'id']).execute();
  await db.schema.createIndex('audit_by_actor').on('audit_log').columns(['actor_id', 'id']).execute();
  await makeAppendOnly(db, dialect, 'audit_log');

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('options_hash', 'text', (c) => c.notNull())
    .addColumn('options_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed', 'cancelled')`),
    )
    .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('result_json', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('jobs_by_key')
    .on('jobs')
    .columns(['workspace_id', 'revision', 'kind', 'options_hash', 'status'])
    .execute();
  await db.schema.createIndex('jobs_by_status').on('jobs').column('status').execute();
};

/** Strategy modules users upload for simulations and tournaments (run only in the sandbox). */
const strategies: MigrationBody = async (db) => {
  await db.schema
    .createTable('strategies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('strategies_user_name', ['user_id', 'name'])
    .execute();
};

const MIGRATIONS: ReadonlyArray<readonly [name: string, up: MigrationBody]> = [
  ['0001-initial', initial],
  ['0002-strategies', strategies],
];

/** The schema version this code writes and expects: the number of its newest migration. */
export const SCHEMA_VERSION = migrationVersion(MIGRATIONS[MIGRATIONS.length - 1][0]);

/** The version a migration name stands for (`0007-…` → 7); NaN for a name that does not start with digits. */
export function migrationVersion(name: string): number {
  const digits = /^(\d+)-/.exec(name);
  return digits ? Number(digits[1]) : Number.NaN;
}

/** Kysely's in-code provider for one dialect. */
export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations() {
      const migrations: Record<string, Migration> = {};
      for (const [name, up] of MIGRATIONS) {
        migrations[name] = { up: (db) => up(db as Kysely<unknown>, dialect) };
      }
      return migrations;
    },
  };
}

/** Where Kysely records applied migrations (named for Parley, so a shared PostgreSQL database stays tidy). */
export const MIGRATION_TABLE = 'parley_migration';
export const MIGRATION_LOCK_TABLE = 'parley_migration_lock';
