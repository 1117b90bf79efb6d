import type { DocumentDiff, PackageDiff } from './diff-packages.js';
import type { PointDiff, VersionDiff } from './diff-versions.js';
import type {
  ConflictChanges,
  ConflictSummary,
  Impact,
  IssueChange,
  IssueState,
  PointRef,
  UnresolvedIssue,
} from './impact.js';
import type { VersionRelation } from './lineage.js';
import type { PointChangeKind, PointSnapshot, VersionSummary } from './match-points.js';
import type { WordDiffPart } from './word-diff.js';

export interface FormatOptions {
  /** Longest quoted text before it is cut with "…" (the cut is marked, never silent). Default 160. */
  maxQuote?: number;
}

const num = (x: number) => (Math.abs(x) < 0.05 ? '0.0' : x.toFixed(1));
const signed = (x: number) =>
  Math.abs(x) < 0.05 ? '±0.0' : x > 0 ? `+${x.toFixed(1)}` : `−${(-x).toFixed(1)}`;

/** Word diff in the git --word-diff style: [-removed-]{+added+}. */
export function formatWordDiff(parts: WordDiffPart[]): string {
  return parts
    .map((p) => (p.kind === 'same' ? p.text : p.kind === 'added' ? `{+${p.text}+}` : `[-${p.text}-]`))
    .join('');
}

function quote(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? `"${flat}"` : `"${flat.slice(0, max - 1)}…"`;
}

function describeVersion(v: VersionSummary): string {
  const by = v.proposedBy.length > 0 ? `, proposed by ${v.proposedBy.join(', ')}` : '';
  return `${v.ref} "${v.label}" (${v.date}${by})`;
}

function relationSentence(relation: VersionRelation, before: VersionSummary, after: VersionSummary): string {
  switch (relation) {
    case 'same':
      return 'Both sides are the same version.';
    case 'ancestor':
      return `${before.version} is an ancestor of ${after.version}.`;
    case 'descendant':
      return `${after.version} is an ancestor of ${before.version}: this diff runs backwards in time.`;
    case 'related':
      return `${before.version} is not an ancestor of ${after.version}: they are diverging lines from a common ancestor.`;
    case 'unrelated':
      return `${before.version} and ${after.version} share no ancestor.`;
    case 'different-documents':
      return 'The two versions belong to different documents.';
  }
}

const pointLabel = (p: PointSnapshot) => `#${p.number}`;
const numbers = (ps: PointSnapshot[]) => ps.map(pointLabel).join('+');
/** What the points settle, as "issue = option, ..." ("nothing" when they settle nothing). */
export const settlesText = (ps: PointSnapshot[]) =>
  ps.flatMap((p) => Object.entries(p.settles).map(([i, o]) => `${i} = ${o}`)).join(', ') || 'nothing';

/** How each kind of point change is named in text and reports. */
export const KIND_WORDS: Record<PointChangeKind, string> = {
  kept: 'kept',
  renumbered: 'renumbered',
  moved: 'moved',
  reworded: 'reworded',
  resettled: 'resettled',
  merged: 'merged',
  split: 'split',
  regrouped: 'regrouped',
  added: 'added',
  removed: 'dropped',
};

