import type { Event, PointStatus, Scenario } from '../../schema/scenario.js';
import type { VersionRef } from './document-index.js';
import type { MatchOptions } from './match-points.js';
import { statusHistory } from './point-status.js';

export interface EventEntry {
  kind: 'event';
  date: string;
  id: string;
  title: string;
  eventKind: Event['kind'];
  description?: string;
  parties: string[];
  documents: string[];
  versions: string[];
}

/** `gaps` holds whatever the injected gapAt returns (per-issue gaps between the parties at that version). */
export interface VersionEntry<Gap> {
  kind: 'version';
  date: string;
  document: string;
  version: string;
  label: string;
  proposedBy: string[];
  basedOn: string[];
  pointCount: number;
  gaps?: Gap[];
}

export interface PackageEntry {
  kind: 'package';
  date: string;
  id: string;
  label: string;
  proposedBy: string[];
  versions: string[];
}

export interface StatusChangeEntry {
  kind: 'status-change';
  date: string;
  document: string;
  version: string;
  point: number;
  title: string;
  party: string;
  from: PointStatus | null;
  to: PointStatus;
}

export interface PositionEntry {
  kind: 'position';
  date: string;
  party: string;
  issue: string;
  option: string;
  label: string;
  statement?: string;
  /** The party's previous stated position on the issue, if any. */
  previous?: { date: string; option: string; label: string };
}

export type TimelineEntry<Gap = never> =
  | EventEntry
  | VersionEntry<Gap>
  | PackageEntry
  | StatusChangeEntry
  | PositionEntry;

export interface TimelineOptions<Gap> {
  /** Per-issue gaps at a version, supplied by the gap analysis; attached to version entries. */
  gapAt?: (ref: VersionRef) => Gap[];
  /** Only these documents' versions and status changes (events, packages and positions are always kept). */
  documents?: string[];
  /** Inclusive date bounds (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** How points are matched across versions to detect status changes. */
  match?: MatchOptions;
}

const RANK: Record<TimelineEntry['kind'], number> = {
  event: 0,
  package: 1,
  version: 2,
  'status-change': 3,
  position: 4,
};

function optionLabel(scenario: Scenario, issueId: string, option: string | number): string {
  const issue = scenario.issues.find((i) => i.id === issueId);
  if (!issue) return String(option);
  if (issue.options) return issue.options.find((o) => o.id === String(option))?.label ?? String(option);
  return issue.range?.unit ? `${option} ${issue.range.unit}` : String(option);
}

/**
 * Events, versions, dated packages, point status changes and stated positions in date order.
 * On one date: events, packages, versions, status changes, positions; within a kind, as listed in the scenario.
 */
export function buildTimeline<Gap = never>(
  scenario: Scenario,
  options: TimelineOptions<Gap> = {},
): TimelineEntry<Gap>[] {
  const entries: TimelineEntry<Gap>[] = [];
  const documents = options.documents ?? scenario.documents.map((d) => d.id);

  for (const e of scenario.events) {
    entries.push({
      kind: 'event',
      date: e.date,
      id: e.id,
      title: e.title,
      eventKind: e.kind,
      ...(e.description === undefined ? {} : { description: e.description }),
      parties: [...e.parties],
      documents: [...e.documents],
      versions: [...e.versions],
    });
  }
  for (const p of scenario.packages) {
    if (p.date === undefined) continue;
    entries.push({
      kind: 'package',
      date: p.date,
      id: p.id,
      label: p.label,
      proposedBy: [...p.proposedBy],
      versions: [...p.versions],
    });
  }
  for (const documentId of documents) {
    const history = statusHistory(scenario, documentId, options.match);
    const document = scenario.documents.find((d) => d.id === documentId)!;
    for (const id of history.versions.map((v) => v.version)) {
      const v = document.versions.find((x) => x.id === id)!;
      const entry: VersionEntry<Gap> = {
        kind: 'version',
        date: v.date,
        document: documentId,
        version: v.id,
        label: v.label,
        proposedBy: [...v.proposedBy],
        basedOn: [...v.basedOn],
        pointCount: v.points.length,
      };
      if (options.gapAt) entry.gaps = options.gapAt({ document: documentId, version: v.id });
      entries.push(entry);
    }
    for (const c of history.changes) {
      entries.push({
        kind: 'status-change',
        date: c.date,
        document: c.document,
        version: c.version,
        point: c.point,
        title: c.title,
        party: c.party,
        from: c.from,
        to: c.to,
      });
    }
  }
  const positions = scenario.positions
    .map((p, k) => ({ p, k }))
    .sort((x, y) => (x.p.date < y.p.date ? -1 : x.p.date > y.p.date ? 1 : x.k - y.k));
  const last = new Map<string, { date: string; option: string; label: string }>();
  for (const { p } of positions) {
    const key = `${p.party}\u0000${p.issue}`;
    const label = optionLabel(scenario, p.issue, p.option);
    const previous = last.get(key);
    entries.push({
      kind: 'position',
      date: p.date,
      party: p.party,
      issue: p.issue,
      option: String(p.option),
      label,
      ...(p.statement === undefined ? {} : { statement: p.statement }),
      ...(previous ? { previous } : {}),
    });
    last.set(key, { date: p.date, option: String(p.option), label });
  }

  const inRange = (e: TimelineEntry<Gap>) =>
    (options.from === undefined || e.date >= options.from) &&
    (options.to === undefined || e.date <= options.to);
  return entries
    .map((e, k) => ({ e, k }))
    .filter(({ e }) => inRange(e))
    .sort((x, y) =>
      x.e.date < y.e.date ? -1 : x.e.date > y.e.date ? 1 : RANK[x.e.kind] - RANK[y.e.kind] || x.k - y.k,
    )
    .map(({ e }) => e);
}
