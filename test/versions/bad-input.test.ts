import { describe, expect, it } from 'vitest';
import { closestId } from '../../src/core/model/closest-id.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { diffPackages } from '../../src/core/versions/diff-packages.js';
import { diffVersions } from '../../src/core/versions/diff-versions.js';
import { documentLineage } from '../../src/core/versions/lineage.js';
import { matchPoints } from '../../src/core/versions/match-points.js';
import { packageAgreement } from '../../src/core/versions/point-status.js';
import { VersionError } from '../../src/core/versions/version-error.js';
import { tinyScenario } from '../support/tiny-scenario.js';
import { point, scenarioWithVersions, version } from './fixtures.js';

function caught(f: () => unknown): VersionError {
  try {
    f();
  } catch (e) {
    if (e instanceof VersionError) return e;
    throw e;
  }
  throw new Error('expected a VersionError');
}

describe('bad input gets a typed error naming the ids, with a suggestion', () => {
  const compiled = compileScenario(tinyScenario());

  it('unknown version id', () => {
    const e = caught(() => diffVersions(compiled, 'plan:v1', 'plan:vv2'));
    expect(e.code).toBe('unknown-version');
    expect(e.ids).toEqual(['plan', 'vv2']);
    expect(e.suggestion).toBe('v2');
    expect(e.message).toBe("document 'plan' has no version 'vv2' (versions: v1, v2); did you mean 'v2'?");
  });

  it('unknown document and malformed reference', () => {
    const e = caught(() => matchPoints(compiled.scenario, 'plna:v1', 'plan:v2'));
    expect(e.code).toBe('unknown-document');
    expect(e.message).toBe("unknown document 'plna' (documents: plan, annex); did you mean 'plan'?");
    const f = caught(() => diffVersions(compiled, 'planv1', 'plan:v2'));
    expect(f.code).toBe('bad-version-ref');
    expect(f.message).toMatch(/'planv1' is not a version reference; expected "documentId:versionId"/);
  });

  it('unknown package', () => {
    const e = caught(() => diffPackages(compiled, 'p1', 'clsh'));
    expect(e.code).toBe('unknown-package');
    expect(e.message).toBe("unknown package 'clsh' (packages: p1, clash); did you mean 'clash'?");
    expect(caught(() => packageAgreement(compiled.scenario, 'p2')).suggestion).toBe('p1');
  });

  it('a package naming a version that does not exist, reported where it is written', () => {
    const s = tinyScenario();
    s.packages[1].versions = ['plan:v2', 'annex:x2'];
    const e = caught(() => diffPackages(compileScenario(s), 'p1', 'clash'));
    expect(e.code).toBe('unknown-version');
    expect(e.path).toBe('packages[1].versions[1]');
    expect(e.message).toBe(
      "'annex:x2' names version 'x2', which document 'annex' does not have (versions: x1) (at packages[1].versions[1]); did you mean 'x1'?",
    );
  });

  it('a from: link to a missing point', () => {
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [point(1, 'A', 'a a a'), point(2, 'B', 'b b b')]),
      version('v2', '2025-02-01', [point(1, 'A', 'a a a', { from: 'v1#7' })], { basedOn: ['v1'] }),
    ]);
    const e = caught(() => matchPoints(s, 'doc:v1', 'doc:v2'));
    expect(e.code).toBe('missing-point');
    expect(e.ids).toEqual(['doc', 'v2', 'v1#7']);
    expect(e.path).toBe('documents[2].versions[1].points[0].from');
    expect(e.message).toBe(
      "point 1 of doc:v2 links to 'v1#7', but version 'v1' has no point 7 (points: 1, 2) (at documents[2].versions[1].points[0].from); did you mean 'v1#2'?",
    );
  });

  it('a from: link to an unknown version, its own version, or in a bad form', () => {
    const bad = (from: string | string[]) =>
      scenarioWithVersions([
        version('v1', '2025-01-01', [point(1, 'A', 'a a a')]),
        version('v2', '2025-02-01', [point(1, 'A', 'a a a'), point(2, 'B', 'b b', { from })], {
          basedOn: ['v1'],
        }),
      ]);
    const unknown = caught(() => documentLineage(bad(['v1#1', 'w1#1']), 'doc'));
    expect(unknown.code).toBe('unknown-version');
    expect(unknown.path).toBe('documents[2].versions[1].points[1].from[1]');
    expect(unknown.suggestion).toBe('v1#1');
    expect(caught(() => documentLineage(bad('v2#1'), 'doc')).code).toBe('self-link');
    const malformed = caught(() => documentLineage(bad('v1-1'), 'doc'));
    expect(malformed.code).toBe('bad-point-link');
    expect(malformed.message).toMatch(/expected "versionId#number", e.g. "v1#3"/);
    expect(caught(() => documentLineage(bad('annex:x1#1'), 'doc')).message).toMatch(/in another document/);
  });

  it('a cycle in basedOn names the cycle', () => {
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [point(1, 'A', 'a')], { basedOn: ['v3'] }),
      version('v2', '2025-02-01', [point(1, 'A', 'a')], { basedOn: ['v1'] }),
      version('v3', '2025-03-01', [point(1, 'A', 'a')], { basedOn: ['v2'] }),
      version('v4', '2025-04-01', [point(1, 'A', 'a')], { basedOn: ['v3'] }),
    ]);
    const e = caught(() => diffVersions(compileScenario(s), 'doc:v1', 'doc:v4'));
    expect(e.code).toBe('cycle');
    expect([...e.ids].sort()).toEqual(['doc', 'v1', 'v2', 'v3']);
    expect(e.message).toBe(
      "the versions of 'doc' form a cycle: 'v1' builds on 'v3', 'v3' builds on 'v2', 'v2' builds on 'v1' (through basedOn or from: links); a version can only build on earlier ones",
    );
  });

  it('a cycle through a from: link, and a version based on itself', () => {
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [point(1, 'A', 'a', { from: 'v2#1' })]),
      version('v2', '2025-02-01', [point(1, 'A', 'a')], { basedOn: ['v1'] }),
    ]);
    expect(caught(() => documentLineage(s, 'doc')).code).toBe('cycle');
    const self = scenarioWithVersions([
      version('v1', '2025-01-01', [point(1, 'A', 'a')], { basedOn: ['v1'] }),
    ]);
    expect(caught(() => documentLineage(self, 'doc')).message).toMatch(/'v1' of 'doc' is based on itself/);
  });

  it('unknown basedOn, duplicate version ids and duplicate point numbers', () => {
    const s = scenarioWithVersions([
      version('draft-1', '2025-01-01', [point(1, 'A', 'a')]),
      version('draft-2', '2025-02-01', [point(1, 'A', 'a')], { basedOn: ['draft1'] }),
    ]);
    const e = caught(() => documentLineage(s, 'doc'));
    expect(e.code).toBe('unknown-version');
    expect(e.path).toBe('documents[2].versions[1].basedOn[0]');
    expect(e.suggestion).toBe('draft-1');
    const dup = scenarioWithVersions([
      version('v1', '2025-01-01', [point(1, 'A', 'a')]),
      version('v1', '2025-01-02', [point(1, 'A', 'a')]),
    ]);
    expect(caught(() => documentLineage(dup, 'doc')).code).toBe('duplicate-version');
    const dupPoint = scenarioWithVersions([
      version('v1', '2025-01-01', [point(1, 'A', 'a'), point(1, 'B', 'b')]),
    ]);
    expect(caught(() => documentLineage(dupPoint, 'doc')).path).toBe(
      'documents[2].versions[0].points[1].number',
    );
  });

  it('suggestions are only offered for plausible typos', () => {
    expect(closestId('plna', ['plan', 'annex'])).toBe('plan');
    expect(closestId('zzzz', ['plan', 'annex'])).toBeUndefined();
    expect(closestId('x', [])).toBeUndefined();
  });
});
