import {
  type LineageGapChange,
  type TimelineData,
  timeline,
  type VersionGap,
} from '../../../app/timeline.js';
import type { Convergence } from '../../../core/analysis/gaps/convergence.js';
import { findDocument } from '../../../core/versions/document-index.js';
import { type TimelineEntry, VersionError } from '../../../core/versions/index.js';
import type { Scenario } from '../../../schema/scenario.js';
import { timelinePageHtml } from '../../report/timeline-page.js';
import { checkHtmlDestination, writeHtml } from '../html-output.js';
import { loadOrExit, usageError } from '../load.js';
import { EXIT_OK, type Io, json, num, styler, table } from '../output.js';
import { validateDate } from '../parse-arguments.js';

export interface TimelineCommandOptions {
  document?: string[];
  from?: string;
  to?: string;
  json?: boolean;
  /** Also write the timeline as an HTML page. */
  html?: string;
  force?: boolean;
}

/** Greedy word wrap for table cells. */
function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}

type Entry = TimelineEntry<VersionGap>;
type StatusEntry = Extract<Entry, { kind: 'status-change' }>;

/** Readable rows: status changes are grouped per version, party and transition. */
function timelineRows(
  scenario: Scenario,
  entries: Entry[],
  totals: Map<string, { settled: number; totalGap: number }>,
  s: ReturnType<typeof styler>,
): string[][] {
  const issueTitle = new Map(scenario.issues.map((i) => [i.id, i.title]));
  const rows: string[][] = [];
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    switch (e.kind) {
      case 'event':
        rows.push([
          e.date,
          e.eventKind,
          wrap(e.title, 46),
          wrap(e.parties.length > 0 ? `parties: ${e.parties.join(', ')}` : '', 60),
        ]);
        break;
      case 'package':
        rows.push([
          e.date,
          'package',
          wrap(`${e.id}: ${e.label}`, 46),
          wrap(
            `${e.versions.join(' + ')}${e.proposedBy.length > 0 ? `; by ${e.proposedBy.join(', ')}` : ''}`,
            60,
          ),
        ]);
        break;
      case 'version': {
        const total = totals.get(`${e.document}:${e.version}`);
        const detail = [
          e.proposedBy.length > 0 ? `proposed by ${e.proposedBy.join(', ')}` : '',
          e.basedOn.length > 0 ? `based on ${e.basedOn.join(', ')}` : '',
          `${e.pointCount} points`,
          total === undefined
            ? ''
            : total.settled === 0
              ? 'settles no issue'
              : `settles ${total.settled} issue${total.settled === 1 ? '' : 's'}; settlement gap ${num(total.totalGap)} over them`,
        ].filter(Boolean);
        rows.push([
          e.date,
          s.bold('version'),
          wrap(`${e.document}:${e.version} ${e.label}`, 46),
          wrap(detail.join('; '), 60),
        ]);
        break;
      }
      case 'status-change': {
        const group: StatusEntry[] = [e];
        while (k + 1 < entries.length) {
          const next = entries[k + 1];
          if (
            next.kind !== 'status-change' ||
            next.document !== e.document ||
            next.version !== e.version ||
            next.date !== e.date
          ) {
            break;
          }
          group.push(next);
          k++;
        }
        const byTransition = new Map<string, StatusEntry[]>();
        for (const c of group) {
          const key = `${c.party}: ${c.from ?? 'new'} → ${c.to}`;
          const list = byTransition.get(key) ?? [];
          // A point merging several earlier points can show the same transition once per earlier point.
          if (!list.some((x) => x.point === c.point)) list.push(c);
          byTransition.set(key, list);
        }
        const lines = [...byTransition].map(([key, cs]) => {
          const points =
            cs.length <= 3
              ? cs.map((c) => `#${c.point} ${c.title}`).join('; ')
              : cs.map((c) => `#${c.point}`).join(' ');
          return wrap(`${key} ${points}`, 60);
        });
        rows.push([
          e.date,
          'status',
          wrap(`${e.document}:${e.version} point statuses`, 46),
          lines.join('\n'),
        ]);
        break;
      }
      case 'position': {
        const was = e.previous ? `was ${e.previous.label} (${e.previous.date})` : 'first stated position';
        const detail = `${was}${e.statement ? `\n${s.dim(wrap(e.statement, 60))}` : ''}`;
        rows.push([
          e.date,
          'position',
          wrap(`${e.party} on ${issueTitle.get(e.issue) ?? e.issue}: ${e.label}`, 46),
          detail,
        ]);
        break;
      }
    }
  }
  return rows;
}

