import type { Kysely, Selectable } from 'kysely';
import { type StoreContext, within, writeAudit } from '../context.js';
import type { AppendRevisionResult, RevisionMeta, RevisionRepository } from '../store.js';
import type { RevisionsTable, Tables } from '../tables.js';
import { scenarioFromText, scenarioText } from './scenario-text.js';
import { isUniqueViolation } from './unique-violation.js';

function metaFromRow(row: Omit<Selectable<RevisionsTable>, 'scenario_json'>): RevisionMeta {
  return {
    workspaceId: row.workspace_id,
    number: Number(row.number),
    authorId: row.author_id,
    createdAt: row.created_at,
    summary: row.summary,
    contentHash: row.content_hash,
  };
}

async function headOf(db: Kysely<Tables>, workspaceId: string): Promise<AppendRevisionResult> {
  const row = await db
    .selectFrom('workspaces')
    .select('head_revision')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row
    ? { ok: false, reason: 'conflict', current: Number(row.head_revision) }
    : { ok: false, reason: 'no-workspace' };
}

export function createRevisionRepository(context: StoreContext): RevisionRepository {
  const { db } = context;
  return {
    async append({ workspaceId, expectedRevision, scenario, authorId, summary, validated }) {
      const { text, hash } = scenarioText(scenario, validated);
      const number = expectedRevision + 1;
      const at = context.now();
      try {
        return await db.transaction().execute(async (trx): Promise<AppendRevisionResult> => {
          // The compare-and-set: on PostgreSQL a concurrent writer waits for this row and then sees the new
          // head (no match); on SQLite the write lock serialises whole transactions.
          const moved = await trx
            .updateTable('workspaces')
            .set({ head_revision: number })
            .where('id', '=', workspaceId)
            .where('head_revision', '=', expectedRevision)
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) === 0) return headOf(trx, workspaceId);
          const row = {
            workspace_id: workspaceId,
            number,
            scenario_json: text,
            content_hash: hash,
            author_id: authorId,
            created_at: at,
            summary,
          };
          await trx.insertInto('revisions').values(row).execute();
          await writeAudit(within(context, trx), {
            actorId: authorId,
            workspaceId,
            action: 'revision.append',
            revision: number,
          });
          return { ok: true, revision: metaFromRow(row) };
        });
      } catch (error) {
        // The unique (workspace, number) key: the backstop should the compare-and-set ever let two through.
        if (isUniqueViolation(error)) return headOf(db, workspaceId);
        throw error;
      }
    },

    async get(workspaceId, number) {
      let query = db.selectFrom('revisions').selectAll().where('workspace_id', '=', workspaceId);
      query =
        number === undefined ? query.orderBy('number', 'desc').limit(1) : query.where('number', '=', number);
      const row = await query.executeTakeFirst();
      return row && { ...metaFromRow(row), scenario: scenarioFromText(row.scenario_json, row.content_hash) };
    },

    async list(workspaceId, options = {}) {
      let query = db
        .selectFrom('revisions')
        .select(['workspace_id', 'number', 'content_hash', 'author_id', 'created_at', 'summary'])
        .where('workspace_id', '=', workspaceId);
      if (options.before !== undefined) query = query.where('number', '<', options.before);
      const rows = await query
        .orderBy('number', 'desc')
        .limit(options.limit ?? 100)
        .execute();
      return rows.map(metaFromRow);
    },
  };
}
