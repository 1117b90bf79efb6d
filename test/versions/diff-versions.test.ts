import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../src/adapters/text/word-diff.js';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { forEachCompletion, fullSubspace } from '../../src/core/model/subspace.js';
import { diffPackages } from '../../src/core/versions/diff-packages.js';
import { diffVersions } from '../../src/core/versions/diff-versions.js';
import type { FrontierProbe } from '../../src/core/versions/impact.js';
import { tinyScenario } from '../support/tiny-scenario.js';
import { arbitraryVersionedScenario, VERSION_PAIRS } from './random-versions.js';

const compiled = compileScenario(tinyScenario(), { at: '2025-02-15' });

describe('diffVersions on the tiny scenario (numbers worked out by hand)', () => {
  const diff = diffVersions(compiled, 'plan:v1', 'plan:v2', { wordDiff });

  it('classifies the points and word-diffs the reworded one', () => {
    expect(diff.points.map((p) => p.kind)).toEqual(['reworded', 'removed']);
    expect(diff.points[0].textDiff).toEqual([
      { kind: 'removed', text: 'Beta' },
      { kind: 'added', text: 'Shared' },
      { kind: 'same', text: ' ' },
      { kind: 'removed', text: 'gets the ' },
      { kind: 'same', text: 'land.' },
    ]);
    expect(diff.points[0].settlementChanged).toBe(true);
  });

  it('reports issue changes with the points responsible', () => {
    expect(diff.issues.map((c) => [c.issue, c.kind, c.before.options, c.after.options])).toEqual([
      ['land', 'changed', ['cede'], ['share']],
      ['troops', 'unsettled', ['50'], []],
    ]);
    expect(diff.issues[0].pointChanges).toEqual([{ document: 'plan', entry: 0, index: 0 }]);
    expect(diff.issues[1].pointsBefore).toEqual([{ document: 'plan', version: 'v1', number: 2 }]);
    expect(diff.unresolved.map((u) => [u.issue, u.status, u.unresolvedBefore])).toEqual([
      ['troops', 'open', false],
      ['money', 'open', true],
    ]);
  });

  it('gives each party its utility range before and after, and the scalar midpoint', () => {
    const [alpha, beta] = diff.impact.parties;
    // Alpha (land 0.75, troops 0.25): cede 0 + 50k → 12.5; share 45 + troops 0..100 (+10 at ≥75k) → 45..80.
    expect(alpha.before).toMatchObject({ min: 12.5, max: 12.5, scalar: 12.5, acceptable: 'no' });
    expect(alpha.after).toMatchObject({ min: 45, max: 80, scalar: 62.5, acceptable: 'yes' });
    expect(alpha.delta).toBe(50);
    // Beta (0.25, 0.25, money 0.5): 25 + 12.5 + 0..50 → 37.5..87.5; 12.5 + 0..25 + 0..50 → 12.5..87.5.
    expect(beta.before).toMatchObject({ min: 37.5, max: 87.5, scalar: 62.5 });
    expect(beta.after).toMatchObject({ min: 12.5, max: 87.5, scalar: 50 });
    expect(alpha.redLines).toEqual([
      {
        id: 'no-cede',
        description: 'no cession',
        before: 'crossed',
        after: 'respected',
        transition: 'newly-respected',
      },
    ]);
    expect(beta.redLines[0].transition).toBe('unchanged');
    expect(diff.impact.verdict).toMatchObject({ before: 'no', after: 'depends' });
  });

  it('attributes the change exactly (Shapley over the two issue changes)', () => {
    // Alpha: v(∅)=12.5, v(land)=57.5, v(troops)=12.5, v(both)=62.5 → land ½(45+50)=47.5, troops ½(0+5)=2.5.
    // Beta:  v(∅)=62.5, v(land)=50, v(troops)=62.5, v(both)=50 → land −12.5, troops 0.
    const a = diff.impact.attribution;
    expect(a.method).toBe('exact');
    expect(a.changes.map((c) => [c.issue, ...c.shares.map((s) => s.value)])).toEqual([
      ['land', 47.5, -12.5],
      ['troops', 2.5, 0],
    ]);
    expect(a.totals.map((t) => [t.party, t.total, t.residual])).toEqual([
      ['a', 50, 0],
      ['b', -12.5, 0],
    ]);
  });

  it('evaluates context versions on both sides: the annex turns the land change into a changed conflict', () => {
    const d = diffVersions(compiled, 'plan:v1', 'plan:v2', { context: ['annex:x1'] });
    expect(d.context).toEqual(['annex:x1']);
    expect(d.issues.map((c) => [c.issue, c.kind, c.before.options, c.after.options])).toEqual([
      ['land', 'conflict-changed', ['keep', 'cede'], ['keep', 'share']],
      ['troops', 'unsettled', ['50'], []],
    ]);
    expect(d.conflicts.changed).toHaveLength(1);
    expect(
      d.conflicts.changed[0].after.settlements.map((s) => `${s.version}#${s.number}=${s.option}`),
    ).toEqual(['v2#1=share', 'x1#1=keep']);
  });
});

