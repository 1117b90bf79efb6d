import type { TimelineData } from '../../app/timeline.js';
import { escapeHtml, htmlPage, htmlTable, type Section } from './html.js';
import { divergingBars } from './sections/diverging-bars.js';

type Entry = TimelineData['entries'][number];

const fmt = (x: number) => x.toFixed(1);
const signed = (x: number) =>
  Math.abs(x) < 0.05 ? '±0.0' : x > 0 ? `+${x.toFixed(1)}` : `−${(-x).toFixed(1)}`;

function entryRow(e: Entry, titles: Map<string, string>): string[] {
  switch (e.kind) {
    case 'event':
      return [e.date, e.eventKind, e.title, e.parties.length > 0 ? `parties: ${e.parties.join(', ')}` : ''];
    case 'package':
      return [
        e.date,
        'package',
        `${e.id}: ${e.label}`,
        `${e.versions.join(' + ')}${e.proposedBy.length > 0 ? `; by ${e.proposedBy.join(', ')}` : ''}`,
      ];
    case 'version':
      return [
        e.date,
        'version',
        `${e.document}:${e.version} ${e.label}`,
        [
          e.proposedBy.length > 0 ? `proposed by ${e.proposedBy.join(', ')}` : '',
          e.basedOn.length > 0 ? `based on ${e.basedOn.join(', ')}` : '',
          `${e.pointCount} points`,
        ]
          .filter(Boolean)
          .join('; '),
      ];
    case 'status-change':
      return [
        e.date,
        'status',
        `${e.document}:${e.version} #${e.point} ${e.title}`,
        `${e.party}: ${e.from ?? 'new'} → ${e.to}`,
      ];
    case 'position':
      return [
        e.date,
        'position',
        `${e.party} on ${titles.get(e.issue) ?? e.issue}: ${e.label}`,
        e.previous ? `was ${e.previous.label} (${e.previous.date})` : 'first stated position',
      ];
  }
}

function gapSection(data: TimelineData, k: number, titles: Map<string, string>): Section {
  const c = data.convergence[k];
  const changes = data.alongLineage[k].changes;
  const lowest = new Map(data.lowestPossibleGap.map((g) => [g.issue, g.loss]));
  const issues = c.perIssue.filter((t) => t.steps.some((s) => s.gap !== null));
  const table =
    c.versions.length === 0
      ? '<p>No version of this document is dated within the range.</p>'
      : htmlTable(
          ['issue', 'lowest possible', ...c.versions.map((v) => `${v.id} (${v.date})`)],
          [
            ...issues.map((t) => [
              t.title,
              fmt(lowest.get(t.issue) ?? 0),
              ...t.steps.map((s) => (s.gap === null ? 'open' : fmt(s.gap))),
            ]),
            [
              'total over settled issues',
              '',
              ...c.versions.map((v) => `${fmt(v.totalGap)} (${v.settled} settled)`),
            ],
          ],
        );
  const moved = changes.filter((x) => x.kind === 'narrowed' || x.kind === 'widened');
  const bars =
    moved.length === 0
      ? '<p class="note">No issue narrowed or widened along the lineage.</p>'
      : divergingBars(
          `Gap changes along the lineage of ${c.document} (negative: the parties moved closer)`,
          ['version: issue', 'before', 'after', 'change'],
          moved.map((x) => {
            const change = (x.after ?? 0) - (x.before ?? 0);
            return {
              label: `${x.version}: ${titles.get(x.issue) ?? x.issue}`,
              cells: [fmt(x.before ?? 0), fmt(x.after ?? 0), signed(change)],
              segments: [{ from: 0, to: change, kind: change <= 0 ? 'gain' : 'loss' }],
              description: `${x.version}, ${titles.get(x.issue) ?? x.issue}: gap ${fmt(x.before ?? 0)} → ${fmt(x.after ?? 0)} since ${x.since ?? 'start'}`,
            };
          }),
          'gap change',
        );
  return {
    id: `gaps-${c.document}`,
    title: `Settlement gap per issue: ${c.document}`,
    html: `${bars}${table}<p class="note">${escapeHtml(data.gapDefinition)}. Each version is compared with its nearest ancestor (basedOn) that settles the issue.</p>`,
  };
}

/** `parley timeline --html`: what happened when, then how the gap between the parties moved per document. */
export function timelinePageHtml(
  title: string,
  data: TimelineData,
  issueTitles: Map<string, string>,
): string {
  const range = data.from || data.to ? ` (${data.from ?? 'start'} to ${data.to ?? 'end'})` : '';
  const sections: Section[] = [
    {
      id: 'timeline',
      title: `What happened when${range}`,
      html:
        data.entries.length === 0
          ? '<p>Nothing is dated within the range.</p>'
          : htmlTable(
              ['date', 'kind', 'what', 'detail'],
              data.entries.map((e) => entryRow(e, issueTitles)),
            ),
    },
    ...data.convergence.map((_, k) => gapSection(data, k, issueTitles)),
  ];
  return htmlPage(
    `${title}: timeline`,
    [`Documents: ${data.documents.join(', ')}. Positions and gaps rest on analysts' estimates.`],
    sections,
  );
}
