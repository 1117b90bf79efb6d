/**
 * The server's store: what the HTTP face, the job runner and the `users`/`db` commands read and write. One
 * implementation (`open-store.ts`) serves SQLite and PostgreSQL through one Kysely query layer; this file holds
 * only the plain types and the interface, so that faces code against it without touching a database.
 *
 * Conventions:
 * - Ids are opaque strings (random UUIDs); times are ISO-8601 UTC strings with milliseconds
 *   (`2026-12-03T12:34:56.789Z`), taken from the store's clock (`StoreOptions.now`, for tests).
 * - Secrets (session tokens, API tokens, invitation tokens) are random, returned in plain text exactly once when
 *   created, and stored only as a SHA-256 hash: a copy of the database does not let anyone log in.
 * - Expected failures are results (`{ ok: false, reason }`), never exceptions: the caller turns them into a
 *   status code. Exceptions mean a broken database or connection.
 * - Every change to a workspace (revision, member, policy, invitation) and to an account (creation, disabling,
 *   password, API tokens) writes its audit entry in the same transaction. Reads of confidential data are
 *   recorded by the caller with `audit.record`, since only the caller knows what it disclosed.
 * - Changes to this interface are additive only.
 */
import type { DisclosurePolicy, PartyDisclosure } from '../../core/privacy/disclosure-policy.js';
import type { Scenario } from '../../schema/scenario.js';

/** Which database a store runs on. */
export type StoreDialect = 'sqlite' | 'postgres';

/** How `openStore` finds its database. */
export interface StoreOptions {
  /** `postgres://…` or `postgresql://…` for PostgreSQL; a file path or `sqlite:<path>` for SQLite. */
  url?: string;
  /** Where the SQLite file `parley.db` lives when `url` is absent (created if missing). */
  dataDir: string;
  /** The store's clock (default: the system clock). Tests pass a fixed or advancing clock. */
  now?: () => Date;
  /**
   * Apply pending migrations when opening (default true). `false` opens the database as it is, for `db backup`,
   * and refuses a missing SQLite file instead of creating it.
   */
  migrate?: boolean;
}

/** Opens (and migrates) a store; implemented by `open-store.ts`. */
export type OpenStore = (options: StoreOptions) => Promise<Store>;

// --- Accounts ---------------------------------------------------------------------------------------------

export interface User {
  id: string;
  /** Unique, lower case: letters, digits, '.', '_', '-' (see `auth/login-name.ts`). */
  login: string;
  displayName: string;
  disabled: boolean;
  createdAt: string;
}

/** A user with the stored password hash (PHC string), for verifying a login. Never leaves the server. */
export interface UserWithPassword extends User {
  passwordHash: string;
}

export interface NewUser {
  login: string;
  displayName: string;
  /** An argon2id PHC string from `auth/password.ts` (`hashPassword`). */
  passwordHash: string;
}

export type CreateUserResult = { ok: true; user: User } | { ok: false; reason: 'login-taken' };

export interface UserRepository {
  create(user: NewUser): Promise<CreateUserResult>;
  get(id: string): Promise<User | undefined>;
  /** For verifying a password: includes the hash. Returns disabled users too (the caller refuses them). */
  findByLogin(login: string): Promise<UserWithPassword | undefined>;
  /** Every user, ordered by login. */
  list(): Promise<User[]>;
  /** Disabling also ends the user's sessions; a disabled user's sessions and tokens no longer resolve. */
  setDisabled(id: string, disabled: boolean): Promise<boolean>;
  /** After a successful login whose hash `needsRehash`. */
  setPasswordHash(id: string, passwordHash: string): Promise<boolean>;
}

export interface Session {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  /** Random, per session: the CSRF token a cookie-authenticated request must echo (compare in constant time). */
  csrfSecret: string;
}

export interface SessionRepository {
  /** Starts a session; `token` (plain) goes into the cookie and is not stored. */
  create(userId: string, ttlMs: number): Promise<{ token: string; session: Session }>;
  /** The live session and its user; undefined when unknown, expired, or the user is disabled. */
  find(token: string): Promise<{ session: Session; user: User } | undefined>;
  /** Logout. True when a session was ended. */
  delete(token: string): Promise<boolean>;
  deleteForUser(userId: string): Promise<number>;
  /** Removes expired sessions; returns how many. */
  deleteExpired(): Promise<number>;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  /** Set once revoked; a revoked token never resolves again. */
  revokedAt?: string;
}

