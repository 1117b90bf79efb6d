import type { StoreContext } from '../context.js';
import { countOf } from '../context.js';
import type { LoginAttemptRepository } from '../store.js';

export function createLoginAttemptRepository(context: StoreContext): LoginAttemptRepository {
  const { db } = context;
  return {
    async record(attempt) {
      await db
        .insertInto('login_attempts')
        .values({
          login: attempt.login,
          address: attempt.address,
          succeeded: attempt.succeeded ? 1 : 0,
          at: context.now(),
        })
        .execute();
    },

    async countFailures({ login, address, since }) {
      if (login === undefined && address === undefined) return 0;
      const row = await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('succeeded', '=', 0)
        .where('at', '>=', since)
        .where((eb) => {
          const matches = [];
          if (login !== undefined) matches.push(eb('login', '=', login));
          if (address !== undefined) matches.push(eb('address', '=', address));
          return eb.or(matches);
        })
        .executeTakeFirst();
      return countOf(row as { count: string | number } | undefined);
    },

    async prune(before) {
      const result = await db.deleteFrom('login_attempts').where('at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
