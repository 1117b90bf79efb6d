import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from './limits.js';
import {
  failure,
  type ParseFormatOptions,
  type ParseResult,
  parseScenarioBytes,
  tooLarge,
} from './parse-scenario.js';

/** The file reader over parseScenario: reads the bytes, and turns a missing or unreadable file into a diagnostic. */

export type { Diagnostic } from './diagnostic.js';
export {
  type ParseFormatOptions as LoadOptions,
  type ParseOptions,
  type ParseResult,
  type ParseResult as LoadResult,
  parseScenario,
  parseScenarioBytes,
  parseScenarioText,
} from './parse-scenario.js';

function readFailure(path: string, error: unknown): ParseResult {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return failure(path, 'file not found', 'the path of a scenario file (.yaml, .yml or .json)');
    case 'EACCES':
    case 'EPERM':
      return failure(path, 'cannot read the file: permission denied');
    case 'EISDIR':
      return failure(path, 'this is a directory, not a scenario file', 'a .yaml, .yml or .json file');
    case 'ENOTDIR':
      return failure(path, 'file not found (a part of the path is not a directory)');
    default:
      return failure(path, `cannot read the file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads a scenario file (YAML or JSON) and checks it; never throws for a bad or missing file. */
export function loadScenarioFile(path: string, options: ParseFormatOptions = {}): ParseResult {
  let bytes: Uint8Array;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return readFailure(path, { code: 'EISDIR' });
    if (!stats.isFile()) return failure(path, 'not a regular file', 'a .yaml, .yml or .json file');
    if (stats.size > MAX_FILE_BYTES) return tooLarge(path, stats.size);
    bytes = readFileSync(path);
  } catch (error) {
    return readFailure(path, error);
  }
  return parseScenarioBytes(bytes, path, options);
}
