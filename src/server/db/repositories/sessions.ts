import type { Selectable } from 'kysely';
import { isoAfter, type StoreContext } from '../context.js';
import { newId, randomSecret, secretHash } from '../secrets.js';
import type { Session, SessionRepository } from '../store.js';
import type { SessionsTable } from '../tables.js';
import { userFromRow } from './users.js';

function sessionFromRow(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    csrfSecret: row.csrf_secret,
  };
}

export function createSessionRepository(context: StoreContext): SessionRepository {
  const { db } = context;
  return {
    async create(userId, ttlMs) {
      const token = randomSecret();
      const createdAt = context.now();
      const row = {
        id: newId(),
        token_hash: secretHash(token),
        user_id: userId,
        created_at: createdAt,
        expires_at: isoAfter(createdAt, ttlMs),
        csrf_secret: randomSecret(),
      };
      await db.insertInto('sessions').values(row).execute();
      return { token, session: sessionFromRow(row) };
    },

    async find(token) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .select([
          'sessions.id as session_id',
          'sessions.token_hash',
          'sessions.user_id',
          'sessions.created_at as session_created_at',
          'sessions.expires_at',
          'sessions.csrf_secret',
        ])
        .where('sessions.token_hash', '=', secretHash(token))
        .where('sessions.expires_at', '>', context.now())
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      if (!row) return undefined;
      const session = sessionFromRow({ ...row, id: row.session_id, created_at: row.session_created_at });
      return { session, user: userFromRow(row) };
    },

    async delete(token) {
      const result = await db
        .deleteFrom('sessions')
        .where('token_hash', '=', secretHash(token))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async deleteForUser(userId) {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteExpired() {
      const result = await db
        .deleteFrom('sessions')
        .where('expires_at', '<=', context.now())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