describe('movement relative to the frontier', () => {
  // A brute-force probe: the Pareto set of all 40 complete outcomes, and the utilitarian outcome.
  const utilities = compiled.models.map((m) => realiseUtility(m));
  const points: number[][] = [];
  forEachCompletion(fullSubspace(compiled.space), (o) => {
    points.push(utilities.map((u) => utilityOf(u, o)));
  });
  const pareto = points.filter(
    (p) => !points.some((q) => q.every((x, k) => x >= p[k]) && q.some((x, k) => x > p[k])),
  );
  const best = points.reduce((x, y) => (y[0] + y[1] > x[0] + x[1] ? y : x));
  const probe: FrontierProbe = {
    distanceToFrontier: (u) => Math.min(...pareto.map((p) => Math.hypot(p[0] - u[0], p[1] - u[1]))),
    solutions: [{ name: 'utilitarian', utilities: best }],
  };

  it('reports the probe distances of the before and after scalars', () => {
    const d = diffVersions(compiled, 'plan:v1', 'plan:v2', { frontier: probe });
    const f = d.impact.frontier!;
    expect(f.before.utilities).toEqual([12.5, 62.5]);
    expect(f.after.utilities).toEqual([62.5, 50]);
    expect(f.before.distance).toBe(probe.distanceToFrontier([12.5, 62.5]));
    expect(f.after.distance).toBe(probe.distanceToFrontier([62.5, 50]));
    expect(f.change).toBeCloseTo(f.after.distance - f.before.distance, 12);
    expect(f.solutions[0].before).toBeCloseTo(Math.hypot(best[0] - 12.5, best[1] - 62.5), 12);
    expect(f.solutions[0].after).toBeCloseTo(Math.hypot(best[0] - 62.5, best[1] - 50), 12);
    expect(diffVersions(compiled, 'plan:v1', 'plan:v2').impact.frontier).toBeUndefined();
  });
});

describe('attribution without interactions', () => {
  it('gives each issue change exactly its own change of midpoint when utilities are additive', () => {
    fc.assert(
      fc.property(
        arbitraryVersionedScenario({ adjustments: false }),
        fc.constantFrom(...VERSION_PAIRS),
        (s, [a, b]) => {
          const c = compileScenario(s);
          const d = diffVersions(c, a, b);
          d.impact.attribution.changes.forEach((change) => {
            const i = c.space.issues.findIndex((x) => x.id === change.issue);
            const issue = c.space.issues[i];
            c.models.forEach((m, p) => {
              let total = 0;
              for (let k = 0; k < m.weights.estimate.length; k++) total += m.weights.estimate[k];
              const w = total > 0 ? m.weights.estimate[i] / total : 0;
              const mid = (options: string[]) => {
                const values = (options.length > 0 ? options : issue.optionIds).map(
                  (o) => m.values[i].estimate[issue.optionIds.indexOf(o)],
                );
                return (Math.min(...values) + Math.max(...values)) / 2;
              };
              expect(change.shares[p].value).toBeCloseTo(w * (mid(change.to) - mid(change.from)), 9);
            });
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('diffPackages', () => {
  const diff = diffPackages(compiled, 'p1', 'clash', { wordDiff });

  it('pairs documents and marks those on one side only', () => {
    expect(diff.documents.map((d) => [d.document, d.status, d.points.map((p) => p.kind)])).toEqual([
      ['plan', 'paired', ['reworded', 'removed']],
      ['annex', 'added', ['added', 'added']],
    ]);
  });

  it('reports the cross-document conflict that appears', () => {
    expect(
      diff.conflicts.appeared.map((c) => [
        c.issue,
        c.settlements.map((s) => `${s.document}#${s.number}=${s.option}`),
      ]),
    ).toEqual([['land', ['plan#1=share', 'annex#1=keep']]]);
    expect(diff.conflicts.resolved).toEqual([]);
    const back = diffPackages(compiled, 'clash', 'p1');
    expect(back.conflicts.resolved.map((c) => c.issue)).toEqual(['land']);
  });

  it('attributes the package change across all issue changes (hand-checked for Beta)', () => {
    expect(diff.issues.map((c) => [c.issue, c.kind])).toEqual([
      ['land', 'conflict-appeared'],
      ['troops', 'unsettled'],
      ['money', 'settled'],
    ]);
    // Beta has no adjustments, so each share is the change of that issue's midpoint contribution:
    // land cede 25 → {keep, share} 0..12.5 (mid 6.25): −18.75; troops 12.5 → 0..25: 0; money 0..50 → 0: −25.
    const beta = diff.impact.attribution.changes.map((c) => c.shares[1].value);
    [-18.75, 0, -25].forEach((x, k) => {
      expect(beta[k]).toBeCloseTo(x, 12);
    });
    expect(diff.impact.parties[1].delta).toBeCloseTo(-43.75, 12);
    expect(diff.issues[0].pointChanges).toEqual([
      { document: 'plan', entry: 0, index: 0 },
      { document: 'annex', entry: 1, index: 0 },
    ]);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});
