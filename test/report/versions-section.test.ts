import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/adapters/load/load-scenario.js';
import { escapeHtml } from '../../src/adapters/report/html.js';
import { diffSection, wordDiffHtml } from '../../src/adapters/report/sections/diff-section.js';
import {
  gapSeries,
  lineageEdges,
  lineageLayout,
  versionsSection,
} from '../../src/adapters/report/sections/versions-section.js';
import {
  changedPlaces,
  coalesceWordDiff,
  readableWordDiff,
} from '../../src/adapters/text/readable-word-diff.js';
import { wordDiff } from '../../src/adapters/text/word-diff.js';
import { reportDiff, versionsData } from '../../src/app/report.js';
import { convergence } from '../../src/core/analysis/gaps/convergence.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { documentLineage, type WordDiffPart } from '../../src/core/versions/index.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { repoRoot } from '../support/run-cli.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const loaded = loadScenarioFile(join(repoRoot, 'scenarios', 'ukraine-2025.yaml'));
if (!loaded.ok) throw new Error('the flagship scenario does not load');
const flagship = compileScenario(loaded.scenario);

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
const spell = (parts: WordDiffPart[], skip: WordDiffPart['kind']) =>
  parts
    .filter((p) => p.kind !== skip)
    .map((p) => p.text)
    .join('');

describe('versions section', () => {
  const html = versionsSection(versionsData(flagship));

  it('draws a lineage graph per document and a gap chart per document with versions on several dates', () => {
    // framework (4 versions on 3 dates) and guarantees (2 dates): both charts; reconstruction (1 version): the
    // lineage graph, and its gaps as a table, since a single date has no change over time.
    expect(count(html, /<svg[\s>]/g)).toBe(5);
    expect(count(html, /<\/svg>/g)).toBe(5);
    expect(html).toContain('Peace framework (US-mediated): versions');
    expect(html).toContain('Peace framework (US-mediated): settlement gap per issue');
    expect(html).toContain('every version of this document is dated 2025-12-23');
  });

  it('reports package agreement: nothing is agreed while Russia has agreed no point', () => {
    expect(html).toContain('Packages: nothing is agreed until everything is agreed');
    expect(html).toMatch(/<strong>november<\/strong>[\s\S]*?0 of 28 \(0%\)/);
    expect(html).toMatch(/<strong>december<\/strong>[\s\S]*?0 of 33 \(0%\)/);
  });

  it('counts the points every signatory agreed, on a hand-made package', () => {
    const s = tinyScenario();
    const [v1] = s.documents[0].versions;
    v1.points[0].status = { a: 'agreed', b: 'agreed' };
    v1.points[1].status = { a: 'agreed', b: 'bracketed' };
    const section = versionsSection(versionsData(compileScenario(s)));
    // p1 = plan:v1: point 1 agreed by both signatories, point 2 bracketed by b → 1 of 2; a agreed 2 of 2, b 1 of 2.
    expect(section).toMatch(/<strong>p1<\/strong>[\s\S]*?1 of 2 \(50%\)[\s\S]*?100%[\s\S]*?50%/);
  });

  it('places versions by date within a lane, spaced enough to read, and dashes the second parent of a merge', () => {
    const lineage = documentLineage(flagship.scenario, 'framework');
    const nodes = new Map(lineageLayout(lineage).map((n) => [n.id, n]));
    const [p28, geneva, eu, p20] = ['plan-28', 'geneva', 'eu-counter', 'plan-20'].map((id) => nodes.get(id)!);
    expect(p28.x).toBe(0);
    expect(p20.x).toBe(1);
    expect(geneva.lane).toBe(p28.lane);
    expect(eu.lane).not.toBe(p28.lane);
    expect(geneva.x - p28.x).toBeGreaterThanOrEqual(0.13 - 1e-12);
    expect(p20.x).toBeGreaterThan(geneva.x);
    const edges = lineageEdges(lineage);
    expect(edges.find((e) => e.from === 'plan-28' && e.to === 'plan-20')).toMatchObject({ kind: 'merge' });
    expect(edges.find((e) => e.from === 'geneva' && e.to === 'plan-20')?.kind).toBeUndefined();
  });

  it('charts a gap only where a version settles the issue', () => {
    const series = new Map(gapSeries(convergence(flagship, 'framework')).map((s) => [s.name, s.points]));
    expect(series.get('army-cap')!.map(([date]) => date)).toEqual(['2025-11-20', '2025-11-23', '2025-12-23']);
    expect(series.get('donbas')!.map(([date]) => date)).toEqual(['2025-11-20']);
  });

  it('escapes every scenario text', () => {
    const s: Scenario = {
      ...tinyScenario(),
      title: '<script>alert("title")</script>',
    };
    s.documents[0].title = 'Plan <img src=x onerror=alert(1)>';
    s.packages[0].label = 'P1 & <b>bold</b>';
    const section = versionsSection(versionsData(compileScenario(s)));
    expect(section).not.toContain('<script>');
    expect(section).not.toContain('<img');
    expect(section).not.toContain('<b>bold');
    expect(section).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(section).toContain('P1 &amp; &lt;b&gt;bold&lt;/b&gt;');
  });
});

