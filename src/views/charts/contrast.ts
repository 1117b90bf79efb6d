/** WCAG 2 contrast: colours for text must reach 4.5:1 against the page background. */
export const AA_TEXT_CONTRAST = 4.5;

function channels(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((k) => Number.parseInt(full.slice(k, k + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The colour, darkened just enough to be readable as text on the background (AA). */
export function readableOn(colour: string, background = '#ffffff'): string {
  let rgb = channels(colour);
  for (let step = 0; step < 40 && contrastRatio(toHex(rgb), background) < AA_TEXT_CONTRAST; step++)
    rgb = rgb.map((c) => c * 0.9) as [number, number, number];
  return toHex(rgb);
}

/** Black or white, whichever reads better on a filled cell. */
export function inkOn(fill: string): string {
  return contrastRatio('#1a1a1a', fill) >= contrastRatio('#ffffff', fill) ? '#1a1a1a' : '#ffffff';
}
