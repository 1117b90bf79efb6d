import { blockWidth, displayWidth, longestWord, wrapToWidth } from '../text/display-width.js';
import { fitText } from './fit-lines.js';

/** Below this, a column breaks its words rather than the table switching to records. */
const MIN_COLUMN = 6;
/** Words longer than this may be broken to keep the table as a grid. */
const MAX_UNBROKEN_WORD = 16;

/** Columns a grid of `columns` columns spends on borders and padding ("│ a │ b │"). */
export function gridOverhead(columns: number): number {
  return 3 * columns + 1;
}

/** Each column's widest line: the width it takes without wrapping. */
export function naturalWidths(cells: string[][]): number[] {
  const columns = Math.max(0, ...cells.map((row) => row.length));
  return Array.from({ length: columns }, (_, c) =>
    Math.max(1, ...cells.map((row) => blockWidth(row[c] ?? ''))),
  );
}

/**
 * Content widths for the columns of a grid that must fit `width` columns in all, or undefined when even the
 * narrowest readable grid does not fit (then the table is shown as records). Each column gets its natural width
 * when there is room; otherwise no column is made narrower than its longest word (up to MAX_UNBROKEN_WORD) or
 * MIN_COLUMN, and the rest of the room goes to the columns that lack most.
 */
export function columnWidths(cells: string[][], width: number): number[] | undefined {
  const natural = naturalWidths(cells);
  const columns = natural.length;
  const budget = width - gridOverhead(columns);
  if (natural.reduce((a, b) => a + b, 0) <= budget) return natural;
  const minimum = natural.map((n, c) => {
    const word = Math.max(...cells.map((row) => longestWord(row[c] ?? '')));
    return Math.min(n, Math.max(MIN_COLUMN, Math.min(word, MAX_UNBROKEN_WORD)));
  });
  const spare = budget - minimum.reduce((a, b) => a + b, 0);
  if (spare < 0) return undefined;
  return shareOut(minimum, natural, spare);
}

/**
 * Raises each column from its minimum towards its natural width. Short columns (numbers, ids) are made whole
 * first, narrowest first, while the spare room allows: wrapping them costs a line per row and saves little.
 * What is left goes to the other columns in proportion to what each still lacks (largest remainders first, ties
 * to the leftmost), so a long text column gains more than a short one.
 */
function shareOut(minimum: number[], natural: number[], spare: number): number[] {
  const widths = [...minimum];
  const byNatural = natural.map((n, c) => ({ n, c })).sort((a, b) => a.n - b.n || a.c - b.c);
  let left = spare;
  const open: number[] = [];
  for (const { c } of byNatural) {
    const lack = natural[c] - widths[c];
    if (open.length === 0 && lack <= left) {
      widths[c] = natural[c];
      left -= lack;
    } else open.push(c);
  }
  const totalLack = open.reduce((a, c) => a + natural[c] - widths[c], 0);
  if (totalLack === 0 || left === 0) return widths;
  const exact = new Map(open.map((c) => [c, ((natural[c] - widths[c]) * left) / totalLack]));
  for (const [c, e] of exact) {
    widths[c] += Math.floor(e);
    left -= Math.floor(e);
  }
  const order = [...exact].sort((a, b) => b[1] - Math.floor(b[1]) - (a[1] - Math.floor(a[1])) || a[0] - b[0]);
  for (const [c] of order) {
    if (left === 0) break;
    widths[c] += 1;
    left -= 1;
  }
  return widths;
}

/** A cell's text wrapped to its column's content width, list items hanging under their bullet. */
export function wrapCell(text: string, width: number): string {
  return fitText(text, width);
}

/**
 * A table as records, for a width too narrow for its grid: each row becomes a block of "heading  value" lines,
 * values wrapped under themselves (or under the heading when headings are long), blocks separated by a rule.
 */
export function recordLayout(
  head: string[],
  rows: string[][],
  width: number,
  styleHeading: (s: string) => string,
): string {
  const keyWidth = Math.max(0, ...head.map((h) => displayWidth(h)));
  const sideBySide = keyWidth + 2 <= Math.floor(width / 3);
  const valueWidth = sideBySide ? width - keyWidth - 2 : width - 2;
  const blocks = rows.map((row) =>
    head
      .flatMap((heading, c) => {
        const value = row[c] ?? '';
        if (value.trim() === '') return [];
        const lines = value.split('\n').flatMap((line) => wrapToWidth(line, valueWidth));
        if (!sideBySide) return [styleHeading(heading), ...lines.map((l) => `  ${l}`)];
        const pad = ' '.repeat(keyWidth - displayWidth(heading));
        return lines.map((l, k) =>
          k === 0 ? `${styleHeading(heading)}${pad}  ${l}` : `${' '.repeat(keyWidth + 2)}${l}`,
        );
      })
      .join('\n'),
  );
  const rule = '─'.repeat(Math.min(width, 40));
  return `${rule}\n${blocks.join(`\n${rule}\n`)}\n${rule}\n`;
}
