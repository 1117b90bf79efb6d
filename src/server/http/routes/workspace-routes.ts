import { z } from 'zod';
import {
  CreateWorkspaceBody,
  PartyParams,
  PreferencesBody,
  ReplaceScenarioBody,
  RevisionCreated,
  RevisionList,
  WorkspaceList,
  WorkspaceParams,
  WorkspaceView,
} from '../../../schema/api/workspace.js';
import type { Scenario } from '../../../schema/scenario.js';
import type { Member, Store } from '../../db/store.js';
import { type Access, accessTo, mediatorAccess } from '../access.js';
import { forbidden, notFound } from '../api-problem.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import type { Caller } from '../caller.js';
import { etagOf, expectedRevision, staleRevision } from '../if-match.js';
import { scenarioFromText, withPreferences } from '../scenario-input.js';
import type { ServerContext } from '../server-context.js';

const IF_MATCH = {
  name: 'If-Match',
  required: true,
  description: 'The ETag (revision) the change is based on; 412 when stale, 428 when missing.',
};

const RevisionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

function membership(member: Member) {
  return { role: member.role, ...(member.party ? { party: member.party } : {}) };
}

/** The caller's view of the head revision (from the cache: revisions never change). */
async function headView(ctx: ServerContext, access: Access): Promise<{ view: Scenario; revision: number }> {
  const revision = access.workspace.headRevision;
  const policy = await ctx.store.policies.get(access.workspace.id);
  const view = await ctx.revisions.view(access.workspace.id, revision, access.viewer, policy);
  if (!view) throw notFound('workspace');
  return { view, revision };
}

async function headScenario(
  ctx: ServerContext,
  workspaceId: string,
): Promise<{ scenario: Scenario; revision: number }> {
  const workspace = await ctx.store.workspaces.get(workspaceId);
  const scenario = workspace && (await ctx.revisions.scenario(workspaceId, workspace.headRevision));
  if (!workspace || !scenario) throw notFound('workspace');
  return { scenario, revision: workspace.headRevision };
}

/** Appends a revision on top of the one the client read; a stale base is a 412, never an overwrite. */
async function appendRevision(
  ctx: ServerContext,
  caller: Caller,
  workspaceId: string,
  expected: number,
  scenario: Scenario,
  summary: string,
): Promise<number> {
  // The scenario comes from the codec's parse, which ran the schema: the store need not run it again.
  const result = await ctx.store.revisions.append({
    workspaceId,
    expectedRevision: expected,
    scenario,
    authorId: caller.user.id,
    summary,
    validated: true,
  });
  if (result.ok) {
    ctx.revisions.remember(workspaceId, result.revision.number, scenario);
    return result.revision.number;
  }
  if (result.reason === 'conflict') throw staleRevision(result.current);
  throw notFound('workspace');
}

