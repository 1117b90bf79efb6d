import pc from 'picocolors';
import { drawGrid } from './draw-grid.js';
import { fitText } from './fit-lines.js';
import { columnWidths, naturalWidths, recordLayout, wrapCell } from './fit-table.js';
import { processWidth } from './terminal-width.js';

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
  /** Columns the text output must fit (see terminal-width.ts); undefined: no limit (`--wide`, JSON). */
  width?: number;
}

export function processIo(): Io {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color,
    width: processWidth(process.stdout),
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
    width: io.width,
  };
}

/** Streams whose standard output is fitted to `width` line by line; `flush` writes a last unfinished line. */
export interface FittedIo extends Io {
  flush(): void;
}

/**
 * The same streams, with every line written to standard output fitted to the width: longer lines wrap under their
 * own indent (tables are already fitted by `table`). Text is held until its line is complete, so a line written
 * in pieces is measured whole. Setting `width` to undefined (for `--wide` and machine-readable output) writes
 * text unchanged.
 */
export function fitToWidth(io: Io): FittedIo {
  let pending = '';
  const fitted: FittedIo = {
    color: io.color,
    width: io.width,
    err: io.err,
    out: (text) => {
      pending += text;
      const end = pending.lastIndexOf('\n');
      if (end < 0) return;
      const complete = pending.slice(0, end);
      pending = pending.slice(end + 1);
      io.out(`${fitted.width === undefined ? complete : fitText(complete, fitted.width)}\n`);
    },
    flush: () => {
      if (pending === '') return;
      io.out(fitted.width === undefined ? pending : fitText(pending, fitted.width));
      pending = '';
    },
  };
  return fitted;
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
    grey: wrap(pc.gray),
  };
}

/**
 * A table that fits `io.width`: columns keep their natural width when there is room, otherwise share it and wrap
 * their cells at spaces; when even that does not fit, each row is shown as a block of "heading value" lines.
 * The layout depends only on the width and the cells.
 */
export function table(head: string[], rows: string[][], io: Io): string {
  // Escaped before layout, so column widths count what the terminal will show.
  const cells = rows.map((row) => row.map((cell) => escapeTerminal(cell, io.color)));
  const s = styler(io);
  const widths =
    io.width === undefined ? naturalWidths([head, ...cells]) : columnWidths([head, ...cells], io.width);
  if (widths === undefined) return recordLayout(head, cells, io.width ?? 0, s.cyan);
  const wrapped = (row: string[]) => widths.map((w, c) => wrapCell(row[c] ?? '', w));
  return `${drawGrid(wrapped(head), cells.map(wrapped), widths, { heading: s.cyan, border: s.grey })}\n`;
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
