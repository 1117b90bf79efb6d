import type { Selectable } from 'kysely';
import { auditRow, type StoreContext, writeAudit } from '../context.js';
import { GroupCommit } from '../group-commit.js';
import type { AuditEntry, AuditRepository } from '../store.js';
import type { AuditLogTable } from '../tables.js';

function entryFromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at,
    ...(row.actor_id === null ? {} : { actorId: row.actor_id }),
    ...(row.workspace_id === null ? {} : { workspaceId: row.workspace_id }),
    action: row.action,
    ...(row.revision === null ? {} : { revision: Number(row.revision) }),
    ...(row.target === null ? {} : { target: row.target }),
    ...(row.detail_json === null ? {} : { detail: JSON.parse(row.detail_json) as Record<string, unknown> }),
  };
}

/** The repository, and `flush` for closing the store: reads already answered are written before it closes. */
export function createAuditRepository(context: StoreContext): AuditRepository & { flush(): Promise<void> } {
  const { db } = context;
  // 8 columns per row: 100 rows stay far below either database's limit on statement parameters.
  const reads = new GroupCommit<ReturnType<typeof auditRow>>(async (rows) => {
    await db.insertInto('audit_log').values(rows).execute();
  }, 100);
  return {
    flush: () => reads.flush(),

    recordRead(entry) {
      return reads.add(auditRow(context, entry));
    },

    async record(entry) {
      const id = await writeAudit(context, entry);
      const row = await db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return entryFromRow(row);
    },

    async list(filter) {
      let query = db.selectFrom('audit_log').selectAll();
      if (filter.workspaceId !== undefined) query = query.where('workspace_id', '=', filter.workspaceId);
      if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
      if (filter.before !== undefined) query = query.where('id', '<', filter.before);
      const rows = await query
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 100)
        .execute();
      return rows.map(entryFromRow);
    },
  };
}
