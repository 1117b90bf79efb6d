import type { Selectable } from 'kysely';
import { countOf, type StoreContext, within, writeAudit } from '../context.js';
import { newId } from '../secrets.js';
import type { StoredStrategy, StrategyRepository } from '../store.js';
import type { StrategiesTable } from '../tables.js';

function strategyFromRow(row: Omit<Selectable<StrategiesTable>, 'source'>): StoredStrategy {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    sha256: row.sha256,
    bytes: Number(row.bytes),
    createdAt: row.created_at,
  };
}

const SUMMARY = ['id', 'user_id', 'name', 'sha256', 'bytes', 'created_at'] as const;

export function createStrategyRepository(context: StoreContext): StrategyRepository {
  const { db } = context;
  return {
    async create(strategy) {
      const row = {
        id: newId(),
        user_id: strategy.userId,
        name: strategy.name,
        source: strategy.source,
        sha256: strategy.sha256,
        bytes: Buffer.byteLength(strategy.source, 'utf8'),
        created_at: context.now(),
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('strategies').values(row).execute();
        await writeAudit(within(context, trx), {
          actorId: strategy.userId,
          action: 'strategy.create',
          target: row.id,
          detail: { name: row.name, sha256: row.sha256 },
        });
      });
      return strategyFromRow(row);
    },

    async list(userId) {
      const rows = await db
        .selectFrom('strategies')
        .select(SUMMARY)
        .where('user_id', '=', userId)
        .orderBy('name')
        .execute();
      return rows.map(strategyFromRow);
    },

    async count(userId) {
      const row = await db
        .selectFrom('strategies')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return countOf(row as { count: string | number } | undefined);
    },

    async sources(userId, names) {
      if (names.length === 0) return [];
      const rows = await db
        .selectFrom('strategies')
        .selectAll()
        .where('user_id', '=', userId)
        .where('name', 'in', [...names])
        .orderBy('name')
        .execute();
      return rows.map((row) => ({ ...strategyFromRow(row), source: row.source }));
    },

    async delete(userId, name) {
      return db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('strategies')
          .where('user_id', '=', userId)
          .where('name', '=', name)
          .returning('id')
          .executeTakeFirst();
        if (!gone) return false;
        await writeAudit(within(context, trx), {
          actorId: userId,
          action: 'strategy.delete',
          target: gone.id,
          detail: { name },
        });
        return true;
      });
    },
  };
}
