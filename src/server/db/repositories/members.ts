import type { Kysely } from 'kysely';
import { lockWorkspace, type StoreContext, within, writeAudit } from '../context.js';
import { LastMediatorError, type MemberRepository } from '../store.js';
import type { Tables } from '../tables.js';
import { grantColumns, memberFromRow } from './grants.js';

export function createMemberRepository(context: StoreContext): MemberRepository {
  const { db } = context;
  return {
    async get(workspaceId, userId) {
      const row = await db
        .selectFrom('members')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && memberFromRow(row);
    },

    async list(workspaceId) {
      const rows = await db
        .selectFrom('members')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('added_at')
        .orderBy('user_id')
        .execute();
      return rows.map(memberFromRow);
    },

    async set(workspaceId, userId, grant, actor) {
      const columns = grantColumns(grant);
      return db.transaction().execute(async (trx) => {
        // Two mediators demoting each other at once must not both succeed.
        await lockWorkspace(trx, workspaceId);
        if (grant.role !== 'mediator' && (await isLastMediator(trx, workspaceId, userId))) {
          throw new LastMediatorError();
        }
        const row = await trx
          .insertInto('members')
          .values({ workspace_id: workspaceId, user_id: userId, ...columns, added_at: context.now() })
          .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet(columns))
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(within(context, trx), {
          actorId: actor,
          workspaceId,
          action: 'member.set',
          target: userId,
          detail: { ...columns },
        });
        return memberFromRow(row);
      });
    },

    async remove(workspaceId, userId, actor) {
      return db.transaction().execute(async (trx) => {
        // Two mediators removing each other at once must not both succeed.
        await lockWorkspace(trx, workspaceId);
        const member = await trx
          .selectFrom('members')
          .select('role')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (!member) return { ok: false, reason: 'not-member' } as const;
        if (await isLastMediator(trx, workspaceId, userId)) {
          return { ok: false, reason: 'last-mediator' } as const;
        }
        await trx
          .deleteFrom('members')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute();
        await writeAudit(within(context, trx), {
          actorId: actor,
          workspaceId,
          action: 'member.remove',
          target: userId,
        });
        return { ok: true } as const;
      });
    },
  };
}

/**
 * Whether the user is the workspace's only mediator (a workspace always keeps one: someone must be able to set
 * the disclosure policy and invite). Call inside a transaction that holds the workspace's lock.
 */
export async function isLastMediator(
  db: Kysely<Tables>,
  workspaceId: string,
  userId: string,
): Promise<boolean> {
  const mediators = await db
    .selectFrom('members')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'mediator')
    .limit(2)
    .execute();
  return mediators.length === 1 && mediators[0].user_id === userId;
}
