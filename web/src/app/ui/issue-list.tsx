import type { ApiIssue } from '../../api/errors.js';

/** Where an issue is: line and column of submitted text, else its field path. */
export function issueLocation(issue: ApiIssue): string {
  if (issue.line !== undefined) {
    return `line ${issue.line}${issue.column !== undefined ? `, column ${issue.column}` : ''}`;
  }
  return issue.path;
}

/** One located problem as the CLI words it: where, what, what was expected, and a suggestion. */
export function IssueText({ issue }: { issue: ApiIssue }) {
  const where = issueLocation(issue);
  return (
    <>
      {where && <span className="issue-where">{where}: </span>}
      {issue.message}
      {issue.expected && !issue.message.includes(issue.expected) && <> (expected {issue.expected})</>}
      {issue.suggestion && <> — {issue.suggestion}</>}
    </>
  );
}

export function IssueList({ issues, id }: { issues: readonly ApiIssue[]; id?: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issues" id={id}>
      {issues.map((issue) => (
        <li
          key={`${issue.path}:${issue.line}:${issue.column}:${issue.message}`}
          className={issue.severity === 'warning' ? 'warning' : 'error'}
        >
          <IssueText issue={issue} />
        </li>
      ))}
    </ul>
  );
}
