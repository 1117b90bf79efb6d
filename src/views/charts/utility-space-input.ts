import type { AnalysisReport } from '../../app/analyze.js';
import type { UtilitySpaceData } from '../../app/report.js';
import type { BargainingResult } from '../../core/analysis/bargaining/bargaining-types.js';

export interface ChartParty {
  id: string;
  name: string;
  batna: number;
}

export interface ChartPackage {
  id: string;
  label: string;
  /** Utility range per charted party over the issues the package leaves open (equal ends: complete). */
  low: number[];
  high: number[];
}

export interface ChartSolution {
  /** Concept name (nash, kalai-smorodinsky, …). */
  name: string;
  utilities: number[];
}

/** What the utility-space charts draw, in chart-party order, taken from an analysis without computing anything. */
export interface UtilitySpaceInput {
  parties: ChartParty[];
  frontier?: {
    points: number[][];
    over: 'all-outcomes' | 'acceptable-outcomes';
    /** "44 Pareto-optimal outcomes" or "1,775 distinct Pareto-optimal utility vectors". */
    size: string;
    method: string;
    exact: boolean;
    note?: string;
  };
  /** A seeded uniform sample of outcomes, when the frontier was not enumerated. */
  sample?: { points: number[][]; seed: number; of: string; reason: string };
  packages: ChartPackage[];
  solutions: ChartSolution[];
  /** Set when the solutions are those of a relaxation (the zone itself is empty). */
  solutionsOf?: string;
  zoneEmpty: boolean;
}

const formatOutcomes = (report: AnalysisReport) =>
  report.space.exact ? report.space.outcomes.toLocaleString('en-US') : report.space.outcomes.toExponential(2);

function solutionsIn(bargaining: BargainingResult, parties: ChartParty[]): ChartSolution[] {
  const solutions: ChartSolution[] = [];
  for (const solution of bargaining.solutions) {
    const outcome = solution.discrete?.outcomes[0];
    if (!outcome) continue;
    const byParty = new Map(bargaining.parties.map((p, k) => [p.party, outcome.utilities[k]]));
    if (parties.every((p) => byParty.has(p.id)))
      solutions.push({ name: solution.concept, utilities: parties.map((p) => byParty.get(p.id) ?? 0) });
  }
  return solutions;
}

/**
 * The charted parties are the frontier's (so `--parties a,b` charts exactly a and b); without a frontier, the
 * parties of the report's sample.
 */
export function utilitySpaceInput(report: AnalysisReport, space: UtilitySpaceData): UtilitySpaceInput {
  const byId = new Map(report.parties.map((p, model) => [p.id, { ...p, model }]));
  const frontier = 'skipped' in report.frontier ? undefined : report.frontier;
  const ids = frontier ? frontier.parties : space.parties.map((p) => p.party);
  const parties = ids.map((id) => {
    const p = byId.get(id);
    return { id, name: p?.name ?? id, batna: p?.batna ?? 0, model: p?.model ?? -1 };
  });
  const packages = report.packages.map((p) => {
    const evaluations = parties.map((party) => p.evaluation.parties[party.model]);
    return {
      id: p.id,
      label: p.label,
      low: evaluations.map((e) => e.utility.min),
      high: evaluations.map((e) => e.utility.max),
    };
  });
  const relaxed = report.bargaining.empty && report.relaxation !== undefined;
  const bargaining = relaxed && report.relaxation ? report.relaxation.bargaining : report.bargaining;
  const chartParties = parties.map(({ id, name, batna }) => ({ id, name, batna }));
  return {
    parties: chartParties,
    ...(frontier
      ? {
          frontier: {
            points: frontier.points.map((p) => p.utilities),
            over: frontier.over,
            size:
              frontier.outcomes === undefined
                ? `${frontier.distinctVectors.toLocaleString('en-US')} distinct Pareto-optimal utility vectors`
                : `${frontier.outcomes.toLocaleString('en-US')} Pareto-optimal outcomes`,
            method: frontier.method,
            exact: frontier.exact,
            ...(frontier.truncated || !frontier.exact ? { note: frontier.note } : {}),
          },
        }
      : {}),
    ...(!frontier && space.sample && 'skipped' in report.frontier
      ? {
          sample: {
            points: space.sample.points,
            seed: space.sample.seed,
            of: formatOutcomes(report),
            reason: report.frontier.skipped,
          },
        }
      : {}),
    packages,
    solutions: solutionsIn(bargaining, chartParties),
    ...(relaxed && report.relaxation
      ? { solutionsOf: `the relaxation dropping ${report.relaxation.labels.join(' and ')}` }
      : {}),
    zoneEmpty: report.zone.empty,
  };
}

/** Every entity a report draws, in a stable order, for `colourScene`. */
export function reportEntities(report: AnalysisReport) {
  const bargaining =
    report.bargaining.empty && report.relaxation ? report.relaxation.bargaining : report.bargaining;
  return {
    parties: report.parties.map((p) => p.id),
    packages: report.packages.map((p) => p.id),
    solutions: bargaining.solutions.map((s): string => s.concept),
  };
}
