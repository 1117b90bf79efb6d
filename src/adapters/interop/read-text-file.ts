import { readFileSync, statSync } from 'node:fs';
import { InteropError } from './interop-error.js';

/** Reads a UTF-8 file, turning "missing" and "not a file" into clear errors. */
export function readTextFile(path: string, what: string): string {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new InteropError(path, `file not found (expected ${what})`);
  }
  if (!isFile) throw new InteropError(path, `not a file (expected ${what})`);
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InteropError(path, `cannot be read (${(error as Error).message}); expected ${what}`);
  }
}
