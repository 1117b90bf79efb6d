import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/model/compile.js';
import { diffVersions } from '../../src/core/versions/diff-versions.js';
import type { Scenario } from '../../src/schema/scenario.js';

/** 14 issues, each moved from option o0 to o1 by one point; utilities with interactions between pairs of issues. */
function manyIssues(): Scenario {
  const n = 14;
  const ids = Array.from({ length: n }, (_, i) => `i${i}`);
  const options = [
    { id: 'o0', label: 'zero' },
    { id: 'o1', label: 'one' },
  ];
  const preferences = ['a', 'b'].map((party, p) => ({
    party,
    source: 'test',
    basis: 'analyst-estimate' as const,
    weights: Object.fromEntries(ids.map((id, i) => [id, 1 + ((i * (p + 3)) % 5)])),
    values: Object.fromEntries(
      ids.map((id, i) => [id, { o0: (i * 37 + p * 11) % 100, o1: (i * 53 + p * 29) % 100 }]),
    ),
    adjustments: ids.slice(0, 6).map((id, i) => ({
      id: `adj${i}`,
      description: 'pair',
      when: {
        all: [
          { issue: id, in: ['o1'] },
          { issue: ids[i + 7], in: ['o1'] },
        ],
      },
      delta: p === 0 ? 3 + i : -2 - i,
    })),
    redLines: [],
    batna: 20,
  }));
  const points = (option: string) =>
    ids.map((id, i) => ({
      number: i + 1,
      title: `Issue ${i}`,
      text: `Issue ${i} is settled as ${option}.`,
      settles: { [id]: option },
      touches: [],
      status: {},
      sources: [],
    }));
  return {
    parley: 1,
    id: 'many',
    title: 'Many',
    sources: [],
    parties: [
      { id: 'a', name: 'A', kind: 'state', role: 'signatory' },
      { id: 'b', name: 'B', kind: 'state', role: 'signatory' },
    ],
    issues: ids.map((id) => ({ id, title: id, category: 'other', options })),
    documents: [
      {
        id: 'doc',
        title: 'Doc',
        versions: [
          {
            id: 'v1',
            label: 'v1',
            date: '2025-01-01',
            proposedBy: [],
            basedOn: [],
            sources: [],
            points: points('o0'),
          },
          {
            id: 'v2',
            label: 'v2',
            date: '2025-02-01',
            proposedBy: [],
            basedOn: ['v1'],
            sources: [],
            points: points('o1'),
          },
        ],
      },
    ],
    packages: [],
    preferences,
    events: [],
    positions: [],
  };
}

describe('attribution over more than 12 changes', () => {
  const compiled = compileScenario(manyIssues());

  it('switches to seeded sampling, keeps the total, and lands within a few standard errors of the exact values', () => {
    const sampled = diffVersions(compiled, 'doc:v1', 'doc:v2', { attribution: { samples: 400, seed: 5 } });
    const a = sampled.impact.attribution;
    expect(a.method).toBe('sampled');
    expect(a.players).toBe(14);
    expect(a.samples).toBe(400);
    expect(a.seed).toBe(5);
    for (const t of a.totals) expect(Math.abs(t.residual)).toBeLessThan(1e-9);

    const exact = diffVersions(compiled, 'doc:v1', 'doc:v2', { attribution: { method: 'exact' } }).impact
      .attribution;
    expect(exact.method).toBe('exact');
    expect(exact.evaluations).toBe(2 ** 14);
    let interacting = 0;
    a.changes.forEach((c, k) => {
      c.shares.forEach((s, p) => {
        const truth = exact.changes[k].shares[p].value;
        expect(Math.abs(s.value - truth)).toBeLessThanOrEqual(5 * s.standardError! + 1e-9);
        if (s.standardError! > 0) interacting++;
      });
    });
    // Issues 0-5 and 7-12 interact through adjustments, so their estimates carry real sampling error.
    expect(interacting).toBeGreaterThan(0);
    expect(a.maxStandardError).toBeGreaterThan(0);
  });
});
