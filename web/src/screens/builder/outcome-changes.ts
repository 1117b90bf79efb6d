import type { IssueChoice } from './issue-groups.js';

export interface OutcomeChange {
  issue: string;
  title: string;
  from?: string;
  to: string;
}

/** What loading `next` into the builder changes in `current`, with labels (an unset issue has no `from`). */
export function outcomeChanges(
  issues: readonly IssueChoice[],
  current: Readonly<Record<string, string>>,
  next: Readonly<Record<string, string>>,
): OutcomeChange[] {
  const label = (issue: IssueChoice, option: string | undefined) =>
    option === undefined ? undefined : (issue.options.find((o) => o.id === option)?.label ?? option);
  return issues.flatMap((issue) => {
    const to = next[issue.id];
    if (to === undefined || to === current[issue.id]) return [];
    const from = label(issue, current[issue.id]);
    return [{ issue: issue.id, title: issue.title, ...(from ? { from } : {}), to: label(issue, to) ?? to }];
  });
}
