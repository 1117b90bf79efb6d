/**
 * Opens the store: connects (SQLite file in the data directory by default, PostgreSQL for a postgres:// URL),
 * refuses a database newer than the code, applies pending migrations, and assembles the repositories.
 */
import { backupDatabase } from './backup.js';
import { connect, databaseTarget } from './connect.js';
import type { StoreContext } from './context.js';
import { checkSchemaVersion, migrateToLatest } from './migrate.js';
import { createApiTokenRepository } from './repositories/api-tokens.js';
import { createAuditRepository } from './repositories/audit.js';
import { createInvitationRepository } from './repositories/invitations.js';
import { createJobRepository } from './repositories/jobs.js';
import { createLoginAttemptRepository } from './repositories/login-attempts.js';
import { createMemberRepository } from './repositories/members.js';
import { createDisclosurePolicyRepository } from './repositories/policies.js';
import { createRevisionRepository } from './repositories/revisions.js';
import { createSessionRepository } from './repositories/sessions.js';
import { createStrategyRepository } from './repositories/strategies.js';
import { createUserRepository } from './repositories/users.js';
import { createWorkspaceRepository } from './repositories/workspaces.js';
import type { Store, StoreOptions } from './store.js';

export async function openStore(options: StoreOptions): Promise<Store> {
  const connection = await connect(databaseTarget(options), options.migrate === false);
  const { db, dialect } = connection;
  let schemaVersion: number;
  try {
    schemaVersion =
      options.migrate === false ? await checkSchemaVersion(db) : await migrateToLatest(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const clock = options.now ?? (() => new Date());
  const context: StoreContext = { db, dialect, now: () => clock().toISOString() };
  const audit = createAuditRepository(context);
  return {
    dialect,
    schemaVersion,
    users: createUserRepository(context),
    sessions: createSessionRepository(context),
    apiTokens: createApiTokenRepository(context),
    loginAttempts: createLoginAttemptRepository(context),
    workspaces: createWorkspaceRepository(context),
    members: createMemberRepository(context),
    invitations: createInvitationRepository(context),
    revisions: createRevisionRepository(context),
    policies: createDisclosurePolicyRepository(context),
    audit,
    jobs: createJobRepository(context),
    strategies: createStrategyRepository(context),
    backup: (file, backupOptions) => backupDatabase(connection, file, backupOptions),
    close: async () => {
      await audit.flush();
      await db.destroy();
    },
  };
}
