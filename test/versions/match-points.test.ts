import { describe, expect, it } from 'vitest';
import { matchPoints, type PointMatching } from '../../src/core/versions/match-points.js';
import { point, scenarioWithVersions, TEXTS, version } from './fixtures.js';

const kinds = (m: PointMatching) =>
  m.changes.map(
    (c) => `${c.kind}:${c.before.map((p) => p.number).join('+')}>${c.after.map((p) => p.number).join('+')}`,
  );

describe('classification of every kind of point change', () => {
  it('kept: same text, same number', () => {
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [
        point(1, 'Ceasefire', TEXTS.ceasefire),
        point(2, 'Monitors', TEXTS.monitors),
      ]),
      version(
        'v2',
        '2025-02-01',
        [point(1, 'Ceasefire', TEXTS.ceasefire), point(2, 'Monitors', `  ${TEXTS.monitors}`)],
        {
          basedOn: ['v1'],
        },
      ),
    ]);
    const m = matchPoints(s, 'doc:v1', 'doc:v2');
    expect(kinds(m)).toEqual(['kept:1>1', 'kept:2>2']);
    expect(m.relation).toBe('ancestor');
  });

  it('renumbered: a point inserted before shifts the numbers; the inserted one is added', () => {
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [
        point(1, 'Ceasefire', TEXTS.ceasefire),
        point(2, 'Monitors', TEXTS.monitors),
      ]),
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'Prisoners', TEXTS.prisoners),
          point(2, 'Ceasefire', TEXTS.ceasefire),
          point(3, 'Monitors', TEXTS.monitors),
        ],
        { basedOn: ['v1'] },
      ),
    ]);
    const m = matchPoints(s, 'doc:v1', 'doc:v2');
    expect(kinds(m)).toEqual(['added:>1', 'renumbered:1>2', 'renumbered:2>3']);
    expect(m.changes[1].confidence).toBe(1);
    expect(m.changes[1].links[0].basis).toBe('similarity');
  });

  it('moved: a point taken out of the run of points that kept their order', () => {
    const pts = [
      point(1, 'Ceasefire', TEXTS.ceasefire),
      point(2, 'Monitors', TEXTS.monitors),
      point(3, 'Prisoners', TEXTS.prisoners),
      point(4, 'Elections', TEXTS.elections),
    ];
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', pts),
      version(
        'v2',
        '2025-02-01',
        [
          { ...pts[1], number: 1 },
          { ...pts[2], number: 2 },
          { ...pts[3], number: 3 },
          { ...pts[0], number: 4 },
        ],
        { basedOn: ['v1'] },
      ),
    ]);
    const m = matchPoints(s, 'doc:v1', 'doc:v2');
    expect(kinds(m)).toEqual(['renumbered:2>1', 'renumbered:3>2', 'renumbered:4>3', 'moved:1>4']);
    expect(m.changes[3].outOfOrder).toBe(true);
  });

  it('reworded: a matched point whose text differs, by link and by similarity', () => {
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [
        point(1, 'Ceasefire', TEXTS.ceasefire),
        point(2, 'Monitors', TEXTS.monitors),
      ]),
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'Truce', 'Fighting stops everywhere at once.', { from: 'v1#1' }),
          point(2, 'Monitors', TEXTS.monitors.replace('international', 'European')),
        ],
        { basedOn: ['v1'] },
      ),
    ]);
    const m = matchPoints(s, 'doc:v1', 'doc:v2');
    expect(kinds(m)).toEqual(['reworded:1>1', 'reworded:2>2']);
    expect(m.changes[0].links[0]).toMatchObject({ basis: 'explicit', confidence: 1 });
    expect(m.changes[0].titleChanged).toBe(true);
    expect(m.changes[1].links[0].basis).toBe('similarity');
    expect(m.changes[1].confidence).toBeGreaterThan(0.6);
    expect(m.changes[1].confidence).toBeLessThan(1);
  });

  it('resettled: same words, different settlement', () => {
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [point(1, 'Land', TEXTS.ceasefire, { settles: { land: 'share' } })]),
      version('v2', '2025-02-01', [point(1, 'Land', TEXTS.ceasefire, { settles: { land: 'cede' } })], {
        basedOn: ['v1'],
      }),
    ]);
    const m = matchPoints(s, 'doc:v1', 'doc:v2');
    expect(kinds(m)).toEqual(['resettled:1>1']);
    expect(m.changes[0].settlementChanged).toBe(true);
    expect(m.changes[0].textChanged).toBe(false);
  });

  it('merged: several earlier points into one, by a from: list and by containment', () => {
    const v1 = version('v1', '2025-01-01', [
      point(1, 'Ceasefire', TEXTS.ceasefire),
      point(2, 'Monitors', TEXTS.monitors),
      point(3, 'Prisoners', TEXTS.prisoners),
    ]);
    const linked = scenarioWithVersions([
      v1,
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'Security', 'Ceasefire and monitoring together.', { from: ['v1#1', 'v1#2'] }),
          point(2, 'Prisoners', TEXTS.prisoners),
        ],
        { basedOn: ['v1'] },
      ),
    ]);
    expect(kinds(matchPoints(linked, 'doc:v1', 'doc:v2'))).toEqual(['merged:1+2>1', 'renumbered:3>2']);

    const unlinked = scenarioWithVersions([
      v1,
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'Ceasefire', `${TEXTS.ceasefire} ${TEXTS.monitors}`),
          point(2, 'Prisoners', TEXTS.prisoners),
        ],
        { basedOn: ['v1'] },
      ),
    ]);
    const m = matchPoints(unlinked, 'doc:v1', 'doc:v2');
    expect(kinds(m)).toEqual(['merged:1+2>1', 'renumbered:3>2']);
    expect(m.changes[0].links.map((l) => l.basis).sort()).toEqual(['containment', 'similarity']);
  });

  it('split: two later points from one earlier point, by links and by containment', () => {
    const v1 = version('v1', '2025-01-01', [
      point(1, 'Security', `${TEXTS.ceasefire} ${TEXTS.monitors}`),
      point(2, 'Prisoners', TEXTS.prisoners),
    ]);
    const linked = scenarioWithVersions([
      v1,
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'Ceasefire', TEXTS.ceasefire, { from: 'v1#1' }),
          point(2, 'Monitors', TEXTS.monitors, { from: 'v1#1' }),
          point(3, 'Prisoners', TEXTS.prisoners, { from: 'v1#2' }),
        ],
        { basedOn: ['v1'] },
      ),
    ]);
    expect(kinds(matchPoints(linked, 'doc:v1', 'doc:v2'))).toEqual(['split:1>1+2', 'renumbered:2>3']);
    const unlinked = scenarioWithVersions([
      v1,
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'Security', TEXTS.ceasefire),
          point(2, 'Monitors', TEXTS.monitors),
          point(3, 'Prisoners', TEXTS.prisoners),
        ],
        { basedOn: ['v1'] },
      ),
    ]);
    expect(kinds(matchPoints(unlinked, 'doc:v1', 'doc:v2'))).toEqual(['split:1>1+2', 'renumbered:2>3']);
  });

  it('added and removed: points without a counterpart, with the nearest candidate', () => {
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [
        point(1, 'Ceasefire', TEXTS.ceasefire),
        point(2, 'Sanctions', TEXTS.sanctions),
      ]),
      version(
        'v2',
        '2025-02-01',
        [point(1, 'Ceasefire', TEXTS.ceasefire), point(2, 'Elections', TEXTS.elections)],
        {
          basedOn: ['v1'],
        },
      ),
    ]);
    const m = matchPoints(s, 'doc:v1', 'doc:v2');
    expect(kinds(m)).toEqual(['kept:1>1', 'removed:2>', 'added:>2']);
    const removed = m.changes[1];
    expect(removed.nearest?.number).toBeDefined();
    expect(removed.confidence).toBeCloseTo(1 - removed.nearest!.score, 12);
  });

  it('regrouped: points of each side linked to several on the other', () => {
    const s = scenarioWithVersions([
      version('v1', '2025-01-01', [point(1, 'A', TEXTS.ceasefire), point(2, 'B', TEXTS.monitors)]),
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'X', TEXTS.elections, { from: ['v1#1', 'v1#2'] }),
          point(2, 'Y', TEXTS.sanctions, { from: 'v1#2' }),
        ],
        { basedOn: ['v1'] },
      ),
    ]);
    expect(kinds(matchPoints(s, 'doc:v1', 'doc:v2'))).toEqual(['regrouped:1+2>1+2']);
  });
});

