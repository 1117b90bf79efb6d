import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { stringify } from 'yaml';
import { importDomain } from '../../../app/import-domain.js';
import { spaceSizeText } from '../../../core/model/outcome-count.js';
import { buildOutcomeSpace } from '../../../core/model/outcome-space.js';
import type { Scenario } from '../../../schema/scenario.js';
import { nodeInteropPort } from '../../interop/import-path.js';
import {
  type DetectedFiles,
  detectFormat,
  type ImportResult,
  InteropError,
  type InteropFormat,
} from '../../interop/index.js';
import { nodeFiles } from '../../interop/node-files.js';
import { formatDiagnostics } from '../../load/format-diagnostics.js';
import { type LoadResult, parseScenarioText } from '../../load/load-scenario.js';
import { probeFolder, writeFileAtomic } from '../../node/atomic-files.js';
import { FLAG_BOUNDS } from '../flag-bounds.js';
import { usageError } from '../load.js';
import { integerFlag } from '../numeric-flags.js';
import { CliExit, EXIT_OK, type Io, json, styler, table } from '../output.js';
import { importGmcr } from './import-gmcr.js';

/** Exit code when the importer produced a file Parley itself rejects: a bug, not bad input. */
export const EXIT_INTERNAL = 70;

export function formatName(format: InteropFormat): string {
  return format === 'genius' ? 'GENIUS' : format === 'geniusweb' ? 'GeniusWeb' : 'NegMAS';
}

/** Wraps text to `width` columns; continuation lines start with `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const words = text.slice(lead.length).replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = lead;
  for (const word of words) {
    const candidate = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
    if (candidate.length > width && line.trim() !== '') {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = candidate;
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

/** "  - item" lines, wrapped at 100 columns. */
export function bulletList(items: readonly string[]): string {
  return items.map((item) => `${wrap(`  - ${item}`, 100, '    ').join('\n')}\n`).join('');
}

export interface ImportCommandOptions {
  output?: string;
  format?: InteropFormat;
  realIntervals?: string;
  force?: boolean;
  allowPartial?: boolean;
  json?: boolean;
}

/** The largest interval count that still fits Parley's limit of 10,001 grid points. */
const MAX_REAL_INTERVALS = 10_000;

async function readImport(
  path: string,
  options: ImportCommandOptions,
  io: Io,
): Promise<{ found: DetectedFiles; result: ImportResult }> {
  const realIntervals =
    options.realIntervals === undefined
      ? undefined
      : integerFlag(options.realIntervals, '--real-intervals', FLAG_BOUNDS.import['--real-intervals'], io);
  if (realIntervals !== undefined && realIntervals > MAX_REAL_INTERVALS) {
    usageError(
      io,
      `--real-intervals ${realIntervals} is too fine; at most ${MAX_REAL_INTERVALS} (Parley grids have at most 10,001 points)`,
    );
  }
  try {
    const found = detectFormat(nodeFiles, path);
    if (options.format !== undefined && found.format !== options.format) {
      usageError(
        io,
        `${path} holds ${formatName(found.format)} files, not ${formatName(options.format)}`,
        `leave out --format to import them as ${formatName(found.format)}`,
      );
    }
    const importOptions = {
      allowPartial: options.allowPartial === true,
      ...(realIntervals === undefined ? {} : { realIntervals }),
    };
    const imported = await importDomain(
      { files: [], path, options: importOptions },
      { interop: nodeInteropPort },
    );
    return { found, result: imported };
  } catch (error) {
    if (error instanceof InteropError) usageError(io, error.message);
    throw error;
  }
}

