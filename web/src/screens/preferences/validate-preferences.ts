import { parseScenario } from '../../../../src/browser.js';
import type { Scenario } from '../../../../src/schema/scenario.js';
import type { PreferencesDraft } from './preferences-form.js';

/**
 * A problem with the preferences being edited, where the form shows it: `path` is relative to the preferences
 * (weights.donbas, redLines[0].crossedWhen.any[1].in[0], batna.series[2].date; '' for the whole).
 */
export interface FieldProblem {
  path: string;
  message: string;
  expected?: string;
  suggestion?: string;
  severity: 'error' | 'warning';
}

/** What the server's issues and the loader's diagnostics have in common. */
interface Located {
  path: string;
  message: string;
  expected?: string;
  suggestion?: string;
  severity?: 'error' | 'warning';
}

/**
 * Checks the preferences exactly as `parley validate` checks a file that holds them: the scenario the caller
 * sees, with this party's preferences replaced by the draft, goes through the loader's own parser. The messages,
 * the expectations and the "did you mean" are therefore the command line's, word for word. Only problems inside
 * the draft are returned; the rest of the scenario is not the editor's to fix.
 */
export function validatePreferences(view: Scenario, party: string, draft: PreferencesDraft): FieldProblem[] {
  const list = [...view.preferences];
  const index = list.findIndex((p) => p.party === party);
  const at = index >= 0 ? index : list.length;
  list[at] = { ...draft, party } as (typeof list)[number];
  const text = JSON.stringify({ ...view, preferences: list });
  const result = parseScenario(text, { fileName: 'preferences.json', format: 'json' });
  const diagnostics = result.ok ? result.warnings : result.diagnostics;
  const own = diagnostics.flatMap((d) => relocated(d, `preferences[${at}]`) ?? []);
  if (!result.ok && !own.some((p) => p.severity === 'error')) {
    const others = diagnostics.filter((d) => d.severity === 'error').length;
    own.push({
      path: '',
      severity: 'error',
      message: `${others} problem(s) in other parts of the scenario arise with these preferences; ask the mediator`,
    });
  }
  return own;
}

/** The server's issues for a PUT (paths under body.preferences) as problems of the form. */
export function problemsFromServer(issues: readonly Located[]): FieldProblem[] {
  return issues.flatMap((issue) => relocated(issue, 'body.preferences') ?? []);
}

function relocated(d: Located, root: string): FieldProblem | undefined {
  let path: string;
  if (d.path === root) path = '';
  else if (d.path.startsWith(`${root}.`)) path = d.path.slice(root.length + 1);
  else if (d.path.startsWith(`${root}[`)) path = d.path.slice(root.length);
  else return undefined;
  return {
    path,
    message: d.message,
    severity: d.severity ?? 'error',
    ...(d.expected !== undefined ? { expected: d.expected } : {}),
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
  };
}

/** The problems a control shows: at its path or inside it. */
export function problemsWithin(problems: readonly FieldProblem[], path: string): FieldProblem[] {
  return problems.filter(
    (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
  );
}

/** One problem in the words the command line prints after the location. */
export function problemText(problem: FieldProblem): string {
  const parts = [problem.message];
  if (problem.expected !== undefined) parts.push(`expected: ${problem.expected}`);
  if (problem.suggestion !== undefined && !problem.message.includes('did you mean')) {
    parts.push(`did you mean '${problem.suggestion}'?`);
  }
  return parts.join(' · ');
}
