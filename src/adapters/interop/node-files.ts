import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InteropError } from './interop-error.js';
import type { InteropFiles } from './interop-files.js';

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
    return readdirSync(folder)
      .sort()
      .map((name) => join(folder, name))
      .filter((p) => statSync(p).isFile());
  },
};
