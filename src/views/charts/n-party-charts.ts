import type { ChartSpec } from './chart-spec.js';
import { INK, MUTED_INK } from './echarts-setup.js';
import { BODY_FONT, frame } from './frame.js';
import type { ColourScene } from './palette.js';
import { count, ellipsizeMiddle, textHeight, textWidth } from './text-measure.js';
import { thinByFirst } from './thinning.js';
import { coincidentSolutions, mergePackages, utilitySpaceChart } from './utility-space-chart.js';
import type { ChartPackage, UtilitySpaceInput } from './utility-space-input.js';

/** Most frontier lines drawn in parallel coordinates. */
export const MAX_PARALLEL_LINES = 300;
/** Most points drawn over all panels of the projection matrix together. */
export const MAX_MATRIX_POINTS = 800;

const fmt = (x: number) => (Math.round(x * 10) / 10).toString();
const midpoint = (p: ChartPackage) => p.low.map((x, k) => (x + p.high[k]) / 2);

/** The cloud an n-party chart draws: the frontier when enumerated, else the report's sample, named truthfully. */
function cloudOf(input: UtilitySpaceInput, max: number) {
  const over = input.frontier?.over === 'acceptable-outcomes' ? 'acceptable outcomes' : 'all outcomes';
  if (input.frontier) {
    const thinned = thinByFirst(input.frontier.points, max, 'frontier points');
    return {
      name: `Pareto frontier (over ${over})`,
      points: thinned.points,
      statements: [
        `${input.frontier.size} over ${over}, by ${input.frontier.method}, ${input.frontier.exact ? 'exact' : 'bounded'}.`,
        ...(thinned.statement ? [`${thinned.statement}.`] : []),
      ],
    };
  }
  const sample = input.sample;
  const thinned = thinByFirst(sample?.points ?? [], max, 'sampled outcomes');
  const name = `${count(sample?.points.length ?? 0)} sampled outcomes of ${sample?.of ?? '?'}`;
  return {
    name,
    points: thinned.points,
    statements: [
      `Frontier not drawn: ${sample?.reason ?? 'not computed'}. ${name} (seed ${sample?.seed ?? '?'}), for the shape of the space only; not Pareto-optimal.`,
      ...(thinned.statement ? [`${thinned.statement}.`] : []),
    ],
  };
}

const relaxedNote = (input: UtilitySpaceInput) =>
  input.solutionsOf ? [`Zone empty: solutions shown are those of ${input.solutionsOf}.`] : [];

function markedTable(input: UtilitySpaceInput, caption: string) {
  return {
    caption,
    columns: ['point', 'kind', ...input.parties.map((p) => p.name)],
    rows: [
      ...input.solutions.map((s) => [s.name, 'bargaining solution', ...s.utilities.map(fmt)]),
      ...input.packages.map((p) => [
        p.label || p.id,
        'package',
        ...p.low.map((x, k) => (Math.abs(x - p.high[k]) < 1e-9 ? fmt(x) : `${fmt(x)}–${fmt(p.high[k])}`)),
      ]),
      ['BATNA', 'BATNA', ...input.parties.map((p) => fmt(p.batna))],
    ],
  };
}

/**
 * The frontier of n parties in parallel coordinates: one vertical axis per party, one line per frontier point
 * (thinned, stated), packages at the midpoint of their range and bargaining solutions drawn over it.
 */
