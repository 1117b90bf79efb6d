/**
 * Opens the database a store URL names: PostgreSQL through a pg pool, or an SQLite file through better-sqlite3
 * with the settings that make an acknowledged write durable (see `SQLITE_PRAGMAS`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type StoreDialect, StoreOpenError, type StoreOptions } from './store.js';
import type { Tables } from './tables.js';

/** The SQLite file's name inside the data directory. */
export const SQLITE_FILE_NAME = 'parley.db';

/**
 * WAL lets readers run beside the one writer; `synchronous = FULL` syncs the WAL at every commit, so a write is
 * on disk before it is acknowledged, even if the machine (not only the process) fails. (NORMAL would survive a
 * killed process but could lose the last commits on power loss.) The busy timeout makes a second process, such
 * as `parley users add` beside a running server, wait for the write lock instead of failing.
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
] as const;

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string /** The URL without its password, for messages. */; display: string };

/** Which database the options name. */
export function databaseTarget(options: Pick<StoreOptions, 'url' | 'dataDir'>): DatabaseTarget {
  const url = options.url?.trim();
  if (!url) return { dialect: 'sqlite', file: join(resolve(options.dataDir), SQLITE_FILE_NAME) };
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', url, display: withoutPassword(url) };
  if (/^sqlite:/i.test(url)) return { dialect: 'sqlite', file: resolve(url.slice('sqlite:'.length)) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new StoreOpenError(
      `unsupported database URL "${withoutPassword(url)}": expected postgres://… or a SQLite file path`,
    );
  }
  return { dialect: 'sqlite', file: resolve(url) };
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

export interface Connection {
  dialect: StoreDialect;
  db: Kysely<Tables>;
  target: DatabaseTarget;
}

/** `mustExist`: refuse to create a missing SQLite file (for commands that only read, such as a backup). */
export async function connect(target: DatabaseTarget, mustExist = false): Promise<Connection> {
  if (target.dialect === 'sqlite') return connectSqlite(target, mustExist);
  return connectPostgres(target);
}

function connectSqlite(
  target: Extract<DatabaseTarget, { dialect: 'sqlite' }>,
  mustExist: boolean,
): Connection {
  if (mustExist && !existsSync(target.file)) {
    throw new StoreOpenError(`no Parley database at ${target.file} (check --db or --data-dir)`);
  }
  let database: BetterSqlite3.Database;
  try {
    mkdirSync(resolve(target.file, '..'), { recursive: true });
    database = new BetterSqlite3(target.file);
    for (const pragma of SQLITE_PRAGMAS) database.pragma(pragma);
  } catch (error) {
    throw new StoreOpenError(`cannot open the SQLite database ${target.file}: ${messageOf(error)}`);
  }
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  return { dialect: 'sqlite', db, target };
}

async function connectPostgres(
  target: Extract<DatabaseTarget, { dialect: 'postgres' }>,
): Promise<Connection> {
  const pool = new pg.Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its connection reports here; without a listener it would crash the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreOpenError(`cannot connect to PostgreSQL at ${target.display}: ${messageOf(error)}`);
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { dialect: 'postgres', db, target };
}

export function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
}
