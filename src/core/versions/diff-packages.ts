import type { CompiledScenario } from '../model/compile.js';
import {
  addTextDiffs,
  DIFF_FORMAT_VERSION,
  type DiffOptions,
  PACKAGE_DIFF_FORMAT,
  type PointDiff,
  pointChangeLocator,
  resolveChecked,
} from './diff-versions.js';
import { DocumentIndexCache, type VersionRef } from './document-index.js';
import {
  type ConflictChanges,
  compareConflicts,
  compareImpact,
  type Impact,
  type IssueChange,
  issueChanges,
  type UnresolvedIssue,
  unresolvedIssues,
} from './impact.js';
import type { VersionRelation } from './lineage.js';
import {
  countKinds,
  MatchContext,
  matchWithContext,
  type PointChange,
  type PointChangeKind,
  snapshot,
  summariseVersion,
  type VersionSummary,
} from './match-points.js';
import { type PackageSpec, type PackageSummary, packageOf } from './package-spec.js';

export type { PackageSpec, PackageSummary };

export interface DocumentDiff {
  document: string;
  title: string;
  /** paired: a version on each side; added / removed: the document is only in the later / earlier package. */
  status: 'paired' | 'added' | 'removed';
  before?: VersionSummary;
  after?: VersionSummary;
  relation?: VersionRelation;
  points: PointDiff[];
  counts: Record<PointChangeKind, number>;
  notes: string[];
}

export interface PackageDiff {
  format: typeof PACKAGE_DIFF_FORMAT;
  formatVersion: typeof DIFF_FORMAT_VERSION;
  before: PackageSummary;
  after: PackageSummary;
  documents: DocumentDiff[];
  /** Cross-document conflicts (two points settling one issue differently) that appear, go or change. */
  conflicts: ConflictChanges;
  issues: IssueChange[];
  unresolved: UnresolvedIssue[];
  impact: Impact;
  notes: string[];
}

const onlyOneSide = (
  indexes: DocumentIndexCache,
  ref: VersionRef,
  status: 'added' | 'removed',
): DocumentDiff => {
  const side = indexes.version(ref);
  const changes = side.version.points.map(
    (p): PointChange => ({
      kind: status,
      before: status === 'removed' ? [snapshot(p)] : [],
      after: status === 'added' ? [snapshot(p)] : [],
      confidence: 1,
      links: [],
      titleChanged: true,
      textChanged: true,
      settlementChanged: Object.keys(p.point.settles ?? {}).length > 0,
      renumbered: false,
      outOfOrder: false,
    }),
  );
  const summary = summariseVersion(side);
  return {
    document: ref.document,
    title: side.index.document.title,
    status,
    ...(status === 'removed' ? { before: summary } : { after: summary }),
    points: changes,
    counts: countKinds(changes),
    notes: [`${summary.ref} is only in the ${status === 'added' ? 'later' : 'earlier'} package`],
  };
};

/**
 * Diffs two packages: pairs their versions by document (a document on one side only is added or removed),
 * diffs each pair's points, and compares the packages as wholes: issue changes, cross-document conflicts,
 * and per-party impact with Shapley attribution over every issue change.
 */
export function diffPackages(
  compiled: CompiledScenario,
  a: PackageSpec,
  b: PackageSpec,
  options: DiffOptions = {},
): PackageDiff {
  const indexes = new DocumentIndexCache(compiled.scenario);
  const ctx = new MatchContext(indexes, options);
  const packA = packageOf(compiled.scenario, a);
  const packB = packageOf(compiled.scenario, b);
  const notes: string[] = [];

  const documents: DocumentDiff[] = [];
  const order: string[] = [];
  for (const ref of [...packA.refs, ...packB.refs])
    if (!order.includes(ref.document)) order.push(ref.document);
  for (const document of order) {
    const left = packA.refs.filter((r) => r.document === document);
    const right = packB.refs.filter((r) => r.document === document);
    if (left.length > 1 || right.length > 1) {
      notes.push(
        `'${document}' appears more than once in a package; its versions are paired in the order listed`,
      );
    }
    for (let k = 0; k < Math.max(left.length, right.length); k++) {
      if (k >= right.length) {
        documents.push(onlyOneSide(indexes, left[k], 'removed'));
        continue;
      }
      if (k >= left.length) {
        documents.push(onlyOneSide(indexes, right[k], 'added'));
        continue;
      }
      const matching = matchWithContext(ctx, left[k], right[k]);
      documents.push({
        document,
        title: indexes.document(document).document.title,
        status: 'paired',
        before: matching.before,
        after: matching.after,
        relation: matching.relation,
        points: addTextDiffs(matching.changes, options.wordDiff),
        counts: matching.counts,
        notes: matching.notes,
      });
    }
  }

  const before = resolveChecked(compiled, indexes, packA.refs);
  const after = resolveChecked(compiled, indexes, packB.refs);
  const locate = pointChangeLocator(documents.map((d) => ({ document: d.document, changes: d.points })));
  const issues = issueChanges(compiled, before, after, locate);
  const impact = compareImpact(compiled, before, after, issues, options);
  for (const p of impact.parties) {
    if (!p.before.exact || !p.after.exact) {
      notes.push(
        `${p.name}: a utility range is an enclosing bound, not exact (too many interacting open issues)`,
      );
    }
  }
  return {
    format: PACKAGE_DIFF_FORMAT,
    formatVersion: DIFF_FORMAT_VERSION,
    before: packA.summary,
    after: packB.summary,
    documents,
    conflicts: compareConflicts(compiled, before, after),
    issues,
    unresolved: unresolvedIssues(compiled, before, after, indexes),
    impact,
    notes,
  };
}
