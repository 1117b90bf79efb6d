import type { PointStatus, Scenario } from '../../schema/scenario.js';
import {
  type DocumentIndex,
  DocumentIndexCache,
  formatVersionRef,
  type IndexedPoint,
  type IndexedVersion,
  type VersionRef,
} from './document-index.js';
import { type VersionRelation, versionAncestors, versionRelation } from './lineage.js';
import {
  containment,
  jaccard,
  normaliseSpace,
  type PointFeatures,
  pointFeatures,
  pointSimilarity,
} from './text-similarity.js';

export type PointChangeKind =
  | 'kept'
  | 'renumbered'
  | 'moved'
  | 'reworded'
  | 'resettled'
  | 'merged'
  | 'split'
  | 'regrouped'
  | 'added'
  | 'removed';

export const POINT_CHANGE_KINDS: readonly PointChangeKind[] = [
  'kept',
  'renumbered',
  'moved',
  'reworded',
  'resettled',
  'merged',
  'split',
  'regrouped',
  'added',
  'removed',
];

/**
 * Why two points were matched: the same version; a direct `from:` link; a chain of links through intermediate
 * versions (`lineage`); descent from a shared earlier point; text similarity; or one text containing the other.
 */
export type MatchBasis =
  | 'same-version'
  | 'explicit'
  | 'lineage'
  | 'common-ancestor'
  | 'similarity'
  | 'containment';

export interface MatchOptions {
  /** Least combined similarity for a match by similarity (default 0.4). */
  threshold?: number;
  /** Least share of a point's words found in another point for a merge/split by containment (default 0.7). */
  containment?: number;
  /**
   * Follow lineage through intermediate versions whose points carry no `from:` links, by matching each such
   * version to the versions it is based on (default true).
   */
  lineage?: boolean;
}

export const DEFAULT_THRESHOLD = 0.4;
export const DEFAULT_CONTAINMENT = 0.7;
/** Shorter texts are not matched by containment: a couple of words is found in many points by chance. */
export const MIN_CONTAINED_WORDS = 3;

export interface PointSnapshot {
  document: string;
  version: string;
  number: number;
  /** 0-based position in its version. */
  position: number;
  title: string;
  text: string;
  settles: Record<string, string | number>;
  touches: string[];
  status: Record<string, PointStatus>;
}

export interface PointLink {
  /** Point number in the earlier ("before") version. */
  before: number;
  /** Point number in the later ("after") version. */
  after: number;
  /** 1 for links written in the scenario; otherwise the similarity (or a product along a chain). */
  confidence: number;
  basis: MatchBasis;
}

export interface PointChange {
  kind: PointChangeKind;
  /** Points of the "before" version in this change, in their order there. */
  before: PointSnapshot[];
  /** Points of the "after" version in this change, in their order there. */
  after: PointSnapshot[];
  /**
   * For matched points, the weakest link's confidence. For added/removed points, 1 minus the similarity of the
   * closest point on the other side (how sure we are that the point has no counterpart).
   */
  confidence: number;
  links: PointLink[];
  titleChanged: boolean;
  textChanged: boolean;
  /** What the points settle (issue → option) differs between the two sides. */
  settlementChanged: boolean;
  /** One point on each side, and its number changed. */
  renumbered: boolean;
  /** One point on each side, and it belongs to no longest run of points kept in the same relative order. */
  outOfOrder: boolean;
  /** For added and removed points: the most similar point on the other side, below the threshold. */
  nearest?: { number: number; score: number };
}

export interface VersionSummary {
  ref: string;
  document: string;
  version: string;
  label: string;
  date: string;
  proposedBy: string[];
  pointCount: number;
}

export interface PointMatching {
  before: VersionSummary;
  after: VersionSummary;
  relation: VersionRelation;
  /** Versions both descend from, when the relation is 'related'. */
  commonAncestors: string[];
  changes: PointChange[];
  counts: Record<PointChangeKind, number>;
  threshold: number;
  notes: string[];
}

interface Path {
  confidence: number;
  explicit: boolean;
  hops: number;
  basis: MatchBasis;
}