export function parallelFrontierChart(scene: ColourScene, input: UtilitySpaceInput): ChartSpec {
  const width = 760;
  const cloud = cloudOf(input, MAX_PARALLEL_LINES);
  const packageGroups = mergePackages(input.packages);
  const legend = [
    cloud.name,
    ...packageGroups.map((g) => g.map((p) => p.id).join(' = ')),
    ...input.solutions.map((s) => s.name),
  ];
  const subtitle = [
    ...cloud.statements,
    'Packages at the midpoint of their range over open issues.',
    ...relaxedNote(input),
  ];
  const title = `Frontier in parallel coordinates (${input.parties.length} parties)`;
  // Axis names are centred on the outer axes too: the margins make room for half of each.
  const naive = (width - 120) / Math.max(1, input.parties.length - 1);
  const axisNames = input.parties.map((p) => ellipsizeMiddle(p.name, Math.min(naive - 12, 220), BODY_FONT));
  const half = (k: number) => textWidth(axisNames[k], BODY_FONT) / 2 + 12;
  const [left, right] = [Math.max(40, half(0)), Math.max(40, half(axisNames.length - 1))];
  const f = frame({ width, plotHeight: 300, title, subtitle, legend, rightMargin: right });
  const series: unknown[] = [
    {
      name: cloud.name,
      type: 'parallel',
      lineStyle: { width: 1, opacity: 0.3, color: '#4d4d4d' },
      itemStyle: { color: '#4d4d4d' },
      data: cloud.points,
    },
    ...packageGroups.map((g) => {
      const style = scene.package(g[0].id);
      return {
        name: g.map((p) => p.id).join(' = '),
        type: 'parallel',
        lineStyle: { width: 3, opacity: 1, color: style.colour, type: style.dash },
        itemStyle: { color: style.colour },
        data: [midpoint(g[0])],
      };
    }),
    ...coincidentSolutions(input.solutions).flatMap((g) =>
      g.map((s, position) => {
        const style = scene.solution(s.name);
        return {
          name: s.name,
          type: 'parallel',
          lineStyle: { width: 2, opacity: 1, color: style.colour, type: position === 0 ? 'solid' : 'dashed' },
          itemStyle: { color: style.colour },
          data: [s.utilities],
        };
      }),
    ),
  ];
  const top = f.plot.y + textHeight(BODY_FONT) + 10;
  return {
    id: 'parallel-frontier',
    title,
    description: `One vertical axis per party (${input.parties.map((p) => p.name).join(', ')}), utility 0 to 100; one line per point. ${subtitle.join(' ')}`,
    width,
    height: f.height + textHeight(BODY_FONT) + 10,
    option: {
      ...f.option,
      legend: shiftLegends(f.option.legend, textHeight(BODY_FONT) + 10),
      parallel: { left, right, top, height: f.plot.height },
      parallelAxis: input.parties.map((_, dim) => ({
        dim,
        name: axisNames[dim],
        min: 0,
        max: 100,
        nameTextStyle: { fontSize: BODY_FONT, color: INK },
        axisLabel: { fontSize: BODY_FONT, color: MUTED_INK },
      })),
      series,
    },
    table: markedTable(input, 'Marked points in parallel coordinates'),
    notes: subtitle,
  };
}

const shiftLegends = (legends: unknown, by: number) =>
  (legends as Array<{ top: number }>).map((l) => ({ ...l, top: l.top + by }));

const PANEL = 170;
const PANEL_GAP_X = 64;
const PANEL_GAP_Y = 58;

/**
 * Every pair of parties in one chart of small panels. Each panel is the projection of the n-party frontier
 * onto two parties, which is not the frontier of those two: the title says so. The points are one shared
 * dataset, thinned to a total budget over all panels.
 */
