/**
 * The tables as Kysely sees them. Both dialects store the same column types: text ids, ISO-8601 UTC times as
 * text (fixed width, so they sort and compare as times), booleans as integers 0/1, JSON as text. That keeps one
 * query layer: nothing here depends on a dialect's own date, boolean or JSON types.
 */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  login: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  csrf_secret: string;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  login: string;
  address: string;
  succeeded: number;
  at: string;
}

export interface WorkspacesTable {
  id: string;
  title: string;
  created_by: string;
  created_at: string;
  head_revision: number;
  private_positions: number;
}

export interface MembersTable {
  workspace_id: string;
  user_id: string;
  role: string;
  party: string | null;
  added_at: string;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  workspace_id: string;
  role: string;
  party: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_by: string | null;
  used_at: string | null;
  revoked_at: string | null;
}

export interface RevisionsTable {
  workspace_id: string;
  number: number;
  scenario_json: string;
  content_hash: string;
  author_id: string;
  created_at: string;
  summary: string;
}

export interface DisclosurePoliciesTable {
  workspace_id: string;
  /** A party id, or '*' for the entry that applies to parties not listed (ids never contain '*'). */
  party: string;
  disclosure_json: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  workspace_id: string | null;
  action: string;
  revision: number | null;
  target: string | null;
  detail_json: string | null;
}

export interface JobsTable {
  id: string;
  workspace_id: string;
  revision: number;
  kind: string;
  options_hash: string;
  options_json: string;
  created_by: string;
  status: string;
  progress: number;
  progress_message: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  result_json: string | null;
  error: string | null;
}

export interface StrategiesTable {
  id: string;
  user_id: string;
  name: string;
  source: string;
  sha256: string;
  bytes: number;
  created_at: string;
}

export interface Tables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  workspaces: WorkspacesTable;
  members: MembersTable;
  invitations: InvitationsTable;
  revisions: RevisionsTable;
  disclosure_policies: DisclosurePoliciesTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  strategies: StrategiesTable;
}
