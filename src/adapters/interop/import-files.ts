import { type DetectedFiles, detectFormat } from './detect-format.js';
import { InteropError } from './interop-error.js';
import { type InMemoryFile, type InteropFiles, inMemoryFiles } from './interop-files.js';
import type { ImportOptions, ImportResult } from './interop-report.js';
import { readGeniusDomain } from './read-genius.js';
import { readGeniusWeb } from './read-geniusweb.js';
import { readNegmas } from './read-negmas.js';

/**
 * Imports a negotiation found at `path` among `files` (a folder, or one of its files) in GENIUS, GeniusWeb or
 * NegMAS format: detects the format from the files' content, pairs the domain with its profiles and reads
 * them. Files that belong to no format (e.g. pareto.xml, specials.json) are listed in the report's notes.
 */
export function importFrom(files: InteropFiles, path: string, options: ImportOptions = {}): ImportResult {
  const found = detectFormat(files, path);
  if (found.dropped.length > 0 && !options.allowPartial) throw partialImportError(path, found.dropped);
  let result: ImportResult;
  if (found.format === 'genius')
    result = readGeniusDomain(files, found.domain as string, found.profiles, options);
  else if (found.format === 'geniusweb') result = readGeniusWeb(files, found.domain, found.profiles);
  else result = readNegmas(files, found.domain as string, found.profiles, options);
  const dropped = new Set(found.dropped.map((d) => d.file));
  for (const { file, reason } of found.dropped)
    result.report.losses.unshift(`DROPPED ${file} (partial import): ${reason}`);
  for (const { file, reason } of found.ignored)
    if (!dropped.has(file)) result.report.notes.push(`ignored ${file}: ${reason}`);
  return result;
}

export function partialImportError(path: string, dropped: DetectedFiles['dropped']): InteropError {
  const list = dropped.map((d) => `${d.file} (${d.reason})`).join('; ');
  return new InteropError(
    path,
    `${dropped.length === 1 ? 'a file' : `${dropped.length} files`} of the format could not be read, so the import would be partial: ${list}. Fix or remove ${dropped.length === 1 ? 'it' : 'them'}, or accept the partial import with --allow-partial`,
  );
}

/**
 * Imports a negotiation from files held in memory (say, uploaded): all of them as one folder, or the one at
 * `options.path` with the files beside it. No file system is used.
 *
 * @example
 * const { scenario, report } = importFiles([
 *   { path: 'domain.xml', text: domainXml },
 *   { path: 'alice.xml', text: aliceXml },
 *   { path: 'bob.xml', text: bobXml },
 * ]);
 */
export function importFiles(
  files: readonly InMemoryFile[],
  options: ImportOptions & { path?: string } = {},
): ImportResult {
  return importFrom(inMemoryFiles(files), options.path ?? '', options);
}
