import { describe, expect, it } from 'vitest';
import { analysisReportHtml } from '../../src/adapters/report/analysis-report.js';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import type { ComputePorts } from '../../src/app/ports.js';
import { report } from '../../src/app/report.js';
import { serialMap } from '../../src/app/serial-map.js';
import { NEVER_CANCELLED, NO_PROGRESS } from '../../src/core/ports.js';
import { bruteForce, riverClash } from '../app/river-clash.js';
import { scenarioReport } from '../views/charts/report-fixture.js';

const ports: ComputePorts = {
  solver: createHighsSolver(),
  parallel: serialMap(),
  clock: { now: () => 0 },
  progress: NO_PROGRESS,
  cancel: NEVER_CANCELLED,
};

/** The text of the report's frontiers section, tags removed. */
function sectionText(html: string): string {
  const match = /<section id="frontiers">([\s\S]*?)<\/section>/.exec(html);
  if (!match) throw new Error('no frontiers section');
  return match[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('report section: frontiers under the relaxation and of the packages', () => {
  it('states the counts of the river-clash fixture that brute force gives, and draws them', async () => {
    const { scenario, compiled } = riverClash();
    const data = await report({ scenario }, ports);
    const html = analysisReportHtml(data);
    const text = sectionText(html);
    const dropped =
      data.analysis.relaxation?.dropped[0] === 'northland:max-release' ? 'northland' : 'southport';
    const relaxed = bruteForce(compiled, dropped).length;
    expect(text).toContain(`Frontier of the agreement zone under the smallest relaxation`);
    expect(text).toContain(
      `${relaxed} Pareto-optimal outcomes (${relaxed} distinct utility vectors) over the acceptable outcomes, exact`,
    );
    // The Northland draft settles 30 % and a joint commission: its completions are the 3 dispute options.
    const draft = (o: Int32Array) => o[0] === 2 && o[1] === 0;
    const draftFrontier = bruteForce(compiled, 'unconstrained', draft).length;
    expect(text).toMatch(
      new RegExp(
        `The Northland draft, disputes left open disputes 3 ${draftFrontier} Pareto-optimal outcomes \\(${draftFrontier} distinct utility vectors?\\), exact`,
      ),
    );
    // 30 % is below what Southport requires, so none of them is acceptable under the relaxation.
    expect(bruteForce(compiled, dropped, draft)).toHaveLength(0);
    expect(text).toContain('0 Pareto-optimal outcomes (0 distinct utility vectors), exact');
    // The two-party chart of the relaxed zone: axis titles, an accessible name and a data table.
    expect(html).toContain('Frontier of the zone under the smallest relaxation');
    expect(html).toContain('Northland utility (0–100)');
    expect(html).toContain('Frontier points by set');
    // A package set without a point is neither drawn nor in a legend: no chart under the relaxation here.
    expect(html).not.toContain('frontiers under the relaxation</');
  }, 120_000);

  it('draws the flagship: the relaxed zone of 4 parties with its certified bound, and each package', async () => {
    const data = await scenarioReport('ukraine-2025.yaml', { relaxedFrontier: 10 });
    const relaxed = data.analysis.relaxedFrontier?.frontier;
    if (!relaxed || 'skipped' in relaxed) throw new Error('the relaxed frontier was not computed');
    expect(relaxed).toMatchObject({ method: 'milp', exact: false, distinctVectors: 13 });
    expect(relaxed.coverage).toBeCloseTo(6.365, 2);
    const text = sectionText(analysisReportHtml(data));
    expect(text).toContain(
      '13 distinct utility vectors over the acceptable outcomes, bounded: every frontier vector lies within 6.37 utility points of a listed one (certified)',
    );
    expect(text).toContain('in parallel coordinates (4 parties)');
    expect(text).toContain('one line per frontier vector (not a projection)');
    expect(text).toMatch(
      /December[^|]*? 110,592 1,544 Pareto-optimal outcomes \(1,544 distinct utility vectors\), exact/,
    );
    // The packages that leave too much open for enumeration say why they are not drawn.
    expect(text).toContain('geneva: 1,811,082,903,552 outcomes are more than');
  }, 600_000);
});
