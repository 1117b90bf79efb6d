import type { PackageSpec } from '../../src/core/analysis/robustness/candidates.js';
import { createRng, type Rng } from '../../src/core/random/rng.js';
import type { Issue, Preferences, Rule, Scenario, UncertainNumber } from '../../src/schema/scenario.js';

function uncertain(rng: Rng, centre: number, spread: number, floor = 0, ceiling = 100): UncertainNumber {
  const estimate = Math.round(Math.min(ceiling, Math.max(floor, centre)));
  return {
    estimate,
    low: Math.max(floor, estimate - 1 - rng.int(spread)),
    high: Math.min(ceiling, estimate + 1 + rng.int(spread)),
  };
}

/**
 * A synthetic negotiation the size of the flagship scenario: 5 parties (4 signatories, 1 guarantor), 18 issues
 * (16 with 3-5 options, 2 numeric grids of 11 values), every weight, value, BATNA and capability uncertain, two
 * cross-issue adjustments and one red line per party, and 4 packages: 2 complete, 2 leaving issues open.
 */
export function syntheticScenario(seed: number | string = 'robustness-bench'): Scenario {
  const rng = createRng(seed);
  const partyIds = ['p1', 'p2', 'p3', 'p4', 'g'];
  const issues: Issue[] = Array.from({ length: 18 }, (_, i): Issue => {
    if (i >= 16) {
      return {
        id: `n${i}`,
        title: `Numeric ${i}`,
        category: 'security',
        range: { min: 0, max: 100, step: 10 },
      };
    }
    const count = 3 + rng.int(3);
    return {
      id: `i${i}`,
      title: `Issue ${i}`,
      category: 'other',
      options: Array.from({ length: count }, (_, k) => ({ id: `o${k}`, label: `Option ${k}` })),
    };
  });
  const optionIds = (issue: Issue) => (issue.options ?? []).map((o) => o.id);
  const leaf = (issue: Issue, pick: number): Rule =>
    issue.range
      ? { issue: issue.id, atLeast: 50 }
      : { issue: issue.id, in: [optionIds(issue)[pick % optionIds(issue).length]] };
  const preferences = partyIds.map((party, p): Preferences => {
    const values: Preferences['values'] = {};
    for (const issue of issues) {
      if (issue.range) {
        const rising = p % 2 === 0;
        values[issue.id] = {
          piecewiseLinear: [
            [0, uncertain(rng, rising ? 10 : 90, 10)],
            [100, uncertain(rng, rising ? 90 : 10, 10)],
          ],
        };
      } else {
        values[issue.id] = Object.fromEntries(
          optionIds(issue).map((o) => [o, uncertain(rng, rng.int(101), 15)]),
        );
      }
    }
    const a = issues[rng.int(16)];
    const b = issues[rng.int(16)];
    const c = issues[16 + (p % 2)];
    return {
      party,
      source: 'synthetic',
      basis: 'analyst-estimate',
      weights: Object.fromEntries(
        issues.map((issue) => [issue.id, uncertain(rng, 1 + rng.int(10), 3, 0, 20)]),
      ),
      values,
      adjustments: [
        {
          id: 'pair',
          description: 'pair',
          when: { all: [leaf(a, p), leaf(b, p + 1)] },
          delta: uncertain(rng, 5, 4, -20, 20),
        },
        {
          id: 'grid',
          description: 'grid',
          when: { all: [leaf(a, p + 2), leaf(c, 0)] },
          delta: uncertain(rng, -4, 4, -20, 20),
        },
      ],
      redLines: [
        {
          id: 'line',
          description: 'line',
          source: 'synthetic',
          crossedWhen: leaf(issues[rng.int(16)], p + 3),
        },
      ],
      batna: uncertain(rng, 35 + rng.int(15), 10),
    };
  });
  return {
    parley: 1,
    id: 'synthetic',
    title: 'Synthetic robustness benchmark',
    sources: [],
    parties: partyIds.map((id) => ({
      id,
      name: id.toUpperCase(),
      kind: 'state',
      role: id === 'g' ? 'guarantor' : 'signatory',
      capability: { estimate: 0.5, low: 0.3, high: 0.7 },
    })),
    issues,
    documents: [],
    packages: [],
    events: [],
    positions: [],
    preferences,
  };
}

/** Four packages for the synthetic scenario: two complete, one with 3 issues open, one with 6 open. */
export function syntheticPackages(
  scenario: Scenario,
  seed: number | string = 'robustness-packages',
): PackageSpec[] {
  const rng = createRng(seed);
  return [0, 0, 3, 6].map((open, j) => ({
    id: `package-${j + 1}`,
    assignments: Object.fromEntries(
      scenario.issues.slice(open).map((issue) => {
        const options = issue.options?.map((o) => o.id) ?? [0, 50, 100];
        return [issue.id, options[rng.int(options.length)]];
      }),
    ),
  }));
}
