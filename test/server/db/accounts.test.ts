import { describe, expect, it } from 'vitest';
import type { Store, User } from '../../../src/server/db/store.js';
import { manualClock, storeTargets, uniqueLogin, useTestDatabase } from '../../support/test-stores.js';

const HOUR = 3_600_000;

describe.each(storeTargets())('accounts on $label', (target) => {
  const database = useTestDatabase(target.dialect);
  const it_ = it.skipIf(!target.available);
  const clock = manualClock();

  async function newUser(store: Store, name = 'Someone'): Promise<User> {
    const created = await store.users.create({
      login: uniqueLogin(),
      displayName: name,
      passwordHash: '$argon2id$x',
    });
    if (!created.ok) throw new Error(created.reason);
    return created.user;
  }

  it_('creates users with unique logins, finds them with their hash and lists them by login', async () => {
    const store = await database.open();
    const login = uniqueLogin('zed');
    const first = await store.users.create({ login, displayName: 'Zed', passwordHash: 'hash-1' });
    expect(first.ok).toBe(true);
    expect(await store.users.create({ login, displayName: 'Other', passwordHash: 'hash-2' })).toEqual({
      ok: false,
      reason: 'login-taken',
    });
    const found = await store.users.findByLogin(login);
    expect(found).toMatchObject({ login, displayName: 'Zed', passwordHash: 'hash-1', disabled: false });
    expect(await store.users.findByLogin('nobody-at-all')).toBeUndefined();
    const other = await store.users.create({
      login: uniqueLogin('abe'),
      displayName: 'Abe',
      passwordHash: 'h',
    });
    const logins = (await store.users.list()).map((u) => u.login);
    expect(logins).toEqual([...logins].sort());
    expect(logins).toContain(login);
    expect(other.ok).toBe(true);
    expect(await store.users.setPasswordHash(found?.id ?? '', 'hash-3')).toBe(true);
    expect((await store.users.findByLogin(login))?.passwordHash).toBe('hash-3');
  });

  it_('sessions resolve until they expire or end, and carry a per-session CSRF secret', async () => {
    const store = await database.open({ now: clock.now });
    const user = await newUser(store);
    const a = await store.sessions.create(user.id, 2 * HOUR);
    const b = await store.sessions.create(user.id, 2 * HOUR);
    expect(a.token).not.toBe(b.token);
    expect(a.session.csrfSecret).not.toBe(b.session.csrfSecret);
    expect((await store.sessions.find(a.token))?.user.id).toBe(user.id);
    expect((await store.sessions.find(a.token))?.session.csrfSecret).toBe(a.session.csrfSecret);
    expect(await store.sessions.find(`${a.token}x`)).toBeUndefined();

    expect(await store.sessions.delete(a.token)).toBe(true);
    expect(await store.sessions.find(a.token)).toBeUndefined();

    clock.advance(2 * HOUR + 1);
    expect(await store.sessions.find(b.token)).toBeUndefined();
    expect(await store.sessions.deleteExpired()).toBeGreaterThanOrEqual(1);
  });

  it_('keeps only hashes of session and API tokens', async () => {
    const store = await database.open();
    const user = await newUser(store);
    const session = await store.sessions.create(user.id, HOUR);
    const token = await store.apiTokens.create(user.id, 'ci');
    const sessions = await database.raw('select token_hash, csrf_secret from sessions');
    const tokens = await database.raw('select token_hash from api_tokens');
    const stored = JSON.stringify([sessions, tokens]);
    expect(stored).not.toContain(session.token);
    expect(stored).not.toContain(token.token.slice('parley_'.length));
  });

  it_('API tokens are named, listed, and stop working once revoked', async () => {
    const store = await database.open();
    const user = await newUser(store);
    const stranger = await newUser(store);
    const { token, apiToken } = await store.apiTokens.create(user.id, 'laptop');
    expect(token).toMatch(/^parley_[A-Za-z0-9_-]{43}$/);
    expect((await store.apiTokens.find(token))?.user.id).toBe(user.id);
    expect(await store.apiTokens.find('parley_not-a-token')).toBeUndefined();
    expect(await store.apiTokens.revoke(stranger.id, apiToken.id)).toBe(false);
    expect(await store.apiTokens.revoke(user.id, apiToken.id)).toBe(true);
    expect(await store.apiTokens.revoke(user.id, apiToken.id)).toBe(false);
    expect(await store.apiTokens.find(token)).toBeUndefined();
    const [listed] = await store.apiTokens.list(user.id);
    expect(listed).toMatchObject({ id: apiToken.id, name: 'laptop' });
    expect(listed.revokedAt).toBeDefined();
  });

  it_(
    'a disabled user has no session and no token that works, and cannot be found by them again',
    async () => {
      const store = await database.open();
      const user = await newUser(store);
      const session = await store.sessions.create(user.id, HOUR);
      const { token } = await store.apiTokens.create(user.id, 'script');
      expect(await store.users.setDisabled(user.id, true)).toBe(true);
      expect((await store.users.get(user.id))?.disabled).toBe(true);
      expect(await store.sessions.find(session.token)).toBeUndefined();
      expect(await store.apiTokens.find(token)).toBeUndefined();
      // Enabling again does not bring the ended session back; the token was never revoked, so it works again.
      await store.users.setDisabled(user.id, false);
      expect(await store.sessions.find(session.token)).toBeUndefined();
      expect((await store.apiTokens.find(token))?.user.id).toBe(user.id);
      expect(await store.users.setDisabled('no-such-user', true)).toBe(false);
      const history = (await store.audit.list({ limit: 1000 })).filter((e) => e.target === user.id);
      expect(history.map((e) => e.action)).toEqual(['user.enable', 'user.disable', 'user.create']);
      expect((await store.audit.list({ actorId: user.id })).map((e) => e.action)).toEqual(['token.create']);
    },
  );

  it_('counts failed logins by login or by address within a window', async () => {
    const clock2 = manualClock('2026-02-01T00:00:00.000Z');
    const store = await database.open({ now: clock2.now });
    const login = uniqueLogin('target');
    for (let k = 0; k < 3; k++)
      await store.loginAttempts.record({ login, address: '10.0.0.1', succeeded: false });
    await store.loginAttempts.record({ login, address: '10.0.0.2', succeeded: true });
    await store.loginAttempts.record({ login: uniqueLogin(), address: '10.0.0.1', succeeded: false });
    const since = '2026-01-31T23:59:00.000Z';
    expect(await store.loginAttempts.countFailures({ login, since })).toBe(3);
    expect(await store.loginAttempts.countFailures({ address: '10.0.0.1', since })).toBe(4);
    expect(await store.loginAttempts.countFailures({ address: '10.0.0.2', since })).toBe(0);
    expect(await store.loginAttempts.countFailures({ login, address: '10.0.0.1', since })).toBe(4);
    clock2.advance(HOUR);
    expect(await store.loginAttempts.countFailures({ login, since: clock2.now().toISOString() })).toBe(0);
    expect(await store.loginAttempts.prune(clock2.now().toISOString())).toBeGreaterThanOrEqual(5);
    expect(await store.loginAttempts.countFailures({ login, since })).toBe(0);
  });
});
