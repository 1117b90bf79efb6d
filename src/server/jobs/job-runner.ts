import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ProgressUpdate } from '../../core/ports.js';
import type { Scenario } from '../../schema/scenario.js';
import type { Job, Store } from '../db/store.js';
import type { JobKind } from './analysis-kinds.js';
import type { JobOutcome, JobTask, ModuleCheck, ModuleSource } from './job-task.js';
import { optionsHash } from './options-hash.js';

/**
 * The thread's module (adapters/server/job-worker), found by its place rather than imported: the server names
 * the work, the adapter does it. Compiled JavaScript only (threads do not load TypeScript): beside this build
 * in dist/ (or the benchmarks' build), or in dist/ when this module runs from sources (tests).
 */
const JOB_WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../../../dist/adapters/server/job-worker.js', import.meta.url)
  : new URL('../../adapters/server/job-worker.js', import.meta.url);

/** What a job's watchers hear: each step as it starts, then the job once it has ended. */
export type JobEvent = { type: 'progress'; update: ProgressUpdate } | { type: 'end'; job: Job };

export interface SubmitRequest {
  workspaceId: string;
  revision: number;
  kind: JobKind;
  options: unknown;
  scenario: Scenario;
  userId: string;
  /** Uploaded strategy modules the job runs (in the sandbox); their content is part of the cache key. */
  modules?: Array<ModuleSource & { sha256: string }>;
}

interface Running {
  job: Job;
  userId: string;
  kind: JobKind;
  flag: Int32Array;
  abort: AbortController;
  listeners: Set<(event: JobEvent) => void>;
  done: Promise<Job>;
  last?: ProgressUpdate;
}

export interface JobRunnerOptions {
  /** Threads computing at once (default: one per core, at least one). */
  threads?: number;
  /** How long a cancelled job may take to notice before its thread is stopped (default 2 s). */
  cancelGraceMs?: number;
}

/**
 * Runs analyses on worker threads, never on the request loop: one pool, one thread per job, results stored by
 * (workspace, revision, kind, options hash) so the same request is computed once. Jobs live in the store; the
 * runner keeps only what is in flight (watchers, the cancel flag).
 */
export class JobRunner {
  private readonly pool: Piscina<JobTask, JobOutcome>;
  private readonly running = new Map<string, Running>();
  /** In-flight jobs by cache key, so that a second identical request joins the first. */
  private readonly byKey = new Map<string, string>();
  private readonly cancelGraceMs: number;

  constructor(
    private readonly store: Store,
    options: JobRunnerOptions = {},
  ) {
    if (!existsSync(fileURLToPath(JOB_WORKER_URL))) {
      throw new Error(
        'the job worker is compiled JavaScript in dist/adapters/server/: run `npm run build` first',
      );
    }
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.cancelGraceMs = options.cancelGraceMs ?? 2000;
    this.pool = new Piscina<JobTask, JobOutcome>({
      filename: JOB_WORKER_URL.href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Number.POSITIVE_INFINITY,
    });
  }

  /** A finished result for the same revision and options, a job already computing it, or a new job. */
  async submit(request: SubmitRequest): Promise<{ job: Job; cached: boolean }> {
    // Same options with other module sources are another computation; without modules the key is unchanged.
    const modules = request.modules ?? [];
    const hash = optionsHash(
      modules.length === 0
        ? request.options
        : { options: request.options, modules: modules.map((m) => [m.name, m.sha256]) },
    );
    const key = `${request.workspaceId}\n${request.revision}\n${request.kind}\n${hash}`;
    const cached = await this.store.jobs.findResult(
      request.workspaceId,
      request.revision,
      request.kind,
      hash,
    );
    if (cached) return { job: cached, cached: true };
    const inFlight = this.byKey.get(key);
    const joined = inFlight ? this.running.get(inFlight) : undefined;
    if (joined) return { job: joined.job, cached: false };
    const job = await this.store.jobs.create({
      workspaceId: request.workspaceId,
      revision: request.revision,
      kind: request.kind,
      optionsHash: hash,
      options: request.options,
      createdBy: request.userId,
    });
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const entry: Running = {
      job,
      userId: request.userId,
      kind: request.kind,
      flag,
      abort: new AbortController(),
      listeners: new Set(),
      done: Promise.resolve(job),
    };
    this.running.set(job.id, entry);
    this.byKey.set(key, job.id);
    entry.done = this.execute(entry, request).finally(() => {
      this.running.delete(job.id);
      this.byKey.delete(key);
    });
    return { job, cached: false };
  }

