import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/model/compile.js';
import { resolveVersions } from '../../src/core/model/resolve.js';
import { diffVersions, type VersionDiff } from '../../src/core/versions/diff-versions.js';
import { utilityScalars } from '../../src/core/versions/impact.js';
import type { PointChange, PointChangeKind } from '../../src/core/versions/match-points.js';
import { arbitraryVersionedScenario, VERSION_PAIRS } from './random-versions.js';

const MIRROR: Record<PointChangeKind, PointChangeKind> = {
  kept: 'kept',
  renumbered: 'renumbered',
  moved: 'moved',
  reworded: 'reworded',
  resettled: 'resettled',
  merged: 'split',
  split: 'merged',
  regrouped: 'regrouped',
  added: 'removed',
  removed: 'added',
};

const signature = (c: PointChange, mirrored: boolean) => {
  const before = c.before.map((p) => p.number).join('+');
  const after = c.after.map((p) => p.number).join('+');
  return mirrored ? `${MIRROR[c.kind]}:${after}>${before}` : `${c.kind}:${before}>${after}`;
};

const pairArb = fc.constantFrom(...VERSION_PAIRS);

describe('diff properties on random versions', () => {
  it('diff(a, b) and diff(b, a) mirror each other', () => {
    fc.assert(
      fc.property(arbitraryVersionedScenario(), pairArb, (scenario, [a, b]) => {
        const compiled = compileScenario(scenario);
        const forward = diffVersions(compiled, a, b);
        const backward = diffVersions(compiled, b, a);
        expect(backward.points.map((c) => signature(c, true)).sort()).toEqual(
          forward.points.map((c) => signature(c, false)).sort(),
        );
        const confidence = (d: VersionDiff, mirrored: boolean) =>
          Object.fromEntries(d.points.map((c) => [signature(c, mirrored), c.confidence]));
        const fw = confidence(forward, false);
        for (const [key, value] of Object.entries(confidence(backward, true)))
          expect(value).toBeCloseTo(fw[key], 12);
        expect(backward.issues.map((c) => [c.issue, c.after, c.before])).toEqual(
          forward.issues.map((c) => [c.issue, c.before, c.after]),
        );
        forward.impact.parties.forEach((p, k) => {
          const q = backward.impact.parties[k];
          expect(q.delta).toBeCloseTo(-p.delta, 9);
          expect(q.before).toEqual(p.after);
          expect(q.after).toEqual(p.before);
        });
        // Reverting a set of changes is the dual game, whose Shapley values are the negatives.
        forward.impact.attribution.changes.forEach((c, k) => {
          c.shares.forEach((s, p) => {
            expect(backward.impact.attribution.changes[k].shares[p].value).toBeCloseTo(-s.value, 9);
          });
        });
        expect(backward.impact.verdict.before).toBe(forward.impact.verdict.after);
        const relations: Record<string, string> = { ancestor: 'descendant', descendant: 'ancestor' };
        expect(backward.relation).toBe(relations[forward.relation] ?? forward.relation);
      }),
      { numRuns: 150 },
    );
  });

  it('a version diffed with itself is an empty diff', () => {
    fc.assert(
      fc.property(
        arbitraryVersionedScenario(),
        fc.constantFrom('doc:v1', 'doc:v2', 'doc:v3'),
        (scenario, v) => {
          const compiled = compileScenario(scenario);
          const d = diffVersions(compiled, v, v);
          expect(d.points.every((c) => c.kind === 'kept')).toBe(true);
          expect(d.counts.kept).toBe(d.before.pointCount);
          expect(d.issues).toEqual([]);
          expect(d.impact.attribution.changes).toEqual([]);
          for (const p of d.impact.parties) {
            expect(p.delta).toBe(0);
            expect(p.redLines.every((r) => r.transition === 'unchanged')).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('attribution is efficient: the shares sum to the total change (exact and sampled)', () => {
    fc.assert(
      fc.property(arbitraryVersionedScenario(), pairArb, fc.integer(), (scenario, [a, b], seed) => {
        const compiled = compileScenario(scenario);
        const exact = diffVersions(compiled, a, b, { attribution: { method: 'exact' } });
        const sampled = diffVersions(compiled, a, b, {
          attribution: { method: 'sampled', samples: 20, seed },
        });
        for (const d of [exact, sampled]) {
          d.impact.parties.forEach((p, k) => {
            const total = d.impact.attribution.totals[k];
            expect(total.total).toBeCloseTo(p.delta, 9);
            const sum = d.impact.attribution.changes.reduce((s, c) => s + c.shares[k].value, 0);
            expect(sum).toBeCloseTo(p.delta, 9);
            expect(Math.abs(total.residual)).toBeLessThan(1e-9);
          });
        }
      }),
      { numRuns: 80 },
    );
  });

  it('exact attribution equals the Shapley definition computed over all orders of the changes', () => {
    const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
    const permutations = (n: number): number[][] =>
      n === 0
        ? [[]]
        : permutations(n - 1).flatMap((p) =>
            Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]),
          );
    fc.assert(
      fc.property(arbitraryVersionedScenario(), pairArb, (scenario, [a, b]) => {
        const compiled = compileScenario(scenario);
        const d = diffVersions(compiled, a, b, { attribution: { method: 'exact' } });
        const n = d.issues.length;
        if (n > 6) return;
        const parse = (r: string) => ({ document: r.split(':')[0], version: r.split(':')[1] });
        const before = resolveVersions(scenario, compiled.space, [parse(a)]).subspace;
        const after = resolveVersions(scenario, compiled.space, [parse(b)]).subspace;
        const issueIndex = d.issues.map((c) => compiled.space.issues.findIndex((i) => i.id === c.issue));
        const sums = d.issues.map(() => compiled.models.map(() => 0));
        for (const order of permutations(n)) {
          const allowed = before.allowed.slice();
          let previous = utilityScalars(compiled, { allowed });
          for (const k of order) {
            allowed[issueIndex[k]] = after.allowed[issueIndex[k]];
            const next = utilityScalars(compiled, { allowed: allowed.slice() });
            next.forEach((x, p) => {
              sums[k][p] += x - previous[p];
            });
            previous = next;
          }
        }
        d.impact.attribution.changes.forEach((c, k) => {
          c.shares.forEach((s, p) => {
            expect(s.value).toBeCloseTo(sums[k][p] / factorial(n), 9);
          });
        });
      }),
      { numRuns: 80 },
    );
  });

  it('sampled attribution is deterministic per seed', () => {
    fc.assert(
      fc.property(arbitraryVersionedScenario(), pairArb, fc.integer(), (scenario, [a, b], seed) => {
        const compiled = compileScenario(scenario);
        const options = { attribution: { method: 'sampled' as const, samples: 30, seed } };
        const first = diffVersions(compiled, a, b, options);
        const second = diffVersions(compileScenario(scenario), a, b, options);
        expect(second.impact.attribution).toEqual(first.impact.attribution);
        expect(first.impact.attribution.seed).toBe(seed);
      }),
      { numRuns: 40 },
    );
  });

  it('the result is plain JSON: it survives a round trip unchanged', () => {
    fc.assert(
      fc.property(arbitraryVersionedScenario(), pairArb, (scenario, [a, b]) => {
        const d = diffVersions(compileScenario(scenario), a, b, {
          attribution: { method: 'sampled', samples: 5 },
        });
        expect(JSON.parse(JSON.stringify(d))).toEqual(d);
      }),
      { numRuns: 30 },
    );
  });
});
