import { readdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import { fsReason } from '../node/fs-errors.js';
import { InteropError } from './interop-error.js';
import type { InteropFiles } from './interop-files.js';

interface Entry {
  path: string;
  stats?: Stats;
  error?: NodeJS.ErrnoException;
}

/** A folder's entries, sorted, each with what it is or why it cannot be reached (never a throw for one entry). */
function entries(folder: string): Entry[] {
  let names: string[];
  try {
    names = readdirSync(folder || '.').sort();
  } catch (error) {
    throw new InteropError(
      folder,
      `the folder cannot be read (${fsReason((error as NodeJS.ErrnoException).code)})`,
    );
  }
  return names.map((name) => {
    const path = join(folder, name);
    try {
      return { path, stats: statSync(path) };
    } catch (error) {
      return { path, error: error as NodeJS.ErrnoException };
    }
  });
}

function unreachable(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'a symbolic link to nothing (its target does not exist)';
  if (error.code === 'ELOOP') return 'a symbolic link that loops';
  return `cannot be reached: ${fsReason(error.code)}`;
}

/** The disk as InteropFiles; "missing" and "not a file" become clear errors. */
export const nodeFiles: InteropFiles = {
  readText(path, what) {
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
  },
  kind(path) {
    try {
      const stats = statSync(path);
      return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  },
  filesIn(folder) {
    return entries(folder).flatMap(({ path, stats }) => (stats?.isFile() ? [path] : []));
  },
  unreadableIn(folder) {
    return entries(folder).flatMap(({ path, error }) =>
      error === undefined ? [] : [{ file: path, reason: unreachable(error) }],
    );
  },
};
