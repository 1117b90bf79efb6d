import type { VersionsData } from '../../../app/report.js';
import type { Convergence } from '../../../core/analysis/gaps/convergence.js';
import type { Lineage, PackageAgreement } from '../../../core/versions/index.js';
import { type GraphNode, type LineSeries, lineageGraph, timeLines } from '../charts.js';
import { escapeHtml } from '../html.js';
import { SECTION_STYLE } from './section-style.js';

const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Smallest horizontal distance between two versions of one lane, as a share of the drawing's width. */
const MIN_STEP = 0.13;

/**
 * Places versions left to right by date and top to bottom by lane. Within a lane, versions closer in time than
 * MIN_STEP are pushed apart (keeping their order) so that their labels stay readable; the drawing is then
 * rescaled to fit. Positions therefore follow the dates in order, not exactly in proportion.
 */
export function lineageLayout(lineage: Lineage): GraphNode[] {
  const times = lineage.nodes.map((n) => time(n.date));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const x = lineage.nodes.map((n, k) =>
    span > 0
      ? (times[k] - first) / span
      : lineage.nodes.length > 1
        ? n.row / (lineage.nodes.length - 1)
        : 0.5,
  );
  const lastInLane = new Map<number, number>();
  const byPosition = lineage.nodes
    .map((_, k) => k)
    .sort((i, j) => x[i] - x[j] || lineage.nodes[i].row - lineage.nodes[j].row);
  for (const k of byPosition) {
    const lane = lineage.nodes[k].lane;
    const previous = lastInLane.get(lane);
    if (previous !== undefined && x[k] < previous + MIN_STEP) x[k] = previous + MIN_STEP;
    lastInLane.set(lane, x[k]);
  }
  const widest = Math.max(1, ...x);
  return lineage.nodes.map((n, k) => ({
    id: n.id,
    label: `${n.id}\n${n.date}`,
    x: x[k] / widest,
    lane: n.lane,
  }));
}

/**
 * Edges of the drawing: a version's first parent continues its line; the other parents of a merge, and
 * parents reached only through point links, are drawn dashed.
 */
export function lineageEdges(lineage: Lineage): Array<{ from: string; to: string; kind?: string }> {
  const firstParent = new Map(lineage.nodes.map((n) => [n.id, n.parents[0]]));
  return lineage.edges.map((e) => ({
    from: e.from,
    to: e.to,
    ...(firstParent.get(e.to) !== e.from || !e.basedOn ? { kind: 'merge' } : {}),
  }));
}

/** Per issue, the settlement gap at each dated version that settles it (versions leaving it open are gaps in the line). */
export function gapSeries(c: Convergence): LineSeries[] {
  const dates = new Map(c.versions.map((v) => [v.id, v.date]));
  return c.perIssue
    .filter((t) => t.steps.some((s) => s.gap !== null))
    .map((t) => ({
      name: t.issue,
      points: t.steps
        .filter((s) => s.gap !== null)
        .map((s): [string, number] => [dates.get(s.version)!, Number(s.gap!.toFixed(3))]),
    }));
}

