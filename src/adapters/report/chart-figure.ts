import { type ChartSpec, renderChartSvg } from '../../views/charts/index.js';
import { escapeHtml, htmlTable } from './html.js';

/** A chart as a figure: the SVG, the notes a reader must see, and the numbers behind it folded underneath. */
export function chartFigure(spec: ChartSpec): string {
  const notes =
    spec.notes.length > 0 ? `<figcaption class="note">${escapeHtml(spec.notes.join(' '))}</figcaption>` : '';
  const table = `<details class="fold"><summary>${escapeHtml(spec.table.caption)}</summary>${htmlTable(
    spec.table.columns,
    spec.table.rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : String(cell)))),
  )}</details>`;
  return `<figure class="chart">${renderChartSvg(spec)}${notes}${table}</figure>`;
}
