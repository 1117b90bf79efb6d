import type { Scenario } from '../../../../src/schema/scenario.js';

export interface IssueChoice {
  id: string;
  title: string;
  category: string;
  options: Array<{ id: string; label: string }>;
}

export interface IssueGroup {
  /** The document whose latest version speaks to these issues first, or undefined for the rest. */
  document?: { id: string; title: string };
  categories: Array<{ category: string; issues: IssueChoice[] }>;
}

/** An issue's options as the builder offers them: labels for named options, the grid for a numeric issue. */
export function issueOptions(issue: Scenario['issues'][number]): IssueChoice['options'] {
  if (issue.options) return issue.options.map((o) => ({ id: o.id, label: o.label }));
  const range = issue.range;
  if (!range) return [];
  const count = Math.round((range.max - range.min) / range.step) + 1;
  return Array.from({ length: count }, (_, k) => {
    const value = Number((range.min + k * range.step).toPrecision(12));
    return { id: String(value), label: range.unit ? `${value} ${range.unit}` : String(value) };
  });
}

/**
 * Issues grouped by the document that speaks to them (its latest version's points, settled or touched; the
 * first document listed wins) and, within it, by category in the order categories first appear.
 */
export function groupIssues(scenario: Pick<Scenario, 'issues' | 'documents'>): IssueGroup[] {
  const owner = new Map<string, string>();
  for (const document of scenario.documents) {
    const latest = document.versions[document.versions.length - 1];
    for (const point of latest?.points ?? []) {
      for (const issue of [...Object.keys(point.settles ?? {}), ...(point.touches ?? [])]) {
        if (!owner.has(issue)) owner.set(issue, document.id);
      }
    }
  }
  const groups: IssueGroup[] = [
    ...scenario.documents.map((d) => ({ document: { id: d.id, title: d.title }, categories: [] })),
    { categories: [] },
  ];
  for (const issue of scenario.issues) {
    const documentId = owner.get(issue.id);
    const group = groups.find((g) => g.document?.id === documentId) ?? groups[groups.length - 1];
    let category = group.categories.find((c) => c.category === issue.category);
    if (!category) {
      category = { category: issue.category, issues: [] };
      group.categories.push(category);
    }
    category.issues.push({
      id: issue.id,
      title: issue.title,
      category: issue.category,
      options: issueOptions(issue),
    });
  }
  return groups.filter((g) => g.categories.length > 0);
}
