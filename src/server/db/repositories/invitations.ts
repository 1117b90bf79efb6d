import type { Selectable } from 'kysely';
import { isoAfter, lockWorkspace, type StoreContext, within, writeAudit } from '../context.js';
import { newId, randomSecret, secretHash } from '../secrets.js';
import { type Invitation, type InvitationRepository, LastMediatorError } from '../store.js';
import type { InvitationsTable } from '../tables.js';
import { grantColumns, grantFromColumns, memberFromRow } from './grants.js';
import { isLastMediator } from './members.js';

function invitationFromRow(row: Selectable<InvitationsTable>): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    grant: grantFromColumns(row.role, row.party),
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.used_by === null ? {} : { usedBy: row.used_by }),
    ...(row.used_at === null ? {} : { usedAt: row.used_at }),
  };
}

export function createInvitationRepository(context: StoreContext): InvitationRepository {
  const { db } = context;
  return {
    async create({ workspaceId, grant, createdBy, ttlMs }) {
      const token = randomSecret();
      const at = context.now();
      const row = {
        id: newId(),
        token_hash: secretHash(token),
        workspace_id: workspaceId,
        ...grantColumns(grant),
        created_by: createdBy,
        created_at: at,
        expires_at: isoAfter(at, ttlMs),
        used_by: null,
        used_at: null,
        revoked_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('invitations').values(row).execute();
        await writeAudit(within(context, trx), {
          actorId: createdBy,
          workspaceId,
          action: 'invitation.create',
          target: row.id,
          detail: grantColumns(grant),
        });
      });
      return { token, invitation: invitationFromRow(row) };
    },

    async accept(token, userId) {
      const hash = secretHash(token);
      const at = context.now();
      const accepting = db.transaction().execute(async (trx) => {
        // Claim first (a write, so concurrent accepts serialise on the row): only one can find it unused.
        const claimed = await trx
          .updateTable('invitations')
          .set({ used_by: userId, used_at: at })
          .where('token_hash', '=', hash)
          .where('used_by', 'is', null)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', at)
          .returningAll()
          .executeTakeFirst();
        if (!claimed) {
          const existing = await trx
            .selectFrom('invitations')
            .select(['used_by', 'revoked_at'])
            .where('token_hash', '=', hash)
            .executeTakeFirst();
          if (!existing || existing.revoked_at !== null) return { ok: false, reason: 'unknown' } as const;
          return { ok: false, reason: existing.used_by !== null ? 'used' : 'expired' } as const;
        }
        const columns = { role: claimed.role, party: claimed.party };
        // Rolls the claim back: the only mediator accepting a lesser role would leave no mediator.
        await lockWorkspace(trx, claimed.workspace_id);
        if (columns.role !== 'mediator' && (await isLastMediator(trx, claimed.workspace_id, userId))) {
          throw new LastMediatorError();
        }
        const member = await trx
          .insertInto('members')
          .values({ workspace_id: claimed.workspace_id, user_id: userId, ...columns, added_at: at })
          .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet(columns))
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(within(context, trx), {
          actorId: userId,
          workspaceId: claimed.workspace_id,
          action: 'invitation.accept',
          target: claimed.id,
          detail: columns,
        });
        return { ok: true, invitation: invitationFromRow(claimed), member: memberFromRow(member) } as const;
      });
      return accepting.catch((error: unknown) => {
        if (error instanceof LastMediatorError) return { ok: false, reason: 'last-mediator' } as const;
        throw error;
      });
    },

    async list(workspaceId) {
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(invitationFromRow);
    },

    async revoke(workspaceId, invitationId, actor) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('invitations')
          .set({ revoked_at: context.now() })
          .where('id', '=', invitationId)
          .where('workspace_id', '=', workspaceId)
          .where('used_by', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await writeAudit(within(context, trx), {
          actorId: actor,
          workspaceId,
          action: 'invitation.revoke',
          target: invitationId,
        });
        return true;
      });
    },
  };
}
