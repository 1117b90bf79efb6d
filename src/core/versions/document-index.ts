import type { Document, DocumentVersion, Point, Scenario } from '../../schema/scenario.js';
import { closestId } from '../model/closest-id.js';
import type { VersionRef } from '../model/resolve.js';
import { listOrNone, VersionError } from './version-error.js';

export type { VersionRef };

/** A point of a version, with where it sits. */
export interface IndexedPoint {
  /** "versionId#number", unique within the document. */
  key: string;
  document: string;
  version: string;
  number: number;
  /** 0-based position in the version's list of points. */
  position: number;
  point: Point;
  /** Field path of the point inside the scenario. */
  path: string;
}

export interface IndexedVersion {
  version: DocumentVersion;
  /** 0-based position in the document's list of versions. */
  position: number;
  points: IndexedPoint[];
  /** Versions this one builds on: its basedOn list, then versions its points link to that basedOn omits. */
  parents: string[];
  /** The subset of `parents` reached only through `from:` links. */
  linkOnlyParents: string[];
}

/** One document's versions and points, checked: every reference resolves and the version graph has no cycle. */
export interface DocumentIndex {
  document: Document;
  documentPosition: number;
  versions: Map<string, IndexedVersion>;
  points: Map<string, IndexedPoint>;
  /** Explicit `from:` links: point key → keys of the earlier points it descends from. */
  pointParents: Map<string, string[]>;
  /** Version ids in topological order (parents first); among versions ready together, earlier date first. */
  order: string[];
}

export const pointKey = (version: string, number: number): string => `${version}#${number}`;

export function formatVersionRef(ref: VersionRef): string {
  return `${ref.document}:${ref.version}`;
}

export function parseRef(ref: VersionRef | string): VersionRef {
  if (typeof ref !== 'string') return ref;
  const parts = ref.split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new VersionError(
      'bad-version-ref',
      `'${ref}' is not a version reference; expected "documentId:versionId", e.g. "plan:v2"`,
      { ids: [ref] },
    );
  }
  return { document: parts[0], version: parts[1] };
}

export function findDocument(scenario: Scenario, id: string): { document: Document; position: number } {
  const position = scenario.documents.findIndex((d) => d.id === id);
  if (position < 0) {
    const known = scenario.documents.map((d) => d.id);
    throw new VersionError('unknown-document', `unknown document '${id}' (documents: ${listOrNone(known)})`, {
      ids: [id],
      suggestion: closestId(id, known),
    });
  }
  return { document: scenario.documents[position], position };
}

