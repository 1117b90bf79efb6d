import type { Selectable } from 'kysely';
import { type StoreContext, within, writeAudit } from '../context.js';
import { newId } from '../secrets.js';
import type { RevisionMeta, Workspace, WorkspaceRepository } from '../store.js';
import type { WorkspacesTable } from '../tables.js';
import { memberFromRow } from './grants.js';
import { scenarioText } from './scenario-text.js';

export function workspaceFromRow(row: Selectable<WorkspacesTable>): Workspace {
  return {
    id: row.id,
    title: row.title,
    createdBy: row.created_by,
    createdAt: row.created_at,
    headRevision: Number(row.head_revision),
  };
}

export function createWorkspaceRepository(context: StoreContext): WorkspaceRepository {
  const { db } = context;
  return {
    async create(input) {
      const { text, hash } = scenarioText(input.scenario, input.validated);
      const at = context.now();
      const workspace = {
        id: newId(),
        title: input.title,
        created_by: input.createdBy,
        created_at: at,
        head_revision: 1,
        private_positions: 0,
      };
      const revision: RevisionMeta = {
        workspaceId: workspace.id,
        number: 1,
        authorId: input.createdBy,
        createdAt: at,
        summary: input.summary ?? 'created',
        contentHash: hash,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('workspaces').values(workspace).execute();
        await trx
          .insertInto('revisions')
          .values({
            workspace_id: workspace.id,
            number: 1,
            scenario_json: text,
            content_hash: hash,
            author_id: input.createdBy,
            created_at: at,
            summary: revision.summary,
          })
          .execute();
        await trx
          .insertInto('members')
          .values({
            workspace_id: workspace.id,
            user_id: input.createdBy,
            role: 'mediator',
            party: null,
            added_at: at,
          })
          .execute();
        await writeAudit(within(context, trx), {
          actorId: input.createdBy,
          workspaceId: workspace.id,
          action: 'workspace.create',
          revision: 1,
        });
      });
      return { workspace: workspaceFromRow(workspace), revision };
    },

    async get(id) {
      const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
      return row && workspaceFromRow(row);
    },

    async listForUser(userId) {
      const rows = await db
        .selectFrom('workspaces')
        .innerJoin('members', 'members.workspace_id', 'workspaces.id')
        .selectAll('workspaces')
        .select(['members.user_id', 'members.role', 'members.party', 'members.added_at'])
        .where('members.user_id', '=', userId)
        .orderBy('workspaces.created_at', 'desc')
        .orderBy('workspaces.id')
        .execute();
      return rows.map((row) => ({
        workspace: workspaceFromRow(row),
        member: memberFromRow({ ...row, workspace_id: row.id }),
      }));
    },

    async rename(id, title, actor) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('workspaces')
          .set({ title })
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await writeAudit(within(context, trx), {
          actorId: actor,
          workspaceId: id,
          action: 'workspace.rename',
        });
        return true;
      });
    },
  };
}
