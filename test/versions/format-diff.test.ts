import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../src/adapters/text/word-diff.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { diffPackages } from '../../src/core/versions/diff-packages.js';
import { diffVersions } from '../../src/core/versions/diff-versions.js';
import { formatPackageDiff, formatVersionDiff, formatWordDiff } from '../../src/core/versions/format-diff.js';
import { tinyScenario } from '../support/tiny-scenario.js';
import { point, scenarioWithVersions, TEXTS, version } from './fixtures.js';

describe('plain-text diff report', () => {
  const compiled = compileScenario(tinyScenario(), { at: '2025-02-15' });

  it('tells the story of a version diff', () => {
    const text = formatVersionDiff(diffVersions(compiled, 'plan:v1', 'plan:v2', { wordDiff }));
    expect(text).toBe(
      [
        'plan:v1 "First" (2025-01-01, proposed by m) → plan:v2 "Second" (2025-02-01, proposed by m)',
        'v1 is an ancestor of v2.',
        'Points: 2 before, 1 after — 1 reworded, 1 dropped.',
        '',
        'Dropped',
        '  #2 Troops: "Troops 50k."',
        '    it settled troops = 50',
        '',
        'Changed',
        '  #1 → #1 Land (reworded; matched by similarity, confidence 0.55)',
        '    text: [-Beta-]{+Shared+} [-gets the -]land.',
        '    settles: land = cede → land = share',
        '',
        'Issues',
        '  Land: Beta gets → Shared (changed; points plan:v1#1, plan:v2#1)',
        '  Troops: 50 k → open (unsettled; points plan:v1#2)',
        '  Still unresolved:',
        '    Troops (open, newly unresolved)',
        '    Money (open)',
        '',
        'Who gains (utility 0–100 over the outcomes the text leaves open; a range when issues stay open)',
        '  Alpha: 12.5 → 45.0–80.0 (mid 62.5), +50.0 (BATNA 30.0; acceptable: no → yes)',
        '  Beta: 37.5–87.5 (mid 62.5) → 12.5–87.5 (mid 50.0), −12.5 (BATNA 40.0; acceptable: depends)',
        '',
        'Who gains from each change (exact Shapley values over 2 changes; shares of the change in the range midpoint)',
        '  Land: Beta gets → Shared',
        '    Alpha +47.5, Beta −12.5',
        '  Troops: 50 k → open',
        '    Alpha +2.5, Beta ±0.0',
        '',
        'Red lines',
        "  Alpha 'no-cede' (no cession): newly respected (crossed → respected)",
        '',
        'Verdict (acceptable to every signatory): no → depends; under uncertainty no → depends',
        '  Beta: may reject (utility 12.5..87.5 straddles its BATNA 40, depending on issues left open)',
        '',
      ].join('\n'),
    );
  });

  it('shows splits, moves, additions and unresolved issues, and quotes whole texts without a word diff', () => {
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [
        point(1, 'Security', `${TEXTS.ceasefire} ${TEXTS.monitors}`, { settles: { troops: 50 } }),
        point(2, 'Prisoners', TEXTS.prisoners),
        point(3, 'Sanctions', TEXTS.sanctions),
        point(4, 'Elections', TEXTS.elections, { status: { a: 'agreed' } }),
      ]),
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'Elections', TEXTS.elections),
          point(2, 'Ceasefire', TEXTS.ceasefire, { from: 'v1#1', settles: { troops: 25 } }),
          point(3, 'Monitors', TEXTS.monitors.replace('unrestricted', 'limited'), { from: 'v1#1' }),
          point(4, 'Prisoners', TEXTS.prisoners),
          point(5, 'Sanctions', TEXTS.sanctions),
          point(6, 'Fund', TEXTS.reconstruction, { settles: { money: 'some' }, touches: ['land'] }),
        ],
        { basedOn: ['v1'] },
      ),
    ]);
    const text = formatVersionDiff(diffVersions(compileScenario(s), 'doc:v1', 'doc:v2'));
    const lines = text.split('\n');
    expect(lines).toContain('Points: 4 before, 6 after — 1 moved, 1 split, 2 renumbered, 1 added.');
    expect(lines).toContain(
      '  #1 → #2+#3 Ceasefire / Monitors (split; matched by from: link, confidence 1.00)',
    );
    expect(lines).toContain('    title: Security → Ceasefire / Monitors');
    const before = lines.find((l) => l.startsWith('    before: '))!;
    expect(before).toBe(`    before: "${`${TEXTS.ceasefire} ${TEXTS.monitors}`.slice(0, 159)}…"`);
    expect(lines.find((l) => l.startsWith('    after: '))).toMatch(
      /^ {4}after: {2}"All hostilities .* signature\. ¶ An international/,
    );
    expect(lines).toContain('  #4 → #1 Elections (moved)');
    expect(lines).toContain('  #2 → #4 Prisoners (renumbered)');
    expect(lines).toContain('  Still unresolved:');
    expect(lines).toContain('    Land (open, addressed by doc:v2#6 without settling it)');
    expect(lines).toContain(
      '  #6 Fund: "A reconstruction fund financed by frozen assets pays for rebuilding homes and power plants."',
    );
    expect(text).not.toMatch(/Dropped/);
    const short = formatVersionDiff(diffVersions(compileScenario(s), 'doc:v1', 'doc:v2'), { maxQuote: 20 });
    expect(short).toContain('  #6 Fund: "A reconstruction fu…"');
  });

  it('lists dropped points in the order of the earlier version, even when later points moved', () => {
    // The change list places a dropped point after its nearest earlier neighbour that survives; with the
    // survivors swapped, that order (#4 before #2) is not the earlier version's order.
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [
        point(1, 'Ceasefire', TEXTS.ceasefire),
        point(2, 'Prisoners', TEXTS.prisoners),
        point(3, 'Elections', TEXTS.elections),
        point(4, 'Sanctions', TEXTS.sanctions),
      ]),
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'Elections', TEXTS.elections, { from: 'v1#3' }),
          point(2, 'Ceasefire', TEXTS.ceasefire, { from: 'v1#1' }),
        ],
        { basedOn: ['v1'] },
      ),
    ]);
    const diff = diffVersions(compileScenario(s), 'doc:v1', 'doc:v2');
    const removedInChangeOrder = diff.points
      .filter((p) => p.kind === 'removed')
      .map((p) => p.before[0].number);
    expect(removedInChangeOrder).toEqual([4, 2]);
    const lines = formatVersionDiff(diff).split('\n');
    const dropped = lines.slice(lines.indexOf('Dropped') + 1, lines.indexOf('Dropped') + 3);
    expect(dropped.map((l) => l.slice(0, 6))).toEqual(['  #2 P', '  #4 S']);
  });

  it('tells the story of a package diff, with conflicts and sampled attribution', () => {
    const text = formatPackageDiff(
      diffPackages(compiled, 'p1', 'clash', {
        wordDiff,
        attribution: { method: 'sampled', samples: 50, seed: 9 },
      }),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('Package P1 (p1) → Clash (clash)');
    expect(lines).toContain('== Annex: new in this package (annex:x1 "Annex" (2025-02-01))');
    expect(lines).toContain('  new: Land: plan:v2#1 says Shared, annex:x1#1 says Alpha keeps');
    expect(lines).toContain(
      'Who gains from each change (Shapley values estimated from 50 random orders (seed 9; largest standard error 0.00); shares of the change in the range midpoint)',
    );
    expect(lines).toContain(
      "  Beta 'not-keep' (Alpha must not keep all): now undetermined (respected → depends)",
    );
    expect(lines).toContain(
      'Verdict (acceptable to every signatory): no (unchanged); under uncertainty no (unchanged)',
    );
  });

  it('marks word diffs in the git word-diff style', () => {
    expect(
      formatWordDiff([
        { kind: 'same', text: 'a ' },
        { kind: 'removed', text: 'b' },
        { kind: 'added', text: 'c' },
      ]),
    ).toBe('a [-b-]{+c+}');
  });
});
