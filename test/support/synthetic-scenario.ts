import { createRng } from '../../src/core/random/rng.js';
import type { Rule, Scenario } from '../../src/schema/scenario.js';

export interface SyntheticShape {
  parties: number;
  issues: number;
  options: number;
  seed: number;
  /** BATNA of every party (utility points). Default 20. */
  batna?: number;
  /**
   * Also give every party a random capability, two interaction adjustments over pairs of issues and one red
   * line (one option of one issue). Default false: a purely additive scenario.
   */
  interactions?: boolean;
}

/**
 * A synthetic scenario with seeded random weights (1..10) and option values (0..100), in the style of the
 * ANAC domains; every party is a signatory. For benchmarks and tests.
 */
export function syntheticScenario(shape: SyntheticShape): Scenario {
  const rng = createRng(shape.seed);
  const issueIds = Array.from({ length: shape.issues }, (_, i) => `issue${i + 1}`);
  const optionIds = Array.from({ length: shape.options }, (_, k) => `o${k + 1}`);
  const parties = Array.from({ length: shape.parties }, (_, p) => `party${p + 1}`);
  const leaf = (): Rule => ({
    issue: issueIds[rng.int(shape.issues)],
    in: [optionIds[rng.int(shape.options)]],
  });
  const preferences = parties.map((party) => ({
    party,
    source: 'synthetic',
    basis: 'analyst-estimate' as const,
    weights: Object.fromEntries(issueIds.map((id) => [id, 1 + rng.int(10)])),
    values: Object.fromEntries(
      issueIds.map((id) => [id, Object.fromEntries(optionIds.map((o) => [o, rng.int(101)]))]),
    ),
    adjustments: shape.interactions
      ? [0, 1].map((k) => ({
          id: `adj${k}`,
          description: 'interaction',
          when: { all: [leaf(), leaf()] },
          delta: rng.int(21) - 10,
        }))
      : [],
    redLines: shape.interactions
      ? [{ id: 'line', description: 'red line', source: 'synthetic', crossedWhen: leaf() }]
      : [],
    batna: shape.batna ?? 20,
  }));
  return {
    parley: 1,
    id: `synthetic-${shape.parties}x${shape.issues}x${shape.options}-${shape.seed}`,
    title: `Synthetic ${shape.issues} issues × ${shape.options} options, ${shape.parties} parties`,
    sources: [],
    parties: parties.map((id, p) => ({
      id,
      name: `Party ${p + 1}`,
      kind: 'other' as const,
      role: 'signatory' as const,
      ...(shape.interactions ? { capability: Math.round((0.2 + 0.8 * rng.next()) * 100) / 100 } : {}),
    })),
    issues: issueIds.map((id) => ({
      id,
      title: id,
      category: 'other' as const,
      options: optionIds.map((o) => ({ id: o, label: o })),
    })),
    documents: [],
    packages: [],
    events: [],
    positions: [],
    preferences,
  };
}
