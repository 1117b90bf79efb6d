import { type Convergence, convergence } from '../core/analysis/gaps/convergence.js';
import { issueGaps } from '../core/analysis/gaps/issue-gaps.js';
import { type CompiledScenario, compileScenario } from '../core/model/compile.js';
import { buildTimeline, documentLineage, type Lineage, type VersionRef } from '../core/versions/index.js';
import type { Scenario } from '../schema/scenario.js';

export interface TimelineInput {
  scenario: Scenario;
  /** Documents to follow (default: all). */
  documents?: string[];
  /** Date range, YYYY-MM-DD, both ends included. */
  from?: string;
  to?: string;
}

export type TimelineData = ReturnType<typeof timelineData>;

/** What happened when, and how the settlement gap moved version by version (throws VersionError on a bad id). */
export async function timeline(input: TimelineInput): Promise<TimelineData> {
  const compiled = compileScenario(input.scenario);
  const documents = input.documents ?? input.scenario.documents.map((d) => d.id);
  return timelineData(compiled, documents, input.from, input.to);
}

/** The settlement gap of one issue at one version (see docs/analysis/gaps.md); null when the version leaves it open. */
export interface VersionGap {
  issue: string;
  option: string | null;
  gap: number | null;
}

/** The convergence of one document restricted to the versions dated within the range. */
function convergenceInRange(c: Convergence, from?: string, to?: string): Convergence {
  const inRange = (date: string) => (from === undefined || date >= from) && (to === undefined || date <= to);
  const kept = new Set(c.versions.filter((v) => inRange(v.date)).map((v) => v.id));
  const keepChange = (g: { from: string; to: string }) => kept.has(g.from) && kept.has(g.to);
  return {
    ...c,
    versions: c.versions.filter((v) => kept.has(v.id)),
    perIssue: c.perIssue.map((t) => ({ ...t, steps: t.steps.filter((s) => kept.has(s.version)) })),
    narrowed: c.narrowed.filter(keepChange),
    widened: c.widened.filter(keepChange),
    settlementChanges: c.settlementChanges.filter(keepChange),
  };
}

const TIE = 1e-9;

/** How one issue's settlement gap moved from the nearest earlier version of the same line that settles it. */
export interface LineageGapChange {
  issue: string;
  version: string;
  /** The nearest ancestor settling the issue (breadth-first over basedOn), or null when none does. */
  since: string | null;
  before: number | null;
  after: number | null;
  kind: 'narrowed' | 'widened' | 'unchanged' | 'settled' | 'left-open';
}

/**
 * Gap changes along the lineage: each version is compared, issue by issue, with its nearest ancestor that
 * settles the issue. Unlike consecutive dates, this never compares a branch with a parallel line, and an
 * intermediate version that leaves an issue open (a partially known draft) does not hide the change.
 * Versions outside `c` (filtered by date) are skipped as if absent.
 */
export function gapChangesAlongLineage(c: Convergence, lineage: Lineage): LineageGapChange[] {
  const known = new Set(c.versions.map((v) => v.id));
  const parents = new Map(lineage.nodes.map((n) => [n.id, n.parents]));
  const changes: LineageGapChange[] = [];
  for (const trajectory of c.perIssue) {
    const gapOf = new Map(trajectory.steps.map((step) => [step.version, step.gap]));
    const nearest = (version: string): string | null => {
      const seen = new Set<string>([version]);
      let level = [...(parents.get(version) ?? [])];
      while (level.length > 0) {
        const next: string[] = [];
        for (const v of level) {
          if (seen.has(v)) continue;
          seen.add(v);
          if (known.has(v) && (gapOf.get(v) ?? null) !== null) return v;
          for (const parent of parents.get(v) ?? []) next.push(parent);
        }
        level = next;
      }
      return null;
    };
    for (const v of c.versions) {
      if ((parents.get(v.id) ?? []).length === 0) continue;
      const after = gapOf.get(v.id) ?? null;
      const since = nearest(v.id);
      const before = since === null ? null : gapOf.get(since)!;
      if (before === null && after === null) continue;
      const kind: LineageGapChange['kind'] =
        before === null
          ? 'settled'
          : after === null
            ? 'left-open'
            : after < before - TIE
              ? 'narrowed'
              : after > before + TIE
                ? 'widened'
                : 'unchanged';
      changes.push({ issue: trajectory.issue, version: v.id, since, before, after, kind });
    }
  }
  const order = new Map(c.versions.map((v, k) => [v.id, k]));
  return changes.sort((x, y) => order.get(x.version)! - order.get(y.version)!);
}

/** The --json shape of `parley timeline`. */
export function timelineData(compiled: CompiledScenario, documents: string[], from?: string, to?: string) {
  const full = new Map(documents.map((d) => [d, convergence(compiled, d)]));
  const gapAt = (ref: VersionRef): VersionGap[] => {
    const c = full.get(ref.document);
    if (!c) return [];
    return c.perIssue.flatMap((t) => {
      const step = t.steps.find((s) => s.version === ref.version);
      return step ? [{ issue: t.issue, option: step.option, gap: step.gap }] : [];
    });
  };
  const entries = buildTimeline<VersionGap>(compiled.scenario, { documents, from, to, gapAt });
  const baseline = issueGaps(compiled);
  const inRange = documents.map((d) => convergenceInRange(full.get(d)!, from, to));
  return {
    scenario: compiled.scenario.id,
    from: from ?? null,
    to: to ?? null,
    documents,
    gapDefinition:
      "settlement gap: the utility points (0..100 scale) the signatories together give up on an issue, relative to each one's favourite option, under the option a version settles; null when the version leaves the issue open",
    lowestPossibleGap: baseline.map((g) => ({ issue: g.issue, loss: g.leastCostly.loss })),
    entries,
    convergence: inRange,
    alongLineage: documents.map((d, k) => ({
      document: d,
      changes: gapChangesAlongLineage(inRange[k], documentLineage(compiled.scenario, d)),
    })),
  };
}
