import type { ChartSpec } from './chart-spec.js';
import { echarts, withBase } from './echarts-setup.js';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Renders a chart spec to a standalone SVG string (echarts server-side rendering: no DOM, no canvas), scaling
 * through its viewBox, with an accessible name and description (`role="img"`, `<title>`, `<desc>`).
 */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: spec.width,
    height: spec.height,
  });
  let svg: string;
  try {
    chart.setOption(withBase(spec.option));
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  // Hydration metadata of echarts' SSR is of no use in a static page and a third of a scatter's bytes.
  svg = svg.replace(/ ecmeta_[a-z_]+="[^"]*"/g, '');
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  return svg.replace(
    /^<svg([^>]*)>/,
    (_all, attributes: string) =>
      `<svg${attributes
        .replace(/ width="[^"]*"/, '')
        .replace(
          / height="[^"]*"/,
          '',
        )} viewBox="0 0 ${spec.width} ${spec.height}" role="img" aria-labelledby="${titleId} ${descId}" preserveAspectRatio="xMidYMid meet"><title id="${titleId}">${escapeXml(spec.title)}</title><desc id="${descId}">${escapeXml(spec.description)}</desc>`,
  );
}
