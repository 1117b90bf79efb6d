import { describe, expect, it } from 'vitest';
import { reportPageHtml, WITHHELD } from '../../src/adapters/report/party-view-html.js';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import type { ComputePorts } from '../../src/app/ports.js';
import { type ReportView, redactReport } from '../../src/app/privacy/redact-report.js';
import { type ReportData, report } from '../../src/app/report.js';
import { serialMap } from '../../src/app/serial-map.js';
import { NEVER_CANCELLED, NO_PROGRESS } from '../../src/core/ports.js';
import { DEFAULT_POLICY, type DisclosurePolicy } from '../../src/core/privacy/disclosure-policy.js';
import type { Proportion } from '../../src/core/statistics/index.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const ports: ComputePorts = {
  solver: createHighsSolver(),
  parallel: serialMap(),
  clock: { now: () => 0 },
  progress: NO_PROGRESS,
  cancel: NEVER_CANCELLED,
};

const OPEN: DisclosurePolicy = {
  ...DEFAULT_POLICY,
  otherwise: {
    zoneEmptiness: true,
    constraintsInConflict: true,
    bargainingOutcomes: true,
    packageVerdicts: true,
  },
};

const shown = (p: Proportion) => `${(p.p * 100).toFixed(1)}% (${(p.ci95[0] * 100).toFixed(1)}–`;

/** Texts that would show party `party`'s typical acceptance of each package, as the page words it. */
function traces(data: ReportData, party: string): string[] {
  const rows = (data.typical?.packages ?? []).flatMap((p) => p.parties.filter((q) => q.party === party));
  return rows.map((q) => shown(q.accept));
}

describe('report summary, typical acceptance and tornado in a party view: redacted, not dropped', async () => {
  const scenario = tinyScenario();
  const data = await report(
    { scenario, package: 'clash', method: 'enumerate', samples: 200, seed: 5 },
    ports,
  );

  it('the full report has per-party rows for both parties, so their absence below means something', () => {
    expect(traces(data, 'a').length).toBeGreaterThan(0);
    expect(traces(data, 'b').length).toBeGreaterThan(0);
    // Distinct from each other, so that a test on one party's page can tell them apart.
    expect(traces(data, 'a').some((t) => !traces(data, 'b').includes(t))).toBe(true);
    expect(data.tornadoes.flatMap((t) => t.bars.map((b) => b.party))).toContain('a');
  });

  it("a delegate's view keeps the sections with its own rows only, and says what is withheld", () => {
    for (const own of ['a', 'b']) {
      const view = redactReport(data, { role: 'delegate', party: own }) as ReportView;
      expect(view.summary.withheld.length).toBeGreaterThan(0);
      for (const p of view.typical?.packages ?? []) expect(p.parties.map((q) => q.party)).toEqual([own]);
      for (const t of view.tornadoes) {
        expect(t.parties.map((q) => q.party)).toEqual([own]);
        expect(t.bars.every((b) => b.party === own)).toBe(true);
      }
    }
    const view = redactReport(data, { role: 'delegate', party: 'a' }) as ReportView;
    expect(view.tornadoes.flatMap((t) => t.bars).length).toBeGreaterThan(0);
    // Under the default policy others' verdicts are private: no "all accept", no best package.
    expect(view.summary.best).toBeUndefined();
    expect(view.typical?.packages.every((p) => p.allAccept === undefined)).toBe(true);
  });

  it("never shows the other party's acceptance or estimates on a delegate's page; shows its own", () => {
    for (const [own, other] of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      const html = reportPageHtml(redactReport(data, { role: 'delegate', party: own }));
      expect(html).toContain('At a glance');
      expect(html).toContain('Robustness: your acceptance');
      expect(html).toContain(WITHHELD);
      const mine = new Set(traces(data, own));
      for (const text of traces(data, other))
        if (!mine.has(text)) expect(html, `${other}'s ${text} on ${own}'s page`).not.toContain(text);
      for (const text of mine) expect(html).toContain(text);
    }
  });

  it('an observer sees the summary with every party value withheld', () => {
    const html = reportPageHtml(redactReport(data, { role: 'observer' }));
    expect(html).toContain('At a glance');
    for (const text of [...traces(data, 'a'), ...traces(data, 'b')]) expect(html).not.toContain(text);
  });

  it('a policy that discloses verdicts lets the best package and everyone-accepts through', () => {
    const view = redactReport(data, { role: 'delegate', party: 'a' }, OPEN) as ReportView;
    expect(view.summary.best?.id).toBe(data.summary.best?.id);
    expect(view.typical?.packages[0].allAccept).toEqual(data.typical?.packages[0].allAccept);
    expect(reportPageHtml(view)).toContain(`<code>${data.summary.best?.id}</code>`);
  });
});
