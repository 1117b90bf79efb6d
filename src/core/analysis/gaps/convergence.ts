import type { CompiledScenario } from '../../model/compile.js';
import { ResolveError, resolveVersions } from '../../model/resolve.js';
import { chosenModels, type GapOptions, lossesOn } from './issue-gaps.js';

/**
 * How a document's successive versions move towards or away from what the parties want.
 *
 * Versions are taken in date order (declared order on equal dates), each on its own: a version settles the
 * issues its points settle. The settlement gap of a version on an issue it settles with option x is the total
 * loss sum_p loss_p(x) (see issue-gaps.ts): the utility points the parties together give up on that issue
 * relative to their favourites. It is 0 only if x is everyone's favourite, and never below the issue's
 * `leastCostly.loss`. An issue the version leaves open, or settles in two ways at once, has no settlement gap.
 * Between consecutive versions, an issue settled in both narrowed when its gap fell and widened when it rose.
 */
export interface SettlementStep {
  version: string;
  /** The settled option id, or null when the version leaves the issue open (or settles it two ways). */
  option: string | null;
  gap: number | null;
  /** Each party's loss from the settled option, or null with no settlement. */
  losses: Array<{ party: string; loss: number }> | null;
}

export interface IssueTrajectory {
  issue: string;
  title: string;
  steps: SettlementStep[];
}

export interface VersionSummary {
  id: string;
  label: string;
  date: string;
  /** Issues settled with a single option. */
  settled: number;
  /** Issues the version settles in conflicting ways. */
  conflicts: string[];
  /** Sum of the settlement gaps over the settled issues (comparable between versions that settle the same issues). */
  totalGap: number;
}

export interface GapChange {
  issue: string;
  from: string;
  to: string;
  before: number;
  after: number;
}

export interface SettlementChange {
  issue: string;
  from: string;
  to: string;
  /** settled: open (or conflicting) in `from`, settled in `to`; unsettled: the reverse. */
  kind: 'settled' | 'unsettled';
}

export interface Convergence {
  document: string;
  parties: string[];
  versions: VersionSummary[];
  perIssue: IssueTrajectory[];
  narrowed: GapChange[];
  widened: GapChange[];
  settlementChanges: SettlementChange[];
}

const TIE = 1e-9;

export function convergence(
  compiled: CompiledScenario,
  documentId: string,
  options: GapOptions = {},
): Convergence {
  const { scenario, space } = compiled;
  const document = scenario.documents.find((d) => d.id === documentId);
  if (!document) {
    const known = scenario.documents.map((d) => d.id).join(', ') || 'none';
    throw new ResolveError(`unknown document '${documentId}' (documents: ${known})`);
  }
  const models = chosenModels(compiled, options);
  const losses = space.issues.map((_, i) => models.map((m) => lossesOn(m, i)));
  const versions = document.versions
    .map((v, order) => ({ v, order }))
    .sort((a, b) => (a.v.date < b.v.date ? -1 : a.v.date > b.v.date ? 1 : a.order - b.order))
    .map(({ v }) => v);

  const perIssue: IssueTrajectory[] = space.issues.map((issue) => ({
    issue: issue.id,
    title: issue.title,
    steps: [],
  }));
  const summaries = versions.map((version): VersionSummary => {
    const resolution = resolveVersions(scenario, space, [{ document: documentId, version: version.id }]);
    let settled = 0;
    let totalGap = 0;
    resolution.settledBy.forEach((settlements, i) => {
      const options = new Set(settlements.map((s) => s.option));
      if (options.size !== 1) {
        perIssue[i].steps.push({ version: version.id, option: null, gap: null, losses: null });
        return;
      }
      const [x] = options;
      const partyLosses = models.map((m, p) => ({ party: m.party, loss: losses[i][p][x] }));
      const gap = partyLosses.reduce((sum, l) => sum + l.loss, 0);
      settled++;
      totalGap += gap;
      perIssue[i].steps.push({
        version: version.id,
        option: space.issues[i].optionIds[x],
        gap,
        losses: partyLosses,
      });
    });
    return {
      id: version.id,
      label: version.label,
      date: version.date,
      settled,
      conflicts: resolution.conflicts.map((c) => c.issue),
      totalGap,
    };
  });

  const narrowed: GapChange[] = [];
  const widened: GapChange[] = [];
  const settlementChanges: SettlementChange[] = [];
  for (let k = 1; k < versions.length; k++) {
    const [from, to] = [versions[k - 1].id, versions[k].id];
    for (const trajectory of perIssue) {
      const before = trajectory.steps[k - 1].gap;
      const after = trajectory.steps[k].gap;
      if (before === null && after === null) continue;
      if (before === null || after === null) {
        settlementChanges.push({
          issue: trajectory.issue,
          from,
          to,
          kind: before === null ? 'settled' : 'unsettled',
        });
        continue;
      }
      if (after < before - TIE) narrowed.push({ issue: trajectory.issue, from, to, before, after });
      else if (after > before + TIE) widened.push({ issue: trajectory.issue, from, to, before, after });
    }
  }
  return {
    document: documentId,
    parties: models.map((m) => m.party),
    versions: summaries,
    perIssue,
    narrowed,
    widened,
    settlementChanges,
  };
}
