import type { EChartsCoreOption } from 'echarts/core';
import { palette, renderChart } from './render-chart.js';

export interface MarkedPoint {
  name: string;
  /** Utilities per charted party (same order as the chart's parties). */
  utilities: number[];
  /** For a partial package: the lower and upper ends per party; absent for a complete outcome. */
  low?: number[];
  high?: number[];
}

export interface UtilityCloud {
  parties: string[];
  /** Frontier points: one utility vector per point. */
  frontier: number[][];
  /** Optional grey background of other outcomes (a sample), to show the space. */
  background?: number[][];
  batna: number[];
  packages: MarkedPoint[];
  solutions: MarkedPoint[];
}

const axisStyle = {
  nameLocation: 'middle',
  nameGap: 28,
  min: 0,
  max: 100,
  splitLine: { lineStyle: { color: '#eee' } },
};

/** Frontier projected on two parties, with BATNA lines, packages (as ranges when partial) and bargaining points. */
export function pairwiseScatter(cloud: UtilityCloud, a: number, b: number): string {
  const pick = (v: number[]) => [v[a], v[b]];
  const series: unknown[] = [];
  if (cloud.background && cloud.background.length > 0) {
    series.push({
      name: 'other outcomes',
      type: 'scatter',
      symbol: 'rect',
      symbolSize: 2.5,
      itemStyle: { color: '#b0b0b0' },
      data: cloud.background.map(pick),
      silent: true,
      // One path for all points keeps the SVG small.
      large: true,
      largeThreshold: 0,
    });
  }
  series.push({
    name: 'Pareto frontier',
    type: 'scatter',
    symbolSize: 5,
    itemStyle: { color: palette[0] },
    data: cloud.frontier.map(pick),
    large: cloud.frontier.length > 300,
    largeThreshold: 300,
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: '#999' },
      label: { formatter: '{b}', fontSize: 12, position: 'insideEndBottom' },
      data: [
        { name: `${cloud.parties[a]} BATNA`, xAxis: cloud.batna[a] },
        { name: `${cloud.parties[b]} BATNA`, yAxis: cloud.batna[b] },
      ],
    },
  });
  cloud.packages.forEach((p, k) => {
    const color = palette[(k + 1) % palette.length];
    if (p.low && p.high) {
      const [x0, y0, x1, y1] = [p.low[a], p.low[b], p.high[a], p.high[b]];
      series.push({
        name: p.name,
        type: 'line',
        data: [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
        symbol: 'none',
        lineStyle: { color, width: 2 },
        areaStyle: undefined,
        label: { show: false },
        endLabel: { show: true, formatter: p.name, color, fontSize: 12 },
      });
    } else {
      series.push({
        name: p.name,
        type: 'scatter',
        symbol: 'rect',
        symbolSize: 11,
        itemStyle: { color },
        label: { show: true, formatter: p.name, position: 'right', fontSize: 12, color },
        data: [pick(p.utilities)],
      });
    }
  });
  const shapes = ['diamond', 'triangle', 'pin', 'circle', 'roundRect'];
  cloud.solutions.forEach((s, k) => {
    series.push({
      name: s.name,
      type: 'scatter',
      symbol: shapes[k % shapes.length],
      symbolSize: 13,
      itemStyle: { color: '#222', borderColor: '#fff', borderWidth: 1 },
      label: { show: true, formatter: s.name, position: k % 2 === 0 ? 'left' : 'bottom', fontSize: 12 },
      data: [pick(s.utilities)],
    });
  });
  const option: EChartsCoreOption = {
    title: {
      text: `${cloud.parties[a]} vs ${cloud.parties[b]}`,
      left: 'center',
      textStyle: { fontSize: 13 },
    },
    legend: { bottom: 0, type: 'plain', textStyle: { fontSize: 12 } },
    grid: { left: 50, right: 40, top: 40, bottom: 120 },
    xAxis: { type: 'value', name: cloud.parties[a], ...axisStyle },
    yAxis: { type: 'value', name: cloud.parties[b], ...axisStyle, nameGap: 34 },
    series,
  };
  return renderChart(option, 540, 560);
}

