import type { AnalysisView } from '../../app/privacy/redact-analysis.js';
import type { DiffView } from '../../app/privacy/redact-diff.js';
import type { ReportView } from '../../app/privacy/redact-report.js';
import type { ReportData } from '../../app/report.js';
import type { Viewer } from '../../core/privacy/viewer.js';
import type { PackageDiff, VersionDiff } from '../../core/versions/index.js';
import { analysisReportHtml } from './analysis-report.js';
import { escapeHtml, htmlPage, htmlTable, type Section } from './html.js';
import { partyRobustnessSection } from './sections/party-robustness-section.js';
import { partySummarySection } from './sections/party-summary-section.js';

import { WITHHELD } from './withheld.js';

export { WITHHELD };

const fixed = (x: number | undefined, digits = 1) =>
  x === undefined || !Number.isFinite(x) ? WITHHELD : x.toFixed(digits);
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)}`;
const list = (items: readonly string[]) =>
  `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;

/** True when the report data is a party's (or an observer's) view rather than the mediator's whole report. */
export function isReportView(data: ReportData | ReportView): data is ReportView {
  return 'withheld' in data.analysis;
}

/** True when a diff is a party's view of it. */
export function isDiffView(diff: VersionDiff | PackageDiff | DiffView): diff is DiffView {
  return 'withheld' in diff;
}

function viewerText(viewer: Viewer, analysis: AnalysisView): string {
  if (viewer.role === 'observer') return 'an observer (no party’s private data)';
  if (viewer.role === 'mediator') return 'the mediator';
  const name = analysis.parties.find((p) => p.id === viewer.party)?.name ?? viewer.party;
  return `the delegation of ${name}`;
}

function withheldSection(view: ReportView): Section {
  const items = [...view.analysis.withheld, ...(view.diff ? view.diff.result.withheld : [])];
  return {
    id: 'withheld',
    title: 'What this view leaves out',
    html: `<p>This page is ${escapeHtml(viewerText(view.analysis.viewer, view.analysis))}’s view. Under the disclosure policy it does not show:</p>${list([...new Set(items)])}<p class="note">“${WITHHELD}” marks a value that exists but is not shown here.</p>`,
  };
}

function zoneText(zone: AnalysisView['zone']): string {
  if (zone.empty === undefined) return `Whether a deal is possible: ${WITHHELD}.`;
  if (!zone.empty) return 'A deal acceptable to every signatory exists among the outcomes.';
  return zone.emptinessProven
    ? 'No outcome is acceptable to every signatory (proven).'
    : 'No acceptable outcome was found.';
}

function partiesSection(analysis: AnalysisView): Section {
  const rows = analysis.parties.map((p) => [
    p.name,
    p.role,
    p.signatory ? 'yes' : 'no',
    p.batna === undefined ? WITHHELD : fixed(p.batna),
  ]);
  return {
    id: 'parties',
    title: 'Parties and the agreement zone',
    html: `<p>${escapeHtml(zoneText(analysis.zone))}</p>${htmlTable(['party', 'role', 'signs', 'BATNA'], rows)}`,
  };
}

function packagesSection(analysis: AnalysisView): Section {
  // Robustness is computed only when asked for; a column of "not disclosed" would then mislead.
  const accept = analysis.robustness && new Map(analysis.robustness.map((r) => [r.id, r.accept]));
  const rows = analysis.packages.map((p) => {
    const own = p.evaluation.parties[0];
    const row = [
      p.label,
      own ? `${fixed(own.utility.min)}–${fixed(own.utility.max)}` : WITHHELD,
      own ? own.acceptable : WITHHELD,
      p.evaluation.verdict ?? WITHHELD,
    ];
    const share = accept?.get(p.id);
    if (accept) row.push(share === undefined ? WITHHELD : `${fixed(share * 100, 0)} %`);
    return row;
  });
  const head = ['package', 'your utility', 'acceptable to you', 'acceptable to all'];
  if (accept) head.push('you accept (typical completions)');
  const bargaining = analysis.bargaining
    ? htmlTable(
        ['bargaining solution', 'your utility'],
        analysis.bargaining.map((b) => [b.concept, fixed(b.utility)]),
      )
    : `<p>Bargaining solutions: ${WITHHELD}.</p>`;
  const conflict = analysis.constraintsInConflict?.length
    ? `<p>Your constraints in conflict:</p>${list(analysis.constraintsInConflict)}`
    : '';
  return {
    id: 'packages',
    title: 'Packages',
    html: `${htmlTable(head, rows)}${bargaining}${conflict}`,
  };
}

