import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportResult } from '../../src/adapters/interop/interop-report.js';

/**
 * Puts an in-memory export on disk in `dir`, for the tests that read it back with the file readers and the
 * shared evaluators; returns the paths written (domain first) and the export's report.
 */
export function onDisk(
  exported: ExportResult,
  dir: string,
): { files: string[]; report: ExportResult['report'] } {
  mkdirSync(dir, { recursive: true });
  const files = exported.files.map((file) => {
    const path = join(dir, file.path);
    writeFileSync(path, file.text, 'utf8');
    return path;
  });
  return { files, report: exported.report };
}