/** Workspaces, their scenario as each role sees it, and its revisions. */
export function workspaceRoutes(ctx: ServerContext): ApiRoute[] {
  const { store } = ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/workspaces',
      tag: 'workspaces',
      summary: "The caller's workspaces and role in each",
      auth: 'user',
      responses: { 200: { description: 'Workspaces, newest first', schema: WorkspaceList } },
      handler: async ({ caller }) => ({
        workspaces: (await store.workspaces.listForUser(caller.user.id)).map(({ workspace, member }) => ({
          id: workspace.id,
          name: workspace.title,
          revision: workspace.headRevision,
          membership: membership(member),
        })),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/workspaces',
      tag: 'workspaces',
      summary: 'Create a workspace from scenario text; the caller becomes its mediator',
      description:
        'The text is validated as `parley validate` does; an invalid one gets 400 with every problem located by line, column and field path.',
      auth: 'user',
      body: CreateWorkspaceBody,
      responses: { 201: { description: 'Created; ETag is revision 1', schema: WorkspaceView } },
      handler: async ({ caller, body, reply }) => {
        const { scenario, warnings } = scenarioFromText(ctx.scenarios, body.scenario, body.format);
        const { workspace, revision } = await store.workspaces.create({
          title: body.name ?? scenario.title,
          createdBy: caller.user.id,
          scenario,
          summary: 'created',
          validated: true,
        });
        reply
          .code(201)
          .header('etag', etagOf(revision.number))
          .header('location', `/api/workspaces/${workspace.id}`);
        return {
          id: workspace.id,
          name: workspace.title,
          revision: revision.number,
          membership: { role: 'mediator' as const },
          scenario,
          warnings,
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/workspaces/:workspace',
      tag: 'workspaces',
      summary: "The workspace's scenario as the caller's role may see it",
      description:
        "Mediator: everything. Delegate: the shared parts and its own party's preferences. Observer: the shared parts. ETag is the revision.",
      auth: 'user',
      params: WorkspaceParams,
      responses: { 200: { description: 'The party view', schema: WorkspaceView } },
      handler: async ({ caller, params, reply }) => {
        const access = await accessTo(store, caller, params.workspace);
        const { view, revision } = await headView(ctx, access);
        await auditRead(store, caller, params.workspace, revision, access.member, 'read.scenario');
        reply.header('etag', etagOf(revision));
        return {
          id: access.workspace.id,
          name: access.workspace.title,
          revision,
          membership: membership(access.member),
          scenario: view,
        };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/workspaces/:workspace/scenario',
      tag: 'workspaces',
      summary: 'Replace the whole scenario (mediator); a new revision',
      auth: 'user',
      params: WorkspaceParams,
      body: ReplaceScenarioBody,
      headers: [IF_MATCH],
      responses: {
        200: { description: 'The new revision; ETag set', schema: RevisionCreated },
        412: { description: 'Stale If-Match: the body names the current revision' },
        428: { description: 'If-Match missing' },
      },
      handler: async ({ caller, params, body, request, reply }) => {
        await mediatorAccess(store, caller, params.workspace);
        const expected = expectedRevision(request);
        const { scenario, warnings } = scenarioFromText(ctx.scenarios, body.scenario, body.format);
        const revision = await appendRevision(
          ctx,
          caller,
          params.workspace,
          expected,
          scenario,
          body.summary ?? 'scenario replaced',
        );
        reply.header('etag', etagOf(revision));
        return { revision, warnings };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/workspaces/:workspace/parties/:party/preferences',
      tag: 'workspaces',
      summary: "Set one party's private preferences (its delegate, or the mediator); a new revision",
      description:
        'Weights, values, adjustments, red lines, BATNA and their uncertainty. A delegate may set only its own party.',
      auth: 'user',
      params: PartyParams,
      body: PreferencesBody,
      headers: [IF_MATCH],
      responses: {
        200: { description: 'The new revision; ETag set', schema: RevisionCreated },
        412: { description: 'Stale If-Match: the body names the current revision' },
        428: { description: 'If-Match missing' },
      },
      handler: async ({ caller, params, body, request, reply }) => {
        const access = await accessTo(store, caller, params.workspace);
        const { viewer } = access;
        const own = viewer.role === 'delegate' && viewer.party === params.party;
        if (viewer.role !== 'mediator' && !own) {
          throw forbidden("a delegate may set only its own party's preferences");
        }
        const expected = expectedRevision(request);
        const { scenario, revision: head } = await headScenario(ctx, params.workspace);
        if (!scenario.parties.some((p) => p.id === params.party)) throw notFound('party in this workspace');
        if (head !== expected) throw staleRevision(head);
        const next = withPreferences(
          ctx.scenarios,
          scenario,
          { ...body.preferences, party: params.party },
          viewer.role === 'mediator',
        );
        const revision = await appendRevision(
          ctx,
          caller,
          params.workspace,
          expected,
          next.scenario,
          body.summary ?? `preferences of ${params.party}`,
        );
        reply.header('etag', etagOf(revision));
        return { revision, warnings: next.warnings };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/workspaces/:workspace/revisions',
      tag: 'workspaces',
      summary: 'Revision history: number, author, time and summary (shared with every member)',
      auth: 'user',
      params: WorkspaceParams,
      query: RevisionsQuery,
      responses: { 200: { description: 'Newest first', schema: RevisionList } },
      handler: async ({ caller, params, query }) => {
        await accessTo(store, caller, params.workspace);
        const list = await store.revisions.list(params.workspace, {
          limit: query.limit,
          before: query.before,
        });
        const logins = new Map<string, string>();
        for (const id of new Set(list.map((r) => r.authorId))) {
          logins.set(id, (await store.users.get(id))?.login ?? 'unknown');
        }
        return {
          revisions: list.map((r) => ({
            revision: r.number,
            author: logins.get(r.authorId) ?? 'unknown',
            at: r.createdAt,
            summary: r.summary,
          })),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/workspaces/:workspace/export',
      tag: 'workspaces',
      summary: 'The scenario YAML of what the caller may see',
      auth: 'user',
      params: WorkspaceParams,
      responses: { 200: { description: 'Scenario YAML (party view)', contentType: 'application/yaml' } },
      handler: async ({ caller, params, reply }) => {
        const access = await accessTo(store, caller, params.workspace);
        const { view, revision } = await headView(ctx, access);
        await auditRead(store, caller, params.workspace, revision, access.member, 'read.export');
        reply.header('etag', etagOf(revision)).type('application/yaml; charset=utf-8');
        return ctx.scenarios.toYaml(view);
      },
    }),
  ];
}

/** Records a read of confidential data: the mediator's reads (all parties) and a delegate's (its own party). */
export async function auditRead(
  store: Store,
  caller: Caller,
  workspaceId: string,
  revision: number,
  member: Member,
  action: string,
): Promise<void> {
  if (member.role === 'observer') return;
  await store.audit.recordRead({
    actorId: caller.user.id,
    workspaceId,
    action,
    revision,
    target: member.role === 'mediator' ? '*' : member.party,
  });
}