interface Link {
  a: IndexedPoint;
  b: IndexedPoint;
  confidence: number;
  basis: MatchBasis;
}

interface Side {
  index: DocumentIndex;
  version: IndexedVersion;
}

const better = (p: Path, q: Path | undefined): boolean =>
  q === undefined ||
  p.confidence > q.confidence ||
  (p.confidence === q.confidence &&
    (p.explicit && !q.explicit ? true : p.explicit === q.explicit && p.hops < q.hops));

/**
 * Shared state of one matching computation: document indexes, point features, point ancestry and the
 * links between each version and the versions it is based on.
 */
export class MatchContext {
  readonly threshold: number;
  readonly containment: number;
  readonly lineage: boolean;
  private readonly featureCache = new Map<string, PointFeatures>();
  private readonly ancestryCache = new Map<string, Map<string, Path>>();
  private readonly edgeCache = new Map<string, Link[]>();

  constructor(
    readonly indexes: DocumentIndexCache,
    options: MatchOptions = {},
  ) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.containment = options.containment ?? DEFAULT_CONTAINMENT;
    this.lineage = options.lineage ?? true;
  }

  features(p: IndexedPoint): PointFeatures {
    const key = `${p.document}:${p.key}`;
    let f = this.featureCache.get(key);
    if (!f) {
      f = pointFeatures(p.point);
      this.featureCache.set(key, f);
    }
    return f;
  }

  /** Earlier points a point descends from, each with the best path's confidence. */
  ancestors(index: DocumentIndex, p: IndexedPoint, implicit: boolean): Map<string, Path> {
    const cacheKey = `${implicit ? 'i' : 'e'}:${p.document}:${p.key}`;
    const cached = this.ancestryCache.get(cacheKey);
    if (cached) return cached;
    const result = new Map<string, Path>();
    const offer = (key: string, path: Path) => {
      if (better(path, result.get(key))) result.set(key, path);
    };
    for (const parent of this.parents(index, p, implicit)) {
      const explicit = parent.basis === 'explicit';
      offer(parent.point.key, { confidence: parent.confidence, explicit, hops: 1, basis: parent.basis });
      for (const [key, path] of this.ancestors(index, parent.point, implicit)) {
        offer(key, {
          confidence: parent.confidence * path.confidence,
          explicit: explicit && path.explicit,
          hops: path.hops + 1,
          basis: 'lineage',
        });
      }
    }
    this.ancestryCache.set(cacheKey, result);
    return result;
  }

  /**
   * A point's parents: its `from:` links when it has any; otherwise, if `implicit`, the points it matches in
   * the versions its version is based on (links found with explicit links and similarity only).
   */
  private parents(
    index: DocumentIndex,
    p: IndexedPoint,
    implicit: boolean,
  ): Array<{ point: IndexedPoint; confidence: number; basis: MatchBasis }> {
    const explicit = index.pointParents.get(p.key);
    if (explicit)
      return explicit.map((key) => ({ point: index.points.get(key)!, confidence: 1, basis: 'explicit' }));
    if (!implicit) return [];
    const version = index.versions.get(p.version)!;
    return version.version.basedOn.flatMap((parent) =>
      this.edgeLinks(index, index.versions.get(parent)!, version)
        .filter((l) => l.b.key === p.key)
        .map((l) => ({ point: l.a, confidence: l.confidence, basis: l.basis })),
    );
  }

  private edgeLinks(index: DocumentIndex, parent: IndexedVersion, child: IndexedVersion): Link[] {
    const key = `${index.document.id}:${parent.version.id}>${child.version.id}`;
    let links = this.edgeCache.get(key);
    if (!links) {
      links = linkPoints(this, { index, version: parent }, { index, version: child }, false);
      this.edgeCache.set(key, links);
    }
    return links;
  }
}

const sameSettles = (a: IndexedPoint, b: IndexedPoint): boolean => {
  const x = Object.entries(a.point.settles ?? {});
  const y = b.point.settles ?? {};
  return (
    x.length === Object.keys(y).length &&
    x.every(([issue, option]) => issue in y && String(y[issue]) === String(option))
  );
};

