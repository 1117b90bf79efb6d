/** Minimum font size of any chart text, in pixels. */
export const MIN_FONT = 12;

const NARROW = new Set([..."iljtfrI.,:;'|!() []"]);
const WIDE = new Set([...'mwMWOQGDHNU@%']);

/**
 * Upper estimate of the width of a text in a sans-serif font, in pixels (no canvas in a pure module): narrow,
 * wide and other characters take 0.32, 0.86 and 0.62 of the font size.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text)
    em += NARROW.has(c)
      ? 0.32
      : WIDE.has(c) || (c === c.toUpperCase() && c !== c.toLowerCase())
        ? 0.86
        : 0.62;
  return em * fontSize;
}

/** Line height used for a text box. */
export const textHeight = (fontSize: number) => Math.ceil(fontSize * 1.25);

/**
 * Shortens a name to fit a width by cutting its middle ("Meridian … Facility"), never its start. The full name
 * belongs in the tooltip or the chart's description.
 */
export function ellipsizeMiddle(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  for (let keep = chars.length - 1; keep > 1; keep--) {
    const head = Math.ceil(keep / 2);
    const candidate = `${chars.slice(0, head).join('').trimEnd()}…${chars
      .slice(chars.length - (keep - head))
      .join('')
      .trimStart()}`;
    if (textWidth(candidate, fontSize) <= maxWidth) return candidate;
  }
  return `${chars[0]}…`;
}

/** Formats a count with thousands separators ("1,775"). */
export const count = (n: number) => n.toLocaleString('en-US');
