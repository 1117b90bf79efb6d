import { join } from 'node:path';
import { writeFileSetAtomic } from '../node/atomic-files.js';

/**
 * Writes files held in memory into a folder as one set (all new files or all old ones, never a mix; see
 * atomic-files) and returns their paths. The one place where the CLI puts a use case's files on disk.
 */
export function writeFilesInto(
  directory: string,
  files: ReadonlyArray<{ path: string; text: string }>,
  options: { force?: boolean } = {},
): string[] {
  const placed = files.map((file) => ({ path: join(directory, file.path), content: file.text }));
  writeFileSetAtomic(placed, { force: options.force });
  return placed.map((file) => file.path);
}
