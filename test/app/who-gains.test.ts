import { describe, expect, it } from 'vitest';
import { reportDiff } from '../../src/app/report.js';
import { whoGains } from '../../src/app/who-gains.js';
import { compileScenario } from '../../src/core/model/compile.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { tinyScenario } from '../support/tiny-scenario.js';

/** The tiny scenario with a third version of the plan that defers the land issue and keeps troops at 50. */
function withDeferral(): Scenario {
  const scenario = tinyScenario();
  const plan = scenario.documents.find((d) => d.id === 'plan')!;
  const v1 = plan.versions.find((v) => v.id === 'v1')!;
  plan.versions.push({
    ...v1,
    id: 'v3',
    label: 'Land deferred',
    basedOn: ['v1'],
    points: v1.points.map((p) =>
      p.settles && 'land' in p.settles
        ? { ...p, text: `${p.text} Deferred.`, settles: { land: 'later' } }
        : p,
    ),
  });
  return scenario;
}

describe('who gains', () => {
  const compiled = compileScenario(withDeferral(), { at: '2025-03-01' });

  it('splits each party’s total between real changes and deferrals, and the parts add up', () => {
    const { result, whoGains: gains } = reportDiff(compiled, 'plan:v1', 'plan:v3');
    expect(gains.deferrals).toBe(1);
    for (const party of gains.parties) {
      expect(party.fromChanges + party.fromDeferrals).toBeCloseTo(party.total, 9);
      const deferred = result.impact.attribution.changes.filter((c) => c.kind === 'deferred');
      const share = deferred.reduce(
        (sum, c) => sum + (c.shares.find((s) => s.party === party.party)?.value ?? 0),
        0,
      );
      expect(party.fromDeferrals).toBeCloseTo(share, 9);
      expect(party.total).toBeCloseTo(result.impact.parties.find((p) => p.party === party.party)!.delta, 9);
    }
    // The only change is the deferral, so everything moved is due to it.
    expect(gains.parties.some((p) => Math.abs(p.fromDeferrals) > 0.05)).toBe(true);
    for (const party of gains.parties) expect(party.fromChanges).toBeCloseTo(0, 9);
    expect(gains.attribution).toContain('exact Shapley values');
  });

  it('counts a reopened issue with the deferrals and a settled or changed one with the changes', () => {
    const { result } = reportDiff(compiled, 'p1', 'clash');
    const gains = whoGains(result, 'p1', 'clash');
    const open = new Set(['deferred', 'unsettled']);
    expect(gains.deferrals).toBe(result.issues.filter((c) => open.has(c.kind)).length);
    for (const party of gains.parties) {
      const share = result.impact.attribution.changes
        .filter((c) => open.has(c.kind))
        .reduce((sum, c) => sum + (c.shares.find((s) => s.party === party.party)?.value ?? 0), 0);
      expect(party.fromDeferrals).toBeCloseTo(share, 9);
      expect(party.fromChanges + party.fromDeferrals).toBeCloseTo(party.total, 9);
    }
  });
});
