import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { MatchRecord } from '../../core/simulation/tournament.js';
import { writeFileAtomic } from '../node/atomic-files.js';
import {
  JOURNAL_FORMAT,
  JOURNAL_VERSION,
  type JournalHeader,
  journalHeaderSchema,
  journalMatchSchema,
} from './journal-schema.js';

/**
 * The tournament journal: a JSON-lines file with a header (the checksum of the configuration, its scenarios and
 * the strategy modules) and one line per finished match, appended as each match finishes, each with a checksum
 * tying it to the header. A rerun with the same configuration reads it and skips the matches already there; a
 * different configuration is refused rather than mixed in, and a damaged line is named (file:line and field).
 */
export type { JournalHeader } from './journal-schema.js';

export class JournalError extends Error {}

/** What the plan says about a match, to check a journaled record against. */
export interface PlannedRecord {
  index: number;
  scenario: string;
  strategies: readonly string[];
}

function lineChecksum(configHash: string, record: MatchRecord): string {
  return createHash('sha256')
    .update(`${configHash}\n${JSON.stringify(record)}`)
    .digest('hex');
}

/** The first problem zod found, as "field: message". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the line';
  return `${field}: ${issue.message}`;
}

function readHeader(path: string, line: string, expected: JournalHeader): void {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new JournalError(`${path}:1: not a tournament journal (the first line is not JSON)`);
  }
  const v = value as Partial<JournalHeader> | null;
  if (v?.kind !== 'header' || v.format !== JOURNAL_FORMAT)
    throw new JournalError(`${path}:1: not a tournament journal`);
  if (v.version !== JOURNAL_VERSION) {
    throw new JournalError(
      `${path}:1: a journal of version ${String(v.version)}, this Parley writes version ${JOURNAL_VERSION} (with checksums); use a new journal file`,
    );
  }
  const header = journalHeaderSchema.safeParse(value);
  if (!header.success) throw new JournalError(`${path}:1: damaged header: ${firstIssue(header.error)}`);
  if (header.data.configHash !== expected.configHash || header.data.matches !== expected.matches) {
    throw new JournalError(
      `${path} was written for a different tournament configuration (its checksum differs: scenarios, strategies, strategy module code or settings changed); use a new journal file, or delete this one to start over`,
    );
  }
}

/** A match line, checked against its schema, its checksum and the plan; the problem names the field. */
function readMatch(
  value: unknown,
  configHash: string,
  plan: ReadonlyMap<string, PlannedRecord>,
): MatchRecord | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return `expected a journal entry {"kind":"match","record":{...},"check":"..."}, got ${JSON.stringify(value)}`;
  const entry = journalMatchSchema.safeParse(value);
  if (!entry.success) return firstIssue(entry.error);
  // The record as written (key order included), now known to be valid: results are built from it unchanged.
  const record = (value as { record: MatchRecord }).record;
  const planned = plan.get(record.id);
  if (!planned) return `record.id: '${record.id}' is not a match of this tournament`;
  if (planned.index !== record.index) return `record.index: ${record.index}, the plan has ${planned.index}`;
  if (planned.scenario !== record.scenario)
    return `record.scenario: '${record.scenario}', the plan has '${planned.scenario}'`;
  if (planned.strategies.join(',') !== record.strategies.join(','))
    return `record.strategies: ${record.strategies.join(', ')}; the plan has ${planned.strategies.join(', ')}`;
  const n = record.strategies.length;
  for (const field of ['parties', 'utilities', 'discountedUtilities', 'concessionRates'] as const) {
    if (record[field].length !== n)
      return `record.${field}: ${record[field].length} entries for ${n} parties`;
  }
  if (lineChecksum(configHash, record) !== entry.data.check)
    return 'check: the checksum does not match the record (the line was edited or comes from another journal)';
  return record;
}

/** Finished matches from an existing journal (by match id), or an empty map after writing a new header. */
export function openJournal(
  path: string,
  header: JournalHeader,
  plan: ReadonlyMap<string, PlannedRecord>,
): Map<string, MatchRecord> {
  const done = new Map<string, MatchRecord>();
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (text.trim() === '') {
    writeFileAtomic(path, `${JSON.stringify(journalHeaderSchema.parse(header))}\n`, { force: true });
    return done;
  }
  const lines = text.split('\n');
  readHeader(path, lines[0], header);
  let goodLength = lines[0].length + 1;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    const last = lines.slice(k + 1).every((l) => l.trim() === '');
    if (line.trim() !== '') {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        // A run stopped while writing leaves at most one partial last line; drop it (its match reruns).
        if (last) break;
        throw new JournalError(`${path}:${k + 1}: unreadable journal line (not JSON; the file is damaged)`);
      }
      const record = readMatch(value, header.configHash, plan);
      if (typeof record === 'string') throw new JournalError(`${path}:${k + 1}: ${record}`);
      const before = done.get(record.id);
      if (before && JSON.stringify(before) !== JSON.stringify(record))
        throw new JournalError(
          `${path}:${k + 1}: record.id: match '${record.id}' appears twice, differently`,
        );
      done.set(record.id, record);
    }
    goodLength += line.length + 1;
  }
  if (goodLength < text.length) writeFileAtomic(path, text.slice(0, goodLength), { force: true });
  return done;
}

/** Appends one finished match; the line is built through the schema the reader checks it with. */
export function appendToJournal(path: string, configHash: string, record: MatchRecord): void {
  journalMatchSchema.parse({ kind: 'match', record, check: '0'.repeat(64) });
  const entry = { kind: 'match', record, check: lineChecksum(configHash, record) };
  appendFileSync(path, `${JSON.stringify(entry)}\n`);
}