function gapTable(
  c: Convergence,
  changes: LineageGapChange[],
  lowest: Map<string, number>,
  scenario: Scenario,
  io: Io,
  s: ReturnType<typeof styler>,
): string {
  const document = scenario.documents.find((d) => d.id === c.document)!;
  const lines: string[] = [];
  lines.push(`\n${s.bold(`Settlement gap per issue: ${document.title} (${c.document})`)}\n`);
  if (c.versions.length === 0) {
    lines.push('  no version of this document is dated within the range\n');
    return lines.join('');
  }
  const issues = c.perIssue.filter((t) => t.steps.some((step) => step.gap !== null));
  const head = ['issue', 'lowest possible', ...c.versions.map((v) => `${v.id}\n${v.date}`)];
  const rows = issues.map((t) => [
    wrap(t.title, 40),
    num(lowest.get(t.issue) ?? 0),
    ...t.steps.map((step) => (step.gap === null ? s.dim('open') : num(step.gap))),
  ]);
  rows.push([
    s.bold('total over settled issues'),
    '',
    ...c.versions.map((v) => `${num(v.totalGap)}\n${s.dim(`(${v.settled} settled)`)}`),
  ]);
  lines.push(table(head, rows, io));
  const open = c.perIssue.length - issues.length;
  if (open > 0) lines.push(s.dim(`  ${open} issues no version in the range settles are left out.\n`));
  const titles = new Map(c.perIssue.map((t) => [t.issue, t.title]));
  const versionsWithChanges = [...new Set(changes.map((x) => x.version))];
  if (versionsWithChanges.length > 0) {
    lines.push(
      `${s.bold('Along the lineage')} ${s.dim('(each version against its nearest ancestor that settles the issue)')}\n`,
    );
  }
  for (const version of versionsWithChanges) {
    const mine = changes.filter((x) => x.version === version);
    const date = c.versions.find((v) => v.id === version)?.date ?? '';
    lines.push(`  ${version} (${date})\n`);
    const moved = (kind: 'narrowed' | 'widened', colour: (x: string) => string) => {
      for (const x of mine.filter((y) => y.kind === kind)) {
        lines.push(
          `    ${colour(kind)} ${titles.get(x.issue)}: ${num(x.before!)} → ${num(x.after!)} (since ${x.since})\n`,
        );
      }
    };
    moved('narrowed', s.green);
    moved('widened', s.red);
    const listed = (kind: LineageGapChange['kind'], words: string) => {
      const ids = mine.filter((y) => y.kind === kind).map((y) => y.issue);
      if (ids.length > 0)
        lines.push(`    ${wrap(`${words}: ${ids.join(', ')}`, 100).replace(/\n/g, '\n      ')}\n`);
    };
    listed('unchanged', 'same gap');
    listed('settled', 'newly settled');
    listed('left-open', 'left open');
  }
  if (c.versions.length > 1 && changes.every((x) => x.kind !== 'narrowed' && x.kind !== 'widened')) {
    lines.push('  no issue narrowed or widened along the lineage\n');
  }
  return lines.join('');
}

/** `parley timeline <file>`: what happened when, and how the gap between the parties moved version by version. */
export async function timelineCommand(
  file: string,
  options: TimelineCommandOptions,
  io: Io,
): Promise<number> {
  if (options.from !== undefined) validateDate(options.from, io, '--from', '2025-11-01');
  if (options.to !== undefined) validateDate(options.to, io, '--to', '2025-11-01');
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    usageError(io, `--from ${options.from} is after --to ${options.to}`);
  }
  if (options.html !== undefined) checkHtmlDestination(options.html, options.force, io, '--html');
  const scenario = loadOrExit(file, io, options.json === true);
  const requested = (options.document ?? []).flatMap((d) => d.split(',')).map((d) => d.trim());
  for (const d of requested) {
    try {
      findDocument(scenario, d);
    } catch (error) {
      if (error instanceof VersionError) usageError(io, error.message);
      throw error;
    }
  }
  const documents = requested.length > 0 ? [...new Set(requested)] : scenario.documents.map((d) => d.id);
  let data: TimelineData;
  try {
    data = await timeline({ scenario, documents, from: options.from, to: options.to });
  } catch (error) {
    if (error instanceof VersionError) usageError(io, error.message);
    throw error;
  }
  if (options.html !== undefined) {
    const titles = new Map(scenario.issues.map((i) => [i.id, i.title]));
    const page = timelinePageHtml(scenario.title, data, titles);
    await writeHtml(options.html, page, options.json ? { ...io, out: (text) => io.err(text) } : io);
  }
  if (options.json) {
    io.out(json(data));
    return EXIT_OK;
  }
  const s = styler(io);
  const range = options.from || options.to ? ` (${options.from ?? 'start'} to ${options.to ?? 'end'})` : '';
  io.out(`${s.bold('Timeline')}: ${scenario.title}${range}\n`);
  io.out(`${s.dim(`Documents: ${documents.join(', ')}. Positions and gaps rest on analysts' estimates.`)}\n`);
  const totals = new Map(
    data.convergence.flatMap((c) =>
      c.versions.map((v) => [`${c.document}:${v.id}`, { settled: v.settled, totalGap: v.totalGap }] as const),
    ),
  );
  if (data.entries.length === 0) io.out('\nNothing is dated within the range.\n');
  else io.out(table(['date', 'kind', 'what', 'detail'], timelineRows(scenario, data.entries, totals, s), io));

  const lowest = new Map(data.lowestPossibleGap.map((g) => [g.issue, g.loss]));
  const explanation =
    'Settlement gap: utility points (0..100) the signatories together give up on an issue, relative to their favourites, under the option a version settles. "lowest possible" is the least any option costs. Versions in date order. Along the lineage, each version is compared with its nearest ancestor (basedOn) that settles the issue.';
  io.out(`\n${s.dim(wrap(explanation, 110))}\n`);

  data.convergence.forEach((c, k) => {
    io.out(gapTable(c, data.alongLineage[k].changes, lowest, scenario, io, s));
  });
  return EXIT_OK;
}
