import { describe, expect, it } from 'vitest';
import { proportion } from '../../../src/core/statistics/index.js';
import {
  acceptanceChart,
  INTERVAL_SERIES,
  TYPICAL_SERIES,
  WORST_SERIES,
} from '../../../src/views/charts/acceptance.js';
import { drawnSeries, legendEntries, NARROW_WIDTH } from '../../../src/views/charts/chart-spec.js';
import { renderChartSvg } from '../../../src/views/charts/render-svg.js';
import { MIN_FONT } from '../../../src/views/charts/text-measure.js';
import { overlappingTexts, svgTextBoxes } from './svg-text-boxes.js';

const rows = [
  { id: 'november', typical: proportion(30, 300), worst: proportion(0, 300) },
  { id: 'european-counter', typical: proportion(120, 300), worst: proportion(3, 300) },
];

describe('acceptance chart (robustness probabilities)', () => {
  it('draws one bar per package and measure at the share in percent, with its interval in the table', () => {
    const spec = acceptanceChart(rows, 300);
    const series = spec.option.series as Array<{ name: string; type: string; data: unknown[] }>;
    expect(series.find((s) => s.name === TYPICAL_SERIES)?.data).toEqual([10, 40]);
    expect(series.find((s) => s.name === WORST_SERIES)?.data).toEqual([0, 1]);
    // Two intervals per package, each from its lower to its upper bound (Wilson, computed independently here).
    const lines = series.filter((s) => s.name === INTERVAL_SERIES);
    expect(lines).toHaveLength(4);
    const wilson = (k: number, n: number) => {
      const z = 1.959963984540054;
      const p = k / n;
      const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
      const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
      return [centre - half, centre + half].map((x) => Math.round(x * 1000) / 10);
    };
    const typicalLine = lines[1].data as number[][];
    expect(typicalLine.map((point) => point[0])).toEqual(wilson(30, 300));
    expect(spec.table.rows[0]).toEqual([
      'november',
      expect.stringMatching(/^0% /),
      expect.stringMatching(/^10% /),
    ]);
  });

  it('lists in its legend only what it draws, and leaves the worst series out when that run was not made', () => {
    for (const spec of [
      acceptanceChart(rows, 300),
      acceptanceChart(
        rows.map(({ worst: _w, ...r }) => r),
        300,
      ),
    ]) {
      const drawn = new Set(drawnSeries(spec));
      for (const entry of legendEntries(spec)) expect(drawn.has(entry), entry).toBe(true);
    }
    expect(
      legendEntries(
        acceptanceChart(
          rows.map(({ worst: _w, ...r }) => r),
          300,
        ),
      ),
    ).not.toContain(WORST_SERIES);
  });

  it('keeps 12 px text with no overlaps in its narrow layout', () => {
    const svg = renderChartSvg(acceptanceChart(rows, 300, { width: NARROW_WIDTH }));
    for (const t of svgTextBoxes(svg)) expect(t.fontSize, t.text).toBeGreaterThanOrEqual(MIN_FONT);
    expect(overlappingTexts(svg)).toEqual([]);
  });
});
