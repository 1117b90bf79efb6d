import type { ChartSpec } from './chart-spec.js';
import { INK, MUTED_INK } from './echarts-setup.js';
import { BODY_FONT, frame, utilityAxis } from './frame.js';
import type { ColourScene, EntityStyle } from './palette.js';
import { count, ellipsizeMiddle, textHeight, textWidth } from './text-measure.js';
import { thinByFirst } from './thinning.js';

/** One frontier drawn as one entity: a package's open issues, or the agreement zone under a relaxation. */
export interface FrontierSet {
  /** Package id (coloured as that package everywhere), or any id for the zone. */
  id: string;
  kind: 'package' | 'zone';
  /** Legend name. */
  name: string;
  /** Utility vectors, in the order of the chart's parties. */
  points: number[][];
  /** Stated under the title: what the set is, its count, method and exactness or certified bound. */
  statement: string;
}

export interface FrontierSetsInput {
  id: string;
  title: string;
  parties: Array<{ id: string; name: string; batna: number }>;
  sets: FrontierSet[];
  /** Lines under the title before the sets' statements (what the frontiers are over, hypotheses). */
  context: string[];
}

/** Most lines (or points) drawn per set. */
export const MAX_SET_POINTS = 300;
/** Most rows per set in the data table. */
export const MAX_TABLE_ROWS = 25;

const ZONE_STYLE: EntityStyle = {
  colour: '#4d4d4d',
  text: '#4d4d4d',
  symbol: 'circle',
  dash: 'solid',
};
const TICK_WIDTH = textWidth('100', BODY_FONT);
const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

const styleOf = (scene: ColourScene, set: FrontierSet) =>
  set.kind === 'package' ? scene.package(set.id) : ZONE_STYLE;

/** `max` rows evenly spread over the list, the first and last included. */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, s) => items[Math.round((s * (items.length - 1)) / (max - 1))]);
}

function dataTable(input: FrontierSetsInput, drawn: Array<{ set: FrontierSet; points: number[][] }>) {
  const cut = drawn.some((d) => d.points.length > MAX_TABLE_ROWS);
  return {
    caption: `Frontier points by set${cut ? ` (at most ${MAX_TABLE_ROWS} per set, evenly spread over the drawn points)` : ''}`,
    columns: ['frontier', ...input.parties.map((p) => p.name)],
    rows: [
      ...drawn.flatMap((d) =>
        spread(d.points, MAX_TABLE_ROWS).map((point) => [d.set.name, ...point.map(fmt)]),
      ),
      ['BATNA', ...input.parties.map((p) => fmt(p.batna))],
    ],
  };
}

/**
 * Frontiers of several sets in one chart, one colour per entity (a package keeps its colour from the rest of
 * the report): for two parties, the utility plane with the BATNAs dashed; for more, parallel coordinates, one
 * vertical axis per party and one line per frontier vector, labelled as such. A set without a point is not
 * drawn and has no legend entry; its statement says it is empty. Thinning is stated.
 */
export function frontierSetsChart(scene: ColourScene, input: FrontierSetsInput): ChartSpec {
  const drawn = input.sets
    .filter((set) => set.points.length > 0)
    .map((set) => {
      const thinned = thinByFirst(set.points, MAX_SET_POINTS, 'frontier vectors');
      return { set, points: thinned.points, statement: thinned.statement };
    });
  const subtitle = [
    ...input.context,
    ...input.sets.map((set) => set.statement),
    ...drawn.flatMap((d) => (d.statement ? [`${d.set.name}: ${d.statement}.`] : [])),
  ];
  const legend = drawn.map((d) => d.set.name);
  return input.parties.length === 2
    ? planeChart(scene, input, drawn, subtitle, legend)
    : parallelChart(scene, input, drawn, subtitle, legend);
}

type Drawn = Array<{ set: FrontierSet; points: number[][] }>;