/** Frontier and marked outcomes in parallel coordinates (one axis per party). */
export function parallelCoordinates(cloud: UtilityCloud): string {
  const option: EChartsCoreOption = {
    title: { text: 'Frontier in parallel coordinates', left: 'center', textStyle: { fontSize: 13 } },
    legend: { bottom: 0, textStyle: { fontSize: 12 } },
    parallelAxis: cloud.parties.map((name, dim) => ({ dim, name, min: 0, max: 100 })),
    parallel: { left: 60, right: 60, top: 50, bottom: 60 },
    series: [
      {
        name: 'Pareto frontier',
        type: 'parallel',
        lineStyle: { width: 1, opacity: 0.25, color: palette[0] },
        data: cloud.frontier,
      },
      ...cloud.packages.map((p, k) => ({
        name: p.name,
        type: 'parallel',
        lineStyle: { width: 3, color: palette[(k + 1) % palette.length] },
        data: [p.utilities],
      })),
      ...cloud.solutions.map((s, k) => ({
        name: s.name,
        type: 'parallel',
        lineStyle: { width: 2, type: 'dashed', color: palette[(k + 4) % palette.length] },
        data: [s.utilities],
      })),
    ],
  };
  return renderChart(option, 760, 420);
}

export interface UtilityBar {
  party: string;
  min: number;
  max: number;
  bandMin: number;
  bandMax: number;
  batna: number;
}

/**
 * Per-party utility of one package: a bar for the range over open issues (at the estimates), whiskers for the
 * range allowing for uncertain estimates, and a tick at the BATNA.
 */
export function utilityBands(title: string, bars: UtilityBar[]): string {
  const parties = bars.map((b) => b.party);
  const option: EChartsCoreOption = {
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    grid: { left: 130, right: 30, top: 40, bottom: 40 },
    xAxis: { type: 'value', min: 0, max: 100, name: 'utility', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: parties, inverse: true },
    legend: {
      bottom: 0,
      data: ['range over open issues', 'with uncertainty', 'BATNA'],
      textStyle: { fontSize: 12 },
    },
    series: [
      {
        name: 'range over open issues',
        type: 'custom',
        itemStyle: { color: palette[0] },
        renderItem: (_params: unknown, api: CustomApi) => {
          const y = api.value(0);
          const start = api.coord([api.value(1), y]);
          const end = api.coord([api.value(2), y]);
          const height = api.size([0, 1])[1] * 0.45;
          return {
            type: 'rect',
            shape: { x: start[0], y: start[1] - height / 2, width: Math.max(3, end[0] - start[0]), height },
            style: { fill: palette[0], opacity: 0.8 },
          };
        },
        encode: { x: [1, 2], y: 0 },
        data: bars.map((b, k) => [k, b.min, b.max]),
      },
      {
        name: 'with uncertainty',
        type: 'custom',
        itemStyle: { color: '#333' },
        renderItem: (_params: unknown, api: CustomApi) => {
          const y = api.value(0);
          const start = api.coord([api.value(1), y]);
          const end = api.coord([api.value(2), y]);
          const h = api.size([0, 1])[1] * 0.3;
          return {
            type: 'group',
            children: [
              {
                type: 'line',
                shape: { x1: start[0], y1: start[1], x2: end[0], y2: end[1] },
                style: { stroke: '#333', lineWidth: 1.5 },
              },
              {
                type: 'line',
                shape: { x1: start[0], y1: start[1] - h / 2, x2: start[0], y2: start[1] + h / 2 },
                style: { stroke: '#333', lineWidth: 1.5 },
              },
              {
                type: 'line',
                shape: { x1: end[0], y1: end[1] - h / 2, x2: end[0], y2: end[1] + h / 2 },
                style: { stroke: '#333', lineWidth: 1.5 },
              },
            ],
          };
        },
        encode: { x: [1, 2], y: 0 },
        data: bars.map((b, k) => [k, b.bandMin, b.bandMax]),
      },
      {
        name: 'BATNA',
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 22],
        itemStyle: { color: '#c0392b' },
        data: bars.map((b, k) => [b.batna, k]),
      },
    ],
  };
  return renderChart(option, 640, 80 + 42 * bars.length);
}

interface CustomApi {
  value(dim: number): number;
  coord(point: number[]): number[];
  size(dataSize: number[]): number[];
}

export interface ProbabilityBar {
  label: string;
  probability: number;
  low: number;
  high: number;
}

