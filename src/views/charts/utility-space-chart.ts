import type { ChartSpec } from './chart-spec.js';
import { INK, MUTED_INK } from './echarts-setup.js';
import { BODY_FONT, frame, utilityAxis } from './frame.js';
import { type Box, type LabelRequest, markerBox, type PlacedLabel, placeLabels } from './label-placement.js';
import type { ColourScene } from './palette.js';
import { count, ellipsizeMiddle, textWidth } from './text-measure.js';
import { thinByFirst } from './thinning.js';
import type { ChartPackage, ChartSolution, UtilitySpaceInput } from './utility-space-input.js';

/** Most frontier points drawn as markers on one line; more are thinned, and the chart says so. */
export const MAX_FRONTIER_POINTS = 400;
const WIDTH = 620;
const PLOT = 420;
const SOLUTION_SIZE = 14;
const PACKAGE_SIZE = 12;
const TICK_WIDTH = textWidth('100', BODY_FONT);

const same = (a: number[], b: number[]) => a.every((x, k) => Math.abs(x - b[k]) < 1e-6);

/** Packages with identical utility boxes in the charted parties, merged so that none hides another. */
export function mergePackages(packages: ChartPackage[]): ChartPackage[][] {
  const groups: ChartPackage[][] = [];
  for (const p of packages) {
    const group = groups.find((g) => same(g[0].low, p.low) && same(g[0].high, p.high));
    if (group) group.push(p);
    else groups.push([p]);
  }
  return groups;
}

/** Solutions at the same point, labelled once ("nash = egalitarian"). */
export function coincidentSolutions(solutions: ChartSolution[]): ChartSolution[][] {
  const groups: ChartSolution[][] = [];
  for (const s of solutions) {
    const group = groups.find((g) => same(g[0].utilities, s.utilities));
    if (group) group.push(s);
    else groups.push([s]);
  }
  return groups;
}

const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

/** Where a placed label goes: set on the series (absolute position, leader line when moved off its marker). */
function layoutOptions(placed: PlacedLabel | undefined) {
  if (!placed) return {};
  return {
    labelLayout: { x: placed.box.x, y: placed.box.y, align: 'left', verticalAlign: 'top' },
    labelLine: { show: placed.leader, lineStyle: { color: MUTED_INK, width: 1 } },
  };
}

/** The label itself: set on the one data item it belongs to. */
function itemLabel(text: string, colour: string) {
  return {
    label: {
      show: true,
      formatter: text,
      fontSize: BODY_FONT,
      color: colour,
      opacity: 1,
      textBorderColor: '#ffffff',
      textBorderWidth: 3,
    },
  };
}

/**
 * The 2-party utility space as GENIUS draws it: the Pareto frontier as a line, the bargaining solutions as
 * markers, each party's BATNA as a dashed line, the region above both BATNAs shaded, and the packages (boxes
 * when they leave issues open). Coincident packages and solutions are merged under one label.
 */
