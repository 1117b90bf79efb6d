import type { Scenario } from '../../schema/scenario.js';
import type { Path, ProblemList } from './problem-list.js';
import type { ScenarioIndex } from './scenario-index.js';

/**
 * The forecast section's references: issues and options must exist, a scale belongs to an issue with
 * options, at most one scale per issue, and a scale that places fewer than two options measures nothing.
 */
export function checkForecastSection(scenario: Scenario, index: ScenarioIndex, problems: ProblemList): void {
  const section = scenario.forecast;
  if (!section) return;
  section.issues?.forEach((id, k) => {
    problems.requireKnown(id, index.issueIds, 'issue', ['forecast', 'issues', k]);
  });
  const seen = new Map<string, number>();
  section.scales.forEach((scale, k) => {
    const path: Path = ['forecast', 'scales', k];
    if (!problems.requireKnown(scale.issue, index.issueIds, 'issue', [...path, 'issue'])) return;
    const earlier = seen.get(scale.issue);
    if (earlier !== undefined) {
      problems.error(
        [...path, 'issue'],
        `issue '${scale.issue}' already has a scale (forecast.scales[${earlier}])`,
        {
          expected: 'one scale per issue',
        },
      );
    }
    seen.set(scale.issue, k);
    const issue = index.issues.get(scale.issue);
    if (!issue?.options) {
      problems.error(
        [...path, 'issue'],
        `issue '${scale.issue}' is numeric; its range is already its scale`,
        {
          expected: 'an issue with options',
        },
      );
      return;
    }
    const optionIds = issue.options.map((o) => o.id);
    for (const id of Object.keys(scale.positions)) {
      problems.requireKnown(id, optionIds, 'option', [...path, 'positions', id], {
        at: 'key',
        extra: `of issue '${scale.issue}'`,
      });
    }
    if (Object.keys(scale.positions).length < 2) {
      problems.error([...path, 'positions'], 'a scale needs at least two options placed on it', {
        expected: 'two or more option ids with positions from 0 to 100',
      });
    }
  });
}
