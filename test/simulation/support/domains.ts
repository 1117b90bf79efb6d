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

/**
 * Three issues with three ordered options each; A cares most about x, B about y, both about z:
 *   A: weights x 6, y 1, z 3; values x, y, z = 0, 50, 100 for options 0, 1, 2.
 *   B: weights x 1, y 6, z 3; values x, y = 100, 50, 0; z = 0, 50, 100.
 * Normalised, u_A = 0.6·x_A + 0.1·y_A + 0.3·z and u_B = 0.1·x_B + 0.6·y_B + 0.3·z, so (x2, y0, z2) gives both 90.
 */
export function logRolling(batna = 30): Scenario {
  const options = ['o0', 'o1', 'o2'];
  const issue = (id: string) => ({
    id,
    title: id,
    category: 'other' as const,
    ordered: true,
    options: options.map((o) => ({ id: o, label: `${id}${o.slice(1)}` })),
  });
  const up = { o0: 0, o1: 50, o2: 100 };
  const down = { o0: 100, o1: 50, o2: 0 };
  return {
    parley: 1,
    id: 'log-rolling',
    title: 'Log rolling',
    sources: [],
    parties: [
      { id: 'a', name: 'A', kind: 'other', role: 'signatory' },
      { id: 'b', name: 'B', kind: 'other', role: 'signatory' },
      { id: 'm', name: 'Mediator', kind: 'person', role: 'mediator' },
    ],
    issues: [issue('x'), issue('y'), issue('z')],
    documents: [],
    packages: [],
    events: [],
    positions: [],
    preferences: [
      {
        party: 'a',
        source: 'test',
        basis: 'analyst-estimate',
        weights: { x: 6, y: 1, z: 3 },
        values: { x: up, y: up, z: up },
        adjustments: [],
        redLines: [],
        batna,
      },
      {
        party: 'b',
        source: 'test',
        basis: 'analyst-estimate',
        weights: { x: 1, y: 6, z: 3 },
        values: { x: down, y: down, z: up },
        adjustments: [],
        redLines: [],
        batna,
      },
    ],
  };
}

/**
 * Six outcomes, two issues, every utility a whole number and no two outcomes equal for either party:
 *   x: A values x0, x1, x2 at 100, 50, 0 (weight 0.7); B at 0, 50, 100 (weight 0.6).
 *   y: A values y0, y1 at 100, 0 (weight 0.3); B at 0, 100 (weight 0.4).
 * So (x0,y0) (x0,y1) (x1,y0) (x1,y1) (x2,y0) (x2,y1) are worth 100 70 65 35 30 0 to A and 0 40 30 70 60 100 to
 * B. Both BATNAs are 20.
 */
export function sixOutcomes(): Scenario {
  const issue = (id: string, options: string[]) => ({
    id,
    title: id,
    category: 'other' as const,
    options: options.map((o) => ({ id: o, label: o })),
  });
  const preference = (
    party: string,
    weights: Record<string, number>,
    values: Record<string, Record<string, number>>,
  ) => ({
    party,
    source: 'test',
    basis: 'analyst-estimate' as const,
    weights,
    values,
    adjustments: [],
    redLines: [],
    batna: 20,
  });
  return {
    parley: 1,
    id: 'six-outcomes',
    title: 'Six outcomes',
    sources: [],
    parties: [
      { id: 'a', name: 'A', kind: 'other', role: 'signatory' },
      { id: 'b', name: 'B', kind: 'other', role: 'signatory' },
    ],
    issues: [issue('x', ['x0', 'x1', 'x2']), issue('y', ['y0', 'y1'])],
    documents: [],
    packages: [],
    events: [],
    positions: [],
    preferences: [
      preference('a', { x: 7, y: 3 }, { x: { x0: 100, x1: 50, x2: 0 }, y: { y0: 100, y1: 0 } }),
      preference('b', { x: 6, y: 4 }, { x: { x0: 0, x1: 50, x2: 100 }, y: { y0: 0, y1: 100 } }),
    ],
  };
}