const sameTouches = (a: IndexedPoint, b: IndexedPoint): boolean => {
  const x = new Set(a.point.touches ?? []);
  const y = new Set(b.point.touches ?? []);
  return x.size === y.size && [...x].every((t) => y.has(t));
};

const sameWording = (a: IndexedPoint, b: IndexedPoint): boolean =>
  normaliseSpace(a.point.title) === normaliseSpace(b.point.title) &&
  normaliseSpace(a.point.text) === normaliseSpace(b.point.text);

/** Same title, text (up to white space), settlements and touched issues. */
export const sameContent = (a: IndexedPoint, b: IndexedPoint): boolean =>
  sameWording(a, b) && sameSettles(a, b) && sameTouches(a, b);

/**
 * The links between the points of two versions, in three stages:
 * 1. lineage: a point descends from the other (through `from:` links, and with `implicit`, through matches of
 *    intermediate versions to the versions they are based on); for points still unlinked, descent from a
 *    shared earlier point;
 * 2. similarity: the remaining pairs scoring at least the threshold, taken greedily best-first
 *    (ties: the pair nearest the start of both versions), each point at most once;
 * 3. containment: a still unmatched point whose words are mostly found in a point matched in stage 1 or 2
 *    (and not kept word for word) joins that point's match, making a merge or split.
 * Every stage is symmetric, so linking (b, a) gives the mirror image of linking (a, b).
 */
export function linkPoints(ctx: MatchContext, A: Side, B: Side, implicit: boolean): Link[] {
  const links: Link[] = [];
  const pa = A.version.points;
  const pb = B.version.points;
  if (A.index === B.index && A.version === B.version) {
    return pa.map((p) => ({ a: p, b: p, confidence: 1, basis: 'same-version' }));
  }
  const linkedA = new Set<IndexedPoint>();
  const linkedB = new Set<IndexedPoint>();
  const add = (a: IndexedPoint, b: IndexedPoint, confidence: number, basis: MatchBasis) => {
    links.push({ a, b, confidence, basis });
    linkedA.add(a);
    linkedB.add(b);
  };

  if (A.index === B.index) {
    const index = A.index;
    const pathBasis = (path: Path): MatchBasis => (path.hops === 1 ? path.basis : 'lineage');
    for (const b of pb) {
      const above = ctx.ancestors(index, b, implicit);
      for (const a of pa) {
        const path = above.get(a.key);
        if (path) add(a, b, path.confidence, pathBasis(path));
      }
    }
    for (const a of pa) {
      const above = ctx.ancestors(index, a, implicit);
      for (const b of pb) {
        const path = above.get(b.key);
        if (path) add(a, b, path.confidence, pathBasis(path));
      }
    }
    const freeA = pa.filter((a) => !linkedA.has(a));
    const freeB = pb.filter((b) => !linkedB.has(b));
    for (const a of freeA) {
      const aboveA = ctx.ancestors(index, a, implicit);
      if (aboveA.size === 0) continue;
      for (const b of freeB) {
        const aboveB = ctx.ancestors(index, b, implicit);
        let best = 0;
        for (const [key, pathA] of aboveA) {
          const pathB = aboveB.get(key);
          if (pathB) best = Math.max(best, pathA.confidence * pathB.confidence);
        }
        if (best > 0) add(a, b, best, 'common-ancestor');
      }
    }
  }

  const candidates: Array<{ a: IndexedPoint; b: IndexedPoint; score: number }> = [];
  for (const a of pa) {
    if (linkedA.has(a)) continue;
    for (const b of pb) {
      if (linkedB.has(b)) continue;
      const score = pointSimilarity(ctx.features(a), ctx.features(b)).score;
      if (score >= ctx.threshold) candidates.push({ a, b, score });
    }
  }
  candidates.sort((x, y) => {
    if (x.score !== y.score) return y.score - x.score;
    const lowX = Math.min(x.a.position, x.b.position);
    const lowY = Math.min(y.a.position, y.b.position);
    if (lowX !== lowY) return lowX - lowY;
    const highX = Math.max(x.a.position, x.b.position);
    const highY = Math.max(y.a.position, y.b.position);
    return highX !== highY ? highX - highY : x.a.position - y.a.position;
  });
  for (const c of candidates) {
    if (!linkedA.has(c.a) && !linkedB.has(c.b)) add(c.a, c.b, c.score, 'similarity');
  }

  const partnersOfA = new Map<IndexedPoint, IndexedPoint[]>();
  const partnersOfB = new Map<IndexedPoint, IndexedPoint[]>();
  for (const l of links) {
    partnersOfA.set(l.a, [...(partnersOfA.get(l.a) ?? []), l.b]);
    partnersOfB.set(l.b, [...(partnersOfB.get(l.b) ?? []), l.a]);
  }
  const unchangedMatch = (p: IndexedPoint, partners: Map<IndexedPoint, IndexedPoint[]>) => {
    const list = partners.get(p) ?? [];
    return list.length === 1 && sameWording(p, list[0]);
  };
  const absorbed: Link[] = [];
  const absorb = (
    free: IndexedPoint[],
    targets: IndexedPoint[],
    targetPartners: Map<IndexedPoint, IndexedPoint[]>,
    make: (p: IndexedPoint, t: IndexedPoint, confidence: number) => Link,
  ) => {
    for (const p of free) {
      const fp = ctx.features(p);
      if (fp.body.size < MIN_CONTAINED_WORDS) continue;
      let best: { target: IndexedPoint; share: number } | undefined;
      for (const t of targets) {
        if (!targetPartners.has(t) || unchangedMatch(t, targetPartners)) continue;
        const share = containment(fp.body, ctx.features(t).body);
        if (share >= ctx.containment && (best === undefined || share > best.share))
          best = { target: t, share };
      }
      if (!best) continue;
      const ft = ctx.features(best.target);
      const confidence =
        fp.issues.size > 0 && ft.issues.size > 0
          ? 0.7 * best.share + 0.3 * jaccard(fp.issues, ft.issues)
          : best.share;
      if (confidence >= ctx.threshold) absorbed.push(make(p, best.target, confidence));
    }
  };
  absorb(
    pa.filter((a) => !linkedA.has(a)),
    pb,
    partnersOfB,
    (a, b, confidence) => ({ a, b, confidence, basis: 'containment' }),
  );
  absorb(
    pb.filter((b) => !linkedB.has(b)),
    pa,
    partnersOfA,
    (b, a, confidence) => ({ a, b, confidence, basis: 'containment' }),
  );
  return [...links, ...absorbed];
}

