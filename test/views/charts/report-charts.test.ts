import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../../src/app/report.js';
import type { ChartSpec } from '../../../src/views/charts/chart-spec.js';
import { drawnSeries, legendEntries } from '../../../src/views/charts/chart-spec.js';
import { contrastRatio } from '../../../src/views/charts/contrast.js';
import {
  MAX_MATRIX_POINTS,
  parallelFrontierChart,
  projectionMatrixChart,
  utilitySpaceCharts,
} from '../../../src/views/charts/n-party-charts.js';
import { packageHeatmapChart } from '../../../src/views/charts/package-heatmap.js';
import { colourScene } from '../../../src/views/charts/palette.js';
import { renderChartSvg } from '../../../src/views/charts/render-svg.js';
import { reportEntities, utilitySpaceInput } from '../../../src/views/charts/utility-space-input.js';
import { CHANGES_SERIES, DEFERRALS_SERIES, whoGainsChart } from '../../../src/views/charts/who-gains.js';
import { scenarioReport } from './report-fixture.js';
import { overlappingTexts, svgTextBoxes } from './svg-text-boxes.js';

type Series = {
  name: string;
  type: string;
  data?: unknown[];
  itemStyle?: { color?: string };
  lineStyle?: { color?: string };
};
const seriesOf = (spec: ChartSpec) => (spec.option as { series: Series[] }).series;
const colourOf = (s: Series) => s.itemStyle?.color ?? s.lineStyle?.color;

function chartsOf(data: ReportData): ChartSpec[] {
  const scene = colourScene(reportEntities(data.analysis));
  const charts = [
    ...utilitySpaceCharts(scene, utilitySpaceInput(data.analysis, data.utilitySpace)),
    packageHeatmapChart(data.analysis.packages),
  ];
  if (data.diff) charts.push(whoGainsChart(data.diff.result.impact, data.diff.before, data.diff.after));
  return charts;
}

