import Table from 'cli-table3';
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

export function table(head: string[], rows: string[][], io: Io): string {
  const t = new Table({
    head,
    style: { head: io.color ? ['cyan'] : [], border: io.color ? ['grey'] : [], compact: true },
    wordWrap: true,
  });
  for (const row of rows) t.push(row);
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
