import { isCalendarDate } from '../../schema/calendar-date.js';
import { usageError } from './load.js';
import type { Io } from './output.js';

/** Parses `issue=option,issue=option`; numbers stay text here and are matched against numeric grids later. */
export function parseAssignments(text: string, io: Io): Record<string, string> {
  // Prototype-free, so that an issue named like an Object.prototype member ('constructor') is just a key.
  const assignments: Record<string, string> = Object.create(null);
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) {
      usageError(
        io,
        `'${part}' in --outcome is not of the form issue=option`,
        'example: --outcome crimea=not-addressed,army-cap=800',
      );
    }
    const issue = part.slice(0, eq).trim();
    if (Object.hasOwn(assignments, issue)) usageError(io, `issue '${issue}' appears twice in --outcome`);
    assignments[issue] = part.slice(eq + 1).trim();
  }
  if (Object.keys(assignments).length === 0)
    usageError(io, '--outcome is empty', 'example: --outcome crimea=not-addressed');
  return assignments;
}

/** A calendar date given to `flag`, or a usage error naming the flag with an example. */
export function validateDate(text: string, io: Io, flag = '--at', example = '2025-12-24'): string {
  if (!isCalendarDate(text)) {
    usageError(io, `'${text}' is not a date`, `expected YYYY-MM-DD, for example ${flag} ${example}`);
  }
  return text;
}
