import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import type { Scenario } from '../../../schema/scenario.js';
import {
  type ExportResult,
  InteropError,
  type InteropFormat,
  writeGenius,
  writeGeniusWeb,
  writeNegmas,
} from '../../interop/index.js';
import { probeFolder, writeFileSetAtomic } from '../../node/atomic-files.js';
import { loadOrExit, usageError } from '../load.js';
import { EXIT_OK, type Io, json, styler, table } from '../output.js';
import { exportGmcr } from './export-gmcr.js';
import { bulletList, formatName } from './import.js';

/** The formats `parley export` writes: the research formats, and gmcr-py for a scenario's conflict section. */
export { EXPORT_FORMATS } from './export-formats.js';

export interface ExportCommandOptions {
  format: InteropFormat | 'gmcr';
  output: string;
  geniuswebVersion?: '1' | '2';
  force?: boolean;
  json?: boolean;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/**
 * What a scenario holds beyond utilities, BATNAs and red lines, none of which the research formats have a
 * place for. The writers report utility losses; this lists the rest so that nothing goes unmentioned.
 */
export function notCarried(scenario: Scenario): string[] {
  const items: string[] = [];
  const versions = scenario.documents.reduce((n, d) => n + d.versions.length, 0);
  if (scenario.documents.length > 0)
    items.push(`${plural(scenario.documents.length, 'document')} (${plural(versions, 'version')})`);
  if (scenario.packages.length > 0) items.push(plural(scenario.packages.length, 'package'));
  if (scenario.events.length > 0) items.push(plural(scenario.events.length, 'event'));
  if (scenario.positions.length > 0) items.push(plural(scenario.positions.length, 'stated position'));
  if (scenario.sources.length > 0) items.push(plural(scenario.sources.length, 'source'));
  const roles = scenario.parties.filter((p) => p.role !== 'signatory');
  items.push(
    roles.length > 0
      ? `party names, kinds and roles (${roles.map((p) => `${p.id} is a ${p.role}`).join(', ')}); profiles are named by party id`
      : 'party names and kinds (profiles are named by party id)',
  );
  items.push('descriptions, categories and the sources of estimates');
  return items;
}

function targetEntries(dir: string, io: Io): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) {
    usageError(io, `'${dir}' is a file; -o takes the folder to write into`);
  }
  return readdirSync(dir).sort();
}

function writeInto(
  scenario: Scenario,
  directory: string,
  options: ExportCommandOptions & { format: InteropFormat },
): ExportResult {
  if (options.format === 'genius') return writeGenius(scenario, directory);
  if (options.format === 'geniusweb') {
    return writeGeniusWeb(scenario, directory, { version: options.geniuswebVersion === '1' ? 1 : 2 });
  }
  return writeNegmas(scenario, directory);
}

/**
 * The writers fill a private staging folder; the files then go into the target folder as one set, so a run
 * stopped at any point leaves the old files or the new ones, never a mix.
 */
function write(
  scenario: Scenario,
  options: ExportCommandOptions & { format: InteropFormat },
  io: Io,
): ExportResult {
  const staging = mkdtempSync(join(tmpdir(), 'parley-export-'));
  try {
    const staged = writeInto(scenario, staging, options);
    const files = staged.files.map((path) => ({
      path: join(options.output, basename(path)),
      content: readFileSync(path),
    }));
    writeFileSetAtomic(files, { force: options.force });
    return { ...staged, files: files.map((f) => f.path) };
  } catch (error) {
    if (error instanceof InteropError) usageError(io, error.message);
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** `parley export <file> --format genius|geniusweb|negmas -o <dir>`: the research formats' files, and every loss. */
export function exportCommand(file: string, options: ExportCommandOptions, io: Io): number {
  if (options.geniuswebVersion !== undefined && options.format !== 'geniusweb') {
    usageError(io, '--geniusweb-version applies to --format geniusweb only');
  }
  const before = targetEntries(options.output, io);
  if (before.length > 0 && !options.force) {
    usageError(
      io,
      `'${options.output}' is not empty (${plural(before.length, 'entry', 'entries')}: ${before.slice(0, 3).join(', ')}${before.length > 3 ? ', ...' : ''}); nothing was written`,
      'export into a new or empty folder, or add --force to write over files of the same names',
    );
  }
  probeFolder(options.output);
  const scenario = loadOrExit(file, io, options.json === true);
  if (options.format === 'gmcr') return exportGmcr(file, scenario, options, io);
  const { files, report } = write(scenario, { ...options, format: options.format }, io);
  const written = new Set(files.map((f) => resolve(f)));
  const others = before.filter((name) => !written.has(resolve(options.output, name)));
  const name = formatName(options.format);
  const partyName = new Map(scenario.parties.map((p) => [p.id, p.name]));
  const roleOf = (path: string, k: number) => {
    if (k === 0) return 'domain';
    const party = basename(path, extname(path));
    return `profile of ${partyName.get(party) ?? party}`;
  };
  const rest = notCarried(scenario);

  if (options.json) {
    io.out(
      json({
        ok: true,
        file,
        format: options.format,
        directory: options.output,
        files: files.map((path, k) => ({ path, role: roleOf(path, k) })),
        losses: report.losses,
        notCarried: rest,
        notes: report.notes,
        otherFiles: others,
      }),
    );
    return EXIT_OK;
  }
  const s = styler(io);
  io.out(`${s.bold('Exported')} ${file} to ${name} in ${options.output} (${plural(files.length, 'file')})\n`);
  io.out(
    table(
      ['file', 'holds'],
      files.map((path, k) => [path, roleOf(path, k)]),
      io,
    ),
  );
  if (report.losses.length === 0) {
    io.out(`\n${s.green('No losses')}: the ${name} files give the same utilities, BATNAs and red lines.\n`);
  } else {
    io.out(`\n${s.yellow(`Losses (${report.losses.length})`)}: what the ${name} files do not carry\n`);
    io.out(bulletList(report.losses));
  }
  io.out(`\n${s.bold('Not exported')} (${name} files have no place for them)\n`);
  io.out(bulletList(rest));
  if (report.notes.length > 0) {
    io.out(`\n${s.bold(`Notes (${report.notes.length})`)}: conventions the export applied\n`);
    io.out(bulletList(report.notes));
  }
  if (others.length > 0) {
    io.out(
      `\n${s.yellow('Note')}: ${options.output} also holds ${plural(others.length, 'other entry', 'other entries')} (${others.slice(0, 5).join(', ')}${others.length > 5 ? ', ...' : ''}), left as they were; \`parley import ${options.output}\` would look at them too.\n`,
    );
  }
  return EXIT_OK;
}
