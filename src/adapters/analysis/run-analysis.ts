import {
  computeFrontier,
  type FrontierMethodChoice,
  type FrontierPointView,
  type FrontierReport,
} from '../../app/frontier.js';
import { bargainingSolutions } from '../../core/analysis/bargaining/bargaining-solutions.js';
import type { BargainingResult } from '../../core/analysis/bargaining/bargaining-types.js';
import {
  type NegmasPointsResult,
  negmasBargainingPoints,
} from '../../core/analysis/bargaining/negmas-points.js';
import { type WhatWouldItTake, whatWouldItTake } from '../../core/analysis/concessions/fewest-changes.js';
import {
  type ParetoImprovement,
  paretoImprovement,
} from '../../core/analysis/concessions/pareto-improvement.js';
import { withoutZoneConstraints } from '../../core/analysis/explain/drop-constraints.js';
import { type Explanation, explainEmptyZone } from '../../core/analysis/explain/explain-empty-zone.js';
import { bitsOf, minimalHittingSets, setOf } from '../../core/analysis/explain/minimal-hitting-sets.js';
import { type IssueGap, issueGaps } from '../../core/analysis/gaps/issue-gaps.js';
import type { FrontierOver } from '../../core/analysis/pareto/milp-frontier.js';
import { STABILITY_ENUMERATION_LIMIT } from '../../core/analysis/robustness/enumerated-solutions.js';
import type { MonteCarloResult } from '../../core/analysis/robustness/monte-carlo.js';
import { type AgreementZone, agreementZone } from '../../core/analysis/zone/agreement-zone.js';
import { AnalysisError, type MethodChoice } from '../../core/analysis/zone/analysis-options.js';
import type { ConventionSet } from '../../core/conventions.js';
import { type Evaluation, evaluateSubspace } from '../../core/evaluate/evaluate.js';
import { type CompiledScenario, compileScenario } from '../../core/model/compile.js';
import {
  parseVersionRef,
  type Resolution,
  resolvePackage,
  resolveVersions,
} from '../../core/model/resolve.js';
import type { Subspace } from '../../core/model/subspace.js';
import type { Scenario } from '../../schema/scenario.js';
import { createHighsSolver } from '../solver/highs-solver.js';
import { enumeratedSolverModules } from '../workers/enumerated-solvers.js';
import { runMonteCarloParallel } from '../workers/monte-carlo-pool.js';

export interface AnalysisOptions {
  /** Focus package: improvements and "what would it take" are computed for it. */
  package?: string;
  /** Or document versions, as "doc:ver". */
  versions?: string[];
  /** Bargaining parties (default: the signatories). */
  parties?: string[];
  at?: string;
  /** Monte Carlo samples over the estimates' ranges; 0 skips the robustness analysis. */
  samples?: number;
  seed?: number | string;
  threads?: number;
  method?: MethodChoice;
  /** Largest frontier listed point by point (default 2,000; Infinity lists all). */
  maxFrontierPoints?: number;
  /** How the frontier is computed (default: the analysis method; 'decompose' applies to the frontier only). */
  frontierMethod?: FrontierMethodChoice;
  /** Which outcomes the frontier is over (default all outcomes). */
  frontierOver?: FrontierOver;
  /** Receives every frontier point, whatever maxFrontierPoints lists (e.g. a JSON-lines file). */
  onFrontierPoint?: (point: FrontierPointView) => void;
  /** Conventions for the bargaining points: 'parley' (default) or 'negmas' (adds NegMAS's points). */
  conventions?: ConventionSet;
  /** Called with the name of each step as it starts (progress display). */
  onStep?: (step: string) => void;
}

export interface PackageSummary {
  id: string;
  label: string;
  versions: string[];
  evaluation: Evaluation;
  conflicts: string[];
}

export interface Relaxation {
  /** Constraint ids dropped ("party:red-line" or "party:batna"): one smallest set that opens the zone. */
  dropped: string[];
  labels: string[];
  /** Every smallest way to open the zone (minimal hitting sets of the conflicts), as label lists. */
  alternatives: string[][];
  zone: AgreementZone;
  bargaining: BargainingResult;
}

