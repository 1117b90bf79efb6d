import type { ReportDiff } from '../../app/report.js';
import { htmlPage } from './html.js';
import { diffSection } from './sections/diff-section.js';
import { whoGainsHtml } from './sections/who-gains-section.js';

/** `parley diff --html`: who gains first (changes and deferrals apart), then the clause-by-clause diff. */
export function diffPageHtml(title: string, diff: ReportDiff, notes: string[] = []): string {
  return htmlPage(
    `${title}: ${diff.before} → ${diff.after}`,
    ['What changed between the two texts, and who gains from it.', ...notes],
    [
      { id: 'who-gains', title: 'Who gains', html: whoGainsHtml(diff) },
      { id: 'diff', title: 'What changed, clause by clause', html: diffSection(diff.result) },
    ],
  );
}
