import type { EChartsCoreOption } from 'echarts/core';
// One registration of the echarts parts for every chart (the chart layer's).
import { echarts } from '../../views/charts/echarts-setup.js';
import { compactSvg } from '../../views/charts/render-svg.js';

export const palette = [
  '#2f6db5',
  '#d9822b',
  '#3a9a5b',
  '#b83b5e',
  '#7b5ea7',
  '#8c6d31',
  '#1b9e9e',
  '#6b6b6b',
];

/** Renders an ECharts option to a standalone SVG string on the server (no browser, no script in the page). */
export function renderChart(option: EChartsCoreOption, width = 640, height = 400): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: palette,
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      ...option,
    });
    // In a card that scrolls sideways on a narrow screen, where the chart keeps its size (12 px text).
    return `<div class="chart-scroll" tabindex="0">${accessible(compactSvg(chart.renderToSVGString()), chartName(option))}</div>`;
  } finally {
    chart.dispose();
  }
}

/** The chart's own title as its accessible name (every builder sets one). */
function chartName(option: EChartsCoreOption): string {
  const title = (option as { title?: { text?: string } | Array<{ text?: string }> }).title;
  const texts = (Array.isArray(title) ? title : [title]).map((t) => t?.text ?? '').filter(Boolean);
  return texts.join(' — ') || 'chart';
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** An SVG image with an accessible name: role img, aria-label and a title element. */
export function accessible(svg: string, name: string): string {
  const label = escapeXml(name);
  return svg
    .replace(/^<svg /, `<svg role="img" aria-label="${label}" `)
    .replace(/>/, `><title>${label}</title>`);
}
