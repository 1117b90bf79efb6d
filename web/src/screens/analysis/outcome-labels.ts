import type { SpaceIssueLabels } from '../../../../src/app/space-issues.js';
import { paths } from '../../app/paths.js';

/** One issue of an outcome, by its labels. */
export interface OutcomeCell {
  issue: string;
  title: string;
  option: string;
  label: string;
}

/** An outcome given as option indices (frontier points, `OutcomeView.options`), by its labels. */
export function outcomeCells(issues: SpaceIssueLabels[], options: number[]): OutcomeCell[] {
  return issues.map((issue, k) => {
    const option = issue.options[options[k]] ?? { id: String(options[k]), label: String(options[k]) };
    return { issue: issue.id, title: issue.title, option: option.id, label: option.label };
  });
}

/** The builder's URL with an outcome loaded (the route contract of ../../app/paths.ts). */
export function builderHref(workspace: string, cells: Array<{ issue: string; option: string }>): string {
  return paths.builder(workspace, { outcome: Object.fromEntries(cells.map((c) => [c.issue, c.option])) });
}