function planeChart(
  scene: ColourScene,
  input: FrontierSetsInput,
  drawn: Drawn,
  subtitle: string[],
  legend: string[],
): ChartSpec {
  const width = 640;
  const [a, b] = input.parties;
  const xName = `${a.name} utility (0–100)`;
  const yName = `${b.name} utility (0–100)`;
  const f = frame({
    width,
    plotHeight: 400,
    title: input.title,
    subtitle,
    legend,
    xName,
    yName,
    yTickWidth: TICK_WIDTH,
  });
  const series = drawn.map((d, k) => {
    const style = styleOf(scene, d.set);
    return {
      name: d.set.name,
      type: 'scatter',
      symbol: style.symbol,
      symbolSize: 6,
      itemStyle: { color: style.colour, opacity: 0.85 },
      data: d.points,
      ...(k === 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              label: { show: false },
              lineStyle: { type: 'dashed', color: '#8a8a8a' },
              data: [{ xAxis: a.batna }, { yAxis: b.batna }],
            },
          }
        : {}),
    };
  });
  return {
    id: input.id,
    title: input.title,
    description: `Utility of ${a.name} across, ${b.name} up, 0 to 100; one point per frontier vector; dashed lines are the BATNAs. ${subtitle.join(' ')}`,
    width,
    height: f.height,
    option: {
      ...f.option,
      xAxis: utilityAxis(xName, 'x', TICK_WIDTH),
      yAxis: utilityAxis(yName, 'y', TICK_WIDTH),
      series,
    },
    table: dataTable(input, drawn),
    notes: subtitle,
  };
}

function parallelChart(
  scene: ColourScene,
  input: FrontierSetsInput,
  drawn: Drawn,
  subtitle: string[],
  legend: string[],
): ChartSpec {
  const width = 760;
  const title = `${input.title}, in parallel coordinates (${input.parties.length} parties)`;
  const naive = (width - 120) / Math.max(1, input.parties.length - 1);
  const axisNames = input.parties.map((p) => ellipsizeMiddle(p.name, Math.min(naive - 12, 220), BODY_FONT));
  const half = (k: number) => textWidth(axisNames[k], BODY_FONT) / 2 + 12;
  const [left, right] = [Math.max(40, half(0)), Math.max(40, half(axisNames.length - 1))];
  const lines = [
    'Parallel coordinates: one vertical axis per party, one line per frontier vector (not a projection).',
    ...subtitle,
  ];
  const f = frame({ width, plotHeight: 300, title, subtitle: lines, legend, rightMargin: right });
  const lift = textHeight(BODY_FONT) + 10;
  const all = drawn.flatMap((d) => d.points.flat());
  const low = Math.min(0, ...all);
  const high = Math.max(100, ...all);
  const series = drawn.map((d) => {
    const style = styleOf(scene, d.set);
    return {
      name: d.set.name,
      type: 'parallel',
      lineStyle: {
        width: 1.5,
        opacity: d.points.length > 40 ? 0.35 : 0.8,
        color: style.colour,
        type: style.dash,
      },
      itemStyle: { color: style.colour },
      data: d.points,
    };
  });
  return {
    id: input.id,
    title,
    description: `One vertical axis per party (${input.parties.map((p) => p.name).join(', ')}), utility ${fmt(low)} to ${fmt(high)}; one line per frontier vector, in ${count(drawn.length)} colour-coded sets. ${lines.join(' ')}`,
    width,
    height: f.height + lift,
    option: {
      ...f.option,
      legend: (f.option.legend as Array<{ top: number }>).map((l) => ({ ...l, top: l.top + lift })),
      parallel: { left, right, top: f.plot.y + lift, height: f.plot.height },
      parallelAxis: input.parties.map((_, dim) => ({
        dim,
        name: axisNames[dim],
        min: low,
        max: high,
        nameTextStyle: { fontSize: BODY_FONT, color: INK },
        axisLabel: { fontSize: BODY_FONT, color: MUTED_INK },
      })),
      series,
    },
    table: dataTable(input, drawn),
    notes: lines,
  };
}
