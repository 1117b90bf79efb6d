import { describeRule } from '../../../core/model/describe-rule.js';
import { buildOutcomeSpace } from '../../../core/model/outcome-space.js';
import { batnaAt } from '../../../core/model/party-model.js';
import { parseVersionRef, resolveVersions } from '../../../core/model/resolve.js';
import { toInterval } from '../../../core/model/uncertain.js';
import type { Scenario, UncertainNumber } from '../../../schema/scenario.js';
import { loadOrExit } from '../load.js';
import { optionNames } from '../option-labels.js';
import { EXIT_OK, type Io, json, styler, table } from '../output.js';
import { validateDate } from '../parse-arguments.js';

export interface ShowOptions {
  json?: boolean;
  at?: string;
}

function uncertain(u: UncertainNumber | undefined): string {
  if (u === undefined) return '';
  const i = toInterval(u);
  return i.low === i.high ? fmt(i.estimate) : `${fmt(i.estimate)} (${fmt(i.low)}..${fmt(i.high)})`;
}
const fmt = (x: number) => String(Number(x.toFixed(2)));

/** The summary `parley show` prints, as plain data (the --json shape). */
export function showData(scenario: Scenario, at?: string) {
  const space = buildOutcomeSpace(scenario);
  const date = at ?? scenario.asOf;
  return {
    id: scenario.id,
    title: scenario.title,
    description: scenario.description,
    disclaimer: scenario.disclaimer,
    asOf: scenario.asOf,
    outcomes: { count: space.size, exact: space.sizeIsExact },
    parties: scenario.parties.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      role: p.role,
      capability: p.capability === undefined ? undefined : toInterval(p.capability),
    })),
    issues: scenario.issues.map((issue, i) => ({
      id: issue.id,
      title: issue.title,
      category: issue.category,
      options: issue.options
        ? issue.options.map((o) => ({ id: o.id, label: o.label, deferred: o.deferred === true }))
        : undefined,
      range: issue.range,
      size: space.radix[i],
    })),
    documents: scenario.documents.map((d) => ({
      id: d.id,
      title: d.title,
      versions: d.versions.map((v) => ({
        id: v.id,
        label: v.label,
        date: v.date,
        proposedBy: v.proposedBy,
        basedOn: v.basedOn,
        points: v.points.length,
      })),
    })),
    packages: scenario.packages.map((p) => {
      const resolution = resolveVersions(scenario, space, p.versions.map(parseVersionRef));
      const settled = resolution.subspace.allowed.filter((a) => a.length === 1).length;
      return {
        id: p.id,
        label: p.label,
        date: p.date,
        versions: p.versions,
        settledIssues: settled,
        openIssues: space.issues.filter((_, i) => resolution.settledBy[i].length === 0).map((i) => i.id),
        conflicts: resolution.conflicts.map((c) => c.issue),
      };
    }),
    preferences: scenario.preferences.map((pref) => ({
      party: pref.party,
      basis: pref.basis,
      source: pref.source,
      batna: { at: batnaAt(pref.batna, date).date, ...batnaAt(pref.batna, date).value },
      redLines: pref.redLines.map((r) => ({
        id: r.id,
        description: r.description,
        crossedWhen: r.crossedWhen
          ? describeRule(r.crossedWhen)
          : `not (${describeRule(r.requires ?? { all: [] })})`,
        source: r.source,
      })),
      adjustments: pref.adjustments.length,
    })),
    events: [...scenario.events]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({ date: e.date, kind: e.kind, title: e.title, parties: e.parties, versions: e.versions })),
  };
}

/** `parley show <file>`: a readable summary of a scenario. */
export function showCommand(file: string, options: ShowOptions, io: Io): number {
  if (options.at !== undefined) validateDate(options.at, io);
  const scenario = loadOrExit(file, io, options.json === true);
  const data = showData(scenario, options.at);
  if (options.json) {
    io.out(json(data));
    return EXIT_OK;
  }
  const s = styler(io);
  const size = data.outcomes.exact
    ? data.outcomes.count.toLocaleString('en-US')
    : `about ${data.outcomes.count.toExponential(2)}`;
  io.out(`${s.bold(data.title)}  ${s.dim(`(${data.id}${data.asOf ? `, as of ${data.asOf}` : ''})`)}\n`);
  if (data.disclaimer) io.out(`${s.yellow(data.disclaimer.trim())}\n`);
  io.out(`${size} possible complete outcomes\n\n`);

  io.out(`${s.bold('Parties')}\n`);
  io.out(
    table(
      ['id', 'name', 'kind', 'role', 'capability'],
      scenario.parties.map((p) => [p.id, p.name, p.kind, p.role, uncertain(p.capability)]),
      io,
    ),
  );
  io.out(`\n${s.bold('Issues')}\n`);
  const labels = optionNames(scenario, s.dim);
  io.out(
    table(
      ['id', 'title', 'category', 'options'],
      scenario.issues.map((issue) => [
        issue.id,
        issue.title,
        issue.category,
        issue.options
          ? issue.options
              .map((o) => `- ${labels.option(issue.id, o.id)}${o.deferred ? ` ${s.dim('[deferred]')}` : ''}`)
              .join('\n')
          : `${issue.range?.min}..${issue.range?.max} step ${issue.range?.step}${issue.range?.unit ? ` ${issue.range.unit}` : ''}`,
      ]),
      io,
    ),
  );
  if (data.documents.length > 0) {
    io.out(`\n${s.bold('Documents and versions')}\n`);
    io.out(
      table(
        ['document', 'version', 'date', 'proposed by', 'based on', 'points'],
        data.documents.flatMap((d) =>
          d.versions.map((v) => [
            d.id,
            `${v.id}\n${s.dim(v.label)}`,
            v.date,
            v.proposedBy.join(', '),
            v.basedOn.join(', '),
            String(v.points),
          ]),
        ),
        io,
      ),
    );
  }
  if (data.packages.length > 0) {
    io.out(`\n${s.bold('Packages')}\n`);
    io.out(
      table(
        ['package', 'versions', 'settles', 'left open', 'conflicts'],
        data.packages.map((p) => [
          `${p.id}\n${s.dim(p.label)}`,
          p.versions.join('\n'),
          `${p.settledIssues} of ${data.issues.length}`,
          p.openIssues.join(', '),
          p.conflicts.join(', ') || '-',
        ]),
        io,
      ),
    );
  }
  if (data.preferences.length > 0) {
    io.out(`\n${s.bold('Red lines and BATNAs')} ${s.dim("(analysts' estimates, not facts)")}\n`);
    io.out(
      table(
        ['party', 'red line', 'crossed when', 'BATNA'],
        data.preferences.flatMap((p) => {
          const batna = `${uncertain(p.batna)}${p.batna.at ? `\n${s.dim(`at ${p.batna.at}`)}` : ''}`;
          if (p.redLines.length === 0) return [[p.party, '-', '', batna]];
          return p.redLines.map((r, k) => [
            k === 0 ? p.party : '',
            `${r.id}\n${s.dim(r.description)}`,
            r.crossedWhen,
            k === 0 ? batna : '',
          ]);
        }),
        io,
      ),
    );
  }
  if (data.events.length > 0) {
    io.out(`\n${s.bold('Events')}\n`);
    io.out(
      table(
        ['date', 'kind', 'event', 'parties'],
        data.events.map((e) => [e.date, e.kind, e.title, e.parties.join(', ')]),
        io,
      ),
    );
  }
  return EXIT_OK;
}
