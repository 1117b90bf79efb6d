import type { Scenario } from '../../schema/scenario.js';
import { type DocumentIndex, indexDocument } from './document-index.js';

/** A version as a node of the lineage graph, with a suggested place in a drawing. */
export interface LineageNode {
  id: string;
  label: string;
  date: string;
  proposedBy: string[];
  pointCount: number;
  /** Versions it builds on (basedOn, then versions reached only through `from:` links). */
  parents: string[];
  children: string[];
  /** 0-based position in the topological order: the row (or column) of a drawing, time flowing forward. */
  row: number;
  /** Drawing lane: a version continues its first parent's lane unless a sibling already did. */
  lane: number;
  /** root: builds on nothing; head: nothing builds on it; branch: several versions build on it; merge: builds on several. */
  roles: Array<'root' | 'head' | 'branch' | 'merge'>;
}

/** "child builds on parent". */
export interface LineageEdge {
  from: string;
  to: string;
  /** The child lists the parent in basedOn. */
  basedOn: boolean;
  /** How many `from:` links of the child's points name points of the parent. */
  pointLinks: number;
}

export interface Lineage {
  document: string;
  title: string;
  /** Version ids, parents before children; versions ready together are ordered by date, then as listed. */
  order: string[];
  nodes: LineageNode[];
  edges: LineageEdge[];
  roots: string[];
  heads: string[];
  /** Versions several others build on (the line splits there). */
  branches: string[];
  /** Versions built on several others (lines join there). */
  merges: string[];
  /** Lane count of the drawing. */
  lanes: number;
  /** Oddities that are not errors: dates running backwards, links to versions not named in basedOn. */
  warnings: string[];
}

/**
 * The version graph of a document, from basedOn lists and `from:` links. Throws a VersionError for unknown
 * versions, links to missing points and cycles (naming the cycle).
 */
export function documentLineage(scenario: Scenario, documentId: string): Lineage {
  return lineageOfIndex(indexDocument(scenario, documentId));
}

export function lineageOfIndex(index: DocumentIndex): Lineage {
  const warnings: string[] = [];
  const children = new Map<string, string[]>();
  for (const id of index.order) children.set(id, []);
  for (const id of index.order)
    for (const parent of index.versions.get(id)!.parents) children.get(parent)!.push(id);

  const edges: LineageEdge[] = [];
  for (const id of index.order) {
    const v = index.versions.get(id)!;
    for (const parent of v.parents) {
      let pointLinks = 0;
      for (const p of v.points) {
        for (const key of index.pointParents.get(p.key) ?? [])
          if (index.points.get(key)!.version === parent) pointLinks++;
      }
      edges.push({ from: parent, to: id, basedOn: v.version.basedOn.includes(parent), pointLinks });
      const parentDate = index.versions.get(parent)!.version.date;
      if (parentDate > v.version.date) {
        warnings.push(
          `'${id}' (${v.version.date}) builds on '${parent}', which is dated later (${parentDate})`,
        );
      }
    }
    if (v.linkOnlyParents.length > 0) {
      warnings.push(
        `points of '${id}' link to ${v.linkOnlyParents.map((p) => `'${p}'`).join(', ')}, which its basedOn does not list`,
      );
    }
  }

  const lanes = new Map<string, number>();
  const laneTaken = new Set<string>();
  let laneCount = 0;
  for (const id of index.order) {
    const first = index.versions.get(id)!.parents[0];
    if (first !== undefined && !laneTaken.has(first)) {
      laneTaken.add(first);
      lanes.set(id, lanes.get(first)!);
    } else {
      lanes.set(id, laneCount++);
    }
  }

  const nodes = index.order.map((id, row): LineageNode => {
    const v = index.versions.get(id)!;
    const kids = children.get(id)!;
    const roles: LineageNode['roles'] = [];
    if (v.parents.length === 0) roles.push('root');
    if (kids.length === 0) roles.push('head');
    if (kids.length > 1) roles.push('branch');
    if (v.parents.length > 1) roles.push('merge');
    return {
      id,
      label: v.version.label,
      date: v.version.date,
      proposedBy: [...v.version.proposedBy],
      pointCount: v.points.length,
      parents: [...v.parents],
      children: [...kids],
      row,
      lane: lanes.get(id)!,
      roles,
    };
  });
  return {
    document: index.document.id,
    title: index.document.title,
    order: [...index.order],
    nodes,
    edges,
    roots: nodes.filter((n) => n.roles.includes('root')).map((n) => n.id),
    heads: nodes.filter((n) => n.roles.includes('head')).map((n) => n.id),
    branches: nodes.filter((n) => n.roles.includes('branch')).map((n) => n.id),
    merges: nodes.filter((n) => n.roles.includes('merge')).map((n) => n.id),
    lanes: laneCount,
    warnings,
  };
}

/** Every version `id` builds on, directly or not (not including itself). */
export function versionAncestors(index: DocumentIndex, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...index.versions.get(id)!.parents];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const parent of index.versions.get(next)!.parents) stack.push(parent);
  }
  return seen;
}

/**
 * How version `a` stands to version `b` in the lineage: the same version, an ancestor of b, a descendant of b,
 * related through a common ancestor (diverging lines), or unrelated.
 */
export type VersionRelation =
  | 'same'
  | 'ancestor'
  | 'descendant'
  | 'related'
  | 'unrelated'
  | 'different-documents';

export function versionRelation(index: DocumentIndex, a: string, b: string): VersionRelation {
  if (a === b) return 'same';
  const aboveB = versionAncestors(index, b);
  if (aboveB.has(a)) return 'ancestor';
  const aboveA = versionAncestors(index, a);
  if (aboveA.has(b)) return 'descendant';
  for (const v of aboveA) if (aboveB.has(v)) return 'related';
  return 'unrelated';
}
