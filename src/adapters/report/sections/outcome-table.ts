import type { IssueCatalogue } from '../../../app/report.js';
import { escapeHtml } from '../html.js';

export interface NamedOutcome {
  name: string;
  /** Issue id → option id; an issue left out is shown as open. */
  assignment: Record<string, string>;
}

/** Longer outcome tables are folded (and unfolded for print). */
const FOLD_ABOVE = 8;

/**
 * Outcomes side by side, one row per issue, options by label; a cell that differs from the first column is
 * marked, so that what each solution changes stands out.
 */
export function outcomeTable(catalogue: IssueCatalogue, outcomes: NamedOutcome[], caption: string): string {
  if (outcomes.length === 0) return '';
  const label = (issue: IssueCatalogue['issues'][number], option: string | undefined) =>
    option === undefined ? 'open' : (issue.options[option] ?? option);
  const rows = catalogue.issues.map((issue) => {
    const first = outcomes[0].assignment[issue.id];
    const cells = outcomes.map((o, k) => {
      const option = o.assignment[issue.id];
      const differs = k > 0 && option !== first;
      return `<td${differs ? ' class="differs"' : ''}>${escapeHtml(label(issue, option))}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(issue.title)}</th>${cells.join('')}</tr>`;
  });
  const head = outcomes.map((o) => `<th scope="col">${escapeHtml(o.name)}</th>`).join('');
  const table = `<div class="scroll"><table class="outcomes" tabindex="0"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">issue</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  const note =
    outcomes.length > 1
      ? `<p class="note">Shaded cells differ from the first column (${escapeHtml(outcomes[0].name)}).</p>`
      : '';
  if (catalogue.issues.length <= FOLD_ABOVE) return `${table}${note}`;
  return `<details class="fold"><summary>${escapeHtml(caption)}: ${catalogue.issues.length} issues</summary>${table}${note}</details>`;
}
