import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/adapters/load/parse-scenario.js';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { diff } from '../../src/app/diff.js';
import type { ProgressUpdate } from '../../src/app/ports.js';
import { serialMap } from '../../src/app/serial-map.js';
import { NEVER_CANCELLED } from '../../src/core/ports.js';

const flagship = () => {
  const path = new URL('../../scenarios/ukraine-2025.yaml', import.meta.url);
  const parsed = parseScenarioText(readFileSync(path, 'utf8'), 'ukraine-2025.yaml');
  if (!parsed.ok) throw new Error('the flagship scenario does not parse');
  return parsed.scenario;
};

describe('the diff use case on the flagship', () => {
  const updates: ProgressUpdate[] = [];
  const run = (samples?: number) =>
    diff(
      {
        scenario: flagship(),
        before: 'framework:plan-28',
        after: 'framework:plan-20',
        probeFrontier: false,
        ...(samples === undefined ? {} : { samples, seed: 3 }),
      },
      {
        solver: createHighsSolver(),
        parallel: serialMap(),
        clock: { now: () => 0 },
        progress: { report: (u) => updates.push(u) },
        cancel: NEVER_CANCELLED,
      },
    );

  it('attributes 22 changes exactly, within sampling error of a seeded sampled run, and reports its steps', async () => {
    const exact = await run();
    expect(updates.map((u) => u.step)).toEqual(['compile', 'diff']);
    const attribution = exact.diff.impact.attribution;
    expect(attribution.players).toBe(22);
    expect(attribution.method).toBe('exact');
    for (const t of attribution.totals) expect(Math.abs(t.residual)).toBeLessThan(1e-9);
    const sampled = (await run(200)).diff.impact.attribution;
    expect(sampled.method).toBe('sampled');
    sampled.changes.forEach((change, k) => {
      change.shares.forEach((share, p) => {
        const truth = attribution.changes[k].shares[p].value;
        expect(Math.abs(share.value - truth)).toBeLessThanOrEqual(5 * (share.standardError ?? 0) + 1e-9);
      });
    });
  });
});