function countsLine(points: PointDiff[], before: number, after: number): string {
  const counts = new Map<PointChangeKind, number>();
  for (const p of points) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${KIND_WORDS[kind]}`);
  return `Points: ${before} before, ${after} after — ${parts.join(', ') || 'none'}.`;
}

/** How each basis for matching points across versions is named in text and reports. */
export const BASIS_WORDS: Record<string, string> = {
  'same-version': 'same version',
  explicit: 'from: link',
  lineage: 'lineage',
  'common-ancestor': 'common ancestor',
  similarity: 'similarity',
  containment: 'containment',
};

function matchedBy(p: PointDiff): string {
  const bases = [...new Set(p.links.map((l) => l.basis))];
  return `matched by ${bases.map((b) => BASIS_WORDS[b]).join(' + ')}, confidence ${p.confidence.toFixed(2)}`;
}

function formatPoints(points: PointDiff[], lines: string[], max: number): void {
  // In the order of the earlier version: the change list interleaves dropped points with their neighbours.
  const dropped = points
    .filter((p) => p.kind === 'removed')
    .sort((x, y) => x.before[0].position - y.before[0].position);
  const added = points.filter((p) => p.kind === 'added');
  const changed = points.filter((p) =>
    ['reworded', 'resettled', 'merged', 'split', 'regrouped'].includes(p.kind),
  );
  const shifted = points.filter((p) => p.kind === 'renumbered' || p.kind === 'moved');
  const kept = points.filter((p) => p.kind === 'kept');

  if (dropped.length > 0) {
    lines.push('', 'Dropped');
    for (const p of dropped) {
      const [a] = p.before;
      const near =
        p.nearest && p.nearest.score > 0
          ? ` (closest later point #${p.nearest.number}, similarity ${p.nearest.score.toFixed(2)})`
          : '';
      lines.push(`  ${pointLabel(a)} ${a.title}: ${quote(a.text, max)}${near}`);
      if (Object.keys(a.settles).length > 0) lines.push(`    it settled ${settlesText([a])}`);
    }
  }
  if (changed.length > 0) {
    lines.push('', 'Changed');
    for (const p of changed) {
      const title = p.after.map((x) => x.title).join(' / ');
      lines.push(
        `  ${numbers(p.before)} → ${numbers(p.after)} ${title} (${KIND_WORDS[p.kind]}; ${matchedBy(p)})`,
      );
      if (p.titleDiff) lines.push(`    title: ${formatWordDiff(p.titleDiff).replace(/\n/g, ' ')}`);
      else if (p.titleChanged)
        lines.push(`    title: ${p.before.map((x) => x.title).join(' / ')} → ${title}`);
      if (p.textDiff) lines.push(`    text: ${formatWordDiff(p.textDiff).replace(/\n/g, ' ¶ ')}`);
      else if (p.textChanged) {
        lines.push(`    before: ${quote(p.before.map((x) => x.text).join(' ¶ '), max)}`);
        lines.push(`    after:  ${quote(p.after.map((x) => x.text).join(' ¶ '), max)}`);
      }
      if (p.settlementChanged) lines.push(`    settles: ${settlesText(p.before)} → ${settlesText(p.after)}`);
    }
  }
  if (added.length > 0) {
    lines.push('', 'Added');
    for (const p of added) {
      const [b] = p.after;
      lines.push(`  ${pointLabel(b)} ${b.title}: ${quote(b.text, max)}`);
      if (Object.keys(b.settles).length > 0) lines.push(`    it settles ${settlesText([b])}`);
    }
  }
  if (shifted.length > 0) {
    lines.push('', 'Same text, new place');
    for (const p of shifted) {
      lines.push(`  ${numbers(p.before)} → ${numbers(p.after)} ${p.after[0].title} (${KIND_WORDS[p.kind]})`);
    }
  }
  if (kept.length > 0) lines.push('', `Unchanged: ${kept.map((p) => numbers(p.after)).join(', ')}`);
}

function stateText(s: IssueState): string {
  if (s.status === 'open') return 'open';
  if (s.status === 'conflict') return `in conflict (${s.labels.join(' vs ')})`;
  return s.status === 'deferred' ? `${s.labels[0]} (deferred)` : s.labels[0];
}

const refText = (r: PointRef) => `${r.document}:${r.version}#${r.number}`;

