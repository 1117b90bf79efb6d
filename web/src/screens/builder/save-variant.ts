import { applyHypothesis } from '../../../../src/core/model/hypothesis.js';
import type { Hypothesis } from '../../../../src/schema/api/builder.js';
import { api } from '../../api/client.js';
import type { WorkspaceDetail } from '../../api/workspaces.js';

const base = (workspace: string) => `/api/workspaces/${encodeURIComponent(workspace)}`;

/**
 * Saves a hypothesis as a new revision, if the role may: the mediator's whole scenario, a delegate's own
 * preferences (the only part it may write). Both name the revision they build on, so a newer one is a conflict.
 * Returns what was saved, or undefined when the role may not save.
 */
export async function saveVariant(
  workspace: string,
  detail: WorkspaceDetail,
  hypothesis: Hypothesis,
): Promise<string | undefined> {
  const { membership } = detail;
  const changed = applyHypothesis(detail.scenario, hypothesis);
  const summary = 'A what-if from the package builder, saved as a variant';
  if (membership.role === 'mediator') {
    await api.request(`${base(workspace)}/scenario`, {
      method: 'PUT',
      body: { scenario: JSON.stringify(changed), format: 'json', summary },
      ifMatch: detail.revision,
    });
    return 'Saved as a new revision of the scenario.';
  }
  if (membership.role === 'delegate' && membership.party) {
    const own = changed.preferences.find((p) => p.party === membership.party);
    if (!own) return undefined;
    const { party: _party, ...preferences } = own;
    await api.request(`${base(workspace)}/parties/${encodeURIComponent(membership.party)}/preferences`, {
      method: 'PUT',
      body: { preferences, summary },
      ifMatch: detail.revision,
    });
    return 'Saved as a new revision of your preferences.';
  }
  return undefined;
}
