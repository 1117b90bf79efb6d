import { describe, expect, it } from 'vitest';
import { indexDocument } from '../../src/core/versions/document-index.js';
import { documentLineage, versionRelation } from '../../src/core/versions/lineage.js';
import { point, scenarioWithVersions, version } from './fixtures.js';

// root → a, b (branch); c builds on a and b (merge); d builds on root only through a from: link.
const scenario = scenarioWithVersions([
  version('root', '2025-01-01', [point(1, 'A', 'one'), point(2, 'B', 'two')]),
  version('b', '2025-01-20', [point(1, 'A', 'one b', { from: 'root#1' })], { basedOn: ['root'] }),
  version(
    'a',
    '2025-01-10',
    [point(1, 'A', 'one a', { from: 'root#1' }), point(2, 'B', 'two', { from: 'root#2' })],
    {
      basedOn: ['root'],
    },
  ),
  version('c', '2025-02-01', [point(1, 'A', 'merged', { from: ['a#1', 'b#1'] })], { basedOn: ['a', 'b'] }),
  version('d', '2025-01-05', [point(1, 'B', 'two', { from: 'c#1' })]),
]);

describe('document lineage', () => {
  const lineage = documentLineage(scenario, 'doc');

  it('orders versions parents first, by date among those ready', () => {
    expect(lineage.order).toEqual(['root', 'a', 'b', 'c', 'd']);
    expect(lineage.nodes.map((n) => n.row)).toEqual([0, 1, 2, 3, 4]);
  });

  it('finds roots, heads, branches and merges', () => {
    expect(lineage.roots).toEqual(['root']);
    expect(lineage.heads).toEqual(['d']);
    expect(lineage.branches).toEqual(['root']);
    expect(lineage.merges).toEqual(['c']);
    const c = lineage.nodes.find((n) => n.id === 'c')!;
    expect(c.parents).toEqual(['a', 'b']);
    expect(c.roles).toEqual(['merge']);
  });

  it('gives edges with their kind and the number of point links', () => {
    expect(lineage.edges).toEqual([
      { from: 'root', to: 'a', basedOn: true, pointLinks: 2 },
      { from: 'root', to: 'b', basedOn: true, pointLinks: 1 },
      { from: 'a', to: 'c', basedOn: true, pointLinks: 1 },
      { from: 'b', to: 'c', basedOn: true, pointLinks: 1 },
      { from: 'c', to: 'd', basedOn: false, pointLinks: 1 },
    ]);
  });

  it('assigns drawing lanes: the first child continues its parent, a sibling opens a lane', () => {
    const lanes = Object.fromEntries(lineage.nodes.map((n) => [n.id, n.lane]));
    expect(lanes).toEqual({ root: 0, a: 0, b: 1, c: 0, d: 0 });
    expect(lineage.lanes).toBe(2);
  });

  it('warns about links outside basedOn and dates running backwards', () => {
    expect(lineage.warnings).toEqual([
      "'d' (2025-01-05) builds on 'c', which is dated later (2025-02-01)",
      "points of 'd' link to 'c', which its basedOn does not list",
    ]);
  });

  it('relates versions: ancestor, descendant, diverging, same', () => {
    const index = indexDocument(scenario, 'doc');
    expect(versionRelation(index, 'root', 'c')).toBe('ancestor');
    expect(versionRelation(index, 'c', 'root')).toBe('descendant');
    expect(versionRelation(index, 'a', 'b')).toBe('related');
    expect(versionRelation(index, 'a', 'a')).toBe('same');
    const separate = scenarioWithVersions([
      version('x', '2025-01-01', [point(1, 'A', 'a')]),
      version('y', '2025-01-02', [point(1, 'A', 'a')]),
    ]);
    expect(versionRelation(indexDocument(separate, 'doc'), 'x', 'y')).toBe('unrelated');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(lineage))).toEqual(lineage);
  });
});
