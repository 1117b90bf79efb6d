import { displayWidth, wrapToWidth } from '../text/display-width.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are skipped when reading the indent.
const LEADING = /^((?:\u001b\[[0-9;]*m)*)(\s*(?:[-*•+>] |\d+[.)] |[│|] )?)/;

/**
 * Fits one line of text to `width` columns: a longer line wraps at spaces, and its continuation lines hang under
 * the text after the line's indent and any list bullet ("  - ", "12. "), so lists and indented blocks stay
 * readable. A line that fits is returned unchanged.
 */
export function fitLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const match = LEADING.exec(line);
  const styles = match?.[1] ?? '';
  let lead = match?.[2] ?? '';
  // An indent that leaves too little room is dropped on the continuation lines.
  if (displayWidth(lead) > width / 2) lead = '';
  const body = line.slice(styles.length + lead.length);
  const hang = ' '.repeat(displayWidth(lead));
  const parts = wrapToWidth(styles + body, width - hang.length);
  return parts.map((part, k) => (k === 0 ? lead + part : hang + part));
}

/** Fits every line of a block of text (lines separated by "\n"). */
export function fitText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => fitLine(line, width))
    .join('\n');
}
