import { countOf, lockWorkspace, type StoreContext, within, writeAudit } from '../context.js';
import type { MemberRepository } from '../store.js';
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
        if (member.role === 'mediator') {
          const mediators = await trx
            .selectFrom('members')
            .select((eb) => eb.fn.countAll().as('count'))
            .where('workspace_id', '=', workspaceId)
            .where('role', '=', 'mediator')
            .executeTakeFirst();
          if (countOf(mediators as { count: string | number }) <= 1) {
            return { ok: false, reason: 'last-mediator' } as const;
          }
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
