import type { EChartsCoreOption } from 'echarts/core';

/** The numbers behind a chart, for a table next to it and for readers who cannot see the chart. */
export interface DataTable {
  caption: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

/**
 * A chart ready to draw: an echarts option (plain, JSON-serialisable data: no functions) plus what makes it
 * accessible and honest. Rendered to static SVG for reports (`renderChartSvg`) or mounted live in a browser
 * (`mountChart`).
 */
export interface ChartSpec {
  /** Stable identifier, unique within a page (used for element ids). */
  id: string;
  /** Accessible name: the chart's title. */
  title: string;
  /** Accessible description: what is drawn, with every count, sample and thinning stated. */
  description: string;
  width: number;
  height: number;
  option: EChartsCoreOption;
  table: DataTable;
  /** Statements a reader must see next to the chart (sampling, thinning, projections, conventions). */
  notes: string[];
}

/** The width a chart is laid out for, in CSS pixels: the builders take it as an input and stay pure. */
export interface ChartLayout {
  width?: number;
}

/** Width of the narrow layout of a chart: a 390 px phone's card, drawn at 1:1 so that no text is under 12 px. */
export const NARROW_WIDTH = 320;

/** True when a layout is narrow: fewer ticks, shorter labels (full text stays in the table and description). */
export const isNarrow = (width: number) => width < 500;

/** Legend entries of a spec: the names listed in its legend(s). */
export function legendEntries(spec: ChartSpec): string[] {
  const legend = spec.option.legend;
  const legends = Array.isArray(legend) ? legend : legend ? [legend] : [];
  return legends.flatMap((l) => ((l as { data?: Array<string | { name: string }> }).data ?? []).map(nameOf));
}

const nameOf = (entry: string | { name: string }) => (typeof entry === 'string' ? entry : entry.name);

/** Series of a spec that draw something: data points, a marked line or a marked area. */
export function drawnSeries(spec: ChartSpec): string[] {
  const series = (spec.option.series ?? []) as Array<Record<string, unknown>>;
  return series
    .filter((s) => {
      const data = s.data as unknown[] | undefined;
      const marked = (key: string) => ((s[key] as { data?: unknown[] } | undefined)?.data?.length ?? 0) > 0;
      const fromDataset = s.datasetIndex !== undefined || s.encode !== undefined;
      return (data?.length ?? 0) > 0 || marked('markLine') || marked('markArea') || fromDataset;
    })
    .map((s) => String(s.name));
}
