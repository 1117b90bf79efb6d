import type { Rule, Scenario, UncertainNumber } from '../../src/schema/scenario.js';

/**
 * A deliberately plain Parley evaluator for complete outcomes, for these tests only:
 * u = sum_i (w_i / sum_j w_j) * value_i + sum of deltas of adjustments whose condition holds (0..100 scale),
 * with values looked up by option id or read off the piecewise-linear function at the grid value.
 */
export interface ParleyIssue {
  id: string;
  optionIds: string[];
  grid: number[];
}

export interface ParleyParty {
  id: string;
  name: string;
  /** Utility on Parley's 0..100 scale. */
  utility(outcome: number[]): number;
  crossesRedLine(outcome: number[]): boolean;
  batna: number;
}

const num = (u: UncertainNumber) => (typeof u === 'number' ? u : u.estimate);

export function parleyIssues(scenario: Scenario): ParleyIssue[] {
  return scenario.issues.map((issue) => {
    if (issue.range) {
      const { min, max, step } = issue.range;
      const count = Math.round((max - min) / step) + 1;
      const grid = Array.from({ length: count }, (_, k) => Number((min + k * step).toFixed(10)));
      return { id: issue.id, optionIds: [], grid };
    }
    return { id: issue.id, optionIds: (issue.options ?? []).map((o) => o.id), grid: [] };
  });
}

export function radixOf(issues: ParleyIssue[]): number[] {
  return issues.map((i) => (i.grid.length > 0 ? i.grid.length : i.optionIds.length));
}

function interpolate(points: Array<[number, UncertainNumber]>, x: number): number {
  if (x <= points[0][0]) return num(points[0][1]);
  for (let k = 1; k < points.length; k++) {
    const [x1, v1] = points[k];
    if (x <= x1) {
      const [x0, v0] = points[k - 1];
      return num(v0) + ((num(v1) - num(v0)) * (x - x0)) / (x1 - x0);
    }
  }
  return num(points[points.length - 1][1]);
}

function holds(rule: Rule, issues: ParleyIssue[], outcome: number[]): boolean {
  if ('all' in rule) return rule.all.every((r) => holds(r, issues, outcome));
  if ('any' in rule) return rule.any.some((r) => holds(r, issues, outcome));
  if ('not' in rule) return !holds(rule.not, issues, outcome);
  const i = issues.findIndex((x) => x.id === rule.issue);
  const issue = issues[i];
  const k = outcome[i];
  const numeric = issue.grid.length > 0;
  const x = numeric ? issue.grid[k] : Number.NaN;
  const matches = (ref: string | number) =>
    numeric
      ? Math.abs(Number(ref) - x) <= 1e-9 * Math.max(1, Math.abs(x))
      : issue.optionIds[k] === String(ref);
  if ('in' in rule) return rule.in.some(matches);
  if ('notIn' in rule) return !rule.notIn.some(matches);
  return (rule.atLeast === undefined || x >= rule.atLeast) && (rule.atMost === undefined || x <= rule.atMost);
}

export function parleyParties(scenario: Scenario): ParleyParty[] {
  const issues = parleyIssues(scenario);
  return scenario.preferences.map((p) => {
    const weights = issues.map((issue) => (p.weights[issue.id] === undefined ? 0 : num(p.weights[issue.id])));
    const total = weights.reduce((a, b) => a + b, 0);
    const tables = issues.map((issue) => {
      const spec = p.values[issue.id];
      const size = issue.grid.length || issue.optionIds.length;
      if (spec === undefined) return new Array<number>(size).fill(0);
      if ('piecewiseLinear' in spec && Array.isArray(spec.piecewiseLinear)) {
        const points = spec.piecewiseLinear as Array<[number, UncertainNumber]>;
        return issue.grid.map((x) => interpolate(points, x));
      }
      const table = spec as Record<string, UncertainNumber>;
      return issue.optionIds.map((id) => (table[id] === undefined ? 0 : num(table[id])));
    });
    const party = scenario.parties.find((x) => x.id === p.party);
    return {
      id: p.party,
      name: party?.name ?? p.party,
      batna: typeof p.batna === 'number' || !('series' in p.batna) ? num(p.batna) : Number.NaN,
      utility(outcome) {
        let u = 0;
        if (total > 0)
          for (let i = 0; i < issues.length; i++) u += (weights[i] / total) * tables[i][outcome[i]];
        for (const a of p.adjustments) if (holds(a.when, issues, outcome)) u += num(a.delta);
        return u;
      },
      crossesRedLine(outcome) {
        return p.redLines.some((r) =>
          r.crossedWhen ? holds(r.crossedWhen, issues, outcome) : !holds(r.requires as Rule, issues, outcome),
        );
      },
    };
  });
}