/** The comment block at the top of the written YAML: where it came from, what was lost, what was assumed. */
function header(path: string, found: DetectedFiles, result: ImportResult): string {
  const { report } = result;
  const lines = [`Imported by \`parley import\` from ${path} (${formatName(report.format)} format)`];
  if (found.domain) lines.push(`  domain: ${basename(found.domain)}`);
  lines.push(...wrap(`  profiles: ${found.profiles.map((p) => basename(p)).join(', ')}`, 96, '    '));
  lines.push('');
  if (report.losses.length === 0) {
    lines.push('Losses: none; utilities, BATNAs and red lines are exactly those of the original files.');
  } else {
    lines.push(`Losses: what the import could not carry over exactly (${report.losses.length}):`);
    for (const loss of report.losses) lines.push(...wrap(`  - ${loss}`, 96, '    '));
  }
  if (report.notes.length > 0) {
    lines.push('', `Notes: conventions the import applied (${report.notes.length}):`);
    for (const note of report.notes) lines.push(...wrap(`  - ${note}`, 96, '    '));
  }
  return `${lines.map((l) => (l === '' ? '#' : `# ${l}`)).join('\n')}\n\n`;
}

/** The scenario as YAML. Keys follow the schema's order (the importer's output is parsed by it). */
export function scenarioYaml(scenario: Scenario): string {
  // Shared sub-objects must be written out in full: the loader limits YAML aliases.
  return stringify(scenario, { aliasDuplicateObjects: false });
}

/** Checks the text loads, then writes it atomically; an existing file is only replaced by a valid one. */
function writeChecked(
  output: string,
  text: string,
  force: boolean,
): { load: LoadResult; keptAt: string | undefined } {
  const load = parseScenarioText(text, output, { format: 'yaml' });
  if (load.ok || !existsSync(output)) {
    writeFileAtomic(output, text, { force });
    return { load, keptAt: undefined };
  }
  // Never replace a file with one that does not load: leave the new text beside it.
  const keptAt = join(dirname(output), `.${basename(output)}.rejected.yaml`);
  writeFileAtomic(keptAt, text, { force: true });
  return { load, keptAt };
}

function outcomesText(scenario: Scenario): { count: number; exact: boolean; text: string } {
  const space = buildOutcomeSpace(scenario);
  const text = spaceSizeText(space.radix);
  return { count: space.size, exact: space.sizeIsExact, text };
}

function batnaOf(scenario: Scenario, party: string): number | string {
  const batna = scenario.preferences.find((p) => p.party === party)?.batna;
  if (batna === undefined) return '';
  if (typeof batna === 'number') return batna;
  return 'series' in batna ? 'dated' : batna.estimate;
}

const short = (x: number | string) => (typeof x === 'number' ? String(Number(x.toFixed(4))) : x);

/**
 * `parley import <path> [-o file]`: reads GENIUS, GeniusWeb or NegMAS files into a Parley scenario, writes it
 * as YAML (stdout without -o) and checks it by loading it back. The report goes to stderr.
 */
