/**
 * The one place that decides how wide a command's text output may be. Every table, bar and long line of text
 * output fits this width; `--wide` lifts the limit (undefined: no limit).
 *
 * 1. `--wide`: no limit.
 * 2. `COLUMNS` set to a whole number: that width (so `COLUMNS=60 parley …` and scripts get what they ask for).
 * 3. Standard output is a terminal: the terminal's width.
 * 4. Otherwise (a pipe or a file): 80 columns, so that saved output does not depend on the terminal that ran it.
 *
 * Widths below MIN_WIDTH are raised to it: narrower than that no table stays readable.
 */
export const DEFAULT_WIDTH = 80;
export const MIN_WIDTH = 40;

export interface WidthSources {
  wide?: boolean;
  /** The COLUMNS environment variable, as set (or undefined). */
  columnsVariable?: string;
  isTTY?: boolean;
  /** The terminal's own width when standard output is a terminal. */
  terminalColumns?: number;
}

export function decideWidth(sources: WidthSources): number | undefined {
  if (sources.wide) return undefined;
  const fromVariable = parseColumns(sources.columnsVariable);
  if (fromVariable !== undefined) return Math.max(MIN_WIDTH, fromVariable);
  if (sources.isTTY && sources.terminalColumns && sources.terminalColumns > 0) {
    return Math.max(MIN_WIDTH, sources.terminalColumns);
  }
  return DEFAULT_WIDTH;
}

function parseColumns(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** The width for this process's standard output or standard error. */
export function processWidth(stream: { isTTY?: boolean; columns?: number }): number | undefined {
  return decideWidth({
    columnsVariable: process.env.COLUMNS,
    isTTY: Boolean(stream.isTTY),
    terminalColumns: stream.columns,
  });
}
