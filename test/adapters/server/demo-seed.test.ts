import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, isLoopbackHost, seedDemo } from '../../../src/adapters/server/demo-seed.js';
import { verifyPassword } from '../../../src/server/auth/password.js';
import { repoRoot, runCli } from '../../support/run-cli.js';
import { useTestDatabase } from '../../support/test-stores.js';

const SCENARIOS = join(repoRoot, 'scenarios');

describe('the demo seed (parley serve --demo)', () => {
  const database = useTestDatabase('sqlite');

  it('creates the demo accounts and one workspace per shipped scenario, once', async () => {
    const store = await database.open();
    const first = await seedDemo(store, SCENARIOS);
    expect(first.createdUsers).toEqual(DEMO_ACCOUNTS.map((a) => a.login));
    expect(first.createdWorkspaces).toHaveLength(3);
    const again = await seedDemo(store, SCENARIOS);
    expect(again).toEqual({ createdUsers: [], createdWorkspaces: [] });

    for (const account of DEMO_ACCOUNTS) {
      const user = await store.users.findByLogin(account.login);
      expect(await verifyPassword(user!.passwordHash, account.password), account.login).toBe(true);
    }
    const mediator = await store.users.findByLogin('mediator');
    const workspaces = await store.workspaces.listForUser(mediator!.id);
    expect(workspaces).toHaveLength(3);
    const flagship = workspaces.find((w) => w.workspace.title.startsWith('Russia–Ukraine'))!;
    const members = await store.members.list(flagship.workspace.id);
    const roles = await Promise.all(
      members.map(async (m) => `${(await store.users.get(m.userId))!.login}:${m.role}:${m.party ?? ''}`),
    );
    expect(roles.sort()).toEqual([
      'mediator:mediator:',
      'observer:observer:',
      'russia:delegate:russia',
      'ukraine:delegate:ukraine',
    ]);
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.4', 'example.org', '128.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('refuses to seed public passwords on an address others can reach (exit 2)', async () => {
    const run = await runCli([
      'serve',
      '--demo',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--data-dir',
      database.options().dataDir,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--demo refuses --host 0.0.0.0');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
