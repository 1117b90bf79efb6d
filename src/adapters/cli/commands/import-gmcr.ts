import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { stringify } from 'yaml';
import type { Scenario } from '../../../schema/scenario.js';
import { scenarioFromConflict } from '../../interop/gmcr-scenario.js';
import { readGmcrText } from '../../interop/read-gmcr.js';
import { formatDiagnostics } from '../../load/format-diagnostics.js';
import { parseScenarioText } from '../../load/load-scenario.js';
import { writeFileAtomic } from '../../node/atomic-files.js';
import { CliExit, EXIT_INPUT, EXIT_OK, type Io, json } from '../output.js';

/** `parley import file.gmcr`: a gmcr-py conflict as a scenario with a conflict section. */
export function importGmcr(
  path: string,
  options: { output?: string; force?: boolean; json?: boolean },
  io: Io,
): number {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    io.err(
      `parley: cannot read '${path}': ${(error as { code?: string }).code ?? (error as Error).message}\n`,
    );
    throw new CliExit(EXIT_INPUT);
  }
  const read = readGmcrText(text, path);
  if (!read.ok) {
    if (options.json) io.out(json({ ok: false, file: path, diagnostics: read.diagnostics }));
    else io.err(formatDiagnostics(read.diagnostics, { color: io.color }));
    throw new CliExit(EXIT_INPUT);
  }
  const name = basename(path, extname(path));
  const id =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'conflict';
  const scenario = scenarioFromConflict(read.conflict, id, `${name} (imported from gmcr-py)`);
  const yaml = `# Imported by \`parley import\` from ${basename(path)} (gmcr-py format).\n# Each option is also a yes/no issue so that the file is a complete scenario; the analysis is \`parley stability\`.\n${stringify(scenario as Scenario, { aliasDuplicateObjects: false })}`;
  const check = parseScenarioText(yaml, options.output ?? '<stdout>', { format: 'yaml' });
  if (!check.ok) {
    io.err(`parley: internal error: the scenario imported from ${path} does not load back:\n`);
    io.err(formatDiagnostics(check.diagnostics, { color: false }));
    return 70;
  }
  if (options.output !== undefined) writeFileAtomic(options.output, yaml, { force: options.force });
  if (options.json) {
    io.out(
      json({
        ok: true,
        file: path,
        format: 'gmcr',
        output: options.output ?? null,
        ...(options.output ? {} : { scenario }),
      }),
    );
  } else {
    if (options.output === undefined) io.out(yaml);
    io.err(
      `imported ${read.conflict.decisionMakers.length} decision makers and ${read.conflict.options.length} options from ${path}${options.output ? ` to ${options.output}` : ''}\n`,
    );
  }
  return EXIT_OK;
}