export function snapshot(p: IndexedPoint): PointSnapshot {
  return {
    document: p.document,
    version: p.version,
    number: p.number,
    position: p.position,
    title: p.point.title,
    text: p.point.text,
    settles: { ...(p.point.settles ?? {}) },
    touches: [...(p.point.touches ?? [])],
    status: { ...(p.point.status ?? {}) },
  };
}

export function summariseVersion(side: Side): VersionSummary {
  const v = side.version.version;
  return {
    ref: formatVersionRef({ document: side.index.document.id, version: v.id }),
    document: side.index.document.id,
    version: v.id,
    label: v.label,
    date: v.date,
    proposedBy: [...v.proposedBy],
    pointCount: side.version.points.length,
  };
}

/** Groups links into changes (connected components) and classifies each; see docs/analysis/versions.md. */
export function classifyLinks(ctx: MatchContext, A: Side, B: Side, links: Link[]): PointChange[] {
  const parent = new Map<string, string>();
  const keyA = (p: IndexedPoint) => `a:${p.key}`;
  const keyB = (p: IndexedPoint) => `b:${p.key}`;
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const p of A.version.points) parent.set(keyA(p), keyA(p));
  for (const p of B.version.points) parent.set(keyB(p), keyB(p));
  for (const l of links) {
    const [x, y] = [find(keyA(l.a)), find(keyB(l.b))];
    if (x !== y) parent.set(x, y);
  }
  const groups = new Map<string, { a: IndexedPoint[]; b: IndexedPoint[]; links: Link[] }>();
  const group = (key: string) => {
    const root = find(key);
    let g = groups.get(root);
    if (!g) {
      g = { a: [], b: [], links: [] };
      groups.set(root, g);
    }
    return g;
  };
  for (const p of A.version.points) group(keyA(p)).a.push(p);
  for (const p of B.version.points) group(keyB(p)).b.push(p);
  for (const l of links) group(keyA(l.a)).links.push(l);

  const list = [...groups.values()];
  const oneToOne = list.filter((g) => g.a.length === 1 && g.b.length === 1);
  const inOrder = pointsInSomeLongestRun(oneToOne.map((g) => [g.a[0].position, g.b[0].position]));

  const nearest = (p: IndexedPoint, others: IndexedPoint[]) => {
    let best: { number: number; score: number } | undefined;
    for (const o of others) {
      const score = pointSimilarity(ctx.features(p), ctx.features(o)).score;
      if (best === undefined || score > best.score) best = { number: o.number, score };
    }
    return best;
  };

  const changes = list.map((g): PointChange => {
    const before = g.a.map(snapshot);
    const after = g.b.map(snapshot);
    const settlesOf = (ps: IndexedPoint[]) =>
      JSON.stringify(
        ps.flatMap((p) => Object.entries(p.point.settles ?? {}).map(([i, o]) => `${i}=${String(o)}`)).sort(),
      );
    const joined = (ps: IndexedPoint[], field: 'title' | 'text') =>
      normaliseSpace(ps.map((p) => p.point[field]).join(' '));
    const base = {
      before,
      after,
      links: g.links.map((l) => ({
        before: l.a.number,
        after: l.b.number,
        confidence: l.confidence,
        basis: l.basis,
      })),
      titleChanged: joined(g.a, 'title') !== joined(g.b, 'title'),
      textChanged: joined(g.a, 'text') !== joined(g.b, 'text'),
      settlementChanged: settlesOf(g.a) !== settlesOf(g.b),
      renumbered: false,
      outOfOrder: false,
    };
    if (g.b.length === 0) {
      const near = nearest(g.a[0], B.version.points);
      return {
        ...base,
        kind: 'removed',
        confidence: 1 - (near?.score ?? 0),
        ...(near ? { nearest: near } : {}),
      };
    }
    if (g.a.length === 0) {
      const near = nearest(g.b[0], A.version.points);
      return {
        ...base,
        kind: 'added',
        confidence: 1 - (near?.score ?? 0),
        ...(near ? { nearest: near } : {}),
      };
    }
    const confidence = Math.min(...g.links.map((l) => l.confidence));
    if (g.a.length === 1 && g.b.length === 1) {
      const [a, b] = [g.a[0], g.b[0]];
      const outOfOrder = !inOrder.has(`${a.position},${b.position}`);
      const renumbered = a.number !== b.number;
      const kind: PointChangeKind = sameContent(a, b)
        ? outOfOrder
          ? 'moved'
          : renumbered
            ? 'renumbered'
            : 'kept'
        : sameWording(a, b)
          ? 'resettled'
          : 'reworded';
      return { ...base, kind, confidence, renumbered, outOfOrder };
    }
    const kind: PointChangeKind = g.b.length === 1 ? 'merged' : g.a.length === 1 ? 'split' : 'regrouped';
    return { ...base, kind, confidence };
  });
  return orderChanges(changes);
}

