import type { InteropPort } from '../../app/ports.js';
import { readConflictSection } from '../../core/stability/conflict-from-scenario.js';
import { buildGraphModel } from '../../core/stability/graph-model.js';
import { tieClasses } from '../../core/stability/preference-scores.js';
import type { Scenario } from '../../schema/scenario.js';
import { importFiles } from './import-files.js';
import { InteropError } from './interop-error.js';
import { writeGenius } from './write-genius.js';
import { writeGeniusWeb } from './write-geniusweb.js';
import { writeGmcrText } from './write-gmcr.js';
import { writeNegmas } from './write-negmas.js';

/** The scenario's conflict section as one gmcr-py file, with what the format cannot hold. */
function writeGmcr(scenario: Scenario): ReturnType<InteropPort['write']> {
  if (!scenario.conflict) {
    throw new InteropError(
      scenario.id,
      'the scenario has no conflict section; a .gmcr file holds a conflict in option form',
    );
  }
  const reading = readConflictSection(scenario.conflict, {
    partyIds: scenario.parties.map((p) => p.id),
    sourceIds: scenario.sources.map((s) => s.id),
  });
  if (!reading.conflict) throw new InteropError(scenario.id, 'the conflict section cannot be read');
  const conflict = reading.conflict;
  const { text, losses } = writeGmcrText(conflict, buildGraphModel(conflict).scores.map(tieClasses));
  return {
    files: [{ path: `${scenario.id}.gmcr`, text }],
    losses: [
      ...losses,
      'option ids (the file names options by their labels), preference notes and sources',
      'everything outside the conflict section (issues, documents, utilities)',
    ],
    notes: [],
  };
}

/** The research-format readers and writers, over files in memory. */
export const interopPort: InteropPort = {
  read: (files, options) => importFiles(files, options),
  write(scenario, format, options = {}) {
    if (format === 'gmcr') return writeGmcr(scenario);
    const written =
      format === 'genius'
        ? writeGenius(scenario)
        : format === 'geniusweb'
          ? writeGeniusWeb(scenario, { version: options.geniuswebVersion ?? 2 })
          : writeNegmas(scenario);
    return { files: written.files, losses: written.report.losses, notes: written.report.notes };
  },
};
