import type { AnalysisReport } from '../../../../src/app/analyze.js';
import type { ChartSpec } from '../../../../src/views/charts/chart-spec.js';
import { parallelFrontierChart, projectionMatrixChart } from '../../../../src/views/charts/n-party-charts.js';
import { colourScene } from '../../../../src/views/charts/palette.js';
import { utilitySpaceChart } from '../../../../src/views/charts/utility-space-chart.js';
import {
  reportEntities,
  type UtilitySpaceInput,
  utilitySpaceInput,
} from '../../../../src/views/charts/utility-space-input.js';

export interface DashboardCharts {
  input: UtilitySpaceInput;
  /** Two parties: the GENIUS view. More: parallel coordinates, the projection matrix and a chosen pair. */
  charts: ChartSpec[];
  /** The two parties of the 2-D view, as indices into `input.parties`. */
  pair: [number, number];
}

/**
 * One pair of an n-party space drawn in the 2-D view: the points are the n-party frontier (or sample) seen from
 * two parties, which is not those two parties' frontier, so they are drawn as a cloud and named as a projection.
 */
export function pairInput(input: UtilitySpaceInput, [a, b]: [number, number]): UtilitySpaceInput {
  const pick = (p: number[]) => [p[a], p[b]];
  const cloud = input.frontier?.points ?? input.sample?.points ?? [];
  const whole = input.frontier
    ? `the ${input.parties.length}-party frontier`
    : (input.sample?.of ?? 'the outcomes');
  return {
    parties: [input.parties[a], input.parties[b]],
    sample: {
      points: cloud.map(pick),
      seed: input.sample?.seed ?? 1,
      of: `${whole}, projected`,
      reason: `this view projects ${input.parties.length} parties onto two; the projection is not the frontier of the two`,
    },
    packages: input.packages.map((p) => ({ ...p, low: pick(p.low), high: pick(p.high) })),
    solutions: input.solutions.map((s) => ({ ...s, utilities: pick(s.utilities) })),
    ...(input.solutionsOf ? { solutionsOf: input.solutionsOf } : {}),
    zoneEmpty: input.zoneEmpty,
  };
}

/** The linked utility space of a mediator's analysis, from the shared chart layer (colours per entity kept). */
export function dashboardCharts(
  report: AnalysisReport,
  pair: [number, number] = [0, 1],
): DashboardCharts | undefined {
  if (!report.utilitySpace) return undefined;
  const input = utilitySpaceInput(report, report.utilitySpace);
  if (input.parties.length < 2) return undefined;
  const scene = colourScene(reportEntities(report));
  if (input.parties.length === 2) return { input, charts: [utilitySpaceChart(scene, input)], pair: [0, 1] };
  const pairChart = utilitySpaceChart(scene, pairInput(input, pair));
  return {
    input,
    charts: [
      parallelFrontierChart(scene, input),
      projectionMatrixChart(scene, input),
      {
        ...pairChart,
        id: 'pair-projection',
        title: `Projection: ${input.parties[pair[0]].name} × ${input.parties[pair[1]].name}`,
      },
    ],
    pair,
  };
}