describe('lineage through intermediate versions', () => {
  const v1 = version('v1', '2025-01-01', [
    point(1, 'Ceasefire', TEXTS.ceasefire),
    point(2, 'Monitors', TEXTS.monitors),
  ]);

  it('follows from: links transitively (v3 → v2 → v1)', () => {
    const s = scenarioWithVersions([
      v1,
      version('v2', '2025-02-01', [point(1, 'Monitors', 'Observers watch.', { from: 'v1#2' })], {
        basedOn: ['v1'],
      }),
      version('v3', '2025-03-01', [point(1, 'Watch', 'Nobody watches.', { from: 'v2#1' })], {
        basedOn: ['v2'],
      }),
    ]);
    const m = matchPoints(s, 'doc:v1', 'doc:v3');
    expect(kinds(m)).toEqual(['removed:1>', 'reworded:2>1']);
    expect(m.changes[1].links[0]).toMatchObject({ basis: 'lineage', confidence: 1 });
  });

  it('follows basedOn through a version without links, by matching it to its parent', () => {
    const s = scenarioWithVersions([
      v1,
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'Ceasefire', TEXTS.ceasefire.replace('seventy two', 'forty eight')),
          point(2, 'Monitors', TEXTS.monitors),
        ],
        {
          basedOn: ['v1'],
        },
      ),
      version('v3', '2025-03-01', [point(1, 'Truce', 'Fighting stops.', { from: 'v2#1' })], {
        basedOn: ['v2'],
      }),
    ]);
    const m = matchPoints(s, 'doc:v1', 'doc:v3');
    expect(kinds(m)).toEqual(['reworded:1>1', 'removed:2>']);
    const link = m.changes[0].links[0];
    expect(link.basis).toBe('lineage');
    expect(link.confidence).toBeGreaterThan(0.4);
    expect(link.confidence).toBeLessThan(1);
    // Without following lineage, the short reworded text is too different to match.
    expect(kinds(matchPoints(s, 'doc:v1', 'doc:v3', { lineage: false }))).toEqual([
      'removed:1>',
      'removed:2>',
      'added:>1',
    ]);
  });

  it('diffs plan-28 → plan-20 when plan-20 links only to the intermediate geneva text', () => {
    const s = scenarioWithVersions([
      version('plan-28', '2025-11-20', [
        point(1, 'Ceasefire', TEXTS.ceasefire),
        point(2, 'Monitors', TEXTS.monitors),
        point(3, 'Sanctions', TEXTS.sanctions),
        point(4, 'Fund', TEXTS.reconstruction),
      ]),
      version(
        'geneva',
        '2025-11-23',
        [
          point(1, 'Security', 'Ceasefire with monitoring.', { from: ['plan-28#1', 'plan-28#2'] }),
          point(2, 'Sanctions', TEXTS.sanctions, { from: 'plan-28#3' }),
          point(3, 'Fund', TEXTS.reconstruction, { from: 'plan-28#4' }),
        ],
        { basedOn: ['plan-28'] },
      ),
      version(
        'plan-20',
        '2025-12-01',
        [
          point(1, 'Security', 'A ceasefire, monitored.', { from: 'geneva#1' }),
          point(2, 'Economy', 'Sanctions and reconstruction.', { from: ['geneva#2', 'geneva#3'] }),
          point(3, 'Elections', TEXTS.elections),
        ],
        { basedOn: ['geneva'] },
      ),
    ]);
    const m = matchPoints(s, 'doc:plan-28', 'doc:plan-20');
    expect(kinds(m)).toEqual(['merged:1+2>1', 'merged:3+4>2', 'added:>3']);
    expect(m.changes[0].links.every((l) => l.basis === 'lineage' && l.confidence === 1)).toBe(true);
    expect(m.relation).toBe('ancestor');
  });

  it('matches diverging versions through their common ancestor and says so', () => {
    const s = scenarioWithVersions([
      v1,
      version('left', '2025-02-01', [point(1, 'Ceasefire', 'Guns fall silent.', { from: 'v1#1' })], {
        basedOn: ['v1'],
      }),
      version('right', '2025-02-02', [point(1, 'Truce', 'An armistice takes hold.', { from: 'v1#1' })], {
        basedOn: ['v1'],
      }),
    ]);
    const m = matchPoints(s, 'doc:left', 'doc:right');
    expect(m.relation).toBe('related');
    expect(m.commonAncestors).toEqual(['v1']);
    expect(kinds(m)).toEqual(['reworded:1>1']);
    expect(m.changes[0].links[0].basis).toBe('common-ancestor');
    expect(m.notes.join(' ')).toMatch(/not an ancestor/);
  });
});
