import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/**
 * Columns a string takes in a terminal: wide (CJK) characters count two, emoji two, combining marks and colour
 * codes nothing.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The widest line of a possibly multi-line string. */
export function blockWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
  return widest;
}

/** The widest word (run of non-spaces) of a string: below this, a column breaks words. */
export function longestWord(text: string): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) widest = Math.max(widest, displayWidth(word));
  return widest;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts a colour code.
const STYLED = /\u001b\[/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Wraps text to `width` columns at spaces, measuring display width and keeping colour codes intact. A word longer
 * than the width is broken after a hyphen, slash or underscore where one fits (ids read on), otherwise at the
 * width. Existing line breaks are kept.
 */
export function wrapToWidth(text: string, width: number): string[] {
  if (width < 1) return text.split('\n');
  if (STYLED.test(text)) return wrapAnsi(text, width, { hard: true, trim: true }).split('\n');
  return wrapAnsi(text, width, { hard: false, trim: true })
    .split('\n')
    .flatMap((line) => breakLongLine(line, width));
}

/** Breaks a line of plain text that is still wider than `width` (one long word) into pieces that fit. */
function breakLongLine(line: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (displayWidth(rest) > width) {
    let used = 0;
    let cut = 0;
    let lastBreak = 0;
    for (const { segment, index } of graphemes.segment(rest)) {
      const w = displayWidth(segment);
      if (used + w > width) break;
      used += w;
      cut = index + segment.length;
      if (/[-/_]/.test(segment)) lastBreak = cut;
    }
    const at = lastBreak > cut / 3 ? lastBreak : Math.max(cut, 1);
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  pieces.push(rest);
  return pieces;
}
