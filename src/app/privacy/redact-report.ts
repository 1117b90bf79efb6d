import { DEFAULT_POLICY, type DisclosurePolicy } from '../../core/privacy/disclosure-policy.js';
import { ownParty, type Viewer } from '../../core/privacy/viewer.js';
import type { ReportData } from '../report.js';
import { type AnalysisView, redactAnalysis } from './redact-analysis.js';
import { type DiffView, redactDiff } from './redact-diff.js';
import { type RobustnessViews, redactRobustnessViews } from './redact-summary.js';

/** Summary, typical acceptance and tornadoes pass through the party view: redacted, not dropped. */
export interface ReportView extends RobustnessViews {
  analysis: AnalysisView;
  /** The charted parties; the BATNA only for the viewer's own. No sample of utilities. */
  utilitySpace: { parties: Array<{ party: string; name: string; batna?: number }> };
  /** Lineages and agreement of the texts; settlement gaps (which sum the parties' losses) are withheld. */
  versions?: Omit<NonNullable<ReportData['versions']>, 'documents'> & {
    documents: Array<{
      id: string;
      lineage: NonNullable<ReportData['versions']>['documents'][number]['lineage'];
    }>;
  };
  diff?: { before: string; after: string; result: DiffView };
}

/** The report's data as `viewer` may see it (the mediator sees it unchanged). */
export function redactReport(
  data: ReportData,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): ReportData | ReportView {
  if (viewer.role === 'mediator') return data;
  const own = ownParty(viewer);
  const parties = data.analysis.parties.map((p) => p.id);
  return {
    analysis: redactAnalysis(data.analysis, viewer, policy) as AnalysisView,
    ...redactRobustnessViews(data, viewer, policy),
    utilitySpace: {
      parties: data.utilitySpace.parties.map((p) => ({
        party: p.party,
        name: p.name,
        ...(p.party === own ? { batna: p.batna } : {}),
      })),
    },
    ...(data.versions
      ? {
          versions: {
            ...data.versions,
            documents: data.versions.documents.map((d) => ({ id: d.id, lineage: d.lineage })),
          },
        }
      : {}),
    ...(data.diff
      ? {
          diff: {
            before: data.diff.before,
            after: data.diff.after,
            result: redactDiff(data.diff.result, viewer, policy, parties) as DiffView,
          },
        }
      : {}),
  };
}
