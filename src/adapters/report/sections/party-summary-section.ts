import type { SummaryView } from '../../../app/privacy/redact-summary.js';
import type { Proportion } from '../../../core/statistics/index.js';
import { escapeHtml } from '../html.js';
import { WITHHELD } from '../withheld.js';

const percent = (p: Proportion) =>
  `${(p.p * 100).toFixed(1)}% (95% CI ${(p.ci95[0] * 100).toFixed(1)}–${(p.ci95[1] * 100).toFixed(1)}%)`;
const signed = (x: number) => (x > 0 ? `+${x.toFixed(1)}` : x < 0 ? `−${(-x).toFixed(1)}` : '±0.0');
const item = (label: string, text: string) => `<li><strong>${escapeHtml(label)}</strong>: ${text}</li>`;
const withheld = `<span class="withheld">${WITHHELD}</span>`;

function dealText(summary: SummaryView): string {
  if (!summary.deal) return withheld;
  return summary.deal.exists
    ? 'yes: some outcomes respect every signatory’s red lines and beat every BATNA.'
    : 'no, as modelled: no outcome respects every signatory’s red lines and BATNA together.';
}

function bestText(summary: SummaryView): string {
  const best = summary.best;
  if (!best) return withheld;
  const verdict =
    best.verdict === 'yes' ? 'acceptable to every signatory' : 'not (yet) acceptable to every signatory';
  const own = best.own
    ? ` You: ${best.own.acceptable === 'yes' ? 'accept' : best.own.acceptable === 'no' ? 'reject' : 'may reject'}${
        best.own.reasons.length > 0 ? ` (${escapeHtml(best.own.reasons.join('; '))})` : ''
      }.`
    : '';
  return `${escapeHtml(best.label)} (<code>${escapeHtml(best.id)}</code>), ${verdict}.${own}`;
}

function robustnessText(summary: SummaryView): string {
  const r = summary.robustness;
  if (!r) return withheld;
  const own = r.own ? `you accept it in ${percent(r.own)} of draws` : '';
  const all = r.allAccept ? `all signatories accept it in ${percent(r.allAccept)}` : '';
  const flips =
    r.ownFlips.length > 0
      ? ` Your own estimates that flip your verdict: ${escapeHtml(r.ownFlips.join('; '))}.`
      : '';
  return `with open issues settled at random, ${[own, all].filter(Boolean).join('; ')}.${flips}`;
}

function revisionText(summary: SummaryView): string {
  const gains = summary.lastRevision;
  if (!gains) return withheld;
  const own = gains.parties[0];
  return `<code>${escapeHtml(gains.before)}</code> → <code>${escapeHtml(gains.after)}</code>: ${
    own ? `${escapeHtml(own.name)} ${signed(own.total)} (utility points, range midpoints)` : withheld
  }; other parties’ gains ${withheld}.`;
}

/**
 * The executive summary of a party's (or an observer's) view: the mediator's six questions, each answered
 * where the disclosure policy allows and visibly marked withheld where it does not.
 */
export function partySummarySection(summary: SummaryView): string {
  const items = [
    item('Is there a deal', dealText(summary)),
    item(
      'What blocks it, and the smallest change that opens it',
      summary.opening ? `drop ${escapeHtml(summary.opening.labels.join(' and '))}.` : withheld,
    ),
    item('Best tabled package', bestText(summary)),
    item('How robust', robustnessText(summary)),
    item('Who gained from the last revision', revisionText(summary)),
  ];
  const note = summary.withheld.length
    ? `<p class="note">Withheld under the disclosure policy: ${escapeHtml(summary.withheld.join('; '))}.</p>`
    : '';
  return `<ul class="summary">${items.join('\n')}</ul>${note}`;
}
