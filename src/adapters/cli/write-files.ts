import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes files held in memory into a folder (created if needed) and returns their paths. The one place where
 * the CLI puts a use case's files on disk, so that the way it writes them can change in one spot.
 */
export function writeFilesInto(
  directory: string,
  files: ReadonlyArray<{ path: string; text: string }>,
): string[] {
  mkdirSync(directory, { recursive: true });
  return files.map((file) => {
    const path = join(directory, file.path);
    writeFileSync(path, file.text, 'utf8');
    return path;
  });
}
