import { describe, expect, it } from 'vitest';
import { reportPageHtml, WITHHELD } from '../../src/adapters/report/party-view-html.js';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { readableWordDiff } from '../../src/adapters/text/readable-word-diff.js';
import { analyze } from '../../src/app/analyze.js';
import { diff } from '../../src/app/diff.js';
import type { ComputePorts } from '../../src/app/ports.js';
import { redactAnalysis } from '../../src/app/privacy/redact-analysis.js';
import { redactDiff } from '../../src/app/privacy/redact-diff.js';
import { redactReport } from '../../src/app/privacy/redact-report.js';
import { report } from '../../src/app/report.js';
import { serialMap } from '../../src/app/serial-map.js';
import { NEVER_CANCELLED, NO_PROGRESS } from '../../src/core/ports.js';
import { DEFAULT_POLICY, type DisclosurePolicy } from '../../src/core/privacy/disclosure-policy.js';
import { partyView } from '../../src/core/privacy/party-view.js';
import { joinScenario, splitScenario } from '../../src/core/privacy/split-scenario.js';
import type { Viewer } from '../../src/core/privacy/viewer.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const ports: ComputePorts = {
  solver: createHighsSolver(),
  parallel: serialMap(),
  clock: { now: () => 0 },
  progress: NO_PROGRESS,
  cancel: NEVER_CANCELLED,
};

/** Numbers planted as BATNAs: they appear nowhere else, so seeing one means seeing that party's BATNA. */
const PLANTED: Record<string, number[]> = { a: [30.0123, 50.0123, 40.0321, 60.0321], b: [40.0456] };

/**
 * The tiny scenario with a unique marker in every private field of each party; `clash` adds a red line of
 * Alpha's that meets Beta's, so that the zone is empty (explanations and a relaxation are then computed).
 */
function planted(clash = false): Scenario {
  const s = tinyScenario();
  if (clash) {
    s.preferences[0].redLines.push({
      id: 'keep-all',
      description: 'Alpha keeps all',
      source: 'test',
      requires: { issue: 'land', in: ['keep'] },
    });
  }
  for (const p of s.preferences) {
    const m = `marker-${p.party}`;
    p.source = `${m}-source`;
    p.notes = `${m}-notes`;
    p.redLines = p.redLines.map((r, k) => ({
      ...r,
      id: `${m}-line${k}`,
      description: `${m}-line-text`,
      source: `${m}-line-source`,
    }));
    p.adjustments = p.adjustments.map((x, k) => ({ ...x, id: `${m}-adj${k}`, description: `${m}-adj-text` }));
  }
  const [a, b] = s.preferences;
  a.batna = {
    series: [
      { date: '2025-01-01', value: PLANTED.a[0] },
      { date: '2025-03-01', value: { estimate: PLANTED.a[1], low: PLANTED.a[2], high: PLANTED.a[3] } },
    ],
    interpolation: 'step',
  };
  b.batna = PLANTED.b[0];
  s.positions = ['a', 'b'].map((party) => ({
    party,
    issue: 'land',
    date: '2025-01-02',
    option: 'share',
    statement: `marker-${party}-position`,
    sources: [],
  }));
  return s;
}

/** Every marker of `party` found in the JSON of `value`: strings containing it, numbers equal to a planted one. */
function markersOf(value: unknown, party: string): string[] {
  const found: string[] = [];
  const needle = `marker-${party}`;
  const numbers = new Set(PLANTED[party] ?? []);
  const walk = (x: unknown, path: string) => {
    if (typeof x === 'string') {
      if (x.toLowerCase().includes(needle)) found.push(`${path}: ${x}`);
    } else if (typeof x === 'number') {
      if (numbers.has(x)) found.push(`${path}: ${x}`);
    } else if (Array.isArray(x)) {
      x.forEach((y, k) => {
        walk(y, `${path}[${k}]`);
      });
    } else if (x && typeof x === 'object') {
      for (const [k, y] of Object.entries(x)) {
        if (k.toLowerCase().includes(needle)) found.push(`${path}.${k} (key)`);
        walk(y, `${path}.${k}`);
      }
    }
  };
  walk(JSON.parse(JSON.stringify(value)), '$');
  return found;
}