export async function importCommand(path: string, options: ImportCommandOptions, io: Io): Promise<number> {
  const s = styler(io);
  const output = options.output;
  if (output !== undefined && existsSync(output)) {
    if (statSync(output).isDirectory()) {
      usageError(
        io,
        `'${output}' is a folder; -o takes the scenario file to write`,
        `e.g. -o ${join(output, 'scenario.yaml')}`,
      );
    }
    if (!options.force) {
      usageError(
        io,
        `'${output}' already exists; not overwritten`,
        'choose another file name, or add --force to replace it',
      );
    }
  }
  if (output !== undefined) probeFolder(dirname(output));
  if (extname(path).toLowerCase() === '.gmcr') return importGmcr(path, options, io);
  const { found, result } = await readImport(path, options, io);
  const { scenario, report } = result;
  const text = header(path, found, result) + scenarioYaml(scenario);

  let load: LoadResult;
  let keptAt: string | undefined;
  if (output !== undefined) {
    ({ load, keptAt } = writeChecked(output, text, options.force === true));
  } else {
    load = parseScenarioText(text, '<stdout>', { format: 'yaml' });
  }
  if (!load.ok) {
    const where = keptAt ?? output ?? 'the YAML on stdout';
    if (output === undefined) io.out(text);
    io.err(
      `parley: internal error: the scenario imported from ${path} does not load back as a valid Parley scenario. ` +
        `This is a bug in the ${formatName(report.format)} importer; please report it with the input files. ` +
        `The written text is in ${where}${keptAt ? ` (${output} was left as it was)` : ''}.\n`,
    );
    io.err(formatDiagnostics(load.diagnostics, { color: io.color, summary: true }));
    throw new CliExit(EXIT_INTERNAL);
  }

  const outcomes = outcomesText(scenario);
  const parties = scenario.parties.map((party) => {
    const pref = scenario.preferences.find((p) => p.party === party.id);
    return {
      id: party.id,
      name: party.name,
      source: pref?.source ?? '',
      batna: batnaOf(scenario, party.id),
      adjustments: pref?.adjustments.length ?? 0,
      redLines: pref?.redLines.length ?? 0,
    };
  });
  const issues = scenario.issues.map((issue) => ({
    id: issue.id,
    title: issue.title,
    values: issue.range
      ? `${issue.range.min}..${issue.range.max} step ${issue.range.step}`
      : `${issue.options?.length ?? 0} options`,
  }));

  if (options.json) {
    io.out(
      json({
        ok: true,
        source: path,
        format: report.format,
        domain: found.domain ? basename(found.domain) : null,
        profiles: found.profiles.map((p) => basename(p)),
        output: output ?? null,
        parties,
        issues,
        outcomes: { count: outcomes.count, exact: outcomes.exact },
        dropped: found.dropped,
        losses: report.losses,
        notes: report.notes,
        warnings: load.warnings,
        ...(output === undefined ? { scenario } : {}),
      }),
    );
    return EXIT_OK;
  }
  if (output === undefined) io.out(text);

  const err = io.err;
  err(`${s.bold('Imported')} ${path} ${s.dim(`(${formatName(report.format)} format)`)}\n`);
  if (found.dropped.length > 0) {
    err(
      `${s.red(`PARTIAL IMPORT: ${found.dropped.length} file${found.dropped.length === 1 ? '' : 's'} dropped`)} (accepted with --allow-partial)\n`,
    );
    err(bulletList(found.dropped.map((d) => `${d.file}: ${d.reason}`)));
  }
  if (found.domain) err(`  domain:   ${basename(found.domain)}\n`);
  err(
    `${wrap(`  profiles: ${found.profiles.map((p) => basename(p)).join(', ')}`, 100, '            ').join('\n')}\n`,
  );
  err(
    `  ${scenario.parties.length} parties, ${scenario.issues.length} issues, ${outcomes.text} possible outcomes\n`,
  );
  err(
    output === undefined
      ? `  Scenario written to stdout; it loads back as a valid scenario.\n`
      : `  ${s.green('Wrote')} ${output}; it loads back as a valid scenario.\n`,
  );
  err(`\n${s.bold('Parties')}\n`);
  err(
    table(
      ['party', 'from', 'BATNA', 'adjustments', 'red lines'],
      parties.map((p) => [p.id, p.source, short(p.batna), String(p.adjustments), String(p.redLines)]),
      io,
    ),
  );
  err(`\n${s.bold('Issues')}\n`);
  const titled = issues.some((i) => i.title !== i.id);
  err(
    table(
      titled ? ['issue', 'title', 'values'] : ['issue', 'values'],
      issues.map((i) => (titled ? [i.id, i.title === i.id ? '' : i.title, i.values] : [i.id, i.values])),
      io,
    ),
  );
  if (report.losses.length === 0) {
    err(
      `\n${s.green('No losses')}: utilities, BATNAs and red lines are exactly those of the original files.\n`,
    );
  } else {
    err(`\n${s.yellow(`Losses (${report.losses.length})`)}: what the import could not carry over exactly\n`);
    err(bulletList(report.losses));
  }
  if (report.notes.length > 0) {
    err(`\n${s.bold(`Notes (${report.notes.length})`)}: conventions the import applied\n`);
    err(bulletList(report.notes));
  }
  if (load.warnings.length > 0) {
    err(`\n${s.bold(`Warnings (${load.warnings.length})`)} from checking the written scenario\n`);
    err(formatDiagnostics(load.warnings, { color: io.color }));
  }
  return EXIT_OK;
}
