import type { Scenario } from '../../schema/scenario.js';
import { formatDiagnostics } from '../load/format-diagnostics.js';
import { loadScenarioFile } from '../load/load-scenario.js';
import { CliExit, EXIT_INPUT, type Io, json } from './output.js';

/** Loads a scenario for a command, or reports every problem and stops with exit code 2. */
export function loadOrExit(file: string, io: Io, asJson: boolean): Scenario {
  const result = loadScenarioFile(file);
  if (!result.ok) {
    if (asJson) io.out(json({ ok: false, file, diagnostics: result.diagnostics }));
    else io.err(formatDiagnostics(result.diagnostics, { color: io.color }));
    throw new CliExit(EXIT_INPUT);
  }
  // Warnings go to stderr in both modes, so --json output stays one parseable document.
  if (result.warnings.length > 0) io.err(formatDiagnostics(result.warnings, { color: io.color }));
  return result.scenario;
}

/** Stops a command on a usage problem the user can fix (exit code 2). */
export function usageError(io: Io, message: string, hint?: string): never {
  io.err(`parley: ${message}\n${hint ? `  ${hint}\n` : ''}`);
  throw new CliExit(EXIT_INPUT);
}