const viewers: Array<{ viewer: Viewer; hidden: string[]; own?: string }> = [
  { viewer: { role: 'delegate', party: 'a' }, hidden: ['b'], own: 'a' },
  { viewer: { role: 'delegate', party: 'b' }, hidden: ['a'], own: 'b' },
  { viewer: { role: 'observer' }, hidden: ['a', 'b'] },
];

describe('confidentiality seam', () => {
  it('splits a scenario into a shared part and private parts that join back unchanged', () => {
    const s = planted();
    const split = splitScenario(s, { privatePositions: true });
    expect(markersOf(split.shared, 'a')).toEqual([]);
    expect(markersOf(split.shared, 'b')).toEqual([]);
    expect(markersOf(split.private.a, 'b')).toEqual([]);
    expect(markersOf(split.private.b, 'a')).toEqual([]);
    expect(joinScenario(split.shared, Object.values(split.private))).toEqual(s);
  });

  it("gives each viewer a scenario without another party's private data", () => {
    const s = planted();
    const policy: DisclosurePolicy = { ...DEFAULT_POLICY, privatePositions: true };
    for (const { viewer, hidden, own } of viewers) {
      const view = partyView(s, viewer, policy);
      for (const party of hidden) expect(markersOf(view, party)).toEqual([]);
      if (own) expect(markersOf(view, own).length).toBeGreaterThan(0);
    }
    expect(partyView(s, { role: 'mediator' })).toEqual(s);
  });

  it("leaves no other party's marker in any redacted result of the use cases", async () => {
    const open = planted();
    const closed = planted(true);
    const results: Array<{ name: string; redact: (viewer: Viewer) => unknown; full: unknown }> = [];
    for (const [name, scenario] of [
      ['open', open],
      ['closed', closed],
    ] as const) {
      const analysis = await analyze(
        { scenario, package: 'p1', samples: 40, seed: 3, method: 'enumerate' },
        ports,
      );
      results.push({ name: `analyze ${name}`, full: analysis, redact: (v) => redactAnalysis(analysis, v) });
    }
    expect((results[1].full as { explanation?: unknown }).explanation).toBeDefined();
    const diffPorts = { ...ports, wordDiff: readableWordDiff };
    for (const [before, after, packages] of [
      ['plan:v1', 'plan:v2', false],
      ['p1', 'clash', true],
    ] as const) {
      const { diff: result } = await diff({ scenario: open, before, after, packages }, diffPorts);
      results.push({ name: `diff ${before}`, full: result, redact: (v) => redactDiff(result, v) });
    }
    const data = await report(
      { scenario: closed, diff: ['plan:v1', 'plan:v2'], method: 'enumerate' },
      diffPorts,
    );
    results.push({ name: 'report', full: data, redact: (v) => redactReport(data, v) });

    for (const { name, full, redact } of results) {
      // The planted markers do reach the unredacted results, so their absence below means something.
      expect(markersOf(full, 'a').length + markersOf(full, 'b').length, name).toBeGreaterThan(0);
      for (const { viewer, hidden } of viewers) {
        const view = redact(viewer);
        for (const party of hidden)
          expect(markersOf(view, party), `${name} seen by ${JSON.stringify(viewer)}`).toEqual([]);
      }
      expect(redact({ role: 'mediator' })).toBe(full);
    }
  });

  it("renders each viewer's report page with no other party's marker and no blank shown as a number", async () => {
    const data = await report(
      { scenario: planted(true), diff: ['plan:v1', 'plan:v2'], method: 'enumerate' },
      { ...ports, wordDiff: readableWordDiff },
    );
    const shown = (x: number) => [String(x), x.toFixed(2)];
    for (const { viewer, hidden, own } of viewers) {
      const html = reportPageHtml(redactReport(data, viewer));
      for (const party of hidden) {
        expect(html.toLowerCase(), `${party} seen by ${JSON.stringify(viewer)}`).not.toContain(
          `marker-${party}`,
        );
        for (const x of PLANTED[party] ?? []) for (const text of shown(x)) expect(html).not.toContain(text);
      }
      expect(html).toContain(WITHHELD);
      expect(html).not.toMatch(/NaN|undefined|>\s*<\/td>/);
      if (own) expect(html).toContain(`The view of the delegation of`);
      else expect(html).toContain('an observer');
    }
    const whole = reportPageHtml(redactReport(data, { role: 'mediator' }));
    expect(whole).not.toContain("a party's view");
    expect(whole.toLowerCase()).toMatch(/marker-a|marker-b/);
  });
});
