import type { InteropPort } from '../../app/ports.js';
import { importFrom } from './import-files.js';
import { interopPort } from './interop-port.js';
import type { ImportOptions, ImportResult } from './interop-report.js';
import { nodeFiles } from './node-files.js';

/** Imports a negotiation from a folder (or one of its files) on disk; see importFrom. */
export function importPath(path: string, options: ImportOptions = {}): ImportResult {
  return importFrom(nodeFiles, path, options);
}

/**
 * The interop port of a Node process: files given in memory are read from memory; with none, `path` is read
 * from the disk (a folder with a domain and its profiles, or one of its files).
 */
export const nodeInteropPort: InteropPort = {
  ...interopPort,
  read: (files, options = {}) =>
    files.length > 0 ? interopPort.read(files, options) : importFrom(nodeFiles, options.path ?? '.', options),
};
