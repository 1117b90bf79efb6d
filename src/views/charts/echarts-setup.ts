import {
  BarChart,
  CustomChart,
  GraphChart,
  HeatmapChart,
  LineChart,
  ParallelChart,
  ScatterChart,
} from 'echarts/charts';
import {
  BrushComponent,
  DatasetComponent,
  DataZoomComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  ParallelComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

// Only what the chart builders use is registered (tree-shaken echarts/core), for static SVG and live charts alike.
echarts.use([
  BarChart,
  CustomChart,
  GraphChart,
  HeatmapChart,
  LineChart,
  ParallelChart,
  ScatterChart,
  BrushComponent,
  DatasetComponent,
  DataZoomComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  ParallelComponent,
  TitleComponent,
  TooltipComponent,
  LabelLayout,
  SVGRenderer,
]);

export { echarts };

// Unquoted family names: the SSR output puts them inside a double-quoted style attribute.
export const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
export const INK = '#1a1a1a';
export const MUTED_INK = '#555555';

/** Settings every chart shares: no animation (static output is final), readable text, neutral ink. */
export function withBase(option: EChartsCoreOption): EChartsCoreOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: INK },
    ...option,
  };
}
