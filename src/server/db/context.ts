/** What every repository shares: the database (or the transaction it runs in), its dialect and the clock. */
import type { Kysely } from 'kysely';
import type { NewAuditEntry, StoreDialect } from './store.js';
import type { Tables } from './tables.js';

export interface StoreContext {
  db: Kysely<Tables>;
  dialect: StoreDialect;
  /** The current time as ISO-8601 UTC with milliseconds. */
  now(): string;
}

/** The same context on a transaction. */
export function within(context: StoreContext, db: Kysely<Tables>): StoreContext {
  return { ...context, db };
}

/** The columns of an audit entry, stamped now. */
export function auditRow(context: StoreContext, entry: NewAuditEntry) {
  return {
    at: context.now(),
    actor_id: entry.actorId ?? null,
    workspace_id: entry.workspaceId ?? null,
    action: entry.action,
    revision: entry.revision ?? null,
    target: entry.target ?? null,
    detail_json: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  };
}

/** Appends an audit entry on the context's database (inside the caller's transaction when there is one). */
export async function writeAudit(context: StoreContext, entry: NewAuditEntry): Promise<number> {
  const row = await context.db
    .insertInto('audit_log')
    .values(auditRow(context, entry))
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** `count(*)` comes back as a string from PostgreSQL and a number from SQLite. */
export function countOf(row: { count: string | number | bigint } | undefined): number {
  return row === undefined ? 0 : Number(row.count);
}

/** A time `ms` after an ISO time. */
export function isoAfter(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/**
 * Serialises writers of one workspace: a no-op update that takes the workspace row's write lock on PostgreSQL
 * (and the database's write lock on SQLite) until the transaction ends. False when there is no such workspace.
 */
export async function lockWorkspace(db: Kysely<Tables>, workspaceId: string): Promise<boolean> {
  const result = await db
    .updateTable('workspaces')
    .set((eb) => ({ head_revision: eb.ref('head_revision') }))
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