const linkPattern = /^(?:([^:#\s]+):)?([^:#\s]+)#(\d+)$/;

/**
 * Builds and checks the index of one document: duplicate ids, basedOn and `from:` references, and cycles
 * all raise a VersionError naming the ids and the field path.
 */
export function indexDocument(scenario: Scenario, documentId: string): DocumentIndex {
  const { document, position: documentPosition } = findDocument(scenario, documentId);
  const base = `documents[${documentPosition}]`;
  const versions = new Map<string, IndexedVersion>();
  const points = new Map<string, IndexedPoint>();

  document.versions.forEach((version, v) => {
    if (versions.has(version.id)) {
      throw new VersionError(
        'duplicate-version',
        `document '${document.id}' has two versions with id '${version.id}'`,
        { ids: [document.id, version.id], path: `${base}.versions[${v}].id` },
      );
    }
    const indexed: IndexedVersion = { version, position: v, points: [], parents: [], linkOnlyParents: [] };
    version.points.forEach((point, p) => {
      const key = pointKey(version.id, point.number);
      if (points.has(key)) {
        throw new VersionError(
          'duplicate-point',
          `version '${version.id}' of '${document.id}' numbers two points ${point.number}`,
          {
            ids: [document.id, version.id, String(point.number)],
            path: `${base}.versions[${v}].points[${p}].number`,
          },
        );
      }
      const entry: IndexedPoint = {
        key,
        document: document.id,
        version: version.id,
        number: point.number,
        position: p,
        point,
        path: `${base}.versions[${v}].points[${p}]`,
      };
      points.set(key, entry);
      indexed.points.push(entry);
    });
    versions.set(version.id, indexed);
  });

  const versionIds = [...versions.keys()];
  const pointParents = new Map<string, string[]>();
  for (const indexed of versions.values()) {
    const { version } = indexed;
    const parents: string[] = [];
    version.basedOn.forEach((parent, k) => {
      const path = `${base}.versions[${indexed.position}].basedOn[${k}]`;
      if (!versions.has(parent)) {
        throw new VersionError(
          'unknown-version',
          `version '${version.id}' of '${document.id}' is based on unknown version '${parent}' (versions: ${listOrNone(versionIds)})`,
          { ids: [document.id, version.id, parent], path, suggestion: closestId(parent, versionIds) },
        );
      }
      if (parent === version.id) {
        throw new VersionError('cycle', `version '${version.id}' of '${document.id}' is based on itself`, {
          ids: [document.id, version.id],
          path,
        });
      }
      if (!parents.includes(parent)) parents.push(parent);
    });
    for (const entry of indexed.points) {
      const links = entry.point.from === undefined ? [] : [entry.point.from].flat();
      const listed = Array.isArray(entry.point.from);
      const linked: string[] = [];
      links.forEach((link, k) => {
        const path = `${entry.path}.from${listed ? `[${k}]` : ''}`;
        const target = parsePointLink(link, document, versions, version.id, entry.number, path);
        if (!linked.includes(target.key)) linked.push(target.key);
        if (!parents.includes(target.version)) {
          parents.push(target.version);
          indexed.linkOnlyParents.push(target.version);
        }
      });
      if (linked.length > 0) pointParents.set(entry.key, linked);
    }
    indexed.parents = parents;
  }

  const order = topologicalOrder(document, versions);
  return { document, documentPosition, versions, points, pointParents, order };
}

function parsePointLink(
  link: string,
  document: Document,
  versions: Map<string, IndexedVersion>,
  ownVersion: string,
  ownNumber: number,
  path: string,
): { version: string; number: number; key: string } {
  const here = `point ${ownNumber} of ${document.id}:${ownVersion}`;
  const match = linkPattern.exec(link.trim());
  if (!match) {
    throw new VersionError(
      'bad-point-link',
      `${here} links to '${link}', which is not a point reference; expected "versionId#number", e.g. "v1#3"`,
      { ids: [document.id, ownVersion, link], path },
    );
  }
  const [, linkDocument, version, numberText] = match;
  if (linkDocument !== undefined && linkDocument !== document.id) {
    throw new VersionError(
      'bad-point-link',
      `${here} links to '${link}' in another document; links stay within a document ('${document.id}')`,
      { ids: [document.id, ownVersion, link], path },
    );
  }
  const number = Number(numberText);
  const target = versions.get(version);
  if (!target) {
    const known = [...versions.keys()];
    throw new VersionError(
      'unknown-version',
      `${here} links to '${link}', but '${document.id}' has no version '${version}' (versions: ${listOrNone(known)})`,
      { ids: [document.id, ownVersion, version], path, suggestion: closest(version, known, number) },
    );
  }
  if (version === ownVersion) {
    throw new VersionError(
      'self-link',
      `${here} links to '${link}' in its own version; \`from:\` names points of earlier versions`,
      { ids: [document.id, ownVersion, link], path },
    );
  }
  if (!target.points.some((p) => p.number === number)) {
    const numbers = target.points.map((p) => p.number);
    const nearest = numbers.reduce(
      (best, n) => (Math.abs(n - number) < Math.abs(best - number) ? n : best),
      numbers[0],
    );
    throw new VersionError(
      'missing-point',
      `${here} links to '${link}', but version '${version}' has no point ${number} (points: ${numbers.join(', ')})`,
      { ids: [document.id, ownVersion, link], path, suggestion: `${version}#${nearest}` },
    );
  }
  return { version, number, key: pointKey(version, number) };
}

function closest(version: string, known: string[], number: number): string | undefined {
  const name = closestId(version, known);
  return name === undefined ? undefined : `${name}#${number}`;
}

function topologicalOrder(document: Document, versions: Map<string, IndexedVersion>): string[] {
  const remaining = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const [id, v] of versions) {
    remaining.set(id, v.parents.length);
    for (const parent of v.parents) children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  const byDate = (p: string, q: string) => {
    const a = versions.get(p)!;
    const b = versions.get(q)!;
    return a.version.date < b.version.date
      ? -1
      : a.version.date > b.version.date
        ? 1
        : a.position - b.position;
  };
  const ready = [...versions.keys()].filter((id) => remaining.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort(byDate);
    const next = ready.shift()!;
    order.push(next);
    for (const child of children.get(next) ?? []) {
      const left = remaining.get(child)! - 1;
      remaining.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  if (order.length < versions.size) {
    const cycle = findCycle(versions);
    const steps = cycle.slice(0, -1).map((id, k) => `'${id}' builds on '${cycle[k + 1]}'`);
    throw new VersionError(
      'cycle',
      `the versions of '${document.id}' form a cycle: ${steps.join(', ')} (through basedOn or from: links); a version can only build on earlier ones`,
      { ids: [document.id, ...new Set(cycle)] },
    );
  }
  return order;
}

/** One cycle in the parent graph as a closed path [v0, v1, ..., v0] where each version builds on the next. */
function findCycle(versions: Map<string, IndexedVersion>): string[] {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'active');
    stack.push(id);
    for (const parent of versions.get(id)!.parents) {
      if (state.get(parent) === 'active') {
        return [...stack.slice(stack.indexOf(parent)), parent];
      }
      if (state.get(parent) === undefined) {
        const found = visit(parent);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of versions.keys()) {
    if (state.get(id) === undefined) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return [];
}

/** The indexed version a reference names, with a clear error if the document or version does not exist. */
export function lookupVersion(index: DocumentIndex, ref: VersionRef): IndexedVersion {
  const found = index.versions.get(ref.version);
  if (!found) {
    const known = [...index.versions.keys()];
    throw new VersionError(
      'unknown-version',
      `document '${ref.document}' has no version '${ref.version}' (versions: ${listOrNone(known)})`,
      { ids: [ref.document, ref.version], suggestion: closestId(ref.version, known) },
    );
  }
  return found;
}

/** Indexes documents on demand, once each, for one computation. */
export class DocumentIndexCache {
  private readonly built = new Map<string, DocumentIndex>();
  constructor(readonly scenario: Scenario) {}

  document(id: string): DocumentIndex {
    let index = this.built.get(id);
    if (!index) {
      index = indexDocument(this.scenario, id);
      this.built.set(id, index);
    }
    return index;
  }

  version(ref: VersionRef | string): { index: DocumentIndex; version: IndexedVersion; ref: VersionRef } {
    const parsed = parseRef(ref);
    const index = this.document(parsed.document);
    return { index, version: lookupVersion(index, parsed), ref: parsed };
  }
}
