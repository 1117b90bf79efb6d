import type {
  Issue,
  IssueValues,
  Preferences,
  UncertainNumber,
  ValueFunction,
} from '../../schema/scenario.js';
import { checkRule, describeRange, formatNumber } from './check-rules.js';
import { hasOwnKey, own } from './own-key.js';
import { listIds, type Path, type ProblemList } from './problem-list.js';
import type { ScenarioIndex } from './scenario-index.js';

interface Triple {
  estimate: number;
  low: number;
  high: number;
}

function triple(u: UncertainNumber): Triple {
  return typeof u === 'number' ? { estimate: u, low: u, high: u } : u;
}

/** Paths of the numbers inside an uncertain number (the number itself, or its estimate/low/high). */
function parts(u: UncertainNumber, path: Path): Array<[number, Path]> {
  if (typeof u === 'number') return [[u, path]];
  return [
    [u.estimate, [...path, 'estimate']],
    [u.low, [...path, 'low']],
    [u.high, [...path, 'high']],
  ];
}

export function isValueFunction(values: IssueValues): values is ValueFunction {
  return Array.isArray((values as Partial<ValueFunction>).piecewiseLinear);
}

function checkUtilityScale(u: UncertainNumber, path: Path, what: string, problems: ProblemList): void {
  for (const [x, at] of parts(u, path)) {
    if (x < 0 || x > 100) {
      problems.error(at, `${what} ${formatNumber(x)} is outside the utility scale 0..100`, {
        expected: 'a number from 0 to 100',
      });
    }
  }
}

/**
 * The largest weight accepted. Weights are relative, so any scale works; this bound keeps every sum of
 * weights (and of weighted utilities) far from the largest double, so no result can become Infinity or NaN.
 */
export const MAX_WEIGHT = 1e9;

/** True when the issue can carry weight: its weight (or the top of its range) is positive. */
function isWeighted(weight: UncertainNumber | undefined): boolean {
  if (weight === undefined) return false;
  const w = triple(weight);
  return w.estimate > 0 || w.high > 0;
}

function checkIssueValues(
  values: IssueValues,
  issue: Issue,
  weighted: boolean,
  path: Path,
  problems: ProblemList,
): void {
  if (issue.range) {
    const range = issue.range;
    if (!isValueFunction(values)) {
      problems.error(path, `issue '${issue.id}' is numeric, so its values are a function of the number`, {
        expected: `{ piecewiseLinear: [[x, value], ...] } covering ${describeRange(range)}`,
      });
      return;
    }
    const pts = values.piecewiseLinear;
    const first = pts[0][0];
    const last = pts[pts.length - 1][0];
    if (first > range.min || last < range.max) {
      problems.error(
        [...path, 'piecewiseLinear'],
        `the value function covers ${formatNumber(first)}..${formatNumber(last)} but issue '${issue.id}' ranges ${formatNumber(range.min)}..${formatNumber(range.max)}`,
        { expected: `points from x <= ${formatNumber(range.min)} to x >= ${formatNumber(range.max)}` },
      );
    }
    pts.forEach(([, y], k) => {
      checkUtilityScale(y, [...path, 'piecewiseLinear', k, 1], 'value', problems);
    });
    return;
  }
  const optionIds = (issue.options ?? []).map((o) => o.id);
  if (isValueFunction(values)) {
    problems.error(
      [...path, 'piecewiseLinear'],
      `issue '${issue.id}' has named options, so it takes a value per option, not a function`,
      { expected: `values keyed by option id: ${listIds(optionIds)}` },
    );
    return;
  }
  for (const [optionId, value] of Object.entries(values)) {
    const at = [...path, optionId];
    if (
      problems.requireKnown(optionId, optionIds, 'option', at, { at: 'key', extra: `of issue '${issue.id}'` })
    ) {
      checkUtilityScale(value, at, 'value', problems);
    }
  }
  const missing = optionIds.filter((id) => !hasOwnKey(values, id));
  if (weighted && missing.length > 0) {
    const list = missing.map((id) => `'${id}'`).join(', ');
    problems.error(
      path,
      `no value for option${missing.length > 1 ? 's' : ''} ${list} of issue '${issue.id}'; every option of an issue with weight needs a value`,
      { expected: `a value from 0 to 100 for each of: ${listIds(optionIds, 50)}` },
    );
  }
}

