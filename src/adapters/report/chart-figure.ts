import { type ChartLayout, type ChartSpec, NARROW_WIDTH, renderChartSvg } from '../../views/charts/index.js';
import { escapeHtml, htmlTable } from './html.js';

function tableOf(spec: ChartSpec): string {
  return `<details class="fold"><summary>${escapeHtml(spec.table.caption)}</summary>${htmlTable(
    spec.table.columns,
    spec.table.rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : String(cell)))),
  )}</details>`;
}

/**
 * A chart as a figure: the SVG (which carries the chart's notes under its title) and the numbers behind it
 * folded underneath. On a narrow screen the chart keeps its own size and scrolls sideways in its card, so that
 * its text never shrinks below 12 px.
 */
export function chartFigure(spec: ChartSpec): string {
  return `<figure class="chart fixed" style="--chart-width: ${spec.width}px"><div class="chart-scroll" tabindex="0">${renderChartSvg(spec)}</div>${tableOf(spec)}</figure>`;
}

/**
 * A chart laid out twice, for a wide and a narrow screen (the page's style sheet shows one): the narrow layout
 * is drawn at 1:1 in a phone's card, with fewer ticks and shorter labels; the full text stays in the table.
 */
export function responsiveFigure(build: (layout: ChartLayout) => ChartSpec): string {
  const wide = build({});
  const narrow = build({ width: NARROW_WIDTH });
  return `<figure class="chart responsive" style="--chart-width: ${wide.width}px"><div class="chart-wide">${renderChartSvg(wide)}</div><div class="chart-narrow">${renderChartSvg(
    { ...narrow, id: `${narrow.id}-narrow` },
  )}</div>${tableOf(wide)}</figure>`;
}
