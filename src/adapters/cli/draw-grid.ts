import { displayWidth } from '../text/display-width.js';

export interface GridStyle {
  heading: (s: string) => string;
  border: (s: string) => string;
}

/** Pads a line of a cell to `width` display columns. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function rule(widths: number[], [left, middle, right]: string, style: GridStyle): string {
  return style.border(`${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`);
}

/** The lines of one row: each cell's lines side by side, shorter cells padded with blank lines. */
function rowLines(cells: string[], widths: number[], style: GridStyle, paint = (s: string) => s): string[] {
  const split = widths.map((_, c) => (cells[c] ?? '').split('\n'));
  const height = Math.max(1, ...split.map((lines) => lines.length));
  const bar = style.border('│');
  return Array.from(
    { length: height },
    (_, k) =>
      `${bar}${split.map((lines, c) => ` ${paint(pad(lines[k] ?? '', widths[c]))} `).join(bar)}${bar}`,
  );
}

/**
 * Draws a boxed grid whose cells are already wrapped to their column's content width (`widths`, display
 * columns). Each line is exactly `sum(widths) + 3 × columns + 1` columns wide.
 */
export function drawGrid(head: string[], rows: string[][], widths: number[], style: GridStyle): string {
  return [
    rule(widths, '┌┬┐', style),
    ...rowLines(head, widths, style, style.heading),
    rule(widths, '├┼┤', style),
    ...rows.flatMap((row) => rowLines(row, widths, style)),
    rule(widths, '└┴┘', style),
  ].join('\n');
}
