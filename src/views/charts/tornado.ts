import { type ChartLayout, type ChartSpec, isNarrow } from './chart-spec.js';
import { INK } from './echarts-setup.js';
import { BODY_FONT, frame, valueAxis } from './frame.js';
import { ellipsizeMiddle, textWidth } from './text-measure.js';

/** One estimate moved alone across its stated range, the others at their best values. */
export interface TornadoBar {
  /** What was moved, e.g. "Russian Federation BATNA" or "Ukraine weight of territory". */
  estimate: string;
  /** The measure with the estimate at the low and at the high end of its range. */
  atLow: number;
  atHigh: number;
}

/** The sensitivity of one verdict to each estimate (computed by an analysis; this view only draws it). */
export interface TornadoInput {
  /** What the verdict is about, e.g. "december: every signatory accepts". */
  subject: string;
  /** The measure and its unit, e.g. "smallest gain over BATNA (points)". */
  measure: string;
  /** The measure with every estimate at its best value. */
  atEstimates: number;
  /** The verdict changes where the measure crosses this value. */
  threshold: number;
  bars: TornadoBar[];
}

export const LOW_SERIES = 'estimate at the low end of its range';
export const HIGH_SERIES = 'estimate at the high end of its range';
const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

/** True when moving the estimate within its range puts the measure on the other side of the threshold. */
export const flips = (input: TornadoInput, bar: TornadoBar) => {
  const side = (x: number) => x >= input.threshold;
  return side(bar.atLow) !== side(input.atEstimates) || side(bar.atHigh) !== side(input.atEstimates);
};

/**
 * Tornado of a verdict: one bar per estimate from the measure at the estimates out to the measure at each end
 * of the estimate's range, widest first; estimates that flip the verdict are marked in their axis label.
 */
export function tornadoChart(input: TornadoInput, layout: ChartLayout = {}): ChartSpec {
  const width = layout.width ?? 720;
  const narrow = isNarrow(width);
  const bars = [...input.bars].sort(
    (a, b) =>
      Math.abs(b.atHigh - b.atLow) - Math.abs(a.atHigh - a.atLow) || a.estimate.localeCompare(b.estimate),
  );
  const labels = bars.map(
    (b) => `${ellipsizeMiddle(b.estimate, narrow ? 90 : 220, BODY_FONT)}${flips(input, b) ? ' (flips)' : ''}`,
  );
  const yTick = Math.max(20, ...labels.map((l) => textWidth(l, BODY_FONT)));
  const values = bars.flatMap((b) => [b.atLow, b.atHigh]).concat(input.atEstimates, input.threshold);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = Math.max(1, (hi - lo) * 0.08);
  const title = `What flips it: ${input.subject}`;
  const flipping = bars.filter((b) => flips(input, b));
  const subtitle = [
    `Each estimate moved alone to the ends of its stated range, the others at their best values. At the estimates: ${fmt(input.atEstimates)}; the verdict changes at ${fmt(input.threshold)}.`,
    flipping.length > 0
      ? `${flipping.length} of ${bars.length} estimates flip the verdict on their own.`
      : `None of the ${bars.length} estimates flips the verdict on its own.`,
  ];
  const f = frame({
    width,
    plotHeight: Math.max(100, bars.length * 28),
    title,
    subtitle,
    legend: [LOW_SERIES, HIGH_SERIES, 'verdict changes here'],
    xName: input.measure,
    yTickWidth: yTick,
  });
  // Each bar is a thick line from the value at the estimates to the value at one end of the range: it works on
  // both sides of zero, which stacked bars with invisible bases do not.
  const segment = (name: string, colour: string, end: (b: TornadoBar) => number) =>
    bars.map((b, k) => ({
      name,
      type: 'line',
      symbol: 'none',
      lineStyle: { color: colour, width: 14, cap: 'butt' },
      itemStyle: { color: colour },
      data: [
        [input.atEstimates, k],
        [end(b), k],
      ],
    }));
  return {
    id: `tornado-${input.subject}`.replace(/[^A-Za-z0-9-]/g, '-'),
    title,
    description: `${subtitle.join(' ')} ${bars
      .map((b) => `${b.estimate}: ${fmt(b.atLow)} to ${fmt(b.atHigh)}${flips(input, b) ? ', flips' : ''}.`)
      .join(' ')}`,
    width: f.width,
    height: f.height,
    option: {
      ...f.option,
      xAxis: valueAxis(input.measure, Math.floor(lo - pad), Math.ceil(hi + pad), undefined, f.plot.width),
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        axisLabel: { fontSize: BODY_FONT, color: INK, interval: 0 },
        axisTick: { show: false },
      },
      series: [
        ...segment(LOW_SERIES, '#d6604d', (b) => b.atLow),
        ...segment(HIGH_SERIES, '#4393c3', (b) => b.atHigh),
        {
          name: 'verdict changes here',
          type: 'line',
          data: [],
          markLine: {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { color: INK, type: 'solid', width: 1.5 },
            data: [{ xAxis: input.threshold }],
          },
        },
      ],
    },
    table: {
      caption: `Sensitivity of: ${input.subject}`,
      columns: ['estimate', 'at the low end', 'at the high end', 'flips the verdict'],
      rows: bars.map((b) => [b.estimate, fmt(b.atLow), fmt(b.atHigh), flips(input, b) ? 'yes' : 'no']),
    },
    notes: subtitle,
  };
}