function formatIssues(issues: IssueChange[], unresolved: UnresolvedIssue[], lines: string[]): void {
  lines.push('', 'Issues');
  if (issues.length === 0) lines.push('  no issue is settled differently');
  for (const c of issues) {
    const points = [...c.pointsBefore.map(refText), ...c.pointsAfter.map(refText)];
    const by = points.length > 0 ? `; points ${points.join(', ')}` : '';
    lines.push(`  ${c.title}: ${stateText(c.before)} → ${stateText(c.after)} (${c.kind}${by})`);
  }
  if (unresolved.length > 0) {
    lines.push('  Still unresolved:');
    for (const u of unresolved) {
      const touched =
        u.touchedBy.length > 0
          ? `, addressed by ${u.touchedBy.map(refText).join(', ')} without settling it`
          : '';
      const fresh = u.unresolvedBefore ? '' : ', newly unresolved';
      lines.push(`    ${u.title} (${u.status}${touched}${fresh})`);
    }
  }
}

function conflictText(c: ConflictSummary): string {
  return `${c.title}: ${c.settlements.map((s) => `${refText(s)} says ${s.label}`).join(', ')}`;
}

function formatConflicts(conflicts: ConflictChanges, lines: string[]): void {
  const { appeared, resolved, changed, persisting } = conflicts;
  if (appeared.length + resolved.length + changed.length + persisting.length === 0) return;
  lines.push('', 'Conflicts between points');
  for (const c of appeared) lines.push(`  new: ${conflictText(c)}`);
  for (const c of resolved) lines.push(`  resolved: ${conflictText(c)}`);
  for (const c of changed) lines.push(`  changed: ${conflictText(c.before)} → now ${conflictText(c.after)}`);
  for (const c of persisting) lines.push(`  still: ${conflictText(c)}`);
}

function rangeText(s: { min: number; max: number; scalar: number }): string {
  return Math.abs(s.max - s.min) < 0.05
    ? num(s.scalar)
    : `${num(s.min)}–${num(s.max)} (mid ${num(s.scalar)})`;
}

const fromTo = (x: string, y: string) => (x === y ? `${y} (unchanged)` : `${x} → ${y}`);

function formatImpact(impact: Impact, issues: IssueChange[], lines: string[]): void {
  const names = new Map(impact.parties.map((p) => [p.party, p.name]));
  lines.push(
    '',
    'Who gains (utility 0–100 over the outcomes the text leaves open; a range when issues stay open)',
  );
  if (impact.parties.length === 0) lines.push('  no party has preferences in the scenario');
  for (const p of impact.parties) {
    const accept =
      p.before.acceptable === p.after.acceptable
        ? `acceptable: ${p.after.acceptable}`
        : `acceptable: ${p.before.acceptable} → ${p.after.acceptable}`;
    lines.push(
      `  ${p.name}: ${rangeText(p.before)} → ${rangeText(p.after)}, ${signed(p.delta)} (BATNA ${num(p.batna.estimate)}; ${accept})`,
    );
  }
  const a = impact.attribution;
  if (a.changes.length > 0) {
    const how =
      a.method === 'exact'
        ? `exact Shapley values over ${a.players} change${a.players === 1 ? '' : 's'}`
        : `Shapley values estimated from ${a.samples} random orders (seed ${a.seed}; largest standard error ${(a.maxStandardError ?? 0).toFixed(2)})`;
    lines.push('', `Who gains from each change (${how}; shares of the change in the range midpoint)`);
    for (const c of a.changes) {
      const issue = issues[c.change];
      const shares = c.shares
        .map((s) => {
          const error =
            s.standardError !== undefined && s.standardError >= 0.005
              ? ` (±${s.standardError.toFixed(2)})`
              : '';
          return `${names.get(s.party) ?? s.party} ${signed(s.value)}${error}`;
        })
        .join(', ');
      lines.push(`  ${issue.title}: ${stateText(issue.before)} → ${stateText(issue.after)}`, `    ${shares}`);
    }
  }
  const moved = impact.parties.flatMap((p) =>
    p.redLines
      .filter((r) => r.transition !== 'unchanged')
      .map(
        (r) =>
          `  ${p.name} '${r.id}' (${r.description}): ${r.transition.replace('-', ' ')} (${r.before} → ${r.after})`,
      ),
  );
  const standing = impact.parties.flatMap((p) =>
    p.redLines
      .filter((r) => r.transition === 'unchanged' && r.after !== 'respected')
      .map((r) => `  ${p.name} '${r.id}': still ${r.after === 'crossed' ? 'crossed' : 'undetermined'}`),
  );
  if (moved.length + standing.length > 0) lines.push('', 'Red lines', ...moved, ...standing);
  const v = impact.verdict;
  lines.push(
    '',
    `Verdict (acceptable to every signatory): ${fromTo(v.before, v.after)}; under uncertainty ${fromTo(v.beforeUnderUncertainty, v.afterUnderUncertainty)}`,
  );
  for (const r of v.reasonsAfter) lines.push(`  ${r}`);
  if (impact.frontier) {
    const f = impact.frontier;
    const way =
      f.change < 0
        ? 'toward the frontier'
        : f.change > 0
          ? 'away from the frontier'
          : 'no nearer the frontier';
    lines.push('', `Frontier: distance ${num(f.before.distance)} → ${num(f.after.distance)} (${way})`);
    for (const s of f.solutions)
      lines.push(`  ${s.name}: distance ${num(s.before)} → ${num(s.after)} (${signed(s.change)})`);
  }
}

