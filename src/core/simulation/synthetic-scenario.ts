import type { Scenario } from '../../schema/scenario.js';
import { createRng } from '../random/rng.js';

export interface SyntheticShape {
  parties: number;
  issues: number;
  options: number;
  seed: number;
  /** BATNA of every party (utility points). Default 20. */
  batna?: number;
}

/**
 * A synthetic additive scenario with seeded random weights (1..10) and option values (0..100), in the style of
 * the ANAC domains; every party is a signatory. For benchmarks and tests.
 */
export function syntheticScenario(shape: SyntheticShape): Scenario {
  const rng = createRng(shape.seed);
  const issueIds = Array.from({ length: shape.issues }, (_, i) => `issue${i + 1}`);
  const optionIds = Array.from({ length: shape.options }, (_, k) => `o${k + 1}`);
  const parties = Array.from({ length: shape.parties }, (_, p) => `party${p + 1}`);
  return {
    parley: 1,
    id: `synthetic-${shape.parties}x${shape.issues}x${shape.options}-${shape.seed}`,
    title: `Synthetic ${shape.issues} issues × ${shape.options} options, ${shape.parties} parties`,
    sources: [],
    parties: parties.map((id, p) => ({ id, name: `Party ${p + 1}`, kind: 'other', role: 'signatory' })),
    issues: issueIds.map((id) => ({
      id,
      title: id,
      category: 'other',
      options: optionIds.map((o) => ({ id: o, label: o })),
    })),
    documents: [],
    packages: [],
    events: [],
    positions: [],
    preferences: parties.map((party) => ({
      party,
      source: 'synthetic',
      basis: 'analyst-estimate',
      weights: Object.fromEntries(issueIds.map((id) => [id, 1 + rng.int(10)])),
      values: Object.fromEntries(
        issueIds.map((id) => [id, Object.fromEntries(optionIds.map((o) => [o, rng.int(101)]))]),
      ),
      adjustments: [],
      redLines: [],
      batna: shape.batna ?? 20,
    })),
  };
}