function checkBatnaScale(value: UncertainNumber, path: Path, problems: ProblemList): void {
  for (const [x, at] of parts(value, path)) {
    if (x < 0 || x > 100) {
      problems.warning(
        at,
        `BATNA ${formatNumber(x)} is outside the utility scale 0..100, so ${x > 100 ? 'no outcome can reach it' : 'every outcome beats it'}`,
        { expected: 'a utility from 0 to 100' },
      );
    }
  }
}

function checkBatna(preferences: Preferences, path: Path, problems: ProblemList): void {
  const batna = preferences.batna;
  if (typeof batna === 'number' || !('series' in batna)) {
    checkBatnaScale(batna, path, problems);
    return;
  }
  batna.series.forEach((point, k) => {
    checkBatnaScale(point.value, [...path, 'series', k, 'value'], problems);
  });
  batna.series.forEach((point, k) => {
    if (k === 0) return;
    const previous = batna.series[k - 1].date;
    if (point.date <= previous) {
      problems.error(
        [...path, 'series', k, 'date'],
        `BATNA dates must be strictly increasing: ${point.date} does not come after ${previous} (series[${k - 1}])`,
        { expected: `a date after ${previous}` },
      );
    }
  });
}

/** Checks one party's preferences block; `path` is ['preferences', k]. */
export function checkPreferences(
  preferences: Preferences,
  path: Path,
  index: ScenarioIndex,
  problems: ProblemList,
): void {
  problems.requireKnown(preferences.party, index.partyIds, 'party', [...path, 'party']);

  let totalWeight = 0;
  let unknownIssues = 0;
  for (const [issueId, weight] of Object.entries(preferences.weights)) {
    const at = [...path, 'weights', issueId];
    if (!problems.requireKnown(issueId, index.issueIds, 'issue', at, { at: 'key' })) {
      unknownIssues += 1;
      continue;
    }
    for (const [x, numberPath] of parts(weight, at)) {
      if (x < 0) {
        problems.error(numberPath, `weight ${formatNumber(x)} is negative`, { expected: 'a number >= 0' });
      } else if (x > MAX_WEIGHT) {
        problems.error(numberPath, `weight ${formatNumber(x)} is too large to compute with safely`, {
          expected: `a number from 0 to ${formatNumber(MAX_WEIGHT)} (weights are relative: rescale them all)`,
        });
      }
    }
    totalWeight += Math.max(0, triple(weight).estimate);
  }
  // With an unknown issue among the weights, that error already explains a zero total.
  if (totalWeight <= 0 && unknownIssues === 0) {
    problems.error([...path, 'weights'], `party '${preferences.party}' gives no issue a positive weight`, {
      expected: 'at least one issue with a weight above 0',
    });
  }

  for (const [issueId, values] of Object.entries(preferences.values)) {
    const at = [...path, 'values', issueId];
    if (!problems.requireKnown(issueId, index.issueIds, 'issue', at, { at: 'key' })) continue;
    const issue = index.issues.get(issueId)!;
    checkIssueValues(values, issue, isWeighted(own(preferences.weights, issueId)), at, problems);
  }
  for (const issueId of Object.keys(preferences.weights)) {
    if (
      index.issues.has(issueId) &&
      isWeighted(own(preferences.weights, issueId)) &&
      !hasOwnKey(preferences.values, issueId)
    ) {
      problems.error(
        [...path, 'values'],
        `issue '${issueId}' has a weight but no values for party '${preferences.party}'`,
        { expected: `values.${issueId}` },
      );
    }
  }

  problems.requireUniqueIds(preferences.adjustments, 'adjustment', [...path, 'adjustments']);
  preferences.adjustments.forEach((adjustment, k) => {
    checkRule(adjustment.when, [...path, 'adjustments', k, 'when'], index, problems);
    for (const [x, at] of parts(adjustment.delta, [...path, 'adjustments', k, 'delta'])) {
      if (Math.abs(x) > 100) {
        problems.error(at, `delta ${formatNumber(x)} is larger than the whole utility scale 0..100`, {
          expected: 'a number from -100 to 100 (utility points)',
        });
      }
    }
  });
  problems.requireUniqueIds(preferences.redLines, 'red line', [...path, 'redLines']);
  preferences.redLines.forEach((redLine, k) => {
    if (redLine.crossedWhen) {
      checkRule(redLine.crossedWhen, [...path, 'redLines', k, 'crossedWhen'], index, problems);
    }
    if (redLine.requires) checkRule(redLine.requires, [...path, 'redLines', k, 'requires'], index, problems);
  });

  checkBatna(preferences, [...path, 'batna'], problems);
}
