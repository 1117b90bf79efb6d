import type { ExecutiveSummary, PackageRobustness } from '../../../app/report-summary.js';
import type { Proportion } from '../../../core/statistics/index.js';
import { escapeHtml } from '../html.js';

const count = (n: number) => n.toLocaleString('en-US');
const percent = (p: Proportion) =>
  `${(p.p * 100).toFixed(1)}% (95% CI ${(p.ci95[0] * 100).toFixed(1)}–${(p.ci95[1] * 100).toFixed(1)}%)`;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

function dealItem(summary: ExecutiveSummary): string {
  if (summary.deal.exists) {
    const size = summary.deal.zoneSize === undefined ? '' : ` (${count(summary.deal.zoneSize)} outcomes)`;
    return `<strong>A deal exists</strong>: some outcomes${size} respect every signatory’s red lines and beat every BATNA.`;
  }
  return '<strong>No deal exists as modelled</strong>: the agreement zone is empty; no outcome respects every signatory’s red lines and BATNA together.';
}

function conflictsItem(summary: ExecutiveSummary): string {
  if (summary.conflicts.length === 0) return '';
  const n = summary.conflicts.length;
  const items = summary.conflicts
    .map(
      (c) => `<li>${escapeHtml(c.text)} <span class="note">(${escapeHtml(c.issues.join('; '))})</span></li>`,
    )
    .join('');
  return `<li><strong><a href="#zone">What blocks it</a></strong>: ${n === 1 ? 'one conflict' : `${n} conflicts`} of red lines${summary.conflictsComplete ? '' : ' (the search stopped early; there may be more)'}:<ol>${items}</ol></li>`;
}

function openingItem(summary: ExecutiveSummary): string {
  const opening = summary.opening;
  if (!opening) return '';
  const others = opening.alternatives.filter((a) => a.join('|') !== opening.labels.join('|'));
  const size =
    opening.zoneSize === undefined ? '' : `, leaving ${count(opening.zoneSize)} acceptable outcomes`;
  return `<li><strong>Smallest change that opens it</strong>: drop ${escapeHtml(list(opening.labels))}${size}.${
    others.length > 0
      ? ` Equally small: ${escapeHtml(others.map((a) => `drop ${list(a)}`).join('; or '))}.`
      : ''
  }</li>`;
}

function bestItem(summary: ExecutiveSummary): string {
  const best = summary.best;
  if (!best) return '<li>No package is tabled in the scenario.</li>';
  const verdict =
    best.verdict === 'yes'
      ? 'acceptable to every signatory'
      : best.verdict === 'no'
        ? 'not acceptable to every signatory'
        : 'acceptable or not depending on the issues it leaves open';
  const blockers =
    best.blockers.length === 0
      ? ''
      : ` Blocked by ${best.blockers
          .map(
            (b) =>
              `<strong>${escapeHtml(b.name)}</strong> (${b.acceptable === 'no' ? 'rejects' : 'may reject'}: ${escapeHtml(b.reasons.join('; '))})`,
          )
          .join(', ')}.`;
  return `<li><strong><a href="#packages">Best tabled package</a></strong>: ${escapeHtml(best.label)} (<code>${escapeHtml(best.id)}</code>), ${verdict}.${blockers} <span class="note">Best means ${escapeHtml(best.rankedBy)}.</span></li>`;
}

function robustnessItem(r: PackageRobustness | undefined): string {
  if (!r) return '';
  const worst = r.worstCompletion
    ? `If every open issue goes the worst way for each party, all signatories accept in ${percent(r.worstCompletion)} of draws. `
    : '';
  const flips =
    r.flips.length === 0
      ? 'No single estimate, moved alone within its range, changes any signatory’s verdict.'
      : `${r.flips.length} estimate${r.flips.length === 1 ? '' : 's'} moved alone within ${r.flips.length === 1 ? 'its' : 'their'} range flip${r.flips.length === 1 ? 's' : ''} a verdict, e.g. ${escapeHtml(
          r.flips
            .slice(0, 3)
            .map((f) => `${f.name}: ${f.estimate}`)
            .join('; '),
        )}.`;
  return `<li><strong><a href="#robustness">How robust</a></strong>: ${worst}With open issues settled at random (every completion equally likely) and the estimates drawn from their ranges, all signatories accept <code>${escapeHtml(r.package)}</code> in ${percent(r.typicalCompletion)} of ${count(r.samples)} draws (seed ${escapeHtml(String(r.seed))}). ${flips}</li>`;
}

function revisionItem(summary: ExecutiveSummary): string {
  const gains = summary.lastRevision;
  if (!gains) return '';
  const moved = gains.parties.filter((p) => Math.abs(p.total) >= 0.05).sort((a, b) => b.total - a.total);
  const signed = (x: number) => (x > 0 ? `+${x.toFixed(1)}` : `−${(-x).toFixed(1)}`);
  const words =
    moved.length === 0
      ? 'no party’s utility moved.'
      : `${moved.map((p) => `${escapeHtml(p.name)} ${signed(p.total)}`).join(', ')} (utility points, range midpoints${
          gains.deferrals > 0 ? '; deferrals count under the midpoint convention, see below' : ''
        }).`;
  return `<li><strong><a href="#who-gains">Who gained from the last revision</a></strong> (<code>${escapeHtml(gains.before)}</code> → <code>${escapeHtml(gains.after)}</code>): ${words}</li>`;
}

/** The executive summary: the six answers a mediator needs first, in words, each linking to its details. */
export function summarySection(summary: ExecutiveSummary): string {
  const items = [
    `<li>${dealItem(summary)}</li>`,
    conflictsItem(summary),
    openingItem(summary),
    bestItem(summary),
    robustnessItem(summary.robustness),
    revisionItem(summary),
  ].filter(Boolean);
  return `<ul class="summary">${items.join('\n')}</ul>`;
}
