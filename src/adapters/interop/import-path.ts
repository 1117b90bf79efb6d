import { importFrom } from './import-files.js';
import type { ImportOptions, ImportResult } from './interop-report.js';
import { nodeFiles } from './node-files.js';

/** Imports a negotiation from a folder (or one of its files) on disk; see importFrom. */
export function importPath(path: string, options: ImportOptions = {}): ImportResult {
  return importFrom(nodeFiles, path, options);
}