describe('diff section', () => {
  const html = diffSection(
    reportDiff(flagship, 'framework:plan-28', 'framework:plan-20', readableWordDiff, { samples: 200 }).result,
  );

  it('shows point changes with word diffs as <del> and <ins>', () => {
    expect(html).toContain(
      'Ukraine holds elections <del>within 100 days</del><ins>as soon as possible after signing</ins>.',
    );
    expect(html).toMatch(
      /<span class="pv-kind pv-kind-removed">dropped<\/span><\/td>\s*<td class="pv-num">#7<\/td>/,
    );
    expect(html).toContain('army-cap = 600 → army-cap = 800');
  });

  it('has a per-party impact table and an attribution row per issue change', () => {
    expect(html).toContain('<th>change (midpoint)</th>');
    expect(html).toContain('Who gains from each change');
    const rows = count(html.slice(html.indexOf('<th>issue change</th>')), /<tr><td>/g);
    expect(rows).toBe(22 + 1); // 22 issue changes and the total
  });

  it('escapes point texts and titles', () => {
    const s = tinyScenario();
    s.documents[0].versions[1].points[0].text = 'Shared <script>x()</script> land.';
    s.documents[0].versions[1].points[0].title = 'Land & <i>more</i>';
    const section = diffSection(
      reportDiff(compileScenario(s), 'plan:v1', 'plan:v2', readableWordDiff).result,
    );
    expect(section).not.toContain('<script>');
    expect(section).not.toContain('<i>more');
    expect(section).toContain('&lt;script&gt;x()&lt;/script&gt;');
  });

  it('compares packages when given package ids', () => {
    const section = diffSection(
      reportDiff(compileScenario(tinyScenario()), 'p1', 'clash', readableWordDiff).result,
    );
    expect(section).toContain('What changed: package P1 (p1) → Clash (clash)');
    expect(section).toContain('Annex: new in this package (annex:x1)');
  });
});

describe('readable word diffs', () => {
  const words = fc
    .array(fc.constantFrom('a', 'the', 'plan', 'army', '600', '800', ',', ';', 'cap', 'of'), {
      maxLength: 14,
    })
    .map((w) => w.join(' '));

  it('still spell both texts exactly, with no two neighbouring runs of the same kind', () => {
    fc.assert(
      fc.property(words, words, (before, after) => {
        for (const parts of [coalesceWordDiff(wordDiff(before, after)), readableWordDiff(before, after)]) {
          expect(spell(parts, 'added')).toBe(before);
          expect(spell(parts, 'removed')).toBe(after);
          for (let k = 1; k < parts.length; k++) expect(parts[k].kind === parts[k - 1].kind).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('join words changed side by side into one block', () => {
    const parts = coalesceWordDiff(
      wordDiff(
        'Ukraine holds elections within 100 days.',
        'Ukraine holds elections as soon as possible after signing.',
      ),
    );
    expect(parts).toEqual([
      { kind: 'same', text: 'Ukraine holds elections ' },
      { kind: 'removed', text: 'within 100 days' },
      { kind: 'added', text: 'as soon as possible after signing' },
      { kind: 'same', text: '.' },
    ]);
    expect(changedPlaces(parts)).toBe(1);
  });

  it('give a rewritten text whole, and a text changed in one place word by word', () => {
    const before =
      'A comprehensive non-aggression agreement between Russia, Ukraine and Europe; the ambiguities of the past years count as settled.';
    const after =
      'A full and unconditional Russia–Ukraine non-aggression agreement; the line of contact is monitored by surveillance with early warning.';
    // Four changed places and 15% of the letters unchanged: a rewrite.
    expect(changedPlaces(coalesceWordDiff(wordDiff(before, after)))).toBe(4);
    const rewritten = readableWordDiff(before, after);
    expect(rewritten).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
    const small = readableWordDiff('Ukraine is confirmed.', 'Ukraine is reaffirmed by all signatories.');
    expect(small.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
  });

  it('render as HTML with escaped text', () => {
    expect(
      wordDiffHtml([
        { kind: 'same', text: 'a <b> ' },
        { kind: 'removed', text: 'x' },
        { kind: 'added', text: 'y & z' },
      ]),
    ).toBe('a &lt;b&gt; <del>x</del><ins>y &amp; z</ins>');
    expect(escapeHtml(`<a href="x">it's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;it&#39;s&lt;/a&gt;');
  });
});
