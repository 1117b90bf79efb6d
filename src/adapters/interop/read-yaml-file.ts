import { parse } from 'yaml';
import { InteropError } from './interop-error.js';
import type { InteropFiles } from './interop-files.js';

/** Reads and parses a YAML file; syntax errors name the file, line and column. */
export function readYamlFile(files: InteropFiles, path: string, what: string): unknown {
  const text = files.readText(path, what);
  try {
    return parse(text);
  } catch (error) {
    const e = error as Error & { linePos?: Array<{ line: number; col: number }> };
    const at = e.linePos?.[0] ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
    throw new InteropError(path, `malformed YAML${at}: ${e.message.split('\n')[0]}; expected ${what}`);
  }
}
