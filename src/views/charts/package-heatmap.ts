import type { PackageSummary } from '../../app/analyze.js';
import type { ChartSpec } from './chart-spec.js';
import { inkOn } from './contrast.js';
import { divergingColour } from './diverging.js';
import { INK, MUTED_INK } from './echarts-setup.js';
import { BODY_FONT, frame } from './frame.js';
import { ellipsizeMiddle, textHeight, textWidth } from './text-measure.js';

/** Gap to the BATNA, in utility points, at which a cell's colour is at full strength. */
export const FULL_COLOUR_GAP = 40;
const fmt = (x: number) => (Math.round(x * 10) / 10).toString();
const range = (min: number, max: number) =>
  Math.abs(max - min) < 0.05 ? fmt(min) : `${fmt(min)}–${fmt(max)}`;

/**
 * Packages × parties in one grid. Each cell gives the party's utility range over the issues the package leaves
 * open (at the estimates) against its BATNA; its colour is the worst case minus the BATNA (red below, blue
 * above); a thick border marks a red line crossed, a dashed one a red line at stake.
 */
export function packageHeatmapChart(packages: PackageSummary[]): ChartSpec {
  const parties = packages[0]?.evaluation.parties ?? [];
  const cells = packages.flatMap((p, x) =>
    p.evaluation.parties.map((e, y) => {
      const crossed = e.redLines.filter((r) => r.status === 'crossed').map((r) => r.id);
      const atStake = e.redLines.filter((r) => r.status === 'depends').map((r) => r.id);
      const lines = [range(e.utility.min, e.utility.max), `BATNA ${fmt(e.batna.estimate)}`];
      if (crossed.length > 0) lines.push('✕ red line');
      else if (atStake.length > 0) lines.push('? red line');
      return { x, y, e, crossed, atStake, lines, gap: e.utility.min - e.batna.estimate };
    }),
  );
  const cellWidth = Math.max(96, ...cells.flatMap((c) => c.lines.map((l) => textWidth(l, BODY_FONT) + 14)));
  const cellHeight = 3 * textHeight(BODY_FONT) + 12;
  const rowNames = parties.map((p) => ellipsizeMiddle(p.name, 170, BODY_FONT));
  // Columns by id (short, unique); the labels are in the table and the description.
  const columnNames = packages.map((p) => ellipsizeMiddle(p.id, cellWidth - 8, BODY_FONT));
  const yTick = Math.max(...rowNames.map((n) => textWidth(n, BODY_FONT)), 20);
  const width = Math.ceil(40 + yTick + textHeight(BODY_FONT) + cellWidth * packages.length + 24);
  const title = 'Packages × parties: utility against BATNA';
  const subtitle = [
    'Cell: utility range over the issues a package leaves open, at the estimates, and the BATNA.',
    `Colour: worst case minus BATNA, red below and blue above (full at ${FULL_COLOUR_GAP} points). Thick border: a red line crossed; dashed: a red line at stake.`,
  ];
  const f = frame({
    width,
    plotHeight: cellHeight * parties.length,
    title,
    subtitle,
    legend: [],
    xName: 'package',
    yName: 'party',
    yTickWidth: yTick,
  });
  const data = cells.map((c) => {
    const fill = divergingColour(c.gap, FULL_COLOUR_GAP);
    return {
      value: [c.x, c.y, Math.round(c.gap * 10) / 10],
      itemStyle: {
        color: fill,
        opacity: 1,
        borderColor: c.crossed.length > 0 || c.atStake.length > 0 ? INK : '#ffffff',
        borderWidth: c.crossed.length > 0 ? 4 : c.atStake.length > 0 ? 2 : 1,
        borderType: c.crossed.length === 0 && c.atStake.length > 0 ? 'dashed' : 'solid',
      },
      label: {
        show: true,
        position: 'inside',
        formatter: c.lines.join('\n'),
        color: inkOn(fill),
        fontSize: BODY_FONT,
        lineHeight: textHeight(BODY_FONT),
      },
    };
  });
  const category = (names: string[], name: string, gap: number) => ({
    type: 'category',
    data: names,
    name,
    nameLocation: 'middle',
    nameGap: gap,
    nameTextStyle: { fontSize: BODY_FONT, color: INK },
    axisLabel: { fontSize: BODY_FONT, color: MUTED_INK, interval: 0 },
    axisTick: { show: false },
    splitArea: { show: false },
  });
  return {
    id: 'package-heatmap',
    title,
    description: `${packages.length} packages by ${parties.length} parties. ${subtitle.join(' ')} ${cells
      .filter((c) => c.crossed.length > 0)
      .map((c) => `${packages[c.x].id}: ${c.e.name} red line ${c.crossed.join(', ')} crossed.`)
      .join(' ')}`,
    width,
    height: f.height,
    option: {
      ...f.option,
      xAxis: { ...category(columnNames, 'package', textHeight(BODY_FONT) + 10), position: 'bottom' },
      yAxis: { ...category(rowNames, 'party', yTick + 14), inverse: true },
      // Cells are rectangular markers on category axes: echarts' heatmap insists on a visual map, and the
      // colours here are computed per cell.
      series: [
        {
          name: 'utility against BATNA',
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [cellWidth - 3, cellHeight - 3],
          emphasis: { disabled: true },
          data,
        },
      ],
    },
    table: {
      caption: 'Utility per package and party, against the BATNA',
      columns: [
        'package',
        'party',
        'utility (range over open issues)',
        'with uncertain estimates',
        'BATNA',
        'red lines crossed',
        'red lines at stake',
      ],
      rows: cells.map((c) => [
        packages[c.x].label || packages[c.x].id,
        c.e.name,
        range(c.e.utility.min, c.e.utility.max),
        range(c.e.band.min, c.e.band.max),
        fmt(c.e.batna.estimate),
        c.crossed.join(', '),
        c.atStake.join(', '),
      ]),
    },
    notes: subtitle,
  };
}
