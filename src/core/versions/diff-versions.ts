import type { CompiledScenario } from '../model/compile.js';
import { type Resolution, resolveVersions } from '../model/resolve.js';
import { DocumentIndexCache, formatVersionRef, parseRef, type VersionRef } from './document-index.js';
import {
  type ConflictChanges,
  compareConflicts,
  compareImpact,
  type FrontierProbe,
  type Impact,
  type IssueChange,
  issueChanges,
  type PointChangeRef,
  type PointRef,
  type UnresolvedIssue,
  unresolvedIssues,
} from './impact.js';
import type { VersionRelation } from './lineage.js';
import {
  MatchContext,
  type MatchOptions,
  matchWithContext,
  type PointChange,
  type PointChangeKind,
  type VersionSummary,
} from './match-points.js';
import type { AttributionOptions } from './shapley.js';
import type { WordDiff, WordDiffPart } from './word-diff.js';

export interface DiffOptions extends MatchOptions {
  /** Word-level diff for changed texts; without it, changed texts are reported whole (before and after). */
  wordDiff?: WordDiff;
  attribution?: AttributionOptions;
  frontier?: FrontierProbe;
  /**
   * Other document versions ("doc:ver") evaluated alongside on both sides, so that the impact is that of the
   * package as a whole (e.g. the annexes that stay the same while the plan changes).
   */
  context?: Array<VersionRef | string>;
}

export interface PointDiff extends PointChange {
  /**
   * Word diff of the texts when they differ and a WordDiff was given; several points' texts are joined by a
   * line break, their titles by " / ".
   */
  textDiff?: WordDiffPart[];
  titleDiff?: WordDiffPart[];
}

export const VERSION_DIFF_FORMAT = 'parley.version-diff';
export const PACKAGE_DIFF_FORMAT = 'parley.package-diff';
export const DIFF_FORMAT_VERSION = 1;

/** The result of diffVersions: plain JSON data (see docs/analysis/versions.md for every field). */
export interface VersionDiff {
  format: typeof VERSION_DIFF_FORMAT;
  formatVersion: typeof DIFF_FORMAT_VERSION;
  document: string;
  before: VersionSummary;
  after: VersionSummary;
  relation: VersionRelation;
  commonAncestors: string[];
  /** Versions evaluated alongside on both sides. */
  context: string[];
  points: PointDiff[];
  counts: Record<PointChangeKind, number>;
  issues: IssueChange[];
  unresolved: UnresolvedIssue[];
  conflicts: ConflictChanges;
  impact: Impact;
  notes: string[];
}

export function addTextDiffs(changes: PointChange[], wordDiff: WordDiff | undefined): PointDiff[] {
  return changes.map((change): PointDiff => {
    if (!wordDiff || change.before.length === 0 || change.after.length === 0) return change;
    const texts = (side: PointChange['before']) => side.map((p) => p.text).join('\n');
    const titles = (side: PointChange['before']) => side.map((p) => p.title).join(' / ');
    const result: PointDiff = { ...change };
    if (change.textChanged) result.textDiff = wordDiff(texts(change.before), texts(change.after));
    if (change.titleChanged) result.titleDiff = wordDiff(titles(change.before), titles(change.after));
    return result;
  });
}

/** Finds, for a point of either side, the change it belongs to. */
export function pointChangeLocator(
  perDocument: Array<{ document: string; changes: PointChange[] }>,
): (ref: PointRef) => PointChangeRef | undefined {
  const where = new Map<string, PointChangeRef>();
  perDocument.forEach(({ document, changes }, entry) => {
    changes.forEach((c, index) => {
      for (const p of [...c.before, ...c.after]) {
        const key = `${p.document}:${p.version}#${p.number}`;
        if (!where.has(key)) where.set(key, { document, entry, index });
      }
    });
  });
  return (ref) => where.get(`${ref.document}:${ref.version}#${ref.number}`);
}

export function resolveChecked(
  compiled: CompiledScenario,
  indexes: DocumentIndexCache,
  refs: VersionRef[],
): Resolution {
  for (const ref of refs) indexes.version(ref);
  return resolveVersions(compiled.scenario, compiled.space, refs);
}

/**
 * Diffs version `a` (before) against version `b` (after): point changes, issue-level changes, and the impact on
 * every party of the text as a whole, with each issue change's Shapley share of the utility change.
 */
export function diffVersions(
  compiled: CompiledScenario,
  a: VersionRef | string,
  b: VersionRef | string,
  options: DiffOptions = {},
): VersionDiff {
  const indexes = new DocumentIndexCache(compiled.scenario);
  const ctx = new MatchContext(indexes, options);
  const refA = parseRef(a);
  const refB = parseRef(b);
  const context = (options.context ?? []).map(parseRef);
  const matching = matchWithContext(ctx, refA, refB);
  const points = addTextDiffs(matching.changes, options.wordDiff);
  const before = resolveChecked(compiled, indexes, [refA, ...context]);
  const after = resolveChecked(compiled, indexes, [refB, ...context]);
  const locate = pointChangeLocator([{ document: refA.document, changes: points }]);
  const issues = issueChanges(compiled, before, after, locate);
  const impact = compareImpact(compiled, before, after, issues, options);
  const notes = [...matching.notes];
  for (const p of impact.parties) {
    if (!p.before.exact || !p.after.exact) {
      notes.push(
        `${p.name}: a utility range is an enclosing bound, not exact (too many interacting open issues)`,
      );
    }
  }
  return {
    format: VERSION_DIFF_FORMAT,
    formatVersion: DIFF_FORMAT_VERSION,
    document: refA.document,
    before: matching.before,
    after: matching.after,
    relation: matching.relation,
    commonAncestors: matching.commonAncestors,
    context: context.map(formatVersionRef),
    points,
    counts: matching.counts,
    issues,
    unresolved: unresolvedIssues(compiled, before, after, indexes),
    conflicts: compareConflicts(compiled, before, after),
    impact,
    notes,
  };
}
