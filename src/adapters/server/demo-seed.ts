import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../../server/auth/password.js';
import type { Grant, Store, User } from '../../server/db/store.js';
import { scenarioCodec } from './scenario-codec.js';

/** The flagship scenario: its delegates get demo accounts. */
export const FLAGSHIP_FILE = 'ukraine-2025.yaml';

/**
 * Demo accounts for a local machine only: their passwords are public (printed and in the README), so the
 * serve command refuses to create them on an address other than loopback.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  login: string;
  displayName: string;
  password: string;
  /** The role in the flagship workspace; the mediator also runs every other shipped scenario. */
  grant: Grant;
}> = [
  { login: 'mediator', displayName: 'Demo mediator', password: 'mediator-demo', grant: { role: 'mediator' } },
  {
    login: 'ukraine',
    displayName: 'Demo delegate of Ukraine',
    password: 'ukraine-demo',
    grant: { role: 'delegate', party: 'ukraine' },
  },
  {
    login: 'russia',
    displayName: 'Demo delegate of Russia',
    password: 'russia-demo',
    grant: { role: 'delegate', party: 'russia' },
  },
  { login: 'observer', displayName: 'Demo observer', password: 'observer-demo', grant: { role: 'observer' } },
];

export interface DemoSeedResult {
  createdUsers: string[];
  createdWorkspaces: string[];
}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|localhost|\[::1\])$/i;

/** Whether an address to listen on is reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

async function ensureUser(store: Store, account: (typeof DEMO_ACCOUNTS)[number]): Promise<User | undefined> {
  const existing = await store.users.findByLogin(account.login);
  if (existing) return undefined;
  const created = await store.users.create({
    login: account.login,
    displayName: account.displayName,
    passwordHash: await hashPassword(account.password),
  });
  return created.ok ? created.user : undefined;
}

/**
 * Seeds the demo accounts and one workspace per shipped scenario, once: a user or a workspace of the same title
 * that already exists is left as it is, so a second start changes nothing.
 */
export async function seedDemo(store: Store, scenarioDir: string): Promise<DemoSeedResult> {
  const createdUsers: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await ensureUser(store, account)) createdUsers.push(account.login);
  }
  const mediator = await store.users.findByLogin('mediator');
  if (!mediator) return { createdUsers, createdWorkspaces: [] };
  const existing = new Set((await store.workspaces.listForUser(mediator.id)).map((w) => w.workspace.title));
  const createdWorkspaces: string[] = [];
  const files = readdirSync(scenarioDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort((a, b) => (a === FLAGSHIP_FILE ? 1 : b === FLAGSHIP_FILE ? -1 : a.localeCompare(b)));
  for (const file of files) {
    const parsed = scenarioCodec.parse(readFileSync(join(scenarioDir, file), 'utf8'), 'yaml');
    if (!parsed.ok || existing.has(parsed.scenario.title)) continue;
    const { workspace } = await store.workspaces.create({
      title: parsed.scenario.title,
      createdBy: mediator.id,
      scenario: parsed.scenario,
      summary: `created from scenarios/${file}`,
    });
    createdWorkspaces.push(workspace.title);
    if (file !== FLAGSHIP_FILE) continue;
    for (const account of DEMO_ACCOUNTS) {
      if (account.grant.role === 'mediator') continue;
      const user = await store.users.findByLogin(account.login);
      if (user) await store.members.set(workspace.id, user.id, account.grant, mediator.id);
    }
  }
  return { createdUsers, createdWorkspaces };
}
