import type { Scenario, UncertainNumber } from '../../../../src/schema/scenario.js';

/**
 * One signatory, one issue with options lo/hi: its utility for an outcome is exactly that option's value
 * (the only weighted issue), so acceptance probabilities have closed forms.
 */
export function oneIssueScenario(
  values: { lo: UncertainNumber; hi: UncertainNumber },
  batna: UncertainNumber,
): Scenario {
  return {
    parley: 1,
    id: 'one-issue',
    title: 'One issue',
    sources: [],
    parties: [{ id: 'p', name: 'P', kind: 'state', role: 'signatory' }],
    issues: [
      {
        id: 'x',
        title: 'X',
        category: 'other',
        options: [
          { id: 'lo', label: 'Low' },
          { id: 'hi', label: 'High' },
        ],
      },
    ],
    documents: [],
    packages: [],
    events: [],
    positions: [],
    preferences: [
      {
        party: 'p',
        source: 'test',
        basis: 'analyst-estimate',
        weights: { x: 1 },
        values: { x: values },
        adjustments: [],
        redLines: [],
        batna,
      },
    ],
  };
}
