import { INK, MUTED_INK } from './echarts-setup.js';
import type { Box } from './label-placement.js';
import { textHeight, textWidth } from './text-measure.js';

export const TITLE_FONT = 15;
export const BODY_FONT = 12;
const PAD = 10;
const LEGEND_ICON = 25;
const LEGEND_ITEM_GAP = 12;

/** Splits legend entries into rows that fit the width (laid out here, so the plot's margins are known). */
export function legendRows(names: string[], width: number): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let used = 0;
  for (const name of names) {
    const item = itemWidth(name) + LEGEND_ITEM_GAP;
    if (row.length > 0 && used + item > width - 2 * PAD) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(name);
    used += item;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

export interface FrameInput {
  width: number;
  /** Height of the plot area itself. */
  plotHeight: number;
  title: string;
  /** Lines under the title (counts, sampling and thinning statements). */
  subtitle: string[];
  legend: string[];
  /** Axis titles (with units); omit for charts without Cartesian axes. A long x title wraps (see `xNameLines`). */
  xName?: string;
  yName?: string;
  /** Widest y tick label. */
  yTickWidth?: number;
  rightMargin?: number;
}

export interface Frame {
  width: number;
  height: number;
  plot: Box;
  option: Record<string, unknown>;
}

const wrap = (text: string, width: number, fontSize: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
};

const itemWidth = (name: string) => LEGEND_ICON + 5 + textWidth(name, BODY_FONT);

/**
 * One legend component per entry at a computed position: echarts' own legend layout measures text differently
 * on a server and in a browser, which made entries overlap.
 */
function legendItems(rows: string[][], width: number, top: number) {
  return rows.flatMap((row, k) => {
    const total = row.reduce((sum, name) => sum + itemWidth(name), 0) + LEGEND_ITEM_GAP * (row.length - 1);
    let x = Math.max(PAD, (width - total) / 2);
    return row.map((name) => {
      const item = {
        data: [name],
        left: Math.round(x),
        top: Math.round(top + k * (textHeight(BODY_FONT) + 8)),
        padding: 0,
        itemGap: 0,
        itemWidth: LEGEND_ICON,
        itemHeight: 12,
        textStyle: { fontSize: BODY_FONT, color: INK },
      };
      x += itemWidth(name) + LEGEND_ITEM_GAP;
      return item;
    });
  });
}

/**
 * Title, subtitle, legend rows and plot margins computed from text widths, so that the title never meets an
 * axis title and the legend never meets tick labels.
 */
export function frame(input: FrameInput): Frame {
  const usable = input.width - 2 * PAD;
  const titleLines = wrap(input.title, usable, TITLE_FONT);
  const subLines = input.subtitle.flatMap((s) => wrap(s, usable, BODY_FONT));
  const titleHeight = titleLines.length * textHeight(TITLE_FONT) + subLines.length * textHeight(BODY_FONT);
  const yNameRoom = input.yName ? textHeight(BODY_FONT) + 8 : 0;
  // The title–subtitle gap (4) and half a tick label above the plot (8) come on top of the text lines.
  const top = PAD + titleHeight + 4 + 8 + 12 + (input.yName ? 6 : 0);
  const left = PAD + yNameRoom + (input.yTickWidth ?? 0) + 10;
  const right = input.rightMargin ?? 24;
  const xLines = input.xName ? xNameLines(input.xName, input.width - left - right).length : 0;
  const xRoom = input.xName ? textHeight(BODY_FONT) * (1 + xLines) + 14 : textHeight(BODY_FONT) + 10;
  const rows = legendRows(input.legend, input.width);
  const legendHeight = rows.length * (textHeight(BODY_FONT) + 8);
  const plot: Box = {
    x: left,
    y: top,
    width: input.width - left - right,
    height: input.plotHeight,
  };
  const legendTop = top + input.plotHeight + xRoom + 8;
  const height = Math.ceil(legendTop + legendHeight + PAD);
  const option: Record<string, unknown> = {
    title: {
      text: titleLines.join('\n'),
      subtext: subLines.join('\n'),
      left: PAD,
      top: PAD,
      itemGap: 4,
      textStyle: { fontSize: TITLE_FONT, fontWeight: 'bold', color: INK, lineHeight: textHeight(TITLE_FONT) },
      subtextStyle: { fontSize: BODY_FONT, color: MUTED_INK, lineHeight: textHeight(BODY_FONT) },
    },
    legend: legendItems(rows, input.width, legendTop),
    grid: { left, right, top, height: input.plotHeight, containLabel: false },
  };
  return { width: input.width, height, plot, option };
}

/** An x-axis title broken into lines that fit under a plot `plotWidth` wide (it is centred on the plot). */
export function xNameLines(name: string, plotWidth: number): string[] {
  return wrap(name, plotWidth, BODY_FONT);
}

/**
 * A value axis with its title in the middle, clear of the tick labels (below them on x, beside them on y). With
 * `plotWidth` (the frame's plot width), a long x title wraps and a narrow plot gets fewer ticks.
 */
export function valueAxis(
  name: string,
  min: number,
  max: number,
  nameGap = textHeight(BODY_FONT) + 12,
  plotWidth?: number,
) {
  const lines = plotWidth === undefined ? [name] : xNameLines(name, plotWidth);
  const step = niceStep((max - min) / (plotWidth !== undefined && plotWidth < NARROW_PLOT ? 3 : 5));
  // Ends on whole steps: an end label between two ticks would meet its neighbour.
  return {
    type: 'value',
    min: Math.floor(min / step + 1e-9) * step,
    max: Math.ceil(max / step - 1e-9) * step,
    interval: step,
    name: lines.join('\n'),
    nameLocation: 'middle',
    nameGap,
    nameTextStyle: { fontSize: BODY_FONT, color: INK, lineHeight: textHeight(BODY_FONT) },
    axisLabel: { fontSize: BODY_FONT, color: MUTED_INK },
    splitLine: { lineStyle: { color: '#e6e6e6' } },
  };
}

/** Plots narrower than this get three tick intervals rather than five. */
const NARROW_PLOT = 300;

/** A round tick step near `raw`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw - 1e-12) ?? 10;
  return unit * power;
}

/** An axis from 0 to 100 utility points with its title in the middle, clear of the tick labels. */
export function utilityAxis(name: string, orientation: 'x' | 'y', tickWidth: number) {
  return valueAxis(name, 0, 100, orientation === 'x' ? textHeight(BODY_FONT) + 12 : tickWidth + 14);
}
