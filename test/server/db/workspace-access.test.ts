import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/core/privacy/disclosure-policy.js';
import type { Store, User } from '../../../src/server/db/store.js';
import { manualClock, storeTargets, uniqueLogin, useTestDatabase } from '../../support/test-stores.js';
import { tinyScenario } from '../../support/tiny-scenario.js';

const DAY = 86_400_000;
const OPEN = {
  zoneEmptiness: true,
  constraintsInConflict: true,
  bargainingOutcomes: true,
  packageVerdicts: false,
};

describe.each(storeTargets())('members, invitations, policies and audit on $label', (target) => {
  const database = useTestDatabase(target.dialect);
  const it_ = it.skipIf(!target.available);
  const clock = manualClock();

  async function user(store: Store): Promise<User> {
    const created = await store.users.create({ login: uniqueLogin(), displayName: 'U', passwordHash: 'h' });
    if (!created.ok) throw new Error(created.reason);
    return created.user;
  }

  async function workspace(store: Store, mediator: User): Promise<string> {
    const { workspace } = await store.workspaces.create({
      title: 'W',
      createdBy: mediator.id,
      scenario: tinyScenario(),
    });
    return workspace.id;
  }

  it_('sets roles (a delegate with its party), changes them, and keeps the last mediator', async () => {
    const store = await database.open();
    const [mediator, delegate] = [await user(store), await user(store)];
    const id = await workspace(store, mediator);
    expect(
      await store.members.set(id, delegate.id, { role: 'delegate', party: 'a' }, mediator.id),
    ).toMatchObject({
      role: 'delegate',
      party: 'a',
    });
    const observer = await store.members.set(id, delegate.id, { role: 'observer' }, mediator.id);
    expect(observer.role).toBe('observer');
    expect(observer.party).toBeUndefined();
    expect((await store.members.list(id)).map((m) => m.role).sort()).toEqual(['mediator', 'observer']);
    expect(await store.members.remove(id, mediator.id, mediator.id)).toEqual({
      ok: false,
      reason: 'last-mediator',
    });
    expect(await store.members.remove(id, delegate.id, mediator.id)).toEqual({ ok: true });
    expect(await store.members.remove(id, delegate.id, mediator.id)).toEqual({
      ok: false,
      reason: 'not-member',
    });
  });

  it_('an invitation is used once, grants its role, and expires', async () => {
    const store = await database.open({ now: clock.now });
    const [mediator, first, second] = [await user(store), await user(store), await user(store)];
    const id = await workspace(store, mediator);
    const { token, invitation } = await store.invitations.create({
      workspaceId: id,
      grant: { role: 'delegate', party: 'b' },
      createdBy: mediator.id,
      ttlMs: DAY,
    });
    const accepted = await store.invitations.accept(token, first.id);
    expect(accepted).toMatchObject({ ok: true, member: { userId: first.id, role: 'delegate', party: 'b' } });
    expect(await store.invitations.accept(token, second.id)).toEqual({ ok: false, reason: 'used' });
    expect(await store.members.get(id, second.id)).toBeUndefined();
    expect((await store.invitations.list(id))[0]).toMatchObject({ id: invitation.id, usedBy: first.id });
    expect(await store.invitations.accept('not-a-token', second.id)).toEqual({
      ok: false,
      reason: 'unknown',
    });

    const late = await store.invitations.create({
      workspaceId: id,
      grant: { role: 'observer' },
      createdBy: mediator.id,
      ttlMs: DAY,
    });
    clock.advance(DAY + 1);
    expect(await store.invitations.accept(late.token, second.id)).toEqual({ ok: false, reason: 'expired' });

    const withdrawn = await store.invitations.create({
      workspaceId: id,
      grant: { role: 'observer' },
      createdBy: mediator.id,
      ttlMs: DAY,
    });
    expect(await store.invitations.revoke(id, withdrawn.invitation.id, mediator.id)).toBe(true);
    expect(await store.invitations.accept(withdrawn.token, second.id)).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });

  it_('of concurrent accepts of one invitation exactly one succeeds', async () => {
    const store = await database.open();
    const mediator = await user(store);
    const id = await workspace(store, mediator);
    const users = await Promise.all(Array.from({ length: 6 }, () => user(store)));
    const { token } = await store.invitations.create({
      workspaceId: id,
      grant: { role: 'observer' },
      createdBy: mediator.id,
      ttlMs: DAY,
    });
    const results = await Promise.all(users.map((u) => store.invitations.accept(token, u.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'used')).toBe(true);
    expect(await store.members.list(id)).toHaveLength(2);
  });

  it_('disclosure policies default to the strict policy and keep what the mediator sets', async () => {
    const store = await database.open();
    const mediator = await user(store);
    const id = await workspace(store, mediator);
    expect(await store.policies.get(id)).toEqual(DEFAULT_POLICY);
    await store.policies.setParty(id, 'a', OPEN, mediator.id);
    expect(await store.policies.get(id)).toEqual({ ...DEFAULT_POLICY, parties: { a: OPEN } });
    const whole = {
      parties: { b: OPEN },
      otherwise: { ...OPEN, zoneEmptiness: false },
      privatePositions: true,
    };
    await store.policies.set(id, whole, mediator.id);
    expect(await store.policies.get(id)).toEqual(whole);
    await store.policies.setParty(id, '*', DEFAULT_POLICY.otherwise, mediator.id);
    expect((await store.policies.get(id)).otherwise).toEqual(DEFAULT_POLICY.otherwise);
  });

  it_('every change writes its audit entry; reads are recorded by the caller; newest first', async () => {
    const store = await database.open();
    const [mediator, delegate] = [await user(store), await user(store)];
    const id = await workspace(store, mediator);
    await store.members.set(id, delegate.id, { role: 'delegate', party: 'a' }, mediator.id);
    await store.policies.setParty(id, 'a', OPEN, mediator.id);
    await store.revisions.append({
      workspaceId: id,
      expectedRevision: 1,
      scenario: tinyScenario(),
      authorId: delegate.id,
      summary: 'weights',
    });
    await store.workspaces.rename(id, 'Renamed', mediator.id);
    const read = await store.audit.record({
      actorId: delegate.id,
      workspaceId: id,
      action: 'read.scenario',
      revision: 2,
      detail: { party: 'a' },
    });
    expect(read).toMatchObject({ action: 'read.scenario', revision: 2, detail: { party: 'a' } });
    const entries = await store.audit.list({ workspaceId: id });
    expect(entries.map((e) => e.action)).toEqual([
      'read.scenario',
      'workspace.rename',
      'revision.append',
      'policy.set-party',
      'member.set',
      'workspace.create',
    ]);
    expect(entries.find((e) => e.action === 'revision.append')).toMatchObject({
      actorId: delegate.id,
      revision: 2,
    });
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect((await store.audit.list({ actorId: delegate.id })).map((e) => e.action)).toEqual([
      'read.scenario',
      'revision.append',
    ]);
    expect((await store.audit.list({ workspaceId: id, before: ids[1], limit: 2 })).map((e) => e.id)).toEqual(
      ids.slice(2, 4),
    );
  });
});
