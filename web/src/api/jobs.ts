import type { JobView } from '../../../src/schema/api/analysis.js';
import { api } from './client.js';

export type { JobView };

export interface FollowOptions {
  signal?: AbortSignal;
  onProgress?: (job: JobView) => void;
  /** Polling interval when event streams are unavailable. */
  pollMs?: number;
}

const ENDED = new Set<JobView['state']>(['done', 'failed', 'cancelled']);

/** Cancels a job on the server (its creator or the mediator); a job that already ended is left as it is. */
export async function cancelJob(id: string): Promise<void> {
  try {
    await api.send<JobView>('DELETE', `/api/jobs/${encodeURIComponent(id)}`);
  } catch {
    // Ended meanwhile (409) or already gone: nothing left to cancel.
  }
}

/**
 * Follows a job to its end: its Server-Sent Events where the browser has them, else by polling. Aborting the
 * signal cancels the job on the server and rejects with an AbortError.
 */
export function followJob(job: JobView, options: FollowOptions = {}): Promise<JobView> {
  if (ENDED.has(job.state)) return Promise.resolve(job);
  const follow = typeof EventSource === 'function' ? followEvents : followByPolling;
  return follow(job, options);
}

function abortError(): DOMException {
  return new DOMException('the job was cancelled', 'AbortError');
}

function followEvents(job: JobView, options: FollowOptions): Promise<JobView> {
  return new Promise((resolve, reject) => {
    const source = new EventSource(`/api/jobs/${encodeURIComponent(job.id)}/events`);
    const stop = () => {
      source.close();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      void cancelJob(job.id);
      reject(abortError());
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    source.addEventListener('progress', (event) => options.onProgress?.(JSON.parse(event.data) as JobView));
    source.addEventListener('end', (event) => {
      stop();
      resolve(JSON.parse(event.data) as JobView);
    });
    source.onerror = () => {
      // The stream broke (a proxy, a restart): carry on by polling.
      stop();
      followByPolling(job, options).then(resolve, reject);
    };
  });
}

async function followByPolling(job: JobView, options: FollowOptions): Promise<JobView> {
  const wait = options.pollMs ?? 500;
  let current = job;
  while (!ENDED.has(current.state)) {
    if (options.signal?.aborted) {
      await cancelJob(job.id);
      throw abortError();
    }
    await new Promise((done) => setTimeout(done, wait));
    current = await api.get<JobView>(`/api/jobs/${encodeURIComponent(job.id)}`, options.signal);
    options.onProgress?.(current);
  }
  return current;
}
