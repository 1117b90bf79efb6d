import type { Scenario } from '../../../src/schema/scenario.js';

/**
 * One issue with options k = 0..size-1; party a values option k at 100·k/(size-1), party b at 100 - that.
 * With size 101 the utilities are u_a(k) = k and u_b(k) = 100 - k exactly.
 */
export function splitTheDifference(size = 101, batna: [number, number] = [0, 0]): Scenario {
  const ids = Array.from({ length: size }, (_, k) => `k${k}`);
  const value = (k: number) => (100 * k) / (size - 1);
  return {
    parley: 1,
    id: 'split',
    title: 'Split the difference',
    sources: [],
    parties: [
      { id: 'a', name: 'A', kind: 'other', role: 'signatory' },
      { id: 'b', name: 'B', kind: 'other', role: 'signatory' },
    ],
    issues: [
      { id: 'share', title: 'Share', category: 'other', options: ids.map((id) => ({ id, label: id })) },
    ],
    documents: [],
    packages: [],
    events: [],
    positions: [],
    preferences: [
      {
        party: 'a',
        source: 'test',
        basis: 'analyst-estimate',
        weights: { share: 1 },
        values: { share: Object.fromEntries(ids.map((id, k) => [id, value(k)])) },
        adjustments: [],
        redLines: [],
        batna: batna[0],
      },
      {
        party: 'b',
        source: 'test',
        basis: 'analyst-estimate',
        weights: { share: 1 },
        values: { share: Object.fromEntries(ids.map((id, k) => [id, 100 - value(k)])) },
        adjustments: [],
        redLines: [],
        batna: batna[1],
      },
    ],
  };
}
