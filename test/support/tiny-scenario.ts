import type { Scenario } from '../../src/schema/scenario.js';

/**
 * A hand-checkable scenario: two signatories, three issues (one numeric), one adjustment, red lines,
 * a dated BATNA. Utilities in the tests are worked out by hand from these numbers.
 */
export function tinyScenario(): Scenario {
  return {
    parley: 1,
    id: 'tiny',
    title: 'Tiny',
    sources: [],
    parties: [
      { id: 'a', name: 'Alpha', kind: 'state', role: 'signatory' },
      { id: 'b', name: 'Beta', kind: 'state', role: 'signatory' },
      { id: 'm', name: 'Mediator', kind: 'organisation', role: 'mediator' },
    ],
    issues: [
      {
        id: 'land',
        title: 'Land',
        category: 'territory',
        options: [
          { id: 'keep', label: 'Alpha keeps' },
          { id: 'share', label: 'Shared' },
          { id: 'cede', label: 'Beta gets' },
          { id: 'later', label: 'Deferred', deferred: true },
        ],
      },
      {
        id: 'troops',
        title: 'Troops',
        category: 'security',
        range: { min: 0, max: 100, step: 25, unit: 'k' },
      },
      {
        id: 'money',
        title: 'Money',
        category: 'economy',
        options: [
          { id: 'none', label: 'None' },
          { id: 'some', label: 'Some' },
        ],
      },
    ],
    documents: [
      {
        id: 'plan',
        title: 'Plan',
        versions: [
          {
            id: 'v1',
            label: 'First',
            date: '2025-01-01',
            proposedBy: ['m'],
            basedOn: [],
            sources: [],
            points: [
              {
                number: 1,
                title: 'Land',
                text: 'Beta gets the land.',
                settles: { land: 'cede' },
                touches: [],
                status: {},
                sources: [],
              },
              {
                number: 2,
                title: 'Troops',
                text: 'Troops 50k.',
                settles: { troops: 50 },
                touches: [],
                status: {},
                sources: [],
              },
            ],
          },
          {
            id: 'v2',
            label: 'Second',
            date: '2025-02-01',
            proposedBy: ['m'],
            basedOn: ['v1'],
            sources: [],
            points: [
              {
                number: 1,
                title: 'Land',
                text: 'Shared land.',
                settles: { land: 'share' },
                touches: [],
                status: {},
                sources: [],
              },
            ],
          },
        ],
      },
      {
        id: 'annex',
        title: 'Annex',
        versions: [
          {
            id: 'x1',
            label: 'Annex',
            date: '2025-02-01',
            proposedBy: [],
            basedOn: [],
            sources: [],
            points: [
              {
                number: 1,
                title: 'Land',
                text: 'Alpha keeps.',
                settles: { land: 'keep' },
                touches: [],
                status: {},
                sources: [],
              },
              {
                number: 2,
                title: 'Money',
                text: 'Some money.',
                settles: { money: 'some' },
                touches: [],
                status: {},
                sources: [],
              },
            ],
          },
        ],
      },
    ],
    packages: [
      { id: 'p1', label: 'P1', proposedBy: [], versions: ['plan:v1'] },
      { id: 'clash', label: 'Clash', proposedBy: [], versions: ['plan:v2', 'annex:x1'] },
    ],
    events: [],
    positions: [],
    preferences: [
      {
        party: 'a',
        source: 'test',
        basis: 'analyst-estimate',
        // weights 3:1:0 -> normalised 0.75, 0.25, 0
        weights: { land: 3, troops: { estimate: 1, low: 0, high: 3 } },
        values: {
          land: { keep: 100, share: 60, cede: 0, later: 40 },
          troops: {
            piecewiseLinear: [
              [0, 0],
              [100, { estimate: 100, low: 80, high: 100 }],
            ],
          },
          money: { none: 0, some: 0 },
        },
        adjustments: [
          {
            id: 'shared-needs-troops',
            description: 'sharing matters more with troops',
            when: {
              all: [
                { issue: 'land', in: ['share'] },
                { issue: 'troops', atLeast: 75 },
              ],
            },
            delta: 10,
          },
        ],
        redLines: [
          {
            id: 'no-cede',
            description: 'no cession',
            source: 'test',
            crossedWhen: { issue: 'land', in: ['cede'] },
          },
        ],
        batna: {
          series: [
            { date: '2025-01-01', value: 30 },
            { date: '2025-03-01', value: { estimate: 50, low: 40, high: 60 } },
          ],
          interpolation: 'step',
        },
      },
      {
        party: 'b',
        source: 'test',
        basis: 'analyst-estimate',
        weights: { land: 1, troops: 1, money: 2 },
        values: {
          land: { keep: 0, share: 50, cede: 100, later: 50 },
          troops: {
            piecewiseLinear: [
              [0, 100],
              [100, 0],
            ],
          },
          money: { none: 100, some: 0 },
        },
        adjustments: [],
        redLines: [
          {
            id: 'not-keep',
            description: 'Alpha must not keep all',
            source: 'test',
            requires: { issue: 'land', notIn: ['keep'] },
          },
        ],
        batna: 40,
      },
    ],
  };
}
