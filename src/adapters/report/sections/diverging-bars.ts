import { escapeHtml } from '../html.js';

export interface BarSegment {
  from: number;
  to: number;
  /** CSS class of the segment: gain, loss, deferral, flip, steady. */
  kind: string;
}

export interface BarRow {
  label: string;
  cells: string[];
  segments: BarSegment[];
  /** Accessible description of the row's bar. */
  description: string;
}

const WIDTH = 240;
const HEIGHT = 16;

/** A small inline SVG bar on a shared symmetric scale, with the zero line drawn. */
function barSvg(row: BarRow, limit: number): string {
  const x = (v: number) => ((v + limit) / (2 * limit)) * WIDTH;
  const rects = row.segments
    .map((s) => {
      const left = x(Math.min(s.from, s.to));
      const width = Math.max(1, Math.abs(x(s.to) - x(s.from)));
      return `<rect class="bar-${escapeHtml(s.kind)}" x="${left.toFixed(1)}" y="3" width="${width.toFixed(1)}" height="${HEIGHT - 6}"/>`;
    })
    .join('');
  return `<svg class="bar" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(row.description)}"><title>${escapeHtml(row.description)}</title>${rects}<line x1="${WIDTH / 2}" x2="${WIDTH / 2}" y1="0" y2="${HEIGHT}" class="bar-zero"/></svg>`;
}

/**
 * A table of diverging bars: one row per entity, numbers in cells and the bar beside them, every bar on one
 * symmetric scale around zero (the numbers are the data; the bars only show sign and size).
 */
export function divergingBars(caption: string, head: string[], rows: BarRow[], axis: string): string {
  const limit = Math.max(
    1,
    ...rows.flatMap((r) => r.segments.flatMap((s) => [Math.abs(s.from), Math.abs(s.to)])),
  );
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.label)}</th>${r.cells.map((c) => `<td class="num">${escapeHtml(c)}</td>`).join('')}<td class="barcell">${barSvg(r, limit)}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table class="bars" tabindex="0"><caption>${escapeHtml(caption)}</caption><thead><tr>${head
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join(
      '',
    )}<th scope="col">${escapeHtml(`${axis} (−${limit.toFixed(0)} … +${limit.toFixed(0)})`)}</th></tr></thead><tbody>${body}</tbody></table></div>`;
}