describe('charts of a report (flagship: 4 signatories, a sampled space; used car: 3 parties, a diff)', () => {
  let flagship: ReportData;
  let car: ReportData;
  beforeAll(async () => {
    [flagship, car] = await Promise.all([
      scenarioReport('ukraine-2025.yaml'),
      scenarioReport('teaching-used-car.yaml', { diff: ['opening', 'revised'] }),
    ]);
  }, 120_000);

  it('list in their legends only series they draw', () => {
    for (const data of [flagship, car])
      for (const spec of chartsOf(data)) {
        const drawn = new Set(drawnSeries(spec));
        for (const entry of legendEntries(spec)) expect(drawn.has(entry), `${spec.id}: ${entry}`).toBe(true);
      }
  });

  it('keep each package and solution in one colour across charts, and never give a solution a package colour', () => {
    const colours = new Map<string, string>();
    const scene = colourScene(reportEntities(flagship.analysis));
    const packages = new Set(flagship.analysis.packages.map((p) => p.id));
    const solutions = new Set(reportEntities(flagship.analysis).solutions);
    const charts = utilitySpaceCharts(scene, utilitySpaceInput(flagship.analysis, flagship.utilitySpace));
    expect(charts).toHaveLength(2);
    let compared = 0;
    for (const spec of charts)
      for (const s of seriesOf(spec)) {
        const entity = s.name.split(' = ')[0];
        if (!packages.has(entity) && !solutions.has(entity)) continue;
        const colour = colourOf(s);
        if (colours.has(entity)) {
          expect(colour, `${spec.id}: ${entity}`).toBe(colours.get(entity));
          compared++;
        } else colours.set(entity, colour ?? '');
      }
    expect(compared).toBeGreaterThan(10);
    const packageColours = new Set([...packages].map((p) => scene.package(p).colour));
    for (const s of solutions) expect(packageColours.has(scene.solution(s).colour), s).toBe(false);
  });

  it('label a sample as a sample with its count, never as a frontier, and state the thinning', () => {
    expect('skipped' in flagship.analysis.frontier).toBe(true);
    const scene = colourScene(reportEntities(flagship.analysis));
    const input = utilitySpaceInput(flagship.analysis, flagship.utilitySpace);
    for (const spec of [parallelFrontierChart(scene, input), projectionMatrixChart(scene, input)]) {
      const legend = legendEntries(spec);
      expect(
        legend.some((e) => /^1,500 sampled outcomes of [\d,]+/.test(e)),
        spec.id,
      ).toBe(true);
      expect(
        legend.some((e) => /frontier/i.test(e)),
        spec.id,
      ).toBe(false);
      expect(spec.notes.join(' ')).toMatch(
        /1,500 sampled outcomes, \d+ drawn: every \d+(st|nd|rd|th) by first utility/,
      );
    }
    const matrix = projectionMatrixChart(scene, input);
    expect(matrix.title).toMatch(/projections/i);
    expect(matrix.notes[0]).toMatch(/a projection is not the frontier/);
    // One shared dataset, thinned to a budget over all panels: the size of the page does not grow with the pairs.
    const source = (matrix.option as { dataset: Array<{ source: unknown[] }> }).dataset[0].source;
    expect(source.length).toBeLessThanOrEqual(MAX_MATRIX_POINTS);
  });

  it('mark the frontier with what it is over', () => {
    const scene = colourScene(reportEntities(car.analysis));
    const [parallel] = utilitySpaceCharts(scene, utilitySpaceInput(car.analysis, car.utilitySpace));
    const frontier = car.analysis.frontier;
    if ('skipped' in frontier) throw new Error('the used car frontier is enumerated');
    const over = frontier.over === 'all-outcomes' ? 'all outcomes' : 'acceptable outcomes';
    expect(legendEntries(parallel)).toContain(`Pareto frontier (over ${over})`);
  });

  it('render with an accessible name and description, text of 12 px or more and no overlapping texts', () => {
    for (const data of [flagship, car])
      for (const spec of chartsOf(data)) {
        const svg = renderChartSvg(spec);
        expect(svg, spec.id).toMatch(/^<svg[^>]* role="img"/);
        expect(svg).toContain(`<title id="${spec.id}-title">`);
        expect(spec.description.length).toBeGreaterThan(40);
        const texts = svgTextBoxes(svg);
        expect(Math.min(...texts.map((t) => t.fontSize)), spec.id).toBeGreaterThanOrEqual(12);
        expect(overlappingTexts(svg), spec.id).toEqual([]);
        expect(spec.table.rows.length, spec.id).toBeGreaterThan(0);
      }
  });

  it('give text colours AA contrast on white', () => {
    for (const spec of chartsOf(flagship)) {
      const svg = renderChartSvg(spec);
      const fills = [...svg.matchAll(/<text[^>]* fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
      // White text appears only on dark cells of the heatmap (chosen against its cell); the rest sits on white.
      const onWhite = fills.filter((f) => f !== '#ffffff');
      expect(onWhite.length, spec.id).toBeGreaterThan(0);
      for (const f of onWhite)
        expect(contrastRatio(f, '#ffffff'), `${spec.id}: ${f}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('show who gains per party with deferrals apart from changes, totals matching the attribution', () => {
    const diff = car.diff;
    if (!diff) throw new Error('the used-car report has a diff');
    const spec = whoGainsChart(diff.result.impact, diff.before, diff.after);
    const series = seriesOf(spec);
    expect(series[0].name).toBe(CHANGES_SERIES);
    const deferrals = series.find((s) => s.name === DEFERRALS_SERIES);
    const totals = diff.result.impact.attribution.totals;
    totals.forEach((t, k) => {
      const drawn = (series[0].data?.[k] as number) + ((deferrals?.data?.[k] as number | undefined) ?? 0);
      // Shapley shares sum to the total change (efficiency), up to the rounding of the drawn values.
      expect(drawn).toBeCloseTo(t.total, 1);
    });
  });
});