function formatNotes(notes: string[], lines: string[]): void {
  if (notes.length > 0) lines.push('', 'Notes', ...notes.map((n) => `  ${n}`));
}

/** A version diff as a plain-text story: what was dropped, changed, added, left open, and who gains. */
export function formatVersionDiff(diff: VersionDiff, options: FormatOptions = {}): string {
  const max = options.maxQuote ?? 160;
  const lines = [`${describeVersion(diff.before)} → ${describeVersion(diff.after)}`];
  lines.push(relationSentence(diff.relation, diff.before, diff.after));
  if (diff.context.length > 0)
    lines.push(`Evaluated together with ${diff.context.join(', ')} on both sides.`);
  lines.push(countsLine(diff.points, diff.before.pointCount, diff.after.pointCount));
  formatPoints(diff.points, lines, max);
  formatIssues(diff.issues, diff.unresolved, lines);
  formatConflicts(diff.conflicts, lines);
  formatImpact(diff.impact, diff.issues, lines);
  formatNotes(diff.notes, lines);
  return `${lines.join('\n')}\n`;
}

function documentHeading(d: DocumentDiff): string {
  if (d.status === 'added') return `${d.title}: new in this package (${describeVersion(d.after!)})`;
  if (d.status === 'removed')
    return `${d.title}: no longer in the package (was ${describeVersion(d.before!)})`;
  return `${d.title}: ${describeVersion(d.before!)} → ${describeVersion(d.after!)}`;
}

/** A package diff as a plain-text story, document by document, then the package as a whole. */
export function formatPackageDiff(diff: PackageDiff, options: FormatOptions = {}): string {
  const max = options.maxQuote ?? 160;
  const name = (p: PackageDiff['before']) => (p.id ? `${p.label ?? p.id} (${p.id})` : p.versions.join(' + '));
  const lines = [`Package ${name(diff.before)} → ${name(diff.after)}`];
  for (const d of diff.documents) {
    lines.push('', `== ${documentHeading(d)}`);
    if (d.status === 'paired') {
      lines.push(relationSentence(d.relation!, d.before!, d.after!));
      lines.push(countsLine(d.points, d.before!.pointCount, d.after!.pointCount));
      formatPoints(d.points, lines, max);
    }
  }
  lines.push('', '== The package as a whole');
  formatIssues(diff.issues, diff.unresolved, lines);
  formatConflicts(diff.conflicts, lines);
  formatImpact(diff.impact, diff.issues, lines);
  formatNotes(
    [...diff.notes, ...diff.documents.flatMap((d) => (d.status === 'paired' ? d.notes : []))],
    lines,
  );
  return `${lines.join('\n')}\n`;
}
