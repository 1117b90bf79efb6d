import { z } from 'zod';
import {
  AuditList,
  ChangeMemberBody,
  CreatedInvitation,
  CreateInvitationBody,
  DisclosurePolicyBody,
  InvitationParams,
  MemberList,
  MemberParams,
  WorkspaceParams,
  WorkspaceSummary,
} from '../../../schema/api/workspace.js';
import { type Grant, LastMediatorError } from '../../db/store.js';
import { accessTo, mediatorAccess } from '../access.js';
import { ApiProblem } from '../api-problem.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import type { ServerContext } from '../server-context.js';

const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  before: z.coerce.number().int().min(1).optional(),
});

/** The role a body asks for; a delegate's party must be one of the scenario's parties. */
async function grantFromBody(
  ctx: ServerContext,
  workspaceId: string,
  body: { role: Grant['role']; party?: string | undefined },
): Promise<Grant> {
  if (body.role !== 'delegate') return { role: body.role };
  const head = await ctx.store.revisions.get(workspaceId);
  if (!body.party || !head?.scenario.parties.some((p) => p.id === body.party)) {
    throw new ApiProblem(400, 'invalid-request', 'a delegate names a party of the scenario', {
      issues: [{ path: 'body.party', message: 'unknown or missing party', expected: 'a party id' }],
    });
  }
  return { role: 'delegate', party: body.party };
}

/** The member a login names in a workspace (404 alike for an unknown login and a non-member). */
async function memberByLogin(ctx: ServerContext, workspaceId: string, login: string) {
  const user = await ctx.store.users.findByLogin(login);
  const member = user ? await ctx.store.members.get(workspaceId, user.id) : undefined;
  if (!user || !member) throw new ApiProblem(404, 'not-found', `no member '${login}' in this workspace`);
  return { userId: user.id, member };
}

function lastMediator(): ApiProblem {
  return new ApiProblem(409, 'last-mediator', new LastMediatorError().message);
}