/** Probabilities with confidence intervals, grouped by package (robustness of acceptance). */
export function probabilityChart(
  title: string,
  groups: Array<{ name: string; bars: ProbabilityBar[] }>,
): string {
  const labels = [...new Set(groups.flatMap((g) => g.bars.map((b) => b.label)))];
  const option: EChartsCoreOption = {
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    legend: { bottom: 0, textStyle: { fontSize: 12 } },
    grid: { left: 50, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, fontSize: 12 } },
    yAxis: { type: 'value', min: 0, max: 1, name: 'probability' },
    series: groups.map((g) => ({
      name: g.name,
      type: 'bar',
      data: labels.map((label) => g.bars.find((b) => b.label === label)?.probability ?? 0),
    })),
  };
  return renderChart(option, 720, 380);
}

export interface LineSeries {
  name: string;
  points: Array<[string, number]>;
}

/** Values over dates, one line per series (e.g. the gap on each issue across dated versions). */
export function timeLines(title: string, yName: string, lines: LineSeries[]): string {
  // Room under the axis for every legend row (about four entries a row), so the legend never meets the ticks.
  const legendRows = Math.ceil(lines.length / 4);
  const option: EChartsCoreOption = {
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    legend: { bottom: 0, type: 'plain', textStyle: { fontSize: 12 } },
    grid: { left: 50, right: 30, top: 40, bottom: 50 + 24 * legendRows },
    xAxis: { type: 'time', minInterval: 86_400_000 },
    yAxis: { type: 'value', name: yName, min: 0 },
    series: lines.map((l) => ({ name: l.name, type: 'line', symbolSize: 6, data: l.points })),
  };
  return renderChart(option, 760, 350 + 24 * legendRows);
}

export interface GraphNode {
  id: string;
  label: string;
  /** Position: x in [0, 1] (e.g. by date), y lane index. */
  x: number;
  lane: number;
}

/** A drawn version graph: nodes on date-ordered positions, arrows for basedOn links. */
export function lineageGraph(
  title: string,
  nodes: GraphNode[],
  edges: Array<{ from: string; to: string; kind?: string }>,
): string {
  const width = 760;
  const lanes = Math.max(1, ...nodes.map((n) => n.lane + 1));
  const option: EChartsCoreOption = {
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    series: [
      {
        type: 'graph',
        layout: 'none',
        symbolSize: 16,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        label: { show: true, position: 'bottom', fontSize: 12, lineHeight: 16 },
        lineStyle: { color: '#888', width: 1.5, curveness: 0.15 },
        data: nodes.map((n) => ({
          name: n.id,
          value: n.label,
          x: 60 + n.x * (width - 140),
          y: 70 + n.lane * 70,
          label: { formatter: n.label },
        })),
        links: edges.map((e) => ({
          source: e.from,
          target: e.to,
          lineStyle: e.kind === 'merge' ? { type: 'dashed' } : {},
        })),
      },
    ],
  };
  return renderChart(option, width, 90 + lanes * 70);
}

export interface RoundSeries {
  name: string;
  /** [round, value] pairs. */
  points: Array<[number, number]>;
  /** Drawn as a dashed step line without symbols (e.g. a BATNA). */
  reference?: boolean;
  /** Palette index (default: the series' position), so a reference line can share its party's colour. */
  color?: number;
}

