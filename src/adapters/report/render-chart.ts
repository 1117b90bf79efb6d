import { BarChart, CustomChart, GraphChart, LineChart, ParallelChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  ParallelComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  GraphChart,
  LineChart,
  ParallelChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  ParallelComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

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
    return compactPaths(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Path coordinates to a tenth of a pixel: invisible on screen, and it halves the size of dense scatters. */
export function compactPaths(svg: string): string {
  return svg.replace(/ d="([^"]*)"/g, (_, d: string) => ` d="${d.replace(/-?\d+\.\d{2,}/g, (x) => String(Math.round(Number(x) * 10) / 10))}"`);
}
