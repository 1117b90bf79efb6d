import { detectFormat } from './detect-format.js';
import type { ImportOptions, ImportResult } from './interop-report.js';
import { readGeniusDomain } from './read-genius.js';
import { readGeniusWeb } from './read-geniusweb.js';
import { readNegmas } from './read-negmas.js';

/**
 * Imports a negotiation from a folder (or one of its files) in GENIUS, GeniusWeb or NegMAS format: detects
 * the format from the files' content, pairs the domain with its profiles and reads them. Files that belong
 * to no format (e.g. pareto.xml, specials.json) are listed in the report's notes.
 */
export function importPath(path: string, options: ImportOptions = {}): ImportResult {
  const found = detectFormat(path);
  let result: ImportResult;
  if (found.format === 'genius') result = readGeniusDomain(found.domain as string, found.profiles, options);
  else if (found.format === 'geniusweb') result = readGeniusWeb(found.domain, found.profiles);
  else result = readNegmas(found.domain as string, found.profiles, options);
  for (const { file, reason } of found.ignored) result.report.notes.push(`ignored ${file}: ${reason}`);
  return result;
}
