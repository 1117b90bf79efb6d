import type { Selectable } from 'kysely';
import type { StoreContext } from '../context.js';
import { newId } from '../secrets.js';
import type { Job, JobRepository, JobStatus } from '../store.js';
import type { JobsTable } from '../tables.js';

function jobFromRow(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    revision: Number(row.revision),
    kind: row.kind,
    optionsHash: row.options_hash,
    options: JSON.parse(row.options_json) as unknown,
    createdBy: row.created_by,
    status: row.status as JobStatus,
    progress: Number(row.progress),
    ...(row.progress_message === null ? {} : { progressMessage: row.progress_message }),
    createdAt: row.created_at,
    ...(row.started_at === null ? {} : { startedAt: row.started_at }),
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
    ...(row.result_json === null ? {} : { result: JSON.parse(row.result_json) as unknown }),
    ...(row.error === null ? {} : { error: row.error }),
  };
}

export function createJobRepository(context: StoreContext): JobRepository {
  const { db } = context;

  /** Moves a job from one of `from` to the values given; false when it was not in such a state. */
  async function transition(
    id: string,
    from: readonly JobStatus[],
    values: Partial<Selectable<JobsTable>>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('jobs')
      .set(values)
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  return {
    async create(input) {
      const row = {
        id: newId(),
        workspace_id: input.workspaceId,
        revision: input.revision,
        kind: input.kind,
        options_hash: input.optionsHash,
        options_json: JSON.stringify(input.options ?? null),
        created_by: input.createdBy,
        status: 'queued',
        progress: 0,
        progress_message: null,
        created_at: context.now(),
        started_at: null,
        finished_at: null,
        result_json: null,
        error: null,
      };
      await db.insertInto('jobs').values(row).execute();
      return jobFromRow(row);
    },

    async get(id) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && jobFromRow(row);
    },

    async list(workspaceId, options = {}) {
      let query = db.selectFrom('jobs').selectAll().where('workspace_id', '=', workspaceId);
      if (options.status !== undefined) query = query.where('status', '=', options.status);
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(options.limit ?? 100)
        .execute();
      return rows.map(jobFromRow);
    },

    async findResult(workspaceId, revision, kind, optionsHash) {
      const row = await db
        .selectFrom('jobs')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('revision', '=', revision)
        .where('kind', '=', kind)
        .where('options_hash', '=', optionsHash)
        .where('status', '=', 'done')
        .orderBy('finished_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && jobFromRow(row);
    },

    start: (id) => transition(id, ['queued'], { status: 'running', started_at: context.now() }),

    progress: (id, fraction, message) =>
      transition(id, ['running'], {
        progress: Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0)),
        progress_message: message ?? null,
      }),

    finish: (id, result) =>
      transition(id, ['running'], {
        status: 'done',
        progress: 1,
        finished_at: context.now(),
        result_json: JSON.stringify(result ?? null),
      }),

    fail: (id, error) =>
      transition(id, ['queued', 'running'], { status: 'failed', finished_at: context.now(), error }),

    cancel: (id) =>
      transition(id, ['queued', 'running'], { status: 'cancelled', finished_at: context.now() }),

    async failInterrupted(message) {
      const result = await db
        .updateTable('jobs')
        .set({ status: 'failed', finished_at: context.now(), error: message })
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