/**
 * The pairs (i, j) that lie on at least one longest chain increasing in both i and j. A pair on no longest chain
 * is out of order: keeping it in place would break a longer run of points that kept their relative order.
 * The definition does not depend on which side is listed first.
 */
export function pointsInSomeLongestRun(pairs: Array<[number, number]>): Set<string> {
  const n = pairs.length;
  const endLen = new Array<number>(n).fill(1);
  const startLen = new Array<number>(n).fill(1);
  const order = pairs.map((_, k) => k).sort((p, q) => pairs[p][0] - pairs[q][0]);
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < x; y++) {
      const [p, q] = [order[x], order[y]];
      if (pairs[q][0] < pairs[p][0] && pairs[q][1] < pairs[p][1])
        endLen[p] = Math.max(endLen[p], endLen[q] + 1);
    }
  }
  for (let x = n - 1; x >= 0; x--) {
    for (let y = n - 1; y > x; y--) {
      const [p, q] = [order[x], order[y]];
      if (pairs[q][0] > pairs[p][0] && pairs[q][1] > pairs[p][1])
        startLen[p] = Math.max(startLen[p], startLen[q] + 1);
    }
  }
  const longest = Math.max(0, ...endLen);
  const result = new Set<string>();
  pairs.forEach(([i, j], k) => {
    if (endLen[k] + startLen[k] - 1 === longest) result.add(`${i},${j}`);
  });
  return result;
}

