import type { ApiIssue } from '../../schema/api/error.js';
import type { Preferences, Scenario } from '../../schema/scenario.js';
import { ApiProblem } from './api-problem.js';
import type { ScenarioDiagnostic as Diagnostic, ScenarioCodec } from './scenario-codec.js';

function issueOf(d: Diagnostic, path = d.path): ApiIssue {
  return {
    path,
    message: d.message,
    severity: d.severity,
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
    ...(d.expected ? { expected: d.expected } : {}),
    ...(d.suggestion ? { suggestion: d.suggestion } : {}),
  };
}

/**
 * A scenario from submitted text, checked exactly as `parley validate` checks a file: the same diagnostics, with
 * line, column, field path and "did you mean". Invalid text is a 400 listing every problem.
 */
export function scenarioFromText(
  codec: ScenarioCodec,
  text: string,
  format: 'yaml' | 'json',
): { scenario: Scenario; warnings: ApiIssue[] } {
  const result = codec.parse(text, format);
  if (!result.ok) {
    throw new ApiProblem(400, 'invalid-scenario', 'the scenario is invalid: see issues for where and why', {
      issues: result.diagnostics.map((d) => issueOf(d)),
    });
  }
  return { scenario: result.scenario, warnings: result.warnings.map((d) => issueOf(d)) };
}

/**
 * The scenario with one party's preferences replaced, checked as a whole. A delegate learns only about problems
 * inside its own preferences (re-rooted at body.preferences); a problem elsewhere, which could quote another
 * party's data, is reported without its details.
 */
export function withPreferences(
  codec: ScenarioCodec,
  scenario: Scenario,
  preferences: Preferences,
  seesAll: boolean,
): { scenario: Scenario; warnings: ApiIssue[] } {
  const list = [...scenario.preferences];
  const index = list.findIndex((p) => p.party === preferences.party);
  if (index >= 0) list[index] = preferences;
  else list.push(preferences);
  const at = index >= 0 ? index : list.length - 1;
  const candidate = { ...scenario, preferences: list };
  const result = codec.parse(JSON.stringify(candidate), 'json');
  const own = `preferences[${at}]`;
  const relocate = (d: Diagnostic): ApiIssue | undefined => {
    if (d.path === own || d.path.startsWith(`${own}.`) || d.path.startsWith(`${own}[`)) {
      const {
        line: _line,
        column: _column,
        ...rest
      } = issueOf(d, `body.preferences${d.path.slice(own.length)}`);
      return rest;
    }
    return seesAll ? issueOf(d) : undefined;
  };
  const diagnostics = result.ok ? result.warnings : result.diagnostics;
  const issues = diagnostics.flatMap((d) => relocate(d) ?? []);
  if (!result.ok) {
    const hidden = diagnostics.length - issues.length;
    if (hidden > 0) {
      issues.push({
        path: 'body.preferences',
        message: `${hidden} problem(s) in other parts of the scenario arise with these preferences; ask the mediator`,
        severity: 'error',
      });
    }
    throw new ApiProblem(400, 'invalid-scenario', 'these preferences make the scenario invalid: see issues', {
      issues,
    });
  }
  return { scenario: result.scenario, warnings: issues };
}