/** Values over negotiation rounds, one line per series (e.g. each party's utility of its own offers). */
export function roundLines(title: string, yName: string, series: RoundSeries[]): string {
  const option: EChartsCoreOption = {
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    legend: { bottom: 0, type: 'plain', textStyle: { fontSize: 12 } },
    grid: { left: 50, right: 30, top: 40, bottom: 80 },
    xAxis: { type: 'value', name: 'round', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
    yAxis: { type: 'value', name: yName, min: 0, max: 100 },
    series: series.map((s, position) => {
      const k = s.color ?? position;
      return s.reference
        ? {
            name: s.name,
            type: 'line',
            step: 'end',
            symbol: 'none',
            lineStyle: { type: 'dashed', width: 1, color: palette[k % palette.length] },
            itemStyle: { color: palette[k % palette.length] },
            data: s.points,
          }
        : {
            name: s.name,
            type: 'line',
            // Lines without markers: markers add size and hide the line's shape; the legend names each line.
            showSymbol: false,
            symbolSize: 4,
            itemStyle: { color: palette[k % palette.length] },
            data: s.points,
          };
    }),
  };
  return renderChart(option, 760, 420);
}

export interface OfferTrack {
  /** Who made the offers (a party, or the mediator's texts). */
  name: string;
  /** Utility vectors of the offers, in the order they were made (same party order as the chart). */
  points: number[][];
}

export interface OfferSpace {
  parties: string[];
  /** Frontier utility vectors (may be empty when there is no reference). */
  frontier: number[][];
  batna: number[];
  offers: OfferTrack[];
  /** Marked single points: the agreement, Nash, Kalai. */
  marks: Array<{ name: string; utilities: number[] }>;
}

/**
 * Offers of two parties in utility space: the frontier, each proposer's offers joined in time order, BATNA
 * lines and the marked points.
 */
export function offerScatter(space: OfferSpace): string {
  const series: unknown[] = [];
  if (space.frontier.length > 0) {
    series.push({
      name: 'Pareto frontier',
      type: 'scatter',
      symbolSize: 4,
      itemStyle: { color: '#9bb7d9' },
      data: space.frontier.map((v) => [v[0], v[1]]),
    });
  }
  space.offers.forEach((track, k) => {
    const color = palette[k % palette.length];
    series.push({
      name: `offers by ${track.name}`,
      type: 'line',
      symbolSize: 6,
      lineStyle: { color, width: 1, opacity: 0.6 },
      itemStyle: { color },
      data: track.points.map((v) => [v[0], v[1]]),
    });
  });
  series.push({
    name: 'BATNA',
    type: 'line',
    data: [],
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: '#999' },
      label: { formatter: '{b}', fontSize: 12, position: 'insideEndBottom' },
      data: [
        { name: `${space.parties[0]} BATNA`, xAxis: space.batna[0] },
        { name: `${space.parties[1]} BATNA`, yAxis: space.batna[1] },
      ],
    },
  });
  const shapes = ['pin', 'diamond', 'triangle', 'roundRect'];
  space.marks.forEach((m, k) => {
    series.push({
      name: m.name,
      type: 'scatter',
      symbol: shapes[k % shapes.length],
      symbolSize: k === 0 ? 22 : 14,
      itemStyle: { color: k === 0 ? '#c0392b' : '#222', borderColor: '#fff', borderWidth: 1 },
      label: { show: true, formatter: m.name, position: k % 2 === 0 ? 'right' : 'bottom', fontSize: 12 },
      data: [[m.utilities[0], m.utilities[1]]],
    });
  });
  const option: EChartsCoreOption = {
    title: { text: 'Offers in utility space', left: 'center', textStyle: { fontSize: 13 } },
    legend: { bottom: 0, type: 'plain', textStyle: { fontSize: 12 } },
    grid: { left: 50, right: 40, top: 60, bottom: 80 },
    xAxis: { type: 'value', name: space.parties[0], ...axisStyle },
    yAxis: { type: 'value', name: space.parties[1], ...axisStyle, nameGap: 34 },
    series,
  };
  return renderChart(option, 560, 500);
}

/** Offers of three or more parties in parallel coordinates (one axis per party, one line per offer). */
export function offerParallel(space: OfferSpace): string {
  const option: EChartsCoreOption = {
    title: {
      text: 'Offers in utility space (parallel coordinates)',
      left: 'center',
      textStyle: { fontSize: 13 },
    },
    legend: { bottom: 0, textStyle: { fontSize: 12 } },
    parallelAxis: space.parties.map((name, dim) => ({ dim, name, min: 0, max: 100 })),
    parallel: { left: 60, right: 80, top: 80, bottom: 60 },
    series: [
      ...space.offers.map((track, k) => ({
        name: `offers by ${track.name}`,
        type: 'parallel',
        lineStyle: { width: 1, opacity: 0.35, color: palette[k % palette.length] },
        data: track.points,
      })),
      {
        name: 'BATNA',
        type: 'parallel',
        lineStyle: { width: 2, type: 'dotted', color: '#999' },
        data: [space.batna],
      },
      ...space.marks.map((m, k) => ({
        name: m.name,
        type: 'parallel',
        lineStyle: {
          width: k === 0 ? 4 : 2,
          type: k === 0 ? 'solid' : 'dashed',
          color: k === 0 ? '#c0392b' : '#222',
        },
        data: [m.utilities],
      })),
    ],
  };
  return renderChart(option, 760, 440);
}