export interface ApiTokenRepository {
  /** The plain token (prefixed `parley_`) is returned once; only its hash is stored. */
  create(userId: string, name: string): Promise<{ token: string; apiToken: ApiToken }>;
  /** The token's record and user; undefined when unknown, revoked, or the user is disabled. */
  find(token: string): Promise<{ apiToken: ApiToken; user: User } | undefined>;
  /** The user's tokens, revoked ones included, newest first. */
  list(userId: string): Promise<ApiToken[]>;
  /** Revokes a token of this user; false when it is not theirs, unknown or already revoked. */
  revoke(userId: string, tokenId: string): Promise<boolean>;
}

export interface LoginAttempt {
  login: string;
  /** The client address as the server saw it. */
  address: string;
  succeeded: boolean;
}

export interface LoginAttemptRepository {
  record(attempt: LoginAttempt): Promise<void>;
  /** Failed attempts since `since` (ISO time) for this login and/or this address (both given: either matches). */
  countFailures(filter: { login?: string; address?: string; since: string }): Promise<number>;
  /** Removes attempts older than `before`; returns how many. */
  prune(before: string): Promise<number>;
}

// --- Workspaces, members, invitations ---------------------------------------------------------------------

/** A member's role in one workspace; a delegate acts for one party. */
export type Role = 'mediator' | 'delegate' | 'observer';

export interface Workspace {
  id: string;
  title: string;
  createdBy: string;
  createdAt: string;
  /** The newest revision's number (1 after creation). */
  headRevision: number;
}

export interface Member {
  workspaceId: string;
  userId: string;
  role: Role;
  /** The party id a delegate acts for; absent for mediators and observers. */
  party?: string;
  addedAt: string;
}

/** A role as granted: a delegate needs its party, others have none. */
export type Grant = { role: 'mediator' } | { role: 'observer' } | { role: 'delegate'; party: string };

export interface NewWorkspace {
  title: string;
  /** The creating user: becomes the workspace's first mediator and the author of revision 1. */
  createdBy: string;
  /** Revision 1. */
  scenario: Scenario;
  summary?: string;
  /** True when `scenario` is the scenario schema's output already: it is then not checked a second time. */
  validated?: boolean;
}

export interface WorkspaceRepository {
  /** Creates the workspace, its revision 1 and its creator's mediator membership in one transaction. */
  create(input: NewWorkspace): Promise<{ workspace: Workspace; revision: RevisionMeta }>;
  get(id: string): Promise<Workspace | undefined>;
  /** Workspaces the user is a member of, with the user's role there, newest first. */
  listForUser(userId: string): Promise<Array<{ workspace: Workspace; member: Member }>>;
  rename(id: string, title: string, actor: string): Promise<boolean>;
}

export interface MemberRepository {
  get(workspaceId: string, userId: string): Promise<Member | undefined>;
  list(workspaceId: string): Promise<Member[]>;
  /** Adds the user, or changes the role of an existing member; throws LastMediatorError demoting the last one. */
  set(workspaceId: string, userId: string, grant: Grant, actor: string): Promise<Member>;
  /** Refuses to remove the last mediator (`reason: 'last-mediator'`). */
  remove(
    workspaceId: string,
    userId: string,
    actor: string,
  ): Promise<{ ok: true } | { ok: false; reason: 'not-member' | 'last-mediator' }>;
}

export interface Invitation {
  id: string;
  workspaceId: string;
  grant: Grant;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedBy?: string;
  usedAt?: string;
}

export type AcceptInvitationResult =
  | { ok: true; invitation: Invitation; member: Member }
  /** 'last-mediator': the invitation would demote the workspace's only mediator (it stays unused). */
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'last-mediator' };

export interface InvitationRepository {
  /** The plain token (for the link) is returned once; only its hash is stored. */
  create(input: {
    workspaceId: string;
    grant: Grant;
    createdBy: string;
    ttlMs: number;
  }): Promise<{ token: string; invitation: Invitation }>;
  /** Single use, atomically: marks the invitation used and grants the membership in one transaction. */
  accept(token: string, userId: string): Promise<AcceptInvitationResult>;
  list(workspaceId: string): Promise<Invitation[]>;
  /** Withdraws an unused invitation. */
  revoke(workspaceId: string, invitationId: string, actor: string): Promise<boolean>;
}

