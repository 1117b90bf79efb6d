import { describe, expect, it } from 'vitest';
import { resolveCandidates, toPackageSpec } from '../../../../src/core/analysis/robustness/candidates.js';
import { compileScenario } from '../../../../src/core/model/compile.js';
import { tinyScenario } from '../../../support/tiny-scenario.js';

describe('candidate packages', () => {
  const compiled = compileScenario(tinyScenario());
  const allowed = (c: { subspace: { allowed: Int32Array[] } }) =>
    c.subspace.allowed.map((a) => Array.from(a));

  it('resolve scenario packages, version sets, assignments and index lists alike', () => {
    const [byId, byVersions, byAssignments, byIndices] = resolveCandidates(compiled, [
      'p1',
      { id: 'v', versions: ['plan:v1'] },
      { id: 'a', assignments: { land: 'cede', troops: 50 } },
      { id: 'i', allowed: [[2], [2, 2], [0, 1]] },
    ]);
    const expected = [[2], [2], [0, 1]];
    expect(byId.label).toBe('P1');
    for (const c of [byId, byVersions, byAssignments, byIndices]) expect(allowed(c)).toEqual(expected);
    expect(resolveCandidates(compiled, [toPackageSpec(byId)]).map(allowed)).toEqual([expected]);
  });

  it('explain bad input', () => {
    expect(() => resolveCandidates(compiled, ['nope'])).toThrow(/unknown package 'nope'/);
    expect(() => resolveCandidates(compiled, [{ id: 'x', allowed: [[0]] }])).toThrow(
      /for 1 issues; the scenario has 3/,
    );
    expect(() => resolveCandidates(compiled, [{ id: 'x', allowed: [[0], [9], [0]] }])).toThrow(
      /option index 9 on issue 'troops', which has options 0\.\.4/,
    );
    expect(() => resolveCandidates(compiled, [{ id: 'x', allowed: [[0], [], [0]] }])).toThrow(
      /allows no option/,
    );
    expect(() => resolveCandidates(compiled, ['p1', 'p1'])).toThrow(/share the id 'p1'/);
  });
});