export interface AnalysisReport {
  scenario: { id: string; title: string; asOf?: string; disclaimer?: string };
  at: string | null;
  basis: string;
  space: { issues: number; outcomes: number; exact: boolean };
  parties: Array<{ id: string; name: string; role: string; batna: number; signatory: boolean }>;
  zone: AgreementZone;
  explanation?: Explanation;
  relaxation?: Relaxation;
  frontier: FrontierReport | { skipped: string };
  bargaining: BargainingResult;
  /** Which conventions the report follows; with 'negmas', `negmas` holds NegMAS's bargaining points. */
  conventions: ConventionSet;
  negmas?: NegmasPointsResult | { skipped: string };
  packages: PackageSummary[];
  focus?: {
    target: string;
    improvement: ParetoImprovement;
    whatWouldItTake: WhatWouldItTake;
  };
  robustness?: MonteCarloResult | { skipped: string };
  gaps: IssueGap[];
  timings: Record<string, number>;
}

/** Largest space whose Pareto frontier the analysis enumerates. */
export const FRONTIER_LIMIT = 2_000_000;

function timed<T>(
  timings: Record<string, number>,
  step: string,
  onStep: AnalysisOptions['onStep'],
  run: () => T,
): T {
  onStep?.(step);
  const start = performance.now();
  const result = run();
  if (result instanceof Promise) {
    return result.then((value) => {
      timings[step] = Math.round(performance.now() - start);
      return value;
    }) as T;
  }
  timings[step] = Math.round(performance.now() - start);
  return result;
}

function focusResolution(
  compiled: CompiledScenario,
  options: AnalysisOptions,
): { target: string; resolution: Resolution } | undefined {
  if (options.package) {
    return {
      target: `package '${options.package}'`,
      resolution: resolvePackage(compiled.scenario, compiled.space, options.package),
    };
  }
  if (options.versions && options.versions.length > 0) {
    const refs = options.versions.map(parseVersionRef);
    return {
      target: options.versions.join(' + '),
      resolution: resolveVersions(compiled.scenario, compiled.space, refs),
    };
  }
  return undefined;
}

/**
 * The whole analysis of a scenario: agreement zone (with explanations and the smallest relaxation when it is
 * empty), Pareto frontier when enumerable, bargaining solutions, every package's evaluation, improvements for a
 * focus package, robustness under the estimates' ranges, and issue gaps. Each step says which method it used.
 */
