import type { Scenario } from '../../schema/scenario.js';
import { closestId } from './closest-id.js';
import type { OutcomeSpace } from './outcome-space.js';

/** One thing wrong with a builder request: where (a field path), what, and what was expected. */
export interface InputProblem {
  path: string;
  message: string;
  expected?: string;
  suggestion?: string;
}

/** A builder request naming what the scenario lacks, or a hypothesis outside its estimate ranges. */
export class BuilderInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'BuilderInputError';
  }
}

export function unknownId(path: string, what: string, written: string, known: string[]): InputProblem {
  const near = closestId(written, known);
  return {
    path,
    message: `unknown ${what} '${written}'`,
    expected: `one of ${known.join(', ') || '(none)'}`,
    ...(near ? { suggestion: `did you mean '${near}'?` } : {}),
  };
}

/** What the builder evaluates: a package, document versions and pinned issues (all shared ids). */
export interface BuilderTarget {
  package?: string;
  versions?: string[];
  outcome?: Record<string, string>;
}

/**
 * Checks the shared ids of a target before any computation, so that a typo gets its path and a "did you
 * mean" (the resolver's own errors name the id but suggest nothing). Throws BuilderInputError.
 */
export function checkTarget(scenario: Scenario, space: OutcomeSpace, target: BuilderTarget): void {
  const problems: InputProblem[] = [];
  if (target.package !== undefined && !scenario.packages.some((p) => p.id === target.package)) {
    problems.push(
      unknownId(
        'package',
        'package',
        target.package,
        scenario.packages.map((p) => p.id),
      ),
    );
  }
  const issueIds = space.issues.map((i) => i.id);
  for (const [issueId, optionId] of Object.entries(target.outcome ?? {})) {
    const issue = space.issues.find((i) => i.id === issueId);
    if (!issue) {
      problems.push(unknownId(`outcome.${issueId}`, 'issue', issueId, issueIds));
      continue;
    }
    const options = issue.optionIds;
    if (!options.includes(optionId)) {
      problems.push(unknownId(`outcome.${issueId}`, `option of ${issueId}`, optionId, options));
    }
  }
  if (problems.length > 0) throw new BuilderInputError(problems);
}

/** Pinned issues as the evaluate use case takes them: the assignments and how to describe them. */
export function outcomeText(outcome: Record<string, string> | undefined) {
  if (!outcome || Object.keys(outcome).length === 0) return undefined;
  return {
    assignments: outcome,
    text: Object.entries(outcome)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  };
}
