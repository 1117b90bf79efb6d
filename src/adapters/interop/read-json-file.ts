import { InteropError } from './interop-error.js';
import type { InteropFiles } from './interop-files.js';

/** Reads and parses a JSON file; syntax errors name the file and the position the parser stopped at. */
export function readJsonFile(files: InteropFiles, path: string, what: string): unknown {
  const text = files.readText(path, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InteropError(path, `malformed JSON (${(error as Error).message}); expected ${what}`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number at `value`, or an error naming `where`. */
export function requireNumber(file: string, value: unknown, where: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new InteropError(file, `${where}: expected a number, found ${JSON.stringify(value)}`);
  }
  return n;
}
