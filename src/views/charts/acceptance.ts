import type { Proportion } from '../../core/statistics/index.js';
import { type ChartLayout, type ChartSpec, isNarrow } from './chart-spec.js';
import { INK } from './echarts-setup.js';
import { BODY_FONT, frame, valueAxis } from './frame.js';
import { ellipsizeMiddle, textWidth } from './text-measure.js';

/** How often every signatory accepts one package, under the worst and under typical completions of its open issues. */
export interface PackageAcceptance {
  id: string;
  /** Every open issue settled the worst way for each party (absent when that run was not made). */
  worst?: Proportion;
  /** Open issues settled at random, every completion equally likely. */
  typical: Proportion;
}

export const WORST_SERIES = 'worst completion';
export const TYPICAL_SERIES = 'typical completion';
export const INTERVAL_SERIES = '95% interval';
const percent = (x: number) => Math.round(x * 1000) / 10;
const shown = (p: Proportion) => `${percent(p.p)}% (${percent(p.ci95[0])}–${percent(p.ci95[1])}%)`;

/**
 * P(every signatory accepts) per package, under the worst and under typical completions, with 95% intervals:
 * the robustness chart. A package whose open issues can go badly scores 0 under the worst completion; the
 * typical bar shows how often it would pass if they were settled at random.
 */
export function acceptanceChart(
  packages: PackageAcceptance[],
  samples: number,
  layout: ChartLayout = {},
): ChartSpec {
  const width = layout.width ?? 640;
  const labels = packages.map((p) => ellipsizeMiddle(p.id, isNarrow(width) ? 90 : 180, BODY_FONT));
  const yTick = Math.max(20, ...labels.map((l) => textWidth(l, BODY_FONT)));
  const hasWorst = packages.some((p) => p.worst);
  const xName = 'every signatory accepts (% of draws)';
  const title = 'How often every signatory accepts each package';
  const subtitle = [
    `${samples.toLocaleString('en-US')} draws of the estimates per package; lines are 95% Wilson intervals.`,
    ...(hasWorst ? ['Worst completion: every open issue settled the worst way for each party.'] : []),
  ];
  const legend = [...(hasWorst ? [WORST_SERIES] : []), TYPICAL_SERIES, INTERVAL_SERIES];
  const f = frame({
    width,
    plotHeight: Math.max(80, packages.length * (hasWorst ? 40 : 26)),
    title,
    subtitle,
    legend,
    xName,
    yTickWidth: yTick,
  });
  const bar = (name: string, colour: string, values: Array<Proportion | undefined>) => ({
    name,
    type: 'bar',
    barWidth: 12,
    barGap: '30%',
    itemStyle: { color: colour },
    data: values.map((p) => (p ? percent(p.p) : 0)),
  });
  // One thin line per interval, offset to its bar (category index ± a quarter), all under one legend entry.
  const offset = hasWorst ? 0.18 : 0;
  const interval = (p: Proportion | undefined, k: number, dy: number) =>
    p
      ? [
          {
            name: INTERVAL_SERIES,
            type: 'line',
            yAxisIndex: 1,
            symbol: 'none',
            lineStyle: { color: INK, width: 1.5 },
            itemStyle: { color: INK },
            data: [
              [percent(p.ci95[0]), k + dy],
              [percent(p.ci95[1]), k + dy],
            ],
          },
        ]
      : [];
  return {
    id: 'acceptance',
    title,
    description: `${subtitle.join(' ')} ${packages
      .map((p) => `${p.id}: typical ${shown(p.typical)}${p.worst ? `, worst ${shown(p.worst)}` : ''}.`)
      .join(' ')}`,
    width: f.width,
    height: f.height,
    option: {
      ...f.option,
      // Not on the hidden axis's zero, which would draw the x axis through the first row.
      xAxis: { ...valueAxis(xName, 0, 100, undefined, f.plot.width), axisLine: { onZero: false } },
      yAxis: [
        {
          type: 'category',
          data: labels,
          inverse: true,
          axisLabel: { fontSize: BODY_FONT, color: INK, interval: 0 },
          axisTick: { show: false },
        },
        // A hidden value axis over the same rows, for the interval lines.
        { type: 'value', min: -0.5, max: packages.length - 0.5, inverse: true, show: false },
      ],
      series: [
        ...(hasWorst
          ? [
              bar(
                WORST_SERIES,
                '#b2182b',
                packages.map((p) => p.worst),
              ),
            ]
          : []),
        bar(
          TYPICAL_SERIES,
          '#2166ac',
          packages.map((p) => p.typical),
        ),
        ...packages.flatMap((p, k) => [
          ...interval(p.worst, k, -offset),
          ...interval(p.typical, k, hasWorst ? offset : 0),
        ]),
      ],
    },
    table: {
      caption: 'Every signatory accepts, per package',
      columns: ['package', ...(hasWorst ? ['worst completion'] : []), 'typical completion'],
      rows: packages.map((p) => [
        p.id,
        ...(hasWorst ? [p.worst ? shown(p.worst) : 'not run'] : []),
        shown(p.typical),
      ]),
    },
    notes: subtitle,
  };
}