export async function runAnalysis(
  scenario: Scenario,
  options: AnalysisOptions = {},
): Promise<AnalysisReport> {
  const timings: Record<string, number> = {};
  const compiled = compileScenario(scenario, { at: options.at });
  const solver = createHighsSolver();
  const method = options.method ?? 'auto';
  const step = <T>(name: string, run: () => T) => timed(timings, name, options.onStep, run);

  const zone = await step('agreement zone', () =>
    agreementZone(compiled, { solver, method, parties: options.parties }),
  );
  let explanation: Explanation | undefined;
  let relaxation: Relaxation | undefined;
  if (zone.empty) {
    explanation = await step('explanations', () => explainEmptyZone(compiled, { solver, method }));
    relaxation = await step('relaxation', () => smallestRelaxation(compiled, explanation!, options, solver));
  }

  const frontier = await step('pareto frontier', () =>
    computeFrontier(
      compiled,
      {
        method: options.frontierMethod ?? method,
        over: options.frontierOver,
        parties: options.parties,
        maxListed: options.maxFrontierPoints,
        enumerationLimit: FRONTIER_LIMIT,
      },
      { solver, onPoint: options.onFrontierPoint, clock: { now: () => performance.now() } },
    ),
  );

  const bargaining = await step('bargaining solutions', () =>
    bargainingSolutions(compiled, { solver, method, parties: options.parties }),
  );

  const conventions = options.conventions ?? 'parley';
  const negmas =
    conventions === 'negmas'
      ? step('negmas points', () => negmasPointsOrReason(compiled, options.parties))
      : undefined;

  const packages = step('packages', () =>
    scenario.packages.map((pack): PackageSummary => {
      const resolution = resolvePackage(scenario, compiled.space, pack.id);
      return {
        id: pack.id,
        label: pack.label,
        versions: pack.versions,
        evaluation: evaluateSubspace(compiled, resolution.subspace, resolution),
        conflicts: resolution.conflicts.map((c) => c.issue),
      };
    }),
  );

  let focus: AnalysisReport['focus'];
  const chosen = focusResolution(compiled, options);
  if (chosen) {
    const subspace: Subspace = chosen.resolution.subspace;
    const improvement = await step('pareto improvements', () =>
      paretoImprovement(compiled, { package: subspace, solver, method, parties: options.parties }),
    );
    const needed = await step('what would it take', () =>
      whatWouldItTake(compiled, { package: subspace, solver, method, parties: options.parties }),
    );
    focus = { target: chosen.target, improvement, whatWouldItTake: needed };
  }

  let robustness: AnalysisReport['robustness'];
  const samples = options.samples ?? 0;
  if (samples > 0) {
    const specs = scenario.packages.map((p) => p.id);
    const solvers = compiled.space.size <= STABILITY_ENUMERATION_LIMIT ? enumeratedSolverModules() : [];
    if (specs.length === 0) robustness = { skipped: 'the scenario has no packages to test' };
    else {
      robustness = await step('robustness', () =>
        runMonteCarloParallel(scenario, specs, {
          samples,
          seed: options.seed ?? 1,
          at: options.at,
          threads: options.threads,
          solvers,
        }),
      );
    }
  }

  const gaps = step('gaps', () => issueGaps(compiled).sort((a, b) => b.total - a.total));

  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      asOf: scenario.asOf,
      disclaimer: scenario.disclaimer,
    },
    at: compiled.at ?? null,
    basis: "analysts' estimates, not facts",
    space: {
      issues: compiled.space.issues.length,
      outcomes: compiled.space.size,
      exact: compiled.space.sizeIsExact,
    },
    parties: compiled.models.map((m, k) => ({
      id: m.party,
      name: m.name,
      role: m.role,
      batna: m.batna.estimate,
      signatory: compiled.signatories.includes(k),
    })),
    zone,
    explanation,
    relaxation,
    frontier,
    bargaining,
    conventions,
    negmas,
    packages,
    focus,
    robustness,
    gaps,
    timings,
  };
}

/**
 * When the zone is empty, the smallest sets of constraints whose removal opens it are the minimal hitting sets
 * of the conflicts (each conflict must lose one member). The first smallest one is analysed as a hypothesis.
 */
async function smallestRelaxation(
  compiled: CompiledScenario,
  explanation: Explanation,
  options: AnalysisOptions,
  solver: ReturnType<typeof createHighsSolver>,
): Promise<Relaxation | undefined> {
  if (!explanation.complete || explanation.subsets.length === 0) return undefined;
  const hitting = minimalHittingSetsOf(explanation.subsets.map((s) => s.constraints));
  if (hitting.length === 0) return undefined;
  const smallest = Math.min(...hitting.map((h) => h.length));
  const alternatives = hitting.filter((h) => h.length === smallest);
  const dropped = alternatives[0];
  const label = (id: string) => explanation.constraints.find((c) => c.id === id)?.label ?? id;
  const relaxed = withoutZoneConstraints(compiled, dropped);
  const method = options.method ?? 'auto';
  const zone = await agreementZone(relaxed, { solver, method, parties: options.parties });
  const bargaining = await bargainingSolutions(relaxed, { solver, method, parties: options.parties });
  return {
    dropped,
    labels: dropped.map(label),
    alternatives: alternatives.map((a) => a.map(label)),
    zone,
    bargaining,
  };
}

/** NegMAS's points, or why they are not computed (they are defined over enumerated outcomes). */
function negmasPointsOrReason(
  compiled: CompiledScenario,
  parties: string[] | undefined,
): NegmasPointsResult | { skipped: string } {
  try {
    return negmasBargainingPoints(compiled, { parties });
  } catch (error) {
    if (error instanceof AnalysisError) return { skipped: error.message };
    throw error;
  }
}

/** All minimal sets of ids that meet every given set of ids. */
export function minimalHittingSetsOf(family: string[][]): string[][] {
  const universe = [...new Set(family.flat())].sort();
  const sets = family.map((set) => setOf(set.map((id) => universe.indexOf(id))));
  return minimalHittingSets(sets).map((h) => bitsOf(h).map((i) => universe[i]));
}
