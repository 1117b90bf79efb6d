import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseScenario } from '../src/adapters/load/parse-scenario.js';
import type { Scenario } from '../src/schema/scenario.js';
import { openStore } from '../src/server/db/open-store.js';
import type { Store, StoreOptions } from '../src/server/db/store.js';
import { type BenchResult, type BenchSuite, PACKAGE_ROOT } from './bench-result.js';

const SUITE = 'store';
const APPENDS = 300;
const READS = 300;
/** Where to measure PostgreSQL (a user allowed to create databases); skipped when neither is set. */
const POSTGRES_URL = process.env.PARLEY_BENCH_POSTGRES_URL ?? process.env.PARLEY_TEST_POSTGRES_URL;

function flagship(): Scenario {
  const file = join(PACKAGE_ROOT, 'scenarios', 'ukraine-2025.yaml');
  const parsed = parseScenario(readFileSync(file), { fileName: file });
  if (!parsed.ok) throw new Error(`cannot read ${file}`);
  return parsed.scenario;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const AUDITS = 1000;

/** Wall time per audited read when many arrive at once: one transaction each, then group-committed. */
async function auditCosts(store: Store, userId: string): Promise<{ single: number; grouped: number }> {
  const entry = (k: number) => ({ actorId: userId, action: 'read.scenario', revision: k });
  let t0 = performance.now();
  await Promise.all(Array.from({ length: AUDITS }, (_, k) => store.audit.record(entry(k))));
  const single = (performance.now() - t0) / AUDITS;
  t0 = performance.now();
  await Promise.all(Array.from({ length: AUDITS }, (_, k) => store.audit.recordRead(entry(k))));
  return { single, grouped: (performance.now() - t0) / AUDITS };
}

async function measure(dialect: string, options: StoreOptions, scenario: Scenario): Promise<BenchResult[]> {
  const store: Store = await openStore(options);
  try {
    const user = await store.users.create({ login: 'bench', displayName: 'Bench', passwordHash: 'x' });
    if (!user.ok) throw new Error(user.reason);
    const { workspace } = await store.workspaces.create({
      title: 'Bench',
      createdBy: user.user.id,
      scenario,
    });
    const latencies: number[] = [];
    const start = performance.now();
    for (let k = 1; k <= APPENDS; k++) {
      const t0 = performance.now();
      const result = await store.revisions.append({
        workspaceId: workspace.id,
        expectedRevision: k,
        scenario: { ...scenario, title: `revision ${k + 1}` },
        authorId: user.user.id,
        summary: `edit ${k}`,
      });
      latencies.push(performance.now() - t0);
      if (!result.ok) throw new Error(result.reason);
    }
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const reads: number[] = [];
    for (let k = 0; k < READS; k++) {
      const t0 = performance.now();
      await store.revisions.get(workspace.id);
      reads.push(performance.now() - t0);
    }
    reads.sort((a, b) => a - b);
    const audit = await auditCosts(store, user.user.id);
    const bytes = Buffer.byteLength(JSON.stringify(scenario));
    const notes = `${APPENDS} sequential appends of the flagship scenario (${Math.round(bytes / 1024)} KiB of JSON each), each validated, hashed and committed durably with its audit entry`;
    const base = { suite: SUITE, case: `${dialect} revision writes` };
    return [
      {
        ...base,
        metric: 'throughput',
        value: APPENDS / seconds,
        unit: 'revisions/s',
        better: 'higher',
        notes,
      },
      { ...base, metric: 'p50', value: quantile(latencies, 0.5), unit: 'ms', better: 'lower' },
      { ...base, metric: 'p99', value: quantile(latencies, 0.99), unit: 'ms', better: 'lower' },
      {
        suite: SUITE,
        case: `${dialect} head revision read`,
        metric: 'p50',
        value: quantile(reads, 0.5),
        unit: 'ms',
        better: 'lower',
        notes: 'read the newest revision and check its text against its hash',
      },
      {
        suite: SUITE,
        case: `${dialect} head revision read`,
        metric: 'p99',
        value: quantile(reads, 0.99),
        unit: 'ms',
        better: 'lower',
      },
      {
        suite: SUITE,
        case: `${dialect} audited reads, one transaction each`,
        metric: 'mean',
        value: audit.single,
        unit: 'ms/read',
        better: 'lower',
        notes: `${AUDITS} concurrent read entries, each in its own transaction (audit.record)`,
      },
      {
        suite: SUITE,
        case: `${dialect} audited reads, group commit`,
        metric: 'mean',
        value: audit.grouped,
        unit: 'ms/read',
        better: 'lower',
        notes: `${AUDITS} concurrent read entries through audit.recordRead, each resolved once committed`,
      },
    ];
  } finally {
    await store.close();
  }
}

async function onPostgres(adminUrl: string, scenario: Scenario): Promise<BenchResult[]> {
  const name = `parley_bench_${process.pid}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await measure('postgres', { url: url.toString(), dataDir: tmpdir() }, scenario);
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}

export const storeSuite: BenchSuite = {
  name: SUITE,
  async run() {
    const scenario = flagship();
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-store-'));
    try {
      const results = await measure('sqlite', { dataDir }, scenario);
      if (POSTGRES_URL) results.push(...(await onPostgres(POSTGRES_URL, scenario)));
      else results[0].notes += '; PostgreSQL skipped (set PARLEY_BENCH_POSTGRES_URL)';
      return results;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
