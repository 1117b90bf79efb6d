import { bargainingSolutions } from '../core/analysis/bargaining/bargaining-solutions.js';
import type { BargainingResult } from '../core/analysis/bargaining/bargaining-types.js';
import {
  type NegmasPointsResult,
  negmasBargainingPoints,
} from '../core/analysis/bargaining/negmas-points.js';
import type { Explanation } from '../core/analysis/explain/explain-empty-zone.js';
import { type IssueGap, issueGaps } from '../core/analysis/gaps/issue-gaps.js';
import type { FrontierOver } from '../core/analysis/pareto/milp-frontier.js';
import { type AgreementZone, agreementZone } from '../core/analysis/zone/agreement-zone.js';
import { AnalysisError } from '../core/analysis/zone/analysis-options.js';
import type { ConventionSet } from '../core/conventions.js';
import { type Evaluation, evaluateSubspace } from '../core/evaluate/evaluate.js';
import type { CompiledScenario } from '../core/model/compile.js';
import { resolvePackage } from '../core/model/resolve.js';
import type { Distribution } from '../core/random/samplers.js';
import { type AnalysisContext, analysisContext } from './analysis-context.js';
import { type Concessions, type ConcessionsInput, concessionsStep } from './concessions.js';
import { explainStep } from './explain.js';
import {
  computeFrontier,
  type FrontierMethodChoice,
  type FrontierPointView,
  type FrontierReport,
} from './frontier.js';
import { type ComputePorts, runStep } from './ports.js';
import { type Relaxation, relaxStep } from './relax.js';
import { type RobustnessResult, robustnessStep } from './robustness.js';

export type { Relaxation } from './relax.js';

export interface AnalyzeInput extends ConcessionsInput {
  /** Monte Carlo samples over the estimates' ranges; 0 skips the robustness analysis. */
  samples?: number;
  seed?: number | string;
  distribution?: Distribution;
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
}

export interface PackageSummary {
  id: string;
  label: string;
  versions: string[];
  evaluation: Evaluation;
  conflicts: string[];
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
  focus?: Concessions;
  robustness?: RobustnessResult;
  gaps: IssueGap[];
  timings: Record<string, number>;
}

/** Largest space whose Pareto frontier the analysis enumerates. */
export const FRONTIER_LIMIT = 2_000_000;

/**
 * The whole analysis of a scenario: agreement zone (with explanations and the smallest relaxation when it is
 * empty), Pareto frontier when enumerable, bargaining solutions, every package's evaluation, improvements for a
 * focus package, robustness under the estimates' ranges, and issue gaps. Each step says which method it used.
 * The scenario is compiled once and its space enumerated at most once; every step reads that one table.
 */
export function analyze(input: AnalyzeInput, ports: ComputePorts): Promise<AnalysisReport> {
  return analyzeStep(analysisContext(input), input, ports);
}

/** The analysis on a context another use case built (the report reuses the compiled scenario and its table). */
export async function analyzeStep(
  context: AnalysisContext,
  input: AnalyzeInput,
  ports: ComputePorts,
): Promise<AnalysisReport> {
  const timings: Record<string, number> = {};
  const { compiled } = context;
  const { scenario } = input;
  const method = input.method ?? 'auto';
  const choices = {
    solver: ports.solver,
    method,
    parties: input.parties,
    clock: ports.clock,
    shared: context.table,
  };
  const step = <T>(name: string, run: () => T | Promise<T>) => runStep(ports, timings, name, run);

  const zone = await step('agreement zone', () => agreementZone(compiled, choices));
  let explanation: Explanation | undefined;
  let relaxation: Relaxation | undefined;
  if (zone.empty) {
    const found = await step('explanations', () => explainStep(context, ports));
    explanation = found;
    relaxation = await step('relaxation', () => relaxStep(context, found, ports));
  }

  const frontier = await step('pareto frontier', () =>
    computeFrontier(
      compiled,
      {
        method: input.frontierMethod ?? method,
        over: input.frontierOver,
        parties: input.parties,
        maxListed: input.maxFrontierPoints,
        enumerationLimit: FRONTIER_LIMIT,
        shared: context.table,
      },
      {
        solver: ports.solver,
        onPoint: input.onFrontierPoint,
        clock: ports.clock,
        progress: ports.progress,
        cancel: ports.cancel,
      },
    ),
  );

  const bargaining = await step('bargaining solutions', () => bargainingSolutions(compiled, choices));

  const conventions = input.conventions ?? 'parley';
  const negmas =
    conventions === 'negmas'
      ? await step('negmas points', () => negmasPointsOrReason(compiled, input.parties))
      : undefined;

  const packages = await step('packages', () =>
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

  const focus = await concessionsStep(context, input, ports, timings);

  let robustness: RobustnessResult | undefined;
  const samples = input.samples ?? 0;
  if (samples > 0) {
    robustness = await step('robustness', () =>
      robustnessStep(context, { ...input, samples, seed: input.seed ?? 1 }, ports),
    );
  }

  const gaps = await step('gaps', () => issueGaps(compiled).sort((a, b) => b.total - a.total));

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
