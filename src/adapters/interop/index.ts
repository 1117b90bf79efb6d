/**
 * Interop with the negotiation research formats: GENIUS XML, GeniusWeb JSON and NegMAS YAML, in both
 * directions. Every import and export returns a report listing what could not be carried over.
 */
export { type DetectedFiles, detectFormat } from './detect-format.js';
export { importFiles, importFrom } from './import-files.js';
export { importPath } from './import-path.js';
export { InteropError } from './interop-error.js';
export { type InMemoryFile, type InteropFiles, inMemoryFiles } from './interop-files.js';
export type {
  ExportResult,
  ImportOptions,
  ImportResult,
  InteropFormat,
  InteropReport,
} from './interop-report.js';
export { nodeFiles } from './node-files.js';
export { readGeniusDomain } from './read-genius.js';
export { readGeniusWeb } from './read-geniusweb.js';
export { readNegmas } from './read-negmas.js';
export { writeGenius } from './write-genius.js';
export { type GeniusWebWriteOptions, writeGeniusWeb } from './write-geniusweb.js';
export { writeNegmas } from './write-negmas.js';