// --- Revisions --------------------------------------------------------------------------------------------

/** A revision without its scenario: for listings and after an append. */
export interface RevisionMeta {
  workspaceId: string;
  /** 1, 2, … within the workspace. */
  number: number;
  authorId: string;
  createdAt: string;
  summary: string;
  /** SHA-256 (hex) of the canonical JSON text: equal scenarios give equal hashes (an ETag). */
  contentHash: string;
}

export interface Revision extends RevisionMeta {
  /** Validated by the zod schema on write; on read, its text is checked against `contentHash`. */
  scenario: Scenario;
}

export type AppendRevisionResult =
  | { ok: true; revision: RevisionMeta }
  /** `expectedRevision` was not the head: nothing was written; `current` is the head now. */
  | { ok: false; reason: 'conflict'; current: number }
  | { ok: false; reason: 'no-workspace' };

export interface RevisionRepository {
  /**
   * Appends revision `expectedRevision + 1` if the head is still `expectedRevision`, atomically (one
   * transaction; the unique (workspace, number) key is the backstop). The scenario is validated by the zod
   * schema first; an invalid one throws (the face validates with located diagnostics before calling).
   */
  append(input: {
    workspaceId: string;
    expectedRevision: number;
    scenario: Scenario;
    authorId: string;
    summary: string;
    /** True when `scenario` is the scenario schema's output already: it is then not checked a second time. */
    validated?: boolean;
  }): Promise<AppendRevisionResult>;
  /** The given revision, or the head when `number` is omitted. */
  get(workspaceId: string, number?: number): Promise<Revision | undefined>;
  /** Newest first; `before` pages back (revision numbers below it). */
  list(workspaceId: string, options?: { limit?: number; before?: number }): Promise<RevisionMeta[]>;
}

// --- Disclosure policies ----------------------------------------------------------------------------------

export interface DisclosurePolicyRepository {
  /** The workspace's policy; `DEFAULT_POLICY` for anything the mediator has not set. */
  get(workspaceId: string): Promise<DisclosurePolicy>;
  /** Replaces the whole policy. */
  set(workspaceId: string, policy: DisclosurePolicy, actor: string): Promise<void>;
  /** Sets what others may learn from one party's preferences (`'*'`: the `otherwise` entry). */
  setParty(workspaceId: string, party: string, disclosure: PartyDisclosure, actor: string): Promise<void>;
}

// --- Audit ------------------------------------------------------------------------------------------------

/**
 * What happened. Changes use the `*.create`/`*.set`/… names the store writes itself; reads of confidential data
 * use names the caller chooses, conventionally `read.<what>` (e.g. `read.scenario`, `read.analysis`).
 */
export type AuditAction = string;

export interface AuditEntry {
  /** Increasing in insertion order. */
  id: number;
  at: string;
  /** The user who acted; absent for the system (e.g. a job runner). */
  actorId?: string;
  workspaceId?: string;
  action: AuditAction;
  /** The revision read or written, when there is one. */
  revision?: number;
  /** What was touched: a party id, a user id, a job id… */
  target?: string;
  /** Extra plain data (never secrets, never another party's preferences). */
  detail?: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditRepository {
  /** Append-only: there is no update or delete. */
  record(entry: NewAuditEntry): Promise<AuditEntry>;
  /**
   * Records a read of confidential data; resolves once the entry is committed, so a route that awaits it before
   * answering never discloses anything unrecorded. Reads that arrive together share one transaction (group
   * commit), which keeps the cost of auditing per read small under load.
   */
  recordRead(entry: NewAuditEntry): Promise<void>;
  /** Newest first; `before` pages back by id. */
  list(filter: {
    workspaceId?: string;
    actorId?: string;
    limit?: number;
    before?: number;
  }): Promise<AuditEntry[]>;
}

// --- Jobs and results -------------------------------------------------------------------------------------

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  workspaceId: string;
  revision: number;
  /** The use case: 'evaluate', 'analyze', 'diff', 'timeline', 'simulate', 'tournament', … */
  kind: string;
  /** A hash of the canonical options: with (workspace, revision, kind) it keys the result cache. */
  optionsHash: string;
  /** The options as given (plain JSON). */
  options: unknown;
  createdBy: string;
  status: JobStatus;
  /** 0..1 while running. */
  progress: number;
  progressMessage?: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Present when done: the use case's full (unredacted) result; redact per viewer before sending. */
  result?: unknown;
  /** Present when failed: a message safe to show the job's creator. */
  error?: string;
}

