import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../../src/app/report.js';
import {
  type ChartSpec,
  drawnSeries,
  legendEntries,
  NARROW_WIDTH,
} from '../../../src/views/charts/chart-spec.js';
import { niceStep } from '../../../src/views/charts/frame.js';
import { renderChartSvg } from '../../../src/views/charts/render-svg.js';
import { MIN_FONT } from '../../../src/views/charts/text-measure.js';
import { tornadoChart } from '../../../src/views/charts/tornado.js';
import { whoGainsChart } from '../../../src/views/charts/who-gains.js';
import { scenarioReport } from './report-fixture.js';
import { overlappingTexts, svgTextBoxes } from './svg-text-boxes.js';

const tornado = (width?: number) =>
  tornadoChart(
    {
      subject: 'december: Ukraine accepts',
      measure: 'margin: worst utility over the completions minus the BATNA (points)',
      atEstimates: 14.9,
      threshold: 0,
      bars: [
        { estimate: 'BATNA', atLow: 27.9, atHigh: -0.1 },
        { estimate: 'weight of Status of Donetsk and Luhansk (Donbas)', atLow: 17, atHigh: 12.1 },
        { estimate: "weight of Ceiling on Ukraine's peacetime armed forces", atLow: 14.4, atHigh: 15.7 },
      ],
    },
    width === undefined ? {} : { width },
  );

/** What must hold of a narrow chart drawn at 1:1: readable, unclipped, uncluttered, an honest legend. */
function expectLegibleAt(spec: ChartSpec, width: number) {
  expect(spec.width).toBe(width);
  const svg = renderChartSvg(spec);
  const texts = svgTextBoxes(svg);
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) {
    expect(t.fontSize, t.text).toBeGreaterThanOrEqual(MIN_FONT);
    // Inside the chart (the estimate of the text's width errs on the wide side: 2 px of slack).
    expect(t.box.x, t.text).toBeGreaterThanOrEqual(-2);
    expect(t.box.x + t.box.width, t.text).toBeLessThanOrEqual(width + 2);
  }
  expect(overlappingTexts(svg)).toEqual([]);
  const drawn = new Set(drawnSeries(spec));
  for (const entry of legendEntries(spec)) expect(drawn.has(entry), entry).toBe(true);
}

describe('narrow layouts: the width is an input of the builder', () => {
  let car: ReportData;
  beforeAll(async () => {
    car = await scenarioReport('teaching-used-car.yaml', { diff: ['opening', 'revised'] });
  }, 120_000);

  it('a tornado laid out for a phone keeps 12 px text inside its width, with no overlaps', () => {
    expectLegibleAt(tornado(NARROW_WIDTH), NARROW_WIDTH);
    expect(tornado().width).toBe(720);
  });

  it('who gains laid out for a phone keeps 12 px text inside its width, with no overlaps', () => {
    const diff = car.diff;
    if (!diff) throw new Error('the fixture has a diff');
    expectLegibleAt(
      whoGainsChart(diff.result.impact, diff.before, diff.after, { width: NARROW_WIDTH }),
      NARROW_WIDTH,
    );
  });

  it('a narrow chart shortens labels but keeps the full text in its description and table', () => {
    const narrow = tornado(NARROW_WIDTH);
    const long = 'weight of Status of Donetsk and Luhansk (Donbas)';
    expect(svgTextBoxes(renderChartSvg(narrow)).map((t) => t.text)).not.toContain(long);
    const labels = (spec: ChartSpec) => (spec.option.yAxis as { data: string[] }).data.join('').length;
    expect(labels(narrow)).toBeLessThan(labels(tornado()));
    expect(narrow.description).toContain(long);
    expect(narrow.table.rows.map((r) => r[0])).toContain(long);
  });

  it('a narrow plot has fewer ticks, each a whole step, ends included', () => {
    const axis = (spec: ChartSpec) => spec.option.xAxis as { min: number; max: number; interval: number };
    for (const spec of [tornado(), tornado(NARROW_WIDTH)]) {
      const { min, max, interval } = axis(spec);
      expect(Number.isInteger(Math.round(((max - min) / interval) * 1e9) / 1e9)).toBe(true);
      expect(Math.abs(min / interval - Math.round(min / interval))).toBeLessThan(1e-9);
    }
    const ticks = (spec: ChartSpec) => (axis(spec).max - axis(spec).min) / axis(spec).interval;
    expect(ticks(tornado(NARROW_WIDTH))).toBeLessThan(ticks(tornado()));
  });

  it('niceStep rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 3, 4.2, 7, 20, 33, 0].map(niceStep)).toEqual([1, 1, 5, 5, 10, 20, 50, 1]);
  });
});
