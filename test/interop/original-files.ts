import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { type Original, originalGenius, originalGeniusWeb, originalNegmas } from './original-utility.js';

/** The domain and profile files of a folder, found by a plain text test independent of the importer. */
export interface OriginalFiles {
  format: 'genius' | 'geniusweb' | 'negmas';
  domain: string | undefined;
  profiles: string[];
}

export function originalFiles(folder: string): OriginalFiles {
  const files = readdirSync(folder).sort();
  const domains: string[] = [];
  const profiles: string[] = [];
  let format: OriginalFiles['format'] = 'genius';
  for (const name of files) {
    const path = join(folder, name);
    const text = readFileSync(path, 'utf8');
    const ext = extname(name).toLowerCase();
    if (ext === '.xml') {
      if (text.includes('<negotiation_template')) domains.push(path);
      else if (text.includes('<utility_space')) profiles.push(path);
    } else if (ext === '.json') {
      format = 'geniusweb';
      if (text.includes('LinearAdditiveUtilitySpace')) profiles.push(path);
      else if (text.includes('issuesValues')) domains.push(path);
    } else if (ext === '.yml' || ext === '.yaml') {
      format = 'negmas';
      if (/type:\s*\w*OutcomeSpace/.test(text)) domains.push(path);
      else if (/type:\s*\w*UtilityFunction/.test(text)) profiles.push(path);
    }
  }
  return { format, domain: domains[0], profiles };
}

export function readOriginal(files: OriginalFiles): Original {
  if (files.format === 'genius') return originalGenius(files.domain as string, files.profiles);
  if (files.format === 'geniusweb') return originalGeniusWeb(files.domain, files.profiles);
  return originalNegmas(files.domain as string, files.profiles);
}
