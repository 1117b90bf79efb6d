import { z } from 'zod';
import { Id, Preferences } from '../scenario.js';
import { ApiIssue } from './error.js';

export const Role = z.enum(['mediator', 'delegate', 'observer']).meta({ id: 'Role' });

export const WorkspaceParams = z.strictObject({ workspace: z.string().min(1).max(100) });
export const PartyParams = WorkspaceParams.extend({ party: Id });

/** A scenario as text, validated exactly as `parley validate` does (diagnostics with line and column). */
export const ScenarioText = z
  .string()
  .min(1)
  .describe('The scenario file as text (YAML, or JSON with format: json).');

export const CreateWorkspaceBody = z
  .strictObject({
    name: z.string().min(1).max(200).optional().describe("Default: the scenario's title."),
    scenario: ScenarioText,
    format: z.enum(['yaml', 'json']).default('yaml'),
  })
  .meta({ id: 'CreateWorkspaceBody' });

export const ReplaceScenarioBody = z
  .strictObject({
    scenario: ScenarioText,
    format: z.enum(['yaml', 'json']).default('yaml'),
    summary: z.string().min(1).max(500).optional(),
  })
  .meta({ id: 'ReplaceScenarioBody' });

/** A party's preferences without the party id, which the route names. */
export const PreferencesBody = z
  .strictObject({
    preferences: Preferences.omit({ party: true }),
    summary: z.string().min(1).max(500).optional(),
  })
  .meta({ id: 'PreferencesBody' });

export const Membership = z.object({
  role: Role,
  party: z.string().optional().describe('The party a delegate speaks for.'),
});

export const WorkspaceSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    revision: z.number().int(),
    membership: Membership,
  })
  .meta({ id: 'WorkspaceSummary' });

export const WorkspaceList = z
  .object({ workspaces: z.array(WorkspaceSummary) })
  .meta({ id: 'WorkspaceList' });

/** The workspace as the caller may see it: the scenario is the caller's party view. */
export const WorkspaceView = WorkspaceSummary.extend({
  scenario: z.record(z.string(), z.unknown()).describe("The scenario as the caller's role may see it."),
  warnings: z.array(ApiIssue).optional(),
}).meta({ id: 'WorkspaceView' });

export const RevisionCreated = z
  .object({ revision: z.number().int(), warnings: z.array(ApiIssue) })
  .meta({ id: 'RevisionCreated' });

export const RevisionSummary = z.object({
  revision: z.number().int(),
  author: z.string().describe('Login of who made the change.'),
  at: z.string().describe('ISO timestamp.'),
  summary: z.string(),
});

export const RevisionList = z.object({ revisions: z.array(RevisionSummary) }).meta({ id: 'RevisionList' });

const Disclosure = z.strictObject({
  zoneEmptiness: z.boolean(),
  constraintsInConflict: z.boolean(),
  bargainingOutcomes: z.boolean(),
  packageVerdicts: z.boolean(),
});

/** What each party lets the others learn from results computed with its private data. */
export const DisclosurePolicyBody = z
  .strictObject({
    parties: z.record(Id, Disclosure),
    otherwise: Disclosure,
    privatePositions: z.boolean(),
  })
  .meta({ id: 'DisclosurePolicy' });

export const MemberList = z
  .object({
    members: z.array(Membership.extend({ user: z.string().describe('Login.') })),
  })
  .meta({ id: 'MemberList' });

export const CreateInvitationBody = z
  .strictObject({
    role: Role.describe('A mediator invited so sees and edits everything, as the first one does.'),
    party: Id.optional().describe('Required for a delegate.'),
  })
  .meta({ id: 'CreateInvitationBody' });

export const MemberParams = WorkspaceParams.extend({ user: z.string().min(1).max(100).describe('Login.') });

/** A member's new role (mediator only); the last mediator cannot be demoted. */
export const ChangeMemberBody = z
  .strictObject({
    role: Role,
    party: Id.optional().describe('Required for a delegate.'),
  })
  .meta({ id: 'ChangeMemberBody' });

export const CreatedInvitation = z
  .object({
    token: z.string(),
    url: z.string().describe('Open while signed in and POST to accept.'),
    expiresAt: z.string(),
  })
  .meta({ id: 'CreatedInvitation' });

export const InvitationParams = z.strictObject({ token: z.string().min(1).max(200) });

export const AuditEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  detail: z.string(),
});
export const AuditList = z.object({ entries: z.array(AuditEntry) }).meta({ id: 'AuditList' });

export type Role = z.infer<typeof Role>;
export type CreateWorkspaceBody = z.infer<typeof CreateWorkspaceBody>;
export type PreferencesBody = z.infer<typeof PreferencesBody>;
export type DisclosurePolicyBody = z.infer<typeof DisclosurePolicyBody>;
