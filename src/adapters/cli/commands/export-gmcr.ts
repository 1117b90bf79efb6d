import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportDomainResult } from '../../../app/export-domain.js';
import type { Scenario } from '../../../schema/scenario.js';
import { usageError } from '../load.js';
import { EXIT_OK, type Io, json, styler } from '../output.js';
import { bulletList } from './import.js';

/** Before any work for `--format gmcr`: the scenario has a conflict section, and the file is new or --force. */
export function checkGmcrTarget(
  file: string,
  scenario: Scenario,
  options: { output: string; force?: boolean },
  io: Io,
): void {
  if (!scenario.conflict)
    usageError(io, `${file} has no conflict section; a .gmcr file holds a conflict in option form`);
  const target = join(options.output, `${scenario.id}.gmcr`);
  if (existsSync(target) && !options.force)
    usageError(io, `'${target}' exists; nothing was written`, 'add --force to replace it');
}

/** `parley export <file> --format gmcr -o <dir>`: what was written and what the gmcr-py file does not carry. */
export function reportGmcr(
  file: string,
  result: ExportDomainResult,
  target: string,
  options: { json?: boolean },
  io: Io,
): number {
  if (options.json) {
    io.out(
      json({
        ok: true,
        file,
        format: 'gmcr',
        files: [{ path: target, role: 'conflict' }],
        losses: result.losses,
      }),
    );
    return EXIT_OK;
  }
  const s = styler(io);
  io.out(`${s.bold('Exported')} the conflict of ${file} to ${target} (gmcr-py)\n`);
  io.out(`\n${s.yellow(`Not carried (${result.losses.length})`)}\n`);
  io.out(bulletList(result.losses));
  return EXIT_OK;
}
