import type { Selectable } from 'kysely';
import { type StoreContext, within, writeAudit } from '../context.js';
import { newId } from '../secrets.js';
import type { User, UserRepository, UserWithPassword } from '../store.js';
import type { UsersTable } from '../tables.js';
import { isUniqueViolation } from './unique-violation.js';

export function userFromRow(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
  };
}

export function createUserRepository(context: StoreContext): UserRepository {
  const { db } = context;
  return {
    async create(input) {
      const row = {
        id: newId(),
        login: input.login,
        display_name: input.displayName,
        password_hash: input.passwordHash,
        disabled: 0,
        created_at: context.now(),
      };
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('users').values(row).execute();
          await writeAudit(within(context, trx), { action: 'user.create', target: row.id });
        });
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'login-taken' };
        throw error;
      }
      return { ok: true, user: userFromRow(row) };
    },

    async get(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && userFromRow(row);
    },

    async findByLogin(login): Promise<UserWithPassword | undefined> {
      const row = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
      return row && { ...userFromRow(row), passwordHash: row.password_hash };
    },

    async list() {
      const rows = await db.selectFrom('users').selectAll().orderBy('login').execute();
      return rows.map(userFromRow);
    },

    async setDisabled(id, disabled) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('users')
          .set({ disabled: disabled ? 1 : 0 })
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await writeAudit(within(context, trx), {
          action: disabled ? 'user.disable' : 'user.enable',
          target: id,
        });
        return true;
      });
    },

    async setPasswordHash(id, passwordHash) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('users')
          .set({ password_hash: passwordHash })
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await writeAudit(within(context, trx), { actorId: id, action: 'user.password', target: id });
        return true;
      });
    },
  };
}
