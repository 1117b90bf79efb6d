import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/server/db/connect.js';
import { openStore } from '../../src/server/db/open-store.js';
import type { Store, StoreDialect, StoreOptions } from '../../src/server/db/store.js';

/** The PostgreSQL server the store tests may use (its user must be allowed to create databases). */
export const POSTGRES_ADMIN_URL = process.env.PARLEY_TEST_POSTGRES_URL?.trim() || undefined;

export interface StoreTarget {
  dialect: StoreDialect;
  /** For describe.each titles: says why a half is skipped. */
  label: string;
  available: boolean;
}

/** Both dialects; PostgreSQL is marked unavailable (and its tests skipped, saying so) without the variable. */
export function storeTargets(): StoreTarget[] {
  if (!POSTGRES_ADMIN_URL) {
    console.warn('PARLEY_TEST_POSTGRES_URL is not set: the PostgreSQL half of these store tests is skipped');
  }
  return [
    { dialect: 'sqlite', label: 'sqlite', available: true },
    {
      dialect: 'postgres',
      label: POSTGRES_ADMIN_URL ? 'postgres' : 'postgres (skipped: PARLEY_TEST_POSTGRES_URL is not set)',
      available: POSTGRES_ADMIN_URL !== undefined,
    },
  ];
}

export interface TestDatabase {
  /** Options naming this file's own database: a fresh SQLite data dir, or a fresh PostgreSQL database. */
  options(extra?: Partial<StoreOptions>): StoreOptions;
  /** Opens a store on it (closed after the file's tests). */
  open(extra?: Partial<StoreOptions>): Promise<Store>;
  /** Runs SQL on the database directly, beside the store (for what the store's interface refuses to do). */
  raw(text: string): Promise<Array<Record<string, unknown>>>;
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * One fresh database per test file (call at the top of a describe block): a temporary folder for SQLite, or a
 * uniquely named PostgreSQL database, created before the tests and dropped after them.
 */
export function useTestDatabase(dialect: StoreDialect): TestDatabase {
  const opened: Store[] = [];
  let dataDir = '';
  let url: string | undefined;
  const name = `parley_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-store-'));
    if (dialect === 'postgres' && POSTGRES_ADMIN_URL) {
      await adminQuery(`create database ${name}`);
      url = databaseUrl(POSTGRES_ADMIN_URL, name);
    }
  });

  afterAll(async () => {
    for (const store of opened.splice(0)) await store.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    if (url) await adminQuery(`drop database if exists ${name} with (force)`);
  });

  const options = (extra: Partial<StoreOptions> = {}): StoreOptions => ({
    dataDir,
    ...(url ? { url } : {}),
    ...extra,
  });
  return {
    options,
    async raw(text) {
      if (url) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(text)).rows as Array<Record<string, unknown>>;
        } finally {
          await client.end();
        }
      }
      const database = new BetterSqlite3(join(dataDir, SQLITE_FILE_NAME));
      try {
        const statement = database.prepare(text);
        if (statement.reader) return statement.all() as Array<Record<string, unknown>>;
        statement.run();
        return [];
      } finally {
        database.close();
      }
    },
    async open(extra) {
      const store = await openStore(options(extra));
      opened.push(store);
      return store;
    },
  };
}

let logins = 0;
/** A login no other test in the process uses. */
export function uniqueLogin(prefix = 'user'): string {
  logins += 1;
  return `${prefix}-${process.pid}-${logins}`;
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-01-01T00:00:00.000Z'): {
  now: () => Date;
  advance(ms: number): void;
} {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance(ms) {
      time += ms;
    },
  };
}
