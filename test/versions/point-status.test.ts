import { describe, expect, it } from 'vitest';
import {
  allPackageAgreements,
  packageAgreement,
  statusHistory,
  versionAgreement,
} from '../../src/core/versions/point-status.js';
import { statusScenario } from './fixtures.js';

describe('agreement: nothing is agreed until everything is agreed', () => {
  const scenario = statusScenario();

  it('a version reports each point and who has not agreed', () => {
    const v1 = versionAgreement(scenario, 'doc:v1');
    expect(v1.signatories).toEqual(['a', 'b']);
    expect(v1.points.map((p) => p.agreedByAll)).toEqual([false, true]);
    expect(v1.pending.map((p) => [p.point.number, p.notAgreedBy])).toEqual([
      [1, [{ party: 'b', status: 'bracketed' }]],
    ]);
    expect(v1).toMatchObject({ agreed: false, totalPoints: 2, agreedPoints: 1, share: 0.5 });
  });

  it('a package is agreed only when every point of every version is agreed by every signatory', () => {
    const late = packageAgreement(scenario, 'late');
    expect(late).toMatchObject({ agreed: false, totalPoints: 4, agreedPoints: 2, share: 0.5 });
    expect(
      late.pending.map((p) => [`${p.point.document}:${p.point.version}#${p.point.number}`, p.notAgreedBy]),
    ).toEqual([
      [
        'doc:v2#3',
        [
          { party: 'a', status: 'rejected' },
          { party: 'b', status: 'open' },
        ],
      ],
      [
        'plan:v2#1',
        [
          { party: 'a', status: 'open' },
          { party: 'b', status: 'open' },
        ],
      ],
    ]);
    // The mediator's agreement is recorded but does not count.
    expect(late.pending[0].status.m).toBe('agreed');
    expect(late.byParty).toEqual([
      { party: 'a', agreed: 2, bracketed: 0, open: 1, rejected: 1, share: 0.5 },
      { party: 'b', agreed: 2, bracketed: 0, open: 2, rejected: 0, share: 0.5 },
    ]);
    expect(late.versions).toEqual([
      { ref: 'doc:v2', totalPoints: 3, agreedPoints: 2, share: 2 / 3 },
      { ref: 'plan:v2', totalPoints: 1, agreedPoints: 0, share: 0 },
    ]);
  });

  it('a fully agreed package is agreed', () => {
    const s = statusScenario();
    s.documents[2].versions[0].points[0].status = { a: 'agreed', b: 'agreed' };
    expect(packageAgreement(s, 'early')).toMatchObject({ agreed: true, share: 1, pending: [] });
    expect(allPackageAgreements(s).map((p) => p.agreed)).toEqual([true, false]);
  });

  it('without signatories nothing can be agreed, and it says so', () => {
    const s = statusScenario();
    for (const p of s.parties) p.role = 'observer';
    const result = packageAgreement(s, { versions: ['doc:v2'] });
    expect(result.agreed).toBe(false);
    expect(result.notes).toEqual(['no party is a signatory, so nothing can be agreed']);
  });
});

describe('status over versions', () => {
  it('lists statuses per version and the changes between matched points', () => {
    const history = statusHistory(statusScenario(), 'doc');
    expect(history.parties).toEqual(['a', 'b', 'm']);
    expect(history.versions.map((v) => v.version)).toEqual(['v1', 'v2']);
    expect(history.versions[1].points[2].status).toEqual({ a: 'rejected', b: 'open', m: 'agreed' });
    expect(history.changes.map((c) => `${c.version}#${c.point} ${c.party}: ${c.from} → ${c.to}`)).toEqual([
      'v1#1 a: null → agreed',
      'v1#1 b: null → bracketed',
      'v1#2 a: null → agreed',
      'v1#2 b: null → agreed',
      'v2#1 b: bracketed → agreed',
      'v2#3 a: null → rejected',
      'v2#3 m: null → agreed',
    ]);
    expect(history.changes[4].previous).toEqual({ document: 'doc', version: 'v1', number: 1 });
  });
});
