import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

import { hashPassword } from '../src/server/auth/password.js';
import { openStore } from '../src/server/db/open-store.js';
import { startServe } from '../test/support/serve-child.js';
import { syntheticScenario } from '../test/support/synthetic-scenario.js';
import { type BenchResult, type BenchSuite, PACKAGE_ROOT } from './bench-result.js';

const SUITE = 'server';
const RATE = 200;
const SECONDS = 10;

/** Fixed-rate load on one URL; latencies as autocannon measures them (ms). */
async function load(url: string, headers: Record<string, string>, rate: number, seconds: number) {
  const result = await autocannon({ url, headers, connections: 10, overallRate: rate, duration: seconds });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.non2xx + result.errors,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: replies are read field by field
async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const reply = await fetch(url, init);
  return { status: reply.status, body: await reply.json() };
}

export const serverSuite: BenchSuite = {
  name: SUITE,
  async run(): Promise<BenchResult[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-server-'));
    const store = await openStore({ dataDir });
    const created = await store.users.create({
      login: 'bench',
      displayName: 'Bench',
      passwordHash: await hashPassword('bench password 1'),
    });
    if (!created.ok) throw new Error(created.reason);
    const { token } = await store.apiTokens.create(created.user.id, 'bench');
    await store.close();
    const server = await startServe(dataDir, { stderr: 'inherit' });
    const base = server.url;
    try {
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const flagship = readFileSync(join(PACKAGE_ROOT, 'scenarios', 'ukraine-2025.yaml'), 'utf8');
      const workspace = await json(`${base}/api/workspaces`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ scenario: flagship }),
      });
      if (workspace.status !== 201)
        throw new Error(`cannot create the workspace: ${JSON.stringify(workspace.body)}`);
      const id = workspace.body.id as string;

      const reads = await load(`${base}/api/workspaces/${id}`, auth, RATE, SECONDS);
      const notes = `GET /api/workspaces/:id (flagship scenario, party view, audit entry) from parley serve in its own process at ${RATE} req/s for ${SECONDS} s over 10 connections, Bearer token, SQLite; ${reads.requests} requests, ${reads.errors} errors`;
      const results: BenchResult[] = [
        {
          suite: SUITE,
          case: 'workspace reads at 200 req/s (SQLite)',
          metric: 'p50',
          value: reads.p50,
          unit: 'ms',
          better: 'lower',
          notes,
        },
        {
          suite: SUITE,
          case: 'workspace reads at 200 req/s (SQLite)',
          metric: 'p99',
          value: reads.p99,
          unit: 'ms',
          target: 20,
          better: 'lower',
        },
      ];

      // A long analysis on a worker thread, while /health is loaded.
      const big = syntheticScenario({ parties: 4, issues: 9, options: 6, seed: 11 });
      const heavy = await json(`${base}/api/workspaces`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ scenario: JSON.stringify(big), format: 'json' }),
      });
      const job = await json(`${base}/api/workspaces/${heavy.body.id}/analyze`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ samples: 5000 }),
      });
      const health = await load(`${base}/health`, {}, 100, 5);
      const state = await json(`${base}/api/jobs/${job.body.id}`, { headers: auth });
      results.push({
        suite: SUITE,
        case: '/health while an analysis runs',
        metric: 'p99',
        value: health.p99,
        unit: 'ms',
        target: 50,
        better: 'lower',
        notes: `100 req/s for 5 s while analyze runs on ${big.issues.length} issues × 6 options × 4 parties with 5,000 samples (job ${state.body.state} at the end); ${health.errors} errors`,
      });
      await fetch(`${base}/api/jobs/${job.body.id}`, { method: 'DELETE', headers: auth });

      // Sequential preference writes: each a new revision, with If-Match.
      const writes = 100;
      const preferences = (await json(`${base}/api/workspaces/${id}`, { headers: auth })).body.scenario
        .preferences[0];
      const { party, ...body } = preferences;
      let revision = workspace.body.revision as number;
      const start = performance.now();
      for (let k = 0; k < writes; k++) {
        const reply = await json(`${base}/api/workspaces/${id}/parties/${party}/preferences`, {
          method: 'PUT',
          headers: { ...auth, 'if-match': `"${revision}"` },
          body: JSON.stringify({ preferences: { ...body, notes: `edit ${k}` } }),
        });
        if (reply.status !== 200) throw new Error(`write failed: ${JSON.stringify(reply.body)}`);
        revision = reply.body.revision;
      }
      results.push({
        suite: SUITE,
        case: 'preference writes over HTTP (SQLite)',
        metric: 'throughput',
        value: writes / ((performance.now() - start) / 1000),
        unit: 'revisions/s',
        better: 'higher',
        notes: `${writes} sequential PUT …/preferences on the flagship scenario, each validated as a whole and stored as a new revision`,
      });
      return results;
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
