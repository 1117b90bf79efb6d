import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { plantedScenario, plantedYaml } from '../../support/planted-scenario.js';
import { PARLEY_BIN as bin, startServe as serve } from '../../support/serve-child.js';
import { useTempDirs } from '../../support/temp-dir.js';

const PASSWORD = 'a long enough password';

/** A cookie-session client over real sockets. */
async function signIn(url: string) {
  const reply = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'mediator', password: PASSWORD }),
  });
  expect(reply.status).toBe(200);
  const cookie = String(reply.headers.get('set-cookie')).split(';')[0];
  const { csrfToken } = (await reply.json()) as { csrfToken: string };
  return (path: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

function batnaBody(value: number) {
  const { party: _party, ...preferences } = plantedScenario().preferences.find((p) => p.party === 'b')!;
  return { preferences: { ...preferences, batna: value }, summary: `batna ${value}` };
}

describe('crash safety of parley serve', () => {
  const tempDir = useTempDirs('parley-crash-');

  it('keeps every acknowledged write after kill -9, and the database passes its integrity check', async () => {
    const dataDir = tempDir();
    const added = spawnSync(
      process.execPath,
      [bin, 'users', 'add', 'mediator', '--password-stdin', '--data-dir', dataDir],
      {
        input: PASSWORD,
        encoding: 'utf8',
      },
    );
    expect(added.status, added.stderr).toBe(0);
    const first = await serve(dataDir);
    let request = await signIn(first.url);
    const created = await request('/api/workspaces', 'POST', { scenario: plantedYaml() });
    const workspace = ((await created.json()) as { id: string }).id;

    // A stream of writes, each based on the last acknowledged revision; kill -9 while they run.
    const acknowledged = new Map<number, number>();
    let revision = 1;
    let value = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        value++;
        const reply = await request(
          `/api/workspaces/${workspace}/parties/b/preferences`,
          'PUT',
          batnaBody(value),
          {
            'if-match': `"${revision}"`,
          },
        ).catch(() => undefined);
        if (reply?.status !== 200) break;
        revision = ((await reply.json()) as { revision: number }).revision;
        acknowledged.set(revision, value);
      }
    })();
    while (acknowledged.size < 25) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    stop = true;
    await writer;
    await new Promise((r) => first.child.once('exit', r));

    const database = new BetterSqlite3(join(dataDir, 'parley.db'));
    expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(database.pragma('foreign_key_check')).toEqual([]);
    database.close();

    const second = await serve(dataDir);
    try {
      request = await signIn(second.url);
      const history = (await (await request(`/api/workspaces/${workspace}/revisions?limit=500`)).json()) as {
        revisions: Array<{ revision: number; summary: string }>;
      };
      const summaries = new Map(history.revisions.map((r) => [r.revision, r.summary]));
      for (const [number, written] of acknowledged) expect(summaries.get(number)).toBe(`batna ${written}`);
      const head = (await (await request(`/api/workspaces/${workspace}`)).json()) as {
        revision: number;
        scenario: { preferences: Array<{ party: string; batna: number }> };
      };
      expect(head.revision).toBeGreaterThanOrEqual(Math.max(...acknowledged.keys()));
    } finally {
      second.child.kill('SIGINT');
      await new Promise((r) => second.child.once('exit', r));
    }
  }, 60_000);
});
