import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../../src/app/report.js';
import { drawnSeries, legendEntries } from '../../../src/views/charts/chart-spec.js';
import { colourScene } from '../../../src/views/charts/palette.js';
import { renderChartSvg } from '../../../src/views/charts/render-svg.js';
import { MAX_FRONTIER_POINTS, utilitySpaceChart } from '../../../src/views/charts/utility-space-chart.js';
import { reportEntities, utilitySpaceInput } from '../../../src/views/charts/utility-space-input.js';
import { scenarioReport } from './report-fixture.js';
import { overlappingTexts, svgTextBoxes } from './svg-text-boxes.js';

type Series = { name: string; type: string; data: unknown[]; symbol?: string };
const seriesOf = (option: object) => (option as { series: Series[] }).series;

describe('the 2-party utility space', () => {
  let data: ReportData;
  beforeAll(async () => {
    data = await scenarioReport('teaching-used-car.yaml', { parties: ['dealer', 'sam'] });
  }, 60_000);

  it('draws the frontier of the two chosen parties and every bargaining solution, and no third party', () => {
    const input = utilitySpaceInput(data.analysis, data.utilitySpace);
    expect(input.parties.map((p) => p.id)).toEqual(['dealer', 'sam']);
    const spec = utilitySpaceChart(colourScene(reportEntities(data.analysis)), input);
    const series = seriesOf(spec.option);
    const frontier = series.find((s) => s.name.startsWith('Pareto frontier'));
    const frontierReport = data.analysis.frontier;
    if ('skipped' in frontierReport) throw new Error('the frontier of the used car is enumerated');
    expect(frontier?.data.length).toBe(Math.min(frontierReport.points.length, MAX_FRONTIER_POINTS));
    const concepts = data.analysis.bargaining.solutions.filter((s) => s.discrete).map((s) => s.concept);
    expect(concepts.length).toBeGreaterThanOrEqual(4);
    for (const concept of concepts) {
      const marker = series.find((s) => s.name === concept);
      expect(marker?.data.length, concept).toBe(1);
    }
    expect(JSON.stringify(spec)).not.toContain('Priya');
  });

  it('has a legend entry for every drawn series and a drawn series for every legend entry', () => {
    const spec = utilitySpaceChart(
      colourScene(reportEntities(data.analysis)),
      utilitySpaceInput(data.analysis, data.utilitySpace),
    );
    expect(new Set(legendEntries(spec))).toEqual(new Set(drawnSeries(spec)));
    expect(legendEntries(spec)).toContain('Pareto frontier (over all outcomes)');
  });

  it('renders an SVG with an accessible name and description and no overlapping texts', () => {
    const spec = utilitySpaceChart(
      colourScene(reportEntities(data.analysis)),
      utilitySpaceInput(data.analysis, data.utilitySpace),
    );
    const svg = renderChartSvg(spec);
    expect(svg).toMatch(/^<svg[^>]* role="img"[^>]* aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(svg).toContain(`<title id="${spec.id}-title">Utility space: Harbour Motors and Sam</title>`);
    expect(svg).toMatch(/<desc id="[^"]+">Utility of Harbour Motors/);
    const texts = svgTextBoxes(svg);
    // The measure sees the labels it must keep apart: solutions, packages and both BATNAs.
    for (const label of ['nash', 'Harbour Motors BATNA 38.4', 'Opening offer'])
      expect(
        texts.some((t) => t.text.startsWith(label)),
        label,
      ).toBe(true);
    expect(overlappingTexts(svg)).toEqual([]);
    expect(Math.min(...texts.map((t) => t.fontSize))).toBeGreaterThanOrEqual(12);
  });
});
