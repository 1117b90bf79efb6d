import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import pc from 'picocolors';

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
}

export function processIo(): Io {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color,
  };
}

/**
 * Characters that must never reach a terminal raw: C0 controls but tab and newline (ESC starts clipboard
 * writes, screen clears, hidden text), DEL, C1 controls (CSI and OSC in one byte), and the format characters that
 * reorder or hide text (BiDi embeddings, overrides and isolates, zero-width marks, the word joiner and BOM).
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it exists to find.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** The colour and weight codes Parley's own styling uses (picocolors, the table's borders): nothing else passes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes that may pass.
const OWN_STYLE = /(\u001b\[(?:0|1|2|22|31|32|33|36|39|90)m)/;

/**
 * Escapes every unsafe character as \uXXXX, which reads plainly in a terminal and is also how JSON writes the
 * character, so JSON output stays valid and means the same. With `keepStyles`, Parley's own colour codes pass.
 */
export function escapeTerminal(text: string, keepStyles = false): string {
  const escapePart = (part: string) =>
    part.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (!keepStyles) return escapePart(text);
  return text
    .split(OWN_STYLE)
    .map((part, k) => (k % 2 === 1 ? part : escapePart(part)))
    .join('');
}

/** The same streams, with every write escaped: every command's text goes through here. */
export function terminalSafe(io: Io): Io {
  return {
    out: (text) => io.out(escapeTerminal(text, io.color)),
    err: (text) => io.err(escapeTerminal(text, io.color)),
    color: io.color,
  };
}

/** Raised to stop a command with an exit code after its message has been written. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export const EXIT_OK = 0;
export const EXIT_NOT_ACCEPTABLE = 1;
export const EXIT_INPUT = 2;

export function styler(io: Io) {
  const wrap = (f: (s: string) => string) => (s: string) => (io.color ? f(s) : s);
  return {
    bold: wrap(pc.bold),
    dim: wrap(pc.dim),
    red: wrap(pc.red),
    green: wrap(pc.green),
    yellow: wrap(pc.yellow),
    cyan: wrap(pc.cyan),
  };
}

/** cli-table3 and its string-width helpers load on the first table, not at start-up (`parley --help`). */
let tableClass: typeof TableType | undefined;
function Table(): typeof TableType {
  tableClass ??= createRequire(import.meta.url)('cli-table3') as typeof TableType;
  return tableClass;
}

export function table(head: string[], rows: string[][], io: Io): string {
  const t = new (Table())({
    head,
    style: { head: io.color ? ['cyan'] : [], border: io.color ? ['grey'] : [], compact: true },
    wordWrap: true,
  });
  // Escaped before layout, so column widths count what the terminal will show.
  for (const row of rows) t.push(row.map((cell) => escapeTerminal(cell, io.color)));
  return `${t.toString()}\n`;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function num(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return String(x);
  const r = Number(x.toFixed(digits));
  return (Object.is(r, -0) ? 0 : r).toFixed(digits);
}

export function range(min: number, max: number, digits = 1): string {
  return Math.abs(max - min) < 10 ** -digits / 2
    ? num(min, digits)
    : `${num(min, digits)}..${num(max, digits)}`;
}