export interface NewJob {
  workspaceId: string;
  revision: number;
  kind: string;
  optionsHash: string;
  options: unknown;
  createdBy: string;
}

export interface JobRepository {
  create(job: NewJob): Promise<Job>;
  get(id: string): Promise<Job | undefined>;
  /** Newest first. */
  list(workspaceId: string, options?: { limit?: number; status?: JobStatus }): Promise<Job[]>;
  /** A finished job for exactly this revision, kind and options (the cache); undefined when none. */
  findResult(
    workspaceId: string,
    revision: number,
    kind: string,
    optionsHash: string,
  ): Promise<Job | undefined>;
  /**
   * Status transitions are guarded; each returns false when the job is not in the state it needs:
   * queued → running (`start`); running → running (`progress`); running → done (`finish`); queued or running →
   * failed (`fail`) or cancelled (`cancel`).
   */
  start(id: string): Promise<boolean>;
  progress(id: string, fraction: number, message?: string): Promise<boolean>;
  finish(id: string, result: unknown): Promise<boolean>;
  fail(id: string, error: string): Promise<boolean>;
  cancel(id: string): Promise<boolean>;
  /** At start-up: jobs left queued or running by a previous process become failed; returns how many. */
  failInterrupted(message: string): Promise<number>;
}

// --- Strategy modules ---------------------------------------------------------------------------------

/** A user's uploaded strategy module, without its source. */
export interface StoredStrategy {
  id: string;
  userId: string;
  /** The name the module registers (what configurations use). */
  name: string;
  sha256: string;
  bytes: number;
  createdAt: string;
}

export interface StrategySource extends StoredStrategy {
  source: string;
}

export interface StrategyRepository {
  /** Throws a unique violation when the user already has a strategy of that name. */
  create(strategy: { userId: string; name: string; source: string; sha256: string }): Promise<StoredStrategy>;
  /** The user's strategies, by name. */
  list(userId: string): Promise<StoredStrategy[]>;
  count(userId: string): Promise<number>;
  /** The named strategies of the user, with their sources (names not found are simply absent). */
  sources(userId: string, names: readonly string[]): Promise<StrategySource[]>;
  /** False when the user has no strategy of that name. */
  delete(userId: string, name: string): Promise<boolean>;
}

// --- The store --------------------------------------------------------------------------------------------

export interface BackupResult {
  /** The file written. */
  file: string;
  bytes: number;
  /** How the copy was made, e.g. 'sqlite VACUUM INTO' or 'postgres snapshot export (JSON lines)'. */
  method: string;
}

export interface Store {
  readonly dialect: StoreDialect;
  /** The schema version of the open database (the newest migration applied). */
  readonly schemaVersion: number;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly loginAttempts: LoginAttemptRepository;
  readonly workspaces: WorkspaceRepository;
  readonly members: MemberRepository;
  readonly invitations: InvitationRepository;
  readonly revisions: RevisionRepository;
  readonly policies: DisclosurePolicyRepository;
  readonly audit: AuditRepository;
  readonly jobs: JobRepository;
  readonly strategies: StrategyRepository;
  /**
   * A consistent copy of the whole database, taken while others keep reading and writing. Refuses an existing
   * `file` unless `force`; the copy appears under its name only once complete.
   */
  backup(file: string, options?: { force?: boolean }): Promise<BackupResult>;
  /** Closes connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** `openStore` failed for a reason the user can fix; the message says which and how. Exit code 2 on the CLI. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** The database was written by a newer Parley: refusing to touch it. */
export class SchemaTooNewError extends StoreOpenError {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `database schema version ${databaseVersion} is newer than this Parley (${codeVersion}); upgrade Parley`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/** A change would leave a workspace without a mediator. */
export class LastMediatorError extends Error {
  override name = 'LastMediatorError';
  constructor() {
    super('the workspace must keep a mediator: make someone else mediator first');
  }
}

/** A backup could not be made for a reason the user can fix (destination exists, pg_dump missing, …). */
export class BackupError extends Error {
  override name = 'BackupError';
}
