import type { Viewer } from '../../core/privacy/viewer.js';
import type { Member, Store, Workspace } from '../db/store.js';
import { forbidden, notFound } from './api-problem.js';
import type { Caller } from './caller.js';

export interface Access {
  workspace: Workspace;
  member: Member;
  viewer: Viewer;
}

export function viewerOf(member: Member): Viewer {
  if (member.role === 'delegate') return { role: 'delegate', party: member.party ?? '' };
  return { role: member.role };
}

/**
 * The caller's membership of a workspace. A workspace that does not exist and one the caller is not a member of
 * get the same 404, so that ids cannot be probed.
 */
export async function accessTo(store: Store, caller: Caller, workspaceId: string): Promise<Access> {
  const [workspace, member] = await Promise.all([
    store.workspaces.get(workspaceId),
    store.members.get(workspaceId, caller.user.id),
  ]);
  if (!workspace || !member) throw notFound('workspace');
  return { workspace, member, viewer: viewerOf(member) };
}

export async function mediatorAccess(store: Store, caller: Caller, workspaceId: string): Promise<Access> {
  const access = await accessTo(store, caller, workspaceId);
  if (access.member.role !== 'mediator') throw forbidden('only the mediator may do this');
  return access;
}