/** Members, invitations by link, disclosure policy and the audit log. */
export function memberRoutes(ctx: ServerContext): ApiRoute[] {
  const { store, options } = ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/workspaces/:workspace/members',
      tag: 'members',
      summary: 'Who is in the workspace, with which role and party',
      auth: 'user',
      params: WorkspaceParams,
      responses: { 200: { description: 'Members', schema: MemberList } },
      handler: async ({ caller, params }) => {
        await accessTo(store, caller, params.workspace);
        const members = await store.members.list(params.workspace);
        return {
          members: await Promise.all(
            members.map(async (m) => ({
              user: (await store.users.get(m.userId))?.login ?? 'unknown',
              role: m.role,
              ...(m.party ? { party: m.party } : {}),
            })),
          ),
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/workspaces/:workspace/invitations',
      tag: 'members',
      summary: 'Invite by link (mediator): another mediator, a delegate of a party, or an observer',
      auth: 'user',
      params: WorkspaceParams,
      body: CreateInvitationBody,
      responses: { 201: { description: 'The link (shown once)', schema: CreatedInvitation } },
      handler: async ({ caller, params, body, reply }) => {
        await mediatorAccess(store, caller, params.workspace);
        const grant = await grantFromBody(ctx, params.workspace, body);
        const { token, invitation } = await store.invitations.create({
          workspaceId: params.workspace,
          grant,
          createdBy: caller.user.id,
          ttlMs: options.invitationTtlMs,
        });
        reply.code(201);
        return { token, url: `/api/invitations/${token}/accept`, expiresAt: invitation.expiresAt };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/invitations/:token/accept',
      tag: 'members',
      summary: 'Accept an invitation: binds the signed-in user to its workspace, role and party (single use)',
      auth: 'user',
      params: InvitationParams,
      responses: { 200: { description: 'The workspace joined', schema: WorkspaceSummary } },
      handler: async ({ caller, params }) => {
        const result = await store.invitations.accept(params.token, caller.user.id);
        if (!result.ok && result.reason === 'last-mediator') throw lastMediator();
        if (!result.ok) {
          throw new ApiProblem(404, 'invitation-unusable', `the invitation is unknown, used or expired`);
        }
        const workspace = await store.workspaces.get(result.member.workspaceId);
        return {
          id: result.member.workspaceId,
          name: workspace?.title ?? '',
          revision: workspace?.headRevision ?? 0,
          membership: {
            role: result.member.role,
            ...(result.member.party ? { party: result.member.party } : {}),
          },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/workspaces/:workspace/disclosure',
      tag: 'members',
      summary: 'The disclosure policy: what each party lets the others learn from results',
      auth: 'user',
      params: WorkspaceParams,
      responses: { 200: { description: 'The policy', schema: DisclosurePolicyBody } },
      handler: async ({ caller, params }) => {
        await accessTo(store, caller, params.workspace);
        return store.policies.get(params.workspace);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/workspaces/:workspace/disclosure',
      tag: 'members',
      summary: 'Set the disclosure policy (mediator)',
      auth: 'user',
      params: WorkspaceParams,
      body: DisclosurePolicyBody,
      responses: { 200: { description: 'The policy now', schema: DisclosurePolicyBody } },
      handler: async ({ caller, params, body }) => {
        await mediatorAccess(store, caller, params.workspace);
        await store.policies.set(params.workspace, body, caller.user.id);
        return store.policies.get(params.workspace);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/workspaces/:workspace/audit',
      tag: 'members',
      summary: 'The audit log: every change and every read of confidential data (mediator)',
      auth: 'user',
      params: WorkspaceParams,
      query: AuditQuery,
      responses: { 200: { description: 'Newest first', schema: AuditList } },
      handler: async ({ caller, params, query }) => {
        await mediatorAccess(store, caller, params.workspace);
        const entries = await store.audit.list({
          workspaceId: params.workspace,
          limit: query.limit,
          before: query.before,
        });
        const logins = new Map<string, string>();
        for (const id of new Set(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])))) {
          logins.set(id, (await store.users.get(id))?.login ?? 'unknown');
        }
        return {
          entries: entries.map((e) => ({
            at: e.at,
            actor: e.actorId ? (logins.get(e.actorId) ?? 'unknown') : 'system',
            action: e.action,
            detail: [
              e.revision !== undefined ? `revision ${e.revision}` : '',
              e.target ? `target ${e.target}` : '',
            ]
              .filter(Boolean)
              .join(', '),
          })),
        };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/workspaces/:workspace/members/:user',
      tag: 'members',
      summary: "Change a member's role (mediator); the last mediator cannot be demoted",
      auth: 'user',
      params: MemberParams,
      body: ChangeMemberBody,
      responses: {
        200: { description: 'The member with the new role', schema: MemberList.shape.members.element },
        409: { description: 'The change would leave the workspace without a mediator' },
      },
      handler: async ({ caller, params, body }) => {
        await mediatorAccess(store, caller, params.workspace);
        const { userId } = await memberByLogin(ctx, params.workspace, params.user);
        const grant = await grantFromBody(ctx, params.workspace, body);
        try {
          const member = await store.members.set(params.workspace, userId, grant, caller.user.id);
          return { user: params.user, role: member.role, ...(member.party ? { party: member.party } : {}) };
        } catch (error) {
          if (error instanceof LastMediatorError) throw lastMediator();
          throw error;
        }
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/workspaces/:workspace/members/:user',
      tag: 'members',
      summary: 'Remove a member (mediator), or leave (yourself); the last mediator cannot leave',
      auth: 'user',
      params: MemberParams,
      responses: {
        204: { description: 'Removed' },
        409: { description: 'The last mediator cannot leave' },
      },
      handler: async ({ caller, params, reply }) => {
        const access = await accessTo(store, caller, params.workspace);
        const { userId } = await memberByLogin(ctx, params.workspace, params.user);
        if (userId !== caller.user.id && access.member.role !== 'mediator') {
          throw new ApiProblem(403, 'forbidden', 'only a mediator may remove another member');
        }
        const removed = await store.members.remove(params.workspace, userId, caller.user.id);
        if (!removed.ok && removed.reason === 'last-mediator') throw lastMediator();
        if (!removed.ok)
          throw new ApiProblem(404, 'not-found', `no member '${params.user}' in this workspace`);
        reply.code(204);
        return undefined;
      },
    }),
  ];
}