function issueText(state: { status: string; labels: string[] }): string {
  return state.labels.length > 0 ? state.labels.join(' / ') : state.status;
}

/** A party's view of a diff: the shared texts and issues, the viewer's own gains, and what is withheld. */
export function partyDiffHtml(diff: DiffView): string {
  const issues = htmlTable(
    ['issue', 'before', 'after'],
    diff.issues.map((c) => [c.title, issueText(c.before), issueText(c.after)]),
  );
  const impact = diff.impact.parties.length
    ? htmlTable(
        ['party', 'before (mid)', 'after (mid)', 'change'],
        diff.impact.parties.map((p) => [
          p.name,
          fixed(p.before.scalar),
          fixed(p.after.scalar),
          signed(p.delta),
        ]),
      )
    : `<p>Who gains: ${WITHHELD}.</p>`;
  const own = diff.impact.parties[0]?.party;
  const titles = new Map(diff.issues.map((c) => [c.issue, c.title]));
  const shares = own
    ? htmlTable(
        ['change', 'your share'],
        diff.impact.attribution.changes.map((c) => {
          const share = c.shares.find((s) => s.party === own);
          return [titles.get(c.issue) ?? c.issue, share ? signed(share.value) : WITHHELD];
        }),
      )
    : '';
  const verdict = diff.impact.verdict
    ? `<p>Acceptable to every signatory: ${escapeHtml(diff.impact.verdict.before)} → ${escapeHtml(diff.impact.verdict.after)}.</p>`
    : `<p>Acceptable to every signatory: ${WITHHELD}.</p>`;
  return `${issues}${impact}${shares}${verdict}<p class="note">Not shown: ${escapeHtml(diff.withheld.join('; '))}.</p>`;
}

/** The report page of a party's (or an observer's) view: only what the view holds, with withheld values marked. */
export function partyViewHtml(view: ReportView): string {
  const { analysis } = view;
  const sections: Section[] = [
    { id: 'summary', title: 'At a glance', html: partySummarySection(view.summary) },
    withheldSection(view),
    partiesSection(analysis),
    packagesSection(analysis),
  ];
  if (view.typical || view.tornadoes.length > 0) {
    sections.push({
      id: 'robustness',
      title: 'Robustness: your acceptance under typical completions',
      html: partyRobustnessSection(view.typical, view.tornadoes),
    });
  }
  if (view.versions) {
    sections.push({
      id: 'versions',
      title: 'Documents',
      html: list(
        view.versions.documents.map(
          (d) => `${d.lineage.title}: ${d.lineage.nodes.map((n) => n.label).join(' → ')}`,
        ),
      ),
    });
  }
  if (view.diff) {
    sections.push({
      id: 'diff',
      title: `Diff: ${view.diff.before} → ${view.diff.after}`,
      html: partyDiffHtml(view.diff.result),
    });
  }
  const subtitle = [
    `${analysis.scenario.id}${analysis.at ? `, as of ${analysis.at}` : ''}`,
    `The view of ${viewerText(analysis.viewer, analysis)}.`,
  ];
  return htmlPage(`${analysis.scenario.title}: a party's view`, subtitle, sections);
}

/** The report page for the mediator's whole report or for a party's view of it. */
export function reportPageHtml(data: ReportData | ReportView): string {
  return isReportView(data) ? partyViewHtml(data) : analysisReportHtml(data);
}
