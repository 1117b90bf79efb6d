import type { Issue, NumericRange, Rule } from '../../schema/scenario.js';
import { listIds, type Path, type ProblemList } from './problem-list.js';
import type { ScenarioIndex } from './scenario-index.js';

/** Prints a number without floating-point noise (0.30000000000000004 -> 0.3). */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(12)));
}

export function describeRange(range: NumericRange): string {
  const unit = range.unit ? ` ${range.unit}` : '';
  return `${formatNumber(range.min)} to ${formatNumber(range.max)}${unit} in steps of ${formatNumber(range.step)}`;
}

/** The grid value nearest to x (clamped to the range). */
export function nearestGridValue(range: NumericRange, x: number): number {
  const count = Math.round((range.max - range.min) / range.step) + 1;
  const k = Math.min(count - 1, Math.max(0, Math.round((x - range.min) / range.step)));
  return Number((range.min + k * range.step).toPrecision(12));
}

/** Same tolerance as option matching elsewhere: relative 1e-9, so decimal steps do not drift. */
export function isOnGrid(range: NumericRange, x: number): boolean {
  return Math.abs(nearestGridValue(range, x) - x) <= 1e-9 * Math.max(1, Math.abs(x));
}

/**
 * Checks a reference to one value of an issue: an option id for an option issue,
 * a number on the grid for a numeric issue.
 */
export function checkOptionRef(issue: Issue, ref: string | number, path: Path, problems: ProblemList): void {
  if (issue.range) {
    const range = issue.range;
    if (typeof ref !== 'number') {
      problems.error(path, `issue '${issue.id}' is numeric, so it takes a number, not '${ref}'`, {
        expected: `a number from ${describeRange(range)}`,
      });
      return;
    }
    if (ref < range.min - 1e-9 * Math.max(1, Math.abs(range.min))) {
      problems.error(path, `${formatNumber(ref)} is below the range of issue '${issue.id}'`, {
        expected: `a number from ${describeRange(range)}`,
        suggestion: formatNumber(range.min),
      });
    } else if (ref > range.max + 1e-9 * Math.max(1, Math.abs(range.max))) {
      problems.error(path, `${formatNumber(ref)} is above the range of issue '${issue.id}'`, {
        expected: `a number from ${describeRange(range)}`,
        suggestion: formatNumber(range.max),
      });
    } else if (!isOnGrid(range, ref)) {
      problems.error(path, `${formatNumber(ref)} is not on the grid of issue '${issue.id}'`, {
        expected: `a number from ${describeRange(range)}`,
        suggestion: formatNumber(nearestGridValue(range, ref)),
      });
    }
    return;
  }
  const optionIds = (issue.options ?? []).map((o) => o.id);
  if (typeof ref === 'number') {
    problems.error(path, `issue '${issue.id}' has named options, so it takes an option id, not ${ref}`, {
      expected: `one of: ${listIds(optionIds)}`,
    });
    return;
  }
  problems.requireKnown(ref, optionIds, 'option', path, { extra: `of issue '${issue.id}'` });
}

/** Checks every leaf of a rule: the issue exists and the options or bounds fit that issue. */
export function checkRule(rule: Rule, path: Path, index: ScenarioIndex, problems: ProblemList): void {
  if ('all' in rule) {
    rule.all.forEach((r, k) => {
      checkRule(r, [...path, 'all', k], index, problems);
    });
    return;
  }
  if ('any' in rule) {
    rule.any.forEach((r, k) => {
      checkRule(r, [...path, 'any', k], index, problems);
    });
    return;
  }
  if ('not' in rule) {
    checkRule(rule.not, [...path, 'not'], index, problems);
    return;
  }
  if (!problems.requireKnown(rule.issue, index.issueIds, 'issue', [...path, 'issue'])) return;
  const issue = index.issues.get(rule.issue)!;
  if ('in' in rule) {
    rule.in.forEach((ref, k) => {
      checkOptionRef(issue, ref, [...path, 'in', k], problems);
    });
  } else if ('notIn' in rule) {
    rule.notIn.forEach((ref, k) => {
      checkOptionRef(issue, ref, [...path, 'notIn', k], problems);
    });
  } else {
    const bound = rule.atLeast !== undefined ? 'atLeast' : 'atMost';
    if (!issue.range) {
      problems.error(
        [...path, bound],
        `${bound} applies only to numeric issues; issue '${issue.id}' has named options`,
        { expected: `{ issue: ${issue.id}, in: [...] } or { issue: ${issue.id}, notIn: [...] }` },
      );
    } else if (rule.atLeast !== undefined && rule.atMost !== undefined && rule.atLeast > rule.atMost) {
      problems.warning(
        [...path, 'atLeast'],
        `atLeast ${formatNumber(rule.atLeast)} is above atMost ${formatNumber(rule.atMost)}, so this rule never holds`,
      );
    }
  }
}
