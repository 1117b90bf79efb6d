import type { Scenario } from '../schema/scenario.js';
import type { ImportOptions, InMemoryFile, InteropReport } from './interop-types.js';
import type { InteropPorts } from './ports.js';

export interface ImportDomainInput {
  /**
   * The files of one negotiation (a domain and its profiles), as a folder held in memory; empty to let the
   * port read `path` from its own storage (the Node port reads the disk).
   */
  files: readonly InMemoryFile[];
  /** The folder or file to import (default: all of `files`, as one folder). */
  path?: string;
  options?: ImportOptions;
}

export interface ImportDomainResult {
  scenario: Scenario;
  report: InteropReport;
  /** Parties the imported profiles describe, in file order. */
  parties: string[];
}

/**
 * A GENIUS, GeniusWeb or NegMAS negotiation as a Parley scenario, read from files in memory, with a report
 * of what could not be carried over. The format is detected from the files' content.
 */
export async function importDomain(
  input: ImportDomainInput,
  ports: InteropPorts,
): Promise<ImportDomainResult> {
  const { scenario, report } = ports.interop.read(input.files, {
    ...input.options,
    ...(input.path === undefined ? {} : { path: input.path }),
  });
  return { scenario, report, parties: scenario.preferences.map((p) => p.party) };
}