  private async execute(entry: Running, request: SubmitRequest): Promise<Job> {
    const id = entry.job.id;
    const channel = new MessageChannel();
    channel.port1.on('message', (update: ProgressUpdate) => {
      entry.last = update;
      for (const listener of entry.listeners) listener({ type: 'progress', update });
      void this.store.jobs.progress(id, 0, update.step).catch(() => undefined);
    });
    let outcome: JobOutcome;
    try {
      await this.store.jobs.start(id);
      outcome = await this.pool.run(
        {
          kind: request.kind,
          options: request.options,
          scenario: request.scenario,
          modules: (request.modules ?? []).map(({ name, source }) => ({ name, source })),
          cancelFlag: entry.flag.buffer as SharedArrayBuffer,
          port: channel.port2,
        },
        { transferList: [channel.port2], signal: entry.abort.signal },
      );
    } catch (error) {
      outcome = entry.abort.signal.aborted
        ? { ok: false, cancelled: true }
        : { ok: false, input: false, message: error instanceof Error ? error.message : String(error) };
    } finally {
      channel.port1.close();
    }
    if (outcome.ok) await this.store.jobs.finish(id, outcome.result);
    else if ('cancelled' in outcome) await this.store.jobs.cancel(id);
    else await this.store.jobs.fail(id, `${outcome.input ? 'input' : 'internal'}: ${outcome.message}`);
    const job = (await this.store.jobs.get(id)) ?? entry.job;
    for (const listener of entry.listeners) listener({ type: 'end', job });
    return job;
  }

  /** The job once it has ended, or as it stands after `ms`. */
  async wait(id: string, ms: number): Promise<Job | undefined> {
    const entry = this.running.get(id);
    if (!entry) return this.store.jobs.get(id);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    });
    const ended = await Promise.race([entry.done, timeout]);
    clearTimeout(timer);
    return ended ?? this.store.jobs.get(id);
  }

  /** How many jobs of these kinds `userId` has computing here (for the per-user limit). */
  runningFor(userId: string, kinds: readonly JobKind[]): number {
    let count = 0;
    for (const entry of this.running.values()) {
      if (entry.userId === userId && kinds.includes(entry.kind)) count++;
    }
    return count;
  }

  /** Loads an uploaded strategy module in a fresh sandbox on a pool thread: its name, or why it fails. */
  checkStrategy(source: string): Promise<ModuleCheck> {
    return this.pool.run({ source } as unknown as JobTask, {
      name: 'checkStrategy',
    }) as unknown as Promise<ModuleCheck>;
  }

  /** The step a running job is at (undefined when it is not running here). */
  lastProgress(id: string): ProgressUpdate | undefined {
    return this.running.get(id)?.last;
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Calls `listener` with the job's events until it ends; returns the unsubscribe function. */
  subscribe(id: string, listener: (event: JobEvent) => void): () => void {
    const entry = this.running.get(id);
    if (!entry) return () => undefined;
    entry.listeners.add(listener);
    return () => entry.listeners.delete(listener);
  }

  /**
   * Cancels a job: the use case sees its cancellation port set and stops between steps; a thread that does not
   * stop within the grace period is terminated. A queued or running job in the store becomes cancelled.
   */
  async cancel(id: string): Promise<boolean> {
    const entry = this.running.get(id);
    if (!entry) return this.store.jobs.cancel(id);
    Atomics.store(entry.flag, 0, 1);
    const timer = setTimeout(() => entry.abort.abort(), this.cancelGraceMs);
    await entry.done;
    clearTimeout(timer);
    return true;
  }

  /** Cancels what is running and stops the threads. */
  async close(): Promise<void> {
    for (const entry of this.running.values()) {
      Atomics.store(entry.flag, 0, 1);
      entry.abort.abort();
    }
    await Promise.allSettled([...this.running.values()].map((e) => e.done));
    await this.pool.destroy();
  }
}
