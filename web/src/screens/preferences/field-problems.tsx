import { type FieldProblem, problemsWithin, problemText } from './validate-preferences.js';

/** The DOM id of the control for a path of the preferences, so that the summary can link to it. */
export function fieldId(path: string): string {
  return `pref-${path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '')}`;
}

/** The id of a control's problem list, for aria-describedby. */
export const problemsId = (path: string) => `${fieldId(path)}-problems`;

/**
 * The problems at a path (or inside it, unless `exact`), under the control, in the command line's words.
 */
export function FieldProblems({
  problems,
  path,
  exact = false,
}: {
  problems: readonly FieldProblem[];
  path: string;
  exact?: boolean;
}) {
  const here = exact ? problems.filter((p) => p.path === path) : problemsWithin(problems, path);
  if (here.length === 0) return null;
  return (
    <ul className="issues" id={problemsId(path)}>
      {here.map((p) => (
        <li key={`${p.path}:${p.message}`} className={p.severity}>
          {p.path && <span className="issue-where">{p.path}: </span>}
          {problemText(p)}
        </li>
      ))}
    </ul>
  );
}

/** Whether a control has problems (at its path or inside), for aria-invalid. */
export function hasProblems(problems: readonly FieldProblem[], path: string, exact = false): boolean {
  return exact ? problems.some((p) => p.path === path) : problemsWithin(problems, path).length > 0;
}

/** The closest control a problem's path names: the longest prefix that has one on the page. */
export function targetOf(path: string): string {
  let candidate = path;
  while (candidate !== '') {
    if (typeof document !== 'undefined' && document.getElementById(fieldId(candidate)))
      return fieldId(candidate);
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return 'preferences-form';
}

/** Every error, at the top of the form, each a link to its field. */
export function ProblemSummary({ problems }: { problems: readonly FieldProblem[] }) {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert" aria-labelledby="problem-summary-title">
      <strong id="problem-summary-title">
        {errors.length === 1 ? '1 problem' : `${errors.length} problems`} to fix before saving
      </strong>
      <ul className="issues">
        {errors.map((p) => (
          <li key={`${p.path}:${p.message}`} className="error">
            <a
              href={`#${fieldId(p.path)}`}
              onClick={(event) => {
                event.preventDefault();
                const target = document.getElementById(targetOf(p.path));
                target?.closest('details')?.setAttribute('open', '');
                target?.focus();
                target?.scrollIntoView({ block: 'center' });
              }}
            >
              {p.path || 'the preferences'}
            </a>
            : {problemText(p)}
          </li>
        ))}
      </ul>
    </div>
  );
}
