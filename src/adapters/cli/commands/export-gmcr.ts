import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConflictSection } from '../../../core/stability/conflict-from-scenario.js';
import { buildGraphModel } from '../../../core/stability/graph-model.js';
import { tieClasses } from '../../../core/stability/preference-scores.js';
import type { Scenario } from '../../../schema/scenario.js';
import { writeGmcrText } from '../../interop/write-gmcr.js';
import { writeFileAtomic } from '../../node/atomic-files.js';
import { usageError } from '../load.js';
import { EXIT_OK, type Io, json, styler } from '../output.js';
import { bulletList } from './import.js';

/** `parley export <file> --format gmcr -o <dir>`: the scenario's conflict section as a gmcr-py file. */
export function exportGmcr(
  file: string,
  scenario: Scenario,
  options: { output: string; force?: boolean; json?: boolean },
  io: Io,
): number {
  if (!scenario.conflict)
    usageError(io, `${file} has no conflict section; a .gmcr file holds a conflict in option form`);
  const reading = readConflictSection(scenario.conflict, {
    partyIds: scenario.parties.map((p) => p.id),
    sourceIds: scenario.sources.map((s) => s.id),
  });
  const conflict = reading.conflict!;
  const { text, losses } = writeGmcrText(conflict, buildGraphModel(conflict).scores.map(tieClasses));
  const target = join(options.output, `${scenario.id}.gmcr`);
  if (existsSync(target) && !options.force)
    usageError(io, `'${target}' exists; nothing was written`, 'add --force to replace it');
  writeFileAtomic(target, text, { force: options.force });
  const allLosses = [
    ...losses,
    'option ids (the file names options by their labels), preference notes and sources',
    'everything outside the conflict section (issues, documents, utilities)',
  ];
  if (options.json) {
    io.out(
      json({
        ok: true,
        file,
        format: 'gmcr',
        files: [{ path: target, role: 'conflict' }],
        losses: allLosses,
      }),
    );
    return EXIT_OK;
  }
  const s = styler(io);
  io.out(`${s.bold('Exported')} the conflict of ${file} to ${target} (gmcr-py)\n`);
  io.out(`\n${s.yellow(`Not carried (${allLosses.length})`)}\n`);
  io.out(bulletList(allLosses));
  return EXIT_OK;
}
