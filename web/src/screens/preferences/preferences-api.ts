import type { z } from 'zod';
import type { RevisionCreated } from '../../../../src/schema/api/workspace.js';
import { runAnalysis } from '../../api/analysis.js';
import { api } from '../../api/client.js';
import type { PreferencesDraft } from './preferences-form.js';

/**
 * Saves a party's preferences as a new revision built on `revision`. A newer head answers 412, thrown as the
 * client's ConflictError; invalid preferences answer 400 with issues at body.preferences….
 */
export async function savePreferences(
  workspace: string,
  party: string,
  draft: PreferencesDraft,
  summary: string,
  revision: number,
): Promise<z.infer<typeof RevisionCreated>> {
  const url = `/api/workspaces/${encodeURIComponent(workspace)}/parties/${encodeURIComponent(party)}/preferences`;
  const body = { preferences: draft, ...(summary.trim() ? { summary: summary.trim() } : {}) };
  return (await api.request<z.infer<typeof RevisionCreated>>(url, { method: 'PUT', body, ifMatch: revision }))
    .data;
}

/** The caller's own row of a package's evaluation: what the caller's party thinks of it, at the head revision. */
export async function ownPackageRow(workspace: string, party: string, pack: string, signal?: AbortSignal) {
  const outcome = await runAnalysis(workspace, 'evaluate', { package: pack }, signal ? { signal } : {});
  const row = outcome.result.parties.find((p) => p.party === party);
  return { revision: outcome.revision, row };
}