/** With every version on one date a chart over time says nothing: a table gives the gaps instead. */
function singleDateGaps(c: Convergence): string {
  const rows = c.perIssue
    .filter((t) => t.steps.some((s) => s.gap !== null))
    .map(
      (t) =>
        `<tr><td>${escapeHtml(t.title)}</td>${t.steps.map((s) => `<td class="pv-num">${s.gap === null ? 'open' : s.gap.toFixed(1)}</td>`).join('')}</tr>`,
    );
  return `<p>Settlement gap per issue (every version of this document is dated ${escapeHtml(c.versions[0].date)}, so there is no change over time to chart):</p>
<table class="pv-table" tabindex="0">
<thead><tr><th>issue</th>${c.versions.map((v) => `<th>${escapeHtml(v.id)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

const percent = (x: number) => `${(100 * x).toFixed(0)}%`;

function agreementTable(partyNames: Record<string, string>, agreements: PackageAgreement[]): string {
  const names = new Map(Object.entries(partyNames));
  const signatories = agreements[0]?.signatories ?? [];
  const head = [
    'package',
    'date',
    'versions',
    'points agreed by every signatory',
    ...signatories.map((s) => `${names.get(s) ?? s} agreed`),
  ]
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join('');
  const rows = agreements.map((a) => {
    const bar = `<span class="pv-bar"><span style="width:${(100 * a.share).toFixed(1)}%"></span></span>`;
    const parties = a.byParty.map(
      (p) =>
        `<td class="pv-num" title="${escapeHtml(`${p.agreed} agreed, ${p.bracketed} bracketed, ${p.open} open, ${p.rejected} rejected`)}">${percent(p.share)}${p.rejected > 0 ? ` <span class="pv-neg">(${p.rejected} rejected)</span>` : ''}</td>`,
    );
    return `<tr>
<td><strong>${escapeHtml(a.package.id ?? '')}</strong><br><span class="pv-muted">${escapeHtml(a.package.label ?? '')}</span></td>
<td class="pv-nowrap">${escapeHtml(a.package.date ?? '')}</td>
<td>${a.package.versions.map(escapeHtml).join('<br>')}</td>
<td class="pv-num">${a.agreedPoints} of ${a.totalPoints} (${percent(a.share)}) ${bar}${a.agreed ? ' <span class="pv-pos">agreed</span>' : ''}</td>
${parties.join('\n')}
</tr>`;
  });
  const notes = [...new Set(agreements.flatMap((a) => a.notes))];
  return `<table class="pv-table" tabindex="0">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${notes.map((n) => `<p class="pv-muted">${escapeHtml(n)}</p>`).join('\n')}`;
}

function documentBlock(document: VersionsData['documents'][number]): string {
  const { id: documentId, lineage } = document;
  const graph = lineageGraph(`${lineage.title}: versions`, lineageLayout(lineage), lineageEdges(lineage));
  const series = gapSeries(document.convergence);
  const dates = new Set(lineage.nodes.map((n) => n.date));
  const parallel =
    lineage.lanes > 1
      ? ' Points are joined in date order across all versions, whichever line of the lineage above they belong to.'
      : '';
  const gaps =
    series.length === 0
      ? '<p class="pv-muted">No version of this document settles an issue, so there is no gap to chart.</p>'
      : dates.size === 1
        ? singleDateGaps(document.convergence)
        : `<figure class="pv-chart">${timeLines(`${lineage.title}: settlement gap per issue`, 'gap', series)}
<figcaption>Settlement gap per issue at each dated version that settles it: the utility points (0–100 scale) the signatories together give up on the issue, relative to their favourite options. Lower is closer to agreement; a missing point means the version leaves the issue open.${parallel}</figcaption></figure>`;
  const roles = [
    lineage.branches.length > 0 ? `branches at ${lineage.branches.join(', ')}` : '',
    lineage.merges.length > 0 ? `merges at ${lineage.merges.join(', ')}` : '',
  ].filter(Boolean);
  const warnings = lineage.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('');
  return `<section class="pv-document">
<h3>${escapeHtml(lineage.title)} <span class="pv-muted">(${escapeHtml(documentId)})</span></h3>
<p>${lineage.nodes.length} version${lineage.nodes.length === 1 ? '' : 's'}${roles.length > 0 ? `; ${escapeHtml(roles.join('; '))}` : ''}. Solid arrows continue a line; dashed arrows join a second line into a merge.</p>
<figure class="pv-chart">${graph}</figure>
${warnings ? `<ul class="pv-muted">${warnings}</ul>` : ''}
${gaps}
</section>`;
}

/**
 * The versions part of the report: for each document its lineage and the settlement gap over time, then how far
 * each package is from being agreed ("nothing is agreed until everything is agreed").
 */
export function versionsSection(data: VersionsData): string {
  const documents = data.documents.map(documentBlock);
  const agreements = data.agreements;
  const packages =
    agreements.length === 0
      ? '<p class="pv-muted">The scenario defines no package.</p>'
      : agreementTable(data.partyNames, agreements);
  return `<section class="pv-section" id="versions">
${SECTION_STYLE}
<h2>Plans as living texts</h2>
<p class="pv-muted">${escapeHtml(data.title)}: ${data.documents.length} document${data.documents.length === 1 ? '' : 's'}, ${data.packageCount} package${data.packageCount === 1 ? '' : 's'}. Gaps rest on analysts' estimates of the parties' preferences, not on facts.</p>
${documents.join('\n')}
<h3>Packages: nothing is agreed until everything is agreed</h3>
<p>A package is agreed only when every point of every version in it is agreed by every signatory. The share below counts the points every signatory has agreed; the party columns give each signatory's own share.</p>
${packages}
</section>`;
}