export function projectionMatrixChart(scene: ColourScene, input: UtilitySpaceInput): ChartSpec {
  const n = input.parties.length;
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([a, b]);
  const columns = Math.min(3, pairs.length);
  const rows = Math.ceil(pairs.length / columns);
  const tick = textWidth('100', BODY_FONT);
  const width = 40 + columns * (PANEL + PANEL_GAP_X);
  const cloud = cloudOf(input, Math.max(60, Math.floor(MAX_MATRIX_POINTS / pairs.length)));
  const projectedName = `${cloud.name}, projected`;
  const packageGroups = mergePackages(input.packages);
  const legend = [
    projectedName,
    ...packageGroups.map((g) => g.map((p) => p.id).join(' = ')),
    ...input.solutions.map((s) => s.name),
  ];
  const subtitle = [
    `Each panel projects the ${n}-party points onto two parties: a projection is not the frontier of those two.`,
    ...cloud.statements,
    'Dashed lines: BATNAs. Packages at the midpoint of their range.',
    ...relaxedNote(input),
  ];
  const title = 'Pairwise projections of the utility space';
  const f = frame({ width, plotHeight: rows * (PANEL + PANEL_GAP_Y), title, subtitle, legend });
  const grid: unknown[] = [];
  const xAxis: unknown[] = [];
  const yAxis: unknown[] = [];
  const series: unknown[] = [];
  const axisName = (k: number) => ellipsizeMiddle(input.parties[k].name, PANEL, BODY_FONT);
  pairs.forEach(([a, b], k) => {
    const left = 20 + tick + textHeight(BODY_FONT) + (k % columns) * (PANEL + PANEL_GAP_X);
    const top = f.plot.y + Math.floor(k / columns) * (PANEL + PANEL_GAP_Y);
    grid.push({ left, top, width: PANEL, height: PANEL });
    const axis = (name: string, gap: number) => ({
      type: 'value',
      gridIndex: k,
      min: 0,
      max: 100,
      interval: 50,
      name,
      nameLocation: 'middle',
      nameGap: gap,
      nameTextStyle: { fontSize: BODY_FONT, color: INK },
      axisLabel: { fontSize: BODY_FONT, color: MUTED_INK },
      splitLine: { lineStyle: { color: '#eeeeee' } },
    });
    xAxis.push(axis(axisName(a), textHeight(BODY_FONT) + 8));
    yAxis.push(axis(axisName(b), tick + 8));
    const on = { xAxisIndex: k, yAxisIndex: k };
    series.push({
      name: projectedName,
      type: 'scatter',
      ...on,
      datasetIndex: 0,
      encode: { x: a, y: b },
      symbolSize: 3,
      itemStyle: { color: '#6b6b6b', opacity: 0.7 },
      markLine: {
        silent: true,
        symbol: 'none',
        label: { show: false },
        lineStyle: { type: 'dashed', color: '#8a8a8a' },
        data: [{ xAxis: input.parties[a].batna }, { yAxis: input.parties[b].batna }],
      },
    });
    for (const g of packageGroups) {
      const style = scene.package(g[0].id);
      const mid = midpoint(g[0]);
      series.push({
        name: g.map((p) => p.id).join(' = '),
        type: 'scatter',
        ...on,
        symbol: style.symbol,
        symbolSize: 9,
        itemStyle: { color: style.colour, borderColor: '#ffffff', borderWidth: 1, opacity: 1 },
        data: [[mid[a], mid[b]]],
      });
    }
    for (const s of input.solutions) {
      const style = scene.solution(s.name);
      series.push({
        name: s.name,
        type: 'scatter',
        ...on,
        symbol: style.symbol,
        symbolSize: 11,
        itemStyle: { color: style.colour, borderColor: '#ffffff', borderWidth: 1, opacity: 1 },
        data: [[s.utilities[a], s.utilities[b]]],
      });
    }
  });
  return {
    id: 'projection-matrix',
    title,
    description: `${pairs.length} panels, one per pair of parties, utility 0 to 100 on both axes. ${subtitle.join(' ')}`,
    width,
    height: f.height,
    option: { ...f.option, dataset: [{ source: cloud.points }], grid, xAxis, yAxis, series },
    table: markedTable(input, 'Marked points (all parties)'),
    notes: subtitle,
  };
}

/**
 * The utility-space charts for a report: the GENIUS view for two parties; for more, parallel coordinates of the
 * frontier and the pairwise projections (labelled as such).
 */
export function utilitySpaceCharts(scene: ColourScene, input: UtilitySpaceInput): ChartSpec[] {
  if (input.parties.length === 2) return [utilitySpaceChart(scene, input)];
  if (input.parties.length < 2) return [];
  return [parallelFrontierChart(scene, input), projectionMatrixChart(scene, input)];
}
