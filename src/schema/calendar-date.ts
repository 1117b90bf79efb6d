/**
 * Calendar dates as the scenario format writes them (YYYY-MM-DD): the one parser that the schema, the
 * simulation timeline and the command line all use. Dependency-free, so the core may import it.
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Midnight UTC of a real calendar date written YYYY-MM-DD, in milliseconds since 1970-01-01, or undefined
 * when the text is not one (wrong shape, month 13, February 30th: `Date.parse` would roll those over).
 */
export function parseCalendarDate(text: string): number | undefined {
  const match = PATTERN.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  // Date.UTC maps years 0..99 to 1900..1999; setting the full year afterwards keeps them as written.
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime();
}

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== undefined;
}

/** The date `days` whole days after a calendar date, written YYYY-MM-DD (the date must be valid). */
export function addDays(date: string, days: number): string {
  const start = parseCalendarDate(date);
  if (start === undefined) throw new RangeError(`not a calendar date: '${date}'`);
  const shifted = new Date(start + days * DAY_MS);
  const year = shifted.getUTCFullYear();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(shifted.getUTCMonth() + 1, 2)}-${pad(shifted.getUTCDate(), 2)}`;
}
