import type { Store } from '../db/store.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { RevisionCache } from './revision-cache.js';
import type { ScenarioCodec } from './scenario-codec.js';

/** Tunables of the HTTP face; every one has a default in `build-server.ts`. */
export interface ServerOptions {
  /** Mark the session cookie Secure even when the request did not arrive over HTTPS (behind a TLS proxy). */
  secureCookies: boolean;
  sessionTtlMs: number;
  /** Failed sign-ins are counted over this window… */
  loginWindowMs: number;
  /** …and refused beyond this many for one login… */
  maxFailuresPerLogin: number;
  /** …or this many from one address. */
  maxFailuresPerAddress: number;
  /** Largest request body in bytes (413 beyond). */
  bodyLimit: number;
  invitationTtlMs: number;
  /** How long an analysis request waits for its job before answering 202 with the job instead. */
  directWaitMs: number;
}

/** What every route module receives. */
export interface ServerContext {
  store: Store;
  jobs: JobRunner;
  revisions: RevisionCache;
  scenarios: ScenarioCodec;
  options: ServerOptions;
}
