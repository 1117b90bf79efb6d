import type { z } from 'zod';
import type {
  CreateWorkspaceBody,
  MemberList,
  RevisionList,
  WorkspaceList,
  WorkspaceView,
} from '../../../src/schema/api/workspace.js';
import type { Scenario } from '../../../src/schema/scenario.js';
import { api } from './client.js';

export type WorkspaceSummary = z.infer<typeof WorkspaceList>['workspaces'][number];
export type Membership = WorkspaceSummary['membership'];
export type RevisionEntry = z.infer<typeof RevisionList>['revisions'][number];
export type Member = z.infer<typeof MemberList>['members'][number];

/**
 * The workspace as the caller may see it. The server sends the scenario as the caller's party view (a scenario
 * in the same schema, with what the role may not see left out), so it is typed by the scenario schema.
 */
export type WorkspaceDetail = Omit<z.infer<typeof WorkspaceView>, 'scenario'> & { scenario: Scenario };

const base = (workspace: string) => `/api/workspaces/${encodeURIComponent(workspace)}`;

export async function listWorkspaces(signal?: AbortSignal): Promise<WorkspaceSummary[]> {
  return (await api.get<z.infer<typeof WorkspaceList>>('/api/workspaces', signal)).workspaces;
}

export function getWorkspace(workspace: string, signal?: AbortSignal): Promise<WorkspaceDetail> {
  return api.get<WorkspaceDetail>(base(workspace), signal);
}

export async function listRevisions(workspace: string, signal?: AbortSignal): Promise<RevisionEntry[]> {
  return (await api.get<z.infer<typeof RevisionList>>(`${base(workspace)}/revisions`, signal)).revisions;
}

export async function listMembers(workspace: string, signal?: AbortSignal): Promise<Member[]> {
  return (await api.get<z.infer<typeof MemberList>>(`${base(workspace)}/members`, signal)).members;
}

export function createWorkspace(body: z.input<typeof CreateWorkspaceBody>): Promise<WorkspaceDetail> {
  return api.send<WorkspaceDetail>('POST', '/api/workspaces', body);
}

/** Where the browser downloads the scenario (YAML) and the HTML report as the caller's role may see them. */
export const downloadUrls = (workspace: string) => ({
  scenario: `${base(workspace)}/export`,
  report: `${base(workspace)}/report`,
});