/**
 * Reading order: changes with points in the later version follow that version; a removed point comes right after
 * the change holding the nearest earlier point of its own version.
 */
function orderChanges(changes: PointChange[]): PointChange[] {
  const withAfter = changes
    .filter((c) => c.after.length > 0)
    .sort((x, y) => x.after[0].position - y.after[0].position);
  const removed = changes
    .filter((c) => c.after.length === 0)
    .sort((x, y) => x.before[0].position - y.before[0].position);
  const anchorOf = (position: number): number => {
    let anchor = -1;
    let anchorPosition = -1;
    withAfter.forEach((c, k) => {
      for (const p of c.before) {
        if (p.position < position && p.position > anchorPosition) {
          anchor = k;
          anchorPosition = p.position;
        }
      }
    });
    return anchor;
  };
  const slots: PointChange[][] = [[], ...withAfter.map((c) => [c])];
  for (const r of removed) slots[anchorOf(r.before[0].position) + 1].push(r);
  return slots.flat();
}

export function countKinds(changes: readonly PointChange[]): Record<PointChangeKind, number> {
  const counts = Object.fromEntries(POINT_CHANGE_KINDS.map((k) => [k, 0])) as Record<PointChangeKind, number>;
  for (const c of changes) counts[c.kind]++;
  return counts;
}

/**
 * Matches and classifies the points of version `a` (before) against version `b` (after). Versions of one document
 * are matched through lineage first; versions of different documents by similarity alone.
 */
export function matchPoints(
  scenario: Scenario,
  a: VersionRef | string,
  b: VersionRef | string,
  options: MatchOptions = {},
): PointMatching {
  return matchWithContext(new MatchContext(new DocumentIndexCache(scenario), options), a, b);
}

export function matchWithContext(
  ctx: MatchContext,
  a: VersionRef | string,
  b: VersionRef | string,
): PointMatching {
  const A = ctx.indexes.version(a);
  const B = ctx.indexes.version(b);
  const sameDocument = A.index === B.index;
  const relation: VersionRelation = sameDocument
    ? versionRelation(A.index, A.version.version.id, B.version.version.id)
    : 'different-documents';
  const commonAncestors =
    relation === 'related'
      ? [...versionAncestors(A.index, A.version.version.id)].filter((v) =>
          versionAncestors(B.index, B.version.version.id).has(v),
        )
      : [];
  const links = linkPoints(ctx, A, B, ctx.lineage);
  const changes = classifyLinks(ctx, A, B, links);
  const before = summariseVersion(A);
  const after = summariseVersion(B);
  const notes: string[] = [];
  if (relation === 'descendant')
    notes.push(`the diff runs backwards in time: ${after.ref} is an ancestor of ${before.ref}`);
  if (relation === 'related') {
    notes.push(
      `${before.ref} is not an ancestor of ${after.ref}: both descend from ${commonAncestors.join(', ')}; points are matched through their shared ancestry, then by similarity`,
    );
  }
  if (relation === 'unrelated')
    notes.push(`${before.ref} and ${after.ref} share no ancestor; points are matched by similarity only`);
  if (relation === 'different-documents')
    notes.push(
      `${before.ref} and ${after.ref} belong to different documents; points are matched by similarity only`,
    );
  return {
    before,
    after,
    relation,
    commonAncestors,
    changes,
    counts: countKinds(changes),
    threshold: ctx.threshold,
    notes,
  };
}