export function utilitySpaceChart(scene: ColourScene, input: UtilitySpaceInput): ChartSpec {
  if (input.parties.length !== 2) throw new Error('the utility-space chart needs exactly two parties');
  const [pa, pb] = input.parties;
  const xName = `${ellipsizeMiddle(pa.name, 260, BODY_FONT)} utility (0–100)`;
  const yName = `${ellipsizeMiddle(pb.name, 260, BODY_FONT)} utility (0–100)`;
  const frontier = input.frontier
    ? thinByFirst(input.frontier.points, MAX_FRONTIER_POINTS, 'frontier points')
    : undefined;
  const over = input.frontier?.over === 'acceptable-outcomes' ? 'acceptable outcomes' : 'all outcomes';
  const frontierName = `Pareto frontier (over ${over})`;
  const sampleName = input.sample
    ? `${count(input.sample.points.length)} sampled outcomes of ${input.sample.of}`
    : undefined;
  const packageGroups = mergePackages(input.packages);
  const solutionGroups = coincidentSolutions(input.solutions);
  const batnaName = (p: { name: string }) => `${ellipsizeMiddle(p.name, 200, BODY_FONT)} BATNA`;
  const legend = [
    ...(sampleName ? [sampleName] : []),
    ...(frontier ? [frontierName] : []),
    'above both BATNAs',
    batnaName(pa),
    batnaName(pb),
    ...packageGroups.map((g) => g.map((p) => p.id).join(' = ')),
    ...input.solutions.map((s) => s.name),
  ];
  const subtitle = [
    input.frontier
      ? `${input.frontier.size} over ${over}, by ${input.frontier.method}, ${input.frontier.exact ? 'exact' : 'bounded'}.`
      : `Frontier not drawn: ${input.sample?.reason ?? 'not computed'}.`,
    ...(frontier?.statement ? [`${frontier.statement}.`] : []),
    ...(input.sample ? [`${sampleName} (seed ${input.sample.seed}), for the shape of the space only.`] : []),
    ...(input.solutionsOf ? [`Zone empty: solutions shown are those of ${input.solutionsOf}.`] : []),
  ];
  const f = frame({
    width: WIDTH,
    plotHeight: PLOT,
    title: `Utility space: ${pa.name} and ${pb.name}`,
    subtitle,
    legend,
    xName,
    yName,
    yTickWidth: TICK_WIDTH,
    rightMargin: WIDTH - PLOT - (10 + 23 + TICK_WIDTH + 10),
  });
  const plot = f.plot;
  const px = (u: number) => plot.x + (u / 100) * plot.width;
  const py = (u: number) => plot.y + (1 - u / 100) * plot.height;

  const requests: LabelRequest[] = [];
  const obstacles: Box[] = [];
  solutionGroups.forEach((g, k) => {
    const [x, y] = [px(g[0].utilities[0]), py(g[0].utilities[1])];
    obstacles.push(markerBox(x, y, SOLUTION_SIZE));
    requests.push({
      id: `s${k}`,
      text: g.map((s) => s.name).join(' = '),
      fontSize: BODY_FONT,
      anchor: { x, y },
      radius: SOLUTION_SIZE / 2,
    });
  });
  packageGroups.forEach((g, k) => {
    const [x, y] = [px(g[0].high[0]), py(g[0].high[1])];
    if (same(g[0].low, g[0].high)) obstacles.push(markerBox(x, y, PACKAGE_SIZE));
    requests.push({
      id: `p${k}`,
      text: g.map((p) => p.label || p.id).join(' = '),
      fontSize: BODY_FONT,
      anchor: { x, y },
      radius: PACKAGE_SIZE / 2,
    });
  });
  requests.push({
    id: 'ba',
    text: `${batnaName(pa)} ${fmt(pa.batna)}`,
    fontSize: BODY_FONT,
    anchor: { x: px(pa.batna), y: plot.y + 8 },
    radius: 0,
  });
  requests.push({
    id: 'bb',
    text: `${batnaName(pb)} ${fmt(pb.batna)}`,
    fontSize: BODY_FONT,
    anchor: { x: plot.x + plot.width - 6, y: py(pb.batna) },
    radius: 0,
  });
  const { placed } = placeLabels(requests, obstacles, plot);
  const at = (id: string) => placed.find((p) => p.id === id);

  const series: unknown[] = [];
  if (input.sample && sampleName)
    series.push({
      name: sampleName,
      type: 'scatter',
      symbolSize: 3,
      silent: true,
      itemStyle: { color: '#bdbdbd' },
      data: input.sample.points.map((p) => [p[0], p[1]]),
    });
  if (frontier)
    series.push({
      name: frontierName,
      type: 'line',
      symbol: 'circle',
      symbolSize: frontier.points.length > 120 ? 3 : 5,
      lineStyle: { color: '#4d4d4d', width: 1.5 },
      itemStyle: { color: '#4d4d4d' },
      data: frontier.points.map((p) => [p[0], p[1]]),
    });
  series.push({
    name: 'above both BATNAs',
    type: 'line',
    data: [],
    itemStyle: { color: '#cfe3f3' },
    markArea: {
      silent: true,
      itemStyle: { color: 'rgba(86,180,233,0.14)' },
      data: [
        [
          { xAxis: pa.batna, yAxis: pb.batna },
          { xAxis: 100, yAxis: 100 },
        ],
      ],
    },
  });
  const batnaLine = (party: typeof pa, id: string, points: number[][]) => {
    const style = scene.party(party.id);
    series.push({
      name: batnaName(party),
      type: 'line',
      symbol: 'circle',
      symbolSize: 0.1,
      lineStyle: { color: style.colour, type: 'dashed', width: 1.5 },
      itemStyle: { color: style.colour },
      ...layoutOptions(at(id)),
      data: [
        points[0],
        { value: points[1], ...itemLabel(`${batnaName(party)} ${fmt(party.batna)}`, style.text) },
      ],
    });
  };
  batnaLine(pa, 'ba', [
    [pa.batna, 0],
    [pa.batna, 100],
  ]);
  batnaLine(pb, 'bb', [
    [0, pb.batna],
    [100, pb.batna],
  ]);
  packageGroups.forEach((g, k) => {
    const style = scene.package(g[0].id);
    const name = g.map((p) => p.id).join(' = ');
    const text = g.map((p) => p.label || p.id).join(' = ');
    const [lo, hi] = [g[0].low, g[0].high];
    if (same(lo, hi)) {
      series.push({
        name,
        type: 'scatter',
        symbol: style.symbol,
        symbolSize: PACKAGE_SIZE,
        itemStyle: { color: style.colour, borderColor: '#ffffff', borderWidth: 1, opacity: 1 },
        ...layoutOptions(at(`p${k}`)),
        data: [{ value: [hi[0], hi[1]], ...itemLabel(text, style.text) }],
      });
    } else {
      series.push({
        name,
        type: 'line',
        symbol: 'circle',
        symbolSize: 0.1,
        lineStyle: { color: style.colour, width: 2, type: style.dash },
        itemStyle: { color: style.colour },
        ...layoutOptions(at(`p${k}`)),
        data: [
          [lo[0], lo[1]],
          [hi[0], lo[1]],
          { value: [hi[0], hi[1]], ...itemLabel(text, style.text) },
          [lo[0], hi[1]],
          [lo[0], lo[1]],
        ],
      });
    }
  });
  solutionGroups.forEach((g, k) => {
    g.forEach((s, position) => {
      const style = scene.solution(s.name);
      series.push({
        name: s.name,
        type: 'scatter',
        symbol: style.symbol,
        symbolSize: SOLUTION_SIZE - position * 3,
        z: 5 + position,
        itemStyle: { color: style.colour, borderColor: '#ffffff', borderWidth: 1, opacity: 1 },
        ...(position === 0 ? layoutOptions(at(`s${k}`)) : {}),
        data: [
          {
            value: [s.utilities[0], s.utilities[1]],
            ...(position === 0 ? itemLabel(g.map((x) => x.name).join(' = '), INK) : {}),
          },
        ],
      });
    });
  });

  const description = [
    `Utility of ${pa.name} (horizontal) against ${pb.name} (vertical), 0 to 100.`,
    ...subtitle,
    `BATNAs: ${pa.name} ${fmt(pa.batna)}, ${pb.name} ${fmt(pb.batna)}.`,
    input.solutions.length > 0
      ? `Solutions: ${input.solutions.map((s) => `${s.name} (${fmt(s.utilities[0])}, ${fmt(s.utilities[1])})`).join('; ')}.`
      : 'No bargaining solution to mark.',
    ...packageGroups.map(
      (g) =>
        `Package ${g.map((p) => p.id).join(' and ')}: ${same(g[0].low, g[0].high) ? `(${fmt(g[0].low[0])}, ${fmt(g[0].low[1])})` : `${fmt(g[0].low[0])}–${fmt(g[0].high[0])} by ${fmt(g[0].low[1])}–${fmt(g[0].high[1])}`}.`,
    ),
  ].join(' ');
  return {
    id: `utility-space-${pa.id}-${pb.id}`,
    title: `Utility space: ${pa.name} and ${pb.name}`,
    description,
    width: f.width,
    height: f.height,
    option: {
      ...f.option,
      xAxis: utilityAxis(xName, 'x', TICK_WIDTH),
      yAxis: utilityAxis(yName, 'y', TICK_WIDTH),
      series,
    },
    table: {
      caption: `Marked points in the utility space of ${pa.name} and ${pb.name}`,
      columns: ['point', 'kind', pa.name, pb.name],
      rows: [
        ...input.solutions.map((s) => [
          s.name,
          'bargaining solution',
          fmt(s.utilities[0]),
          fmt(s.utilities[1]),
        ]),
        ...input.packages.map((p) => [
          p.label || p.id,
          'package',
          same([p.low[0]], [p.high[0]]) ? fmt(p.low[0]) : `${fmt(p.low[0])}–${fmt(p.high[0])}`,
          same([p.low[1]], [p.high[1]]) ? fmt(p.low[1]) : `${fmt(p.low[1])}–${fmt(p.high[1])}`,
        ]),
        ...input.parties.map((p) => [
          `${p.name} BATNA`,
          'BATNA',
          p === pa ? fmt(p.batna) : '',
          p === pb ? fmt(p.batna) : '',
        ]),
      ],
    },
    notes: subtitle,
  };
}
