import type { Concessions } from '../../../app/concessions.js';
import type { IssueCatalogue } from '../../../app/report.js';
import { escapeHtml, htmlTable } from '../html.js';
import { outcomeTable } from './outcome-table.js';

const fmt = (x: number) => x.toFixed(1);
const signed = (x: number) => (x >= 0 ? `+${x.toFixed(1)}` : `−${(-x).toFixed(1)}`);

function titleOf(catalogue: IssueCatalogue, issue: string): string {
  return catalogue.issues.find((i) => i.id === issue)?.title ?? issue;
}

function optionOf(catalogue: IssueCatalogue, issue: string, option: string): string {
  return catalogue.issues.find((i) => i.id === issue)?.options[option] ?? option;
}

function whatItWouldTake(focus: Concessions, catalogue: IssueCatalogue): string {
  const w = focus.whatWouldItTake;
  if (!w.possible)
    return '<p><strong>What it would take</strong>: nothing within the scenario makes it acceptable to every signatory, because no outcome is (the agreement zone is empty).</p>';
  const answer = w.fewestChanges;
  const first = answer?.alternatives[0];
  if (!answer || !first) return `<p>${escapeHtml(w.notes.join(' '))}</p>`;
  const changes = htmlTable(
    ['issue', 'from', 'to', ...first.parties.map((p) => p.name)],
    first.changes.map((c) => [
      titleOf(catalogue, c.issue),
      optionOf(catalogue, c.issue, c.from),
      optionOf(catalogue, c.issue, c.to),
      ...c.perParty.map((p) => signed(p.change)),
    ]),
  );
  return `<p><strong>What it would take</strong>: change ${answer.value} settled issue${answer.value === 1 ? '' : 's'} for every signatory to accept${answer.count === undefined ? '' : ` (${answer.count.toLocaleString('en-US')} equally small ways)`}; one of them:</p>${changes}
<p class="note">Method: ${escapeHtml(w.method)} (${escapeHtml(w.methodReason)}). ${escapeHtml(w.notes.join(' '))}</p>`;
}

function paretoImprovement(focus: Concessions, catalogue: IssueCatalogue): string {
  const p = focus.improvement;
  if (p.paretoOptimal)
    return `<p><strong>Pareto improvement</strong>: none; no outcome makes every party at least as well off as the package guarantees and someone better off. <span class="note">${escapeHtml(p.note)}</span></p>`;
  const best = p.best[0];
  const gains = htmlTable(
    ['party', 'guaranteed by the package', 'at the improvement', 'gain'],
    p.parties.map((q, k) => [q.name, fmt(q.guaranteed), fmt(best.utilities[k]), signed(best.gains[k])]),
  );
  return `<p><strong>Pareto improvement</strong>: an outcome raises the total by ${fmt(best.totalGain)} points with nobody worse off than the package guarantees; it is ${best.acceptable ? '' : '<strong>not</strong> '}acceptable to every signatory.</p>${gains}
${outcomeTable(catalogue, [{ name: 'improvement', assignment: best.outcome.assignment }], 'The improving outcome')}
<p class="note">${escapeHtml(p.note)}</p>`;
}

/** The focus package's "what it would take" and Pareto improvement. */
export function focusHtml(focus: Concessions, catalogue: IssueCatalogue): string {
  return `${whatItWouldTake(focus, catalogue)}\n${paretoImprovement(focus, catalogue)}`;
}
