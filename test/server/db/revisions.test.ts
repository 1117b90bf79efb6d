import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/adapters/load/parse-scenario.js';
import type { Scenario } from '../../../src/schema/scenario.js';
import type { Store, User } from '../../../src/server/db/store.js';
import { repoRoot } from '../../support/run-cli.js';
import { storeTargets, uniqueLogin, useTestDatabase } from '../../support/test-stores.js';
import { tinyScenario } from '../../support/tiny-scenario.js';

function titled(title: string): Scenario {
  return { ...tinyScenario(), title };
}

describe.each(storeTargets())('workspaces and revisions on $label', (target) => {
  const database = useTestDatabase(target.dialect);
  const it_ = it.skipIf(!target.available);

  async function setUp(store: Store): Promise<{ user: User; workspaceId: string }> {
    const created = await store.users.create({ login: uniqueLogin(), displayName: 'Med', passwordHash: 'h' });
    if (!created.ok) throw new Error(created.reason);
    const { workspace } = await store.workspaces.create({
      title: 'Talks',
      createdBy: created.user.id,
      scenario: titled('r1'),
    });
    return { user: created.user, workspaceId: workspace.id };
  }

  it_('a workspace starts at revision 1 with its creator as mediator', async () => {
    const store = await database.open();
    const { user, workspaceId } = await setUp(store);
    const workspace = await store.workspaces.get(workspaceId);
    expect(workspace).toMatchObject({ title: 'Talks', createdBy: user.id, headRevision: 1 });
    expect(await store.members.get(workspaceId, user.id)).toMatchObject({ role: 'mediator' });
    const head = await store.revisions.get(workspaceId);
    expect(head).toMatchObject({ number: 1, authorId: user.id, summary: 'created' });
    expect(head?.scenario).toEqual(titled('r1'));
    const mine = await store.workspaces.listForUser(user.id);
    expect(mine.map((m) => m.workspace.id)).toEqual([workspaceId]);
    expect(mine[0].member.role).toBe('mediator');
  });

  it_('appends revisions in order and keeps every one of them', async () => {
    const store = await database.open();
    const { user, workspaceId } = await setUp(store);
    for (let n = 1; n <= 4; n++) {
      const result = await store.revisions.append({
        workspaceId,
        expectedRevision: n,
        scenario: titled(`r${n + 1}`),
        authorId: user.id,
        summary: `change ${n + 1}`,
      });
      expect(result).toMatchObject({ ok: true, revision: { number: n + 1, summary: `change ${n + 1}` } });
    }
    expect((await store.workspaces.get(workspaceId))?.headRevision).toBe(5);
    for (let n = 1; n <= 5; n++)
      expect((await store.revisions.get(workspaceId, n))?.scenario.title).toBe(`r${n}`);
    expect((await store.revisions.list(workspaceId)).map((r) => r.number)).toEqual([5, 4, 3, 2, 1]);
    expect((await store.revisions.list(workspaceId, { before: 4, limit: 2 })).map((r) => r.number)).toEqual([
      3, 2,
    ]);
    expect(await store.revisions.get(workspaceId, 9)).toBeUndefined();
  });

  it_('a stale expected revision is a conflict carrying the current one, and writes nothing', async () => {
    const store = await database.open();
    const { user, workspaceId } = await setUp(store);
    const input = { workspaceId, scenario: titled('x'), authorId: user.id, summary: 's' };
    expect((await store.revisions.append({ ...input, expectedRevision: 1 })).ok).toBe(true);
    expect(await store.revisions.append({ ...input, expectedRevision: 1 })).toEqual({
      ok: false,
      reason: 'conflict',
      current: 2,
    });
    expect(await store.revisions.append({ ...input, expectedRevision: 7 })).toEqual({
      ok: false,
      reason: 'conflict',
      current: 2,
    });
    expect(await store.revisions.append({ ...input, workspaceId: 'missing', expectedRevision: 1 })).toEqual({
      ok: false,
      reason: 'no-workspace',
    });
    expect((await store.revisions.list(workspaceId)).length).toBe(2);
  });

  it_(
    'of concurrent appends on the same revision exactly one wins; the others see it as current',
    async () => {
      const store = await database.open();
      const { user, workspaceId } = await setUp(store);
      const writers = 8;
      const results = await Promise.all(
        Array.from({ length: writers }, (_, k) =>
          store.revisions.append({
            workspaceId,
            expectedRevision: 1,
            scenario: titled(`writer ${k}`),
            authorId: user.id,
            summary: `writer ${k}`,
          }),
        ),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => !r.ok))
        expect(loser).toEqual({ ok: false, reason: 'conflict', current: 2 });
      const head = await store.revisions.get(workspaceId);
      expect(head?.number).toBe(2);
      expect(winners[0].ok && head?.summary).toBe(winners[0].ok && winners[0].revision.summary);
    },
  );

  it_('writers that retry on conflict lose no update (two connections on PostgreSQL)', async () => {
    const store = await database.open();
    const other = target.dialect === 'postgres' ? await database.open() : store;
    const { user, workspaceId } = await setUp(store);
    const perWriter = 5;
    async function writer(name: string, via: Store) {
      for (let k = 0; k < perWriter; k++) {
        for (;;) {
          const head = await via.revisions.get(workspaceId);
          const result = await via.revisions.append({
            workspaceId,
            expectedRevision: head?.number ?? 0,
            scenario: titled(`${name}-${k}`),
            authorId: user.id,
            summary: `${name}-${k}`,
          });
          if (result.ok) break;
          expect(result).toMatchObject({ reason: 'conflict' });
        }
      }
    }
    await Promise.all([writer('a', store), writer('b', other), writer('c', store), writer('d', other)]);
    const summaries = (await store.revisions.list(workspaceId)).map((r) => r.summary);
    expect(summaries).toHaveLength(1 + 4 * perWriter);
    for (const name of ['a', 'b', 'c', 'd']) {
      for (let k = 0; k < perWriter; k++) expect(summaries).toContain(`${name}-${k}`);
    }
  });

  it_('every shipped scenario comes back from the store exactly as parsed', async () => {
    const store = await database.open();
    const { user } = await setUp(store);
    const folder = join(repoRoot, 'scenarios');
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
      const parsed = parseScenario(readFileSync(join(folder, name)), { fileName: name });
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      const { workspace } = await store.workspaces.create({
        title: name,
        createdBy: user.id,
        scenario: parsed.scenario,
      });
      expect((await store.revisions.get(workspace.id))?.scenario, name).toStrictEqual(parsed.scenario);
    }
  });

  it_('equal scenarios hash equally whatever the key order; an invalid scenario is refused', async () => {
    const store = await database.open();
    const { user, workspaceId } = await setUp(store);
    const reordered = Object.fromEntries(Object.entries(titled('r1')).reverse()) as Scenario;
    const appended = await store.revisions.append({
      workspaceId,
      expectedRevision: 1,
      scenario: reordered,
      authorId: user.id,
      summary: 'same content',
    });
    const first = await store.revisions.get(workspaceId, 1);
    expect(appended.ok && appended.revision.contentHash).toBe(first?.contentHash);
    const broken = { ...titled('bad'), parley: 2 } as unknown as Scenario;
    await expect(
      store.revisions.append({
        workspaceId,
        expectedRevision: 2,
        scenario: broken,
        authorId: user.id,
        summary: '',
      }),
    ).rejects.toThrow(/invalid scenario: parley/);
    expect((await store.workspaces.get(workspaceId))?.headRevision).toBe(2);
  });

  it_('a stored scenario altered beside the store is refused on read, not passed on', async () => {
    const store = await database.open();
    const { workspaceId } = await setUp(store);
    const tamper = `update revisions set scenario_json = replace(scenario_json, '"r1"', '"r9"') where workspace_id = '${workspaceId}'`;
    // Lift the append-only guard for the one statement, as someone with the database file could.
    if (target.dialect === 'postgres') {
      await database.raw(
        `begin; alter table revisions disable trigger revisions_append_only; ${tamper}; alter table revisions enable trigger revisions_append_only; commit`,
      );
    } else {
      const [{ sql: trigger }] = await database.raw(
        "select sql from sqlite_master where type = 'trigger' and name = 'revisions_no_update'",
      );
      await database.raw('drop trigger revisions_no_update');
      await database.raw(tamper);
      await database.raw(String(trigger));
    }
    await expect(store.revisions.get(workspaceId, 1)).rejects.toThrow(/does not match its content hash/);
  });

  it_('revisions and the audit log refuse UPDATE and DELETE, even beside the store', async () => {
    const store = await database.open();
    await setUp(store);
    await expect(database.raw("update revisions set summary = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(database.raw('delete from revisions')).rejects.toThrow(/append-only/);
    await expect(database.raw("update audit_log set action = 'nothing'")).rejects.toThrow(/append-only/);
    await expect(database.raw('delete from audit_log')).rejects.toThrow(/append-only/);
  });
});
