import type { Selectable } from 'kysely';
import { type StoreContext, within, writeAudit } from '../context.js';
import { newId, randomSecret, secretHash } from '../secrets.js';
import type { ApiToken, ApiTokenRepository } from '../store.js';
import type { ApiTokensTable } from '../tables.js';
import { userFromRow } from './users.js';

/** Prefix of every API token, so that a leaked one is recognisable (and secret scanners can match it). */
export const API_TOKEN_PREFIX = 'parley_';

function apiTokenFromRow(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
  };
}

export function createApiTokenRepository(context: StoreContext): ApiTokenRepository {
  const { db } = context;
  return {
    async create(userId, name) {
      const token = randomSecret(API_TOKEN_PREFIX);
      const row = {
        id: newId(),
        token_hash: secretHash(token),
        user_id: userId,
        name,
        created_at: context.now(),
        revoked_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('api_tokens').values(row).execute();
        await writeAudit(within(context, trx), { actorId: userId, action: 'token.create', target: row.id });
      });
      return { token, apiToken: apiTokenFromRow(row) };
    },

    async find(token) {
      if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
      const row = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .selectAll('users')
        .select([
          'api_tokens.id as token_id',
          'api_tokens.token_hash',
          'api_tokens.user_id',
          'api_tokens.name',
          'api_tokens.created_at as token_created_at',
          'api_tokens.revoked_at',
        ])
        .where('api_tokens.token_hash', '=', secretHash(token))
        .where('api_tokens.revoked_at', 'is', null)
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      if (!row) return undefined;
      const apiToken = apiTokenFromRow({ ...row, id: row.token_id, created_at: row.token_created_at });
      return { apiToken, user: userFromRow(row) };
    },

    async list(userId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(apiTokenFromRow);
    },

    async revoke(userId, tokenId) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('api_tokens')
          .set({ revoked_at: context.now() })
          .where('id', '=', tokenId)
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await writeAudit(within(context, trx), { actorId: userId, action: 'token.revoke', target: tokenId });
        return true;
      });
    },
  };
}
