import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ExportDomainResult, exportDomain } from '../../../app/export-domain.js';
import type { ExportFormat } from '../../../app/interop-types.js';
import type { Scenario } from '../../../schema/scenario.js';
import { InteropError } from '../../interop/interop-error.js';
import { interopPort } from '../../interop/interop-port.js';
import { probeFolder } from '../../node/atomic-files.js';
import { loadOrExit, usageError } from '../load.js';
import { EXIT_OK, type Io, json, styler, table } from '../output.js';
import { writeFilesInto } from '../write-files.js';
import { checkGmcrTarget, reportGmcr } from './export-gmcr.js';
import { bulletList, formatName } from './import.js';

/** The formats `parley export` writes: the research formats, and gmcr-py for a scenario's conflict section. */
export { EXPORT_FORMATS } from './export-formats.js';

export interface ExportCommandOptions {
  format: ExportFormat;
  output: string;
  geniuswebVersion?: '1' | '2';
  force?: boolean;
  json?: boolean;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function targetEntries(dir: string, io: Io): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) {
    usageError(io, `'${dir}' is a file; -o takes the folder to write into`);
  }
  return readdirSync(dir).sort();
}

/** The export, in memory, then on disk; exit 2 with the reason on a file the format cannot take or a write error. */
async function exportInto(
  scenario: Scenario,
  options: ExportCommandOptions,
  io: Io,
): Promise<{ result: ExportDomainResult; paths: string[] }> {
  try {
    const result = await exportDomain(
      {
        scenario,
        format: options.format,
        ...(options.geniuswebVersion === undefined
          ? {}
          : { geniuswebVersion: options.geniuswebVersion === '1' ? 1 : 2 }),
      },
      { interop: interopPort },
    );
    return { result, paths: writeFilesInto(options.output, result.files, { force: options.force }) };
  } catch (error) {
    if (error instanceof InteropError) usageError(io, error.message);
    throw error;
  }
}

/** `parley export <file> --format genius|geniusweb|negmas -o <dir>`: the research formats' files, and every loss. */
export async function exportCommand(file: string, options: ExportCommandOptions, io: Io): Promise<number> {
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
  if (options.format === 'gmcr') {
    checkGmcrTarget(file, scenario, options, io);
    const { result, paths } = await exportInto(scenario, options, io);
    return reportGmcr(file, result, paths[0], options, io);
  }
  const { result, paths: files } = await exportInto(scenario, options, io);
  const report = result;
  const written = new Set(files.map((f) => resolve(f)));
  const others = before.filter((name) => !written.has(resolve(options.output, name)));
  const name = formatName(options.format);
  const roleOf = (_path: string, k: number) => result.files[k].role;
  const rest = result.notCarried;

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
