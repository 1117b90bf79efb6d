import type { ChartSpec } from './chart-spec.js';
import { echarts, FONT_FAMILY, withBase } from './echarts-setup.js';
import { groupShapes } from './group-shapes.js';

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
  svg = compactSvg(svg);
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  return svg.replace(
    /^<svg([^>]*)>/,
    (_all, attributes: string) =>
      `<svg${attributes
        .replace(/ width="[^"]*"/, '')
        .replace(/ viewBox="[^"]*"/, '')
        .replace(
          / height="[^"]*"/,
          '',
        )} viewBox="0 0 ${spec.width} ${spec.height}" role="img" aria-labelledby="${titleId} ${descId}" preserveAspectRatio="xMidYMid meet"><title id="${titleId}">${escapeXml(spec.title)}</title><desc id="${descId}">${escapeXml(spec.description)}</desc>`,
  );
}

/**
 * What a static page never uses, removed: echarts' hydration metadata (a third of a scatter's bytes), hover
 * styles and their classes, pointer events, and the font family on every text (the page sets it once:
 * `CHART_TEXT_CSS`). Path coordinates are kept to a tenth of a pixel, which no screen shows.
 */
export function compactSvg(svg: string): string {
  const compact = svg
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ pointer-events="visible"/g, '')
    .replace(/font-family:[^;"]*;?/g, '')
    .replace(/ style=""/g, '')
    .replace(
      / d="([^"]*)"/g,
      (_all, d: string) =>
        ` d="${d.replace(/-?\d+\.\d{2,}/g, (x) => String(Math.round(Number(x) * 10) / 10))}"`,
    )
    .replace(
      / transform="matrix\(([^)]*)\)"/g,
      (_all, m: string) =>
        ` transform="matrix(${m.replace(/-?\d+\.\d{3,}/g, (x) => String(Math.round(Number(x) * 100) / 100))})"`,
    );
  return groupShapes(compact);
}

/** The font of chart texts, for the page's style sheet (renderChartSvg leaves it off each text). */
export const CHART_TEXT_CSS = `svg[role="img"] text { font-family: ${FONT_FAMILY}; }`;
