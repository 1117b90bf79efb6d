import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { MatchRecord } from '../../core/simulation/tournament.js';

/**
 * The tournament journal: a JSON-lines file with a header (the configuration's hash) and one line per finished
 * match, appended as each match finishes. A rerun with the same configuration reads it and skips the matches
 * already there; a different configuration is refused rather than mixed in.
 */
export interface JournalHeader {
  kind: 'header';
  format: 'parley-tournament-journal';
  version: 1;
  configHash: string;
  matches: number;
}

export class JournalError extends Error {}

/** Finished matches from an existing journal (by match id), or an empty map after writing a new header. */
export function openJournal(path: string, header: JournalHeader): Map<string, MatchRecord> {
  const done = new Map<string, MatchRecord>();
  if (!existsSync(path) || readFileSync(path, 'utf8').trim() === '') {
    writeFileSync(path, `${JSON.stringify(header)}\n`);
    return done;
  }
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  let first: JournalHeader;
  try {
    first = JSON.parse(lines[0]) as JournalHeader;
  } catch {
    throw new JournalError(`${path}:1: not a tournament journal (the first line is not JSON)`);
  }
  if (first.kind !== 'header' || first.format !== 'parley-tournament-journal') {
    throw new JournalError(`${path}:1: not a tournament journal`);
  }
  if (first.configHash !== header.configHash) {
    throw new JournalError(
      `${path} was written for a different tournament configuration (or strategy module versions); use a new journal file, or delete this one to start over`,
    );
  }
  let goodLength = lines[0].length + 1;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === '') {
      goodLength += line.length + 1;
      continue;
    }
    let entry: { kind: string; record: MatchRecord };
    try {
      entry = JSON.parse(line);
    } catch {
      // A run stopped while writing leaves at most one partial last line; drop it (its match reruns).
      if (k === lines.length - 1 || lines.slice(k + 1).every((l) => l.trim() === '')) break;
      throw new JournalError(`${path}:${k + 1}: unreadable journal line (the file is damaged)`);
    }
    if (entry.kind === 'match') done.set(entry.record.id, entry.record);
    goodLength += line.length + 1;
  }
  if (goodLength < text.length) writeFileSync(path, text.slice(0, goodLength));
  return done;
}

export function appendToJournal(path: string, record: MatchRecord): void {
  appendFileSync(path, `${JSON.stringify({ kind: 'match', record })}\n`);
}
