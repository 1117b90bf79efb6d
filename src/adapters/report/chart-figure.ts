import { type ChartSpec, renderChartSvg } from '../../views/charts/index.js';
import { escapeHtml, htmlTable } from './html.js';

/**
 * A chart as a figure: the SVG (which carries the chart's notes under its title) and the numbers behind it
 * folded underneath.
 */
export function chartFigure(spec: ChartSpec): string {
  const table = `<details class="fold"><summary>${escapeHtml(spec.table.caption)}</summary>${htmlTable(
    spec.table.columns,
    spec.table.rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : String(cell)))),
  )}</details>`;
  return `<figure class="chart">${renderChartSvg(spec)}${table}</figure>`;
}
