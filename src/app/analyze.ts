import { bargainingSolutions } from '../core/analysis/bargaining/bargaining-solutions.js';
import type { BargainingResult } from '../core/analysis/bargaining/bargaining-types.js';
import {
  type NegmasPointsResult,
  negmasBargainingPoints,
} from '../core/analysis/bargaining/negmas-points.js';
import type { Explanation } from '../core/analysis/explain/explain-empty-zone.js';
import { type IssueGap, issueGaps } from '../core/analysis/gaps/issue-gaps.js';
import type { MilpSolver } from '../core/analysis/milp/solver.js';
import type { FrontierOver } from '../core/analysis/pareto/milp-frontier.js';
import { resolveCandidates } from '../core/analysis/robustness/candidates.js';
import {
  type TypicalAcceptance,
  typicalCompletionAcceptance,
} from '../core/analysis/robustness/typical-completions.js';
import { type AgreementZone, agreementZone } from '../core/analysis/zone/agreement-zone.js';
import { AnalysisError } from '../core/analysis/zone/analysis-options.js';
import { type Budget, budgetCancellation, budgetedSolver, createBudget } from '../core/budget.js';
import type { ConventionSet } from '../core/conventions.js';
import { type Evaluation, evaluateSubspace } from '../core/evaluate/evaluate.js';
import type { CompiledScenario } from '../core/model/compile.js';
import { outcomeCount } from '../core/model/outcome-count.js';
import { resolvePackage } from '../core/model/resolve.js';
import type { Cancellation } from '../core/ports.js';
import type { Distribution } from '../core/random/samplers.js';
import type { Scenario } from '../schema/scenario.js';
import { type Completeness, completenessOf } from './analysis-completeness.js';
import { type AnalysisContext, analysisContext } from './analysis-context.js';
import { type Concessions, type ConcessionsInput, concessionsStep } from './concessions.js';
import { explainStep } from './explain.js';
import {
  computeFrontier,
  type FrontierMethodChoice,
  type FrontierPointView,
  type FrontierReport,
} from './frontier.js';
import { type RelaxedFrontier, relaxedZoneFrontier } from './frontier-relaxed.js';
import { type PackageFrontier, packageFrontiers } from './package-frontiers.js';
import { CancelledError, type ComputePorts, runStep } from './ports.js';
import { type Relaxation, relaxStep } from './relax.js';
import { type RobustnessResult, robustnessStep } from './robustness.js';
import { type SpaceIssueLabels, spaceIssueLabels } from './space-issues.js';
import { type UtilitySpaceData, utilitySpaceData } from './utility-space-data.js';

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
  /** MILP frontiers: count the outcomes sharing each vector, up to this many per vector (default: not counted). */
  countTies?: number;
  /** Receives every frontier point, whatever maxFrontierPoints lists (e.g. a JSON-lines file). */
  onFrontierPoint?: (point: FrontierPointView) => void;
  /**
   * The frontier of the zone under the smallest relaxation, when the zone is empty and a relaxation opens it.
   * 'auto' (default): when the space is enumerable, or by MILP for two parties; above the enumeration limit
   * with three or more parties only when asked, with a number: the coverage bound in utility points to refine
   * down to (0: exact). 'off' skips it.
   */
  relaxedFrontier?: 'auto' | 'off' | number;
  /** Package frontiers: of the focus package only (default) or of every package (the report's choice). */
  packageFrontiers?: 'focus' | 'all';
  /** Conventions for the bargaining points: 'parley' (default) or 'negmas' (adds NegMAS's points). */
  conventions?: ConventionSet;
  /**
   * Wall-clock budget of the whole analysis (default: none). When it runs out, every step returns what it has
   * proven, later optional steps are skipped, and the report says what is not proven (`partial`, `unproven`).
   */
  timeLimitSeconds?: number;
  /**
   * Add what live utility charts draw (`utilitySpace`): the charted parties and, when the frontier is not
   * listed, a seeded uniform sample of outcomes for the shape of the space (seed `sampleSeed`, default 1).
   */
  chartData?: boolean;
  /** Seed of the sample drawn to show the shape of a space too large to enumerate (default 1). */
  sampleSeed?: number;
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
  /**
   * The outcome space: `outcomes` as a double (approximate when `exact` is false), `count` the exact decimal
   * string and `log10` its logarithm, finite at any size.
   */
  space: { issues: number; outcomes: number; exact: boolean; count: string; log10: number };
  /** The issues and their options in the order outcome vectors (`options`, frontier `outcome`) index them. */
  issues: SpaceIssueLabels[];
  parties: Array<{ id: string; name: string; role: string; batna: number; signatory: boolean }>;
  zone: AgreementZone;
  explanation?: Explanation;
  relaxation?: Relaxation;
  frontier: FrontierReport | { skipped: string };
  /** The frontier of the zone under the smallest relaxation (a hypothesis), when the zone is empty. */
  relaxedFrontier?: RelaxedFrontier;
  bargaining: BargainingResult;
  /** Which conventions the report follows; with 'negmas', `negmas` holds NegMAS's bargaining points. */
  conventions: ConventionSet;
  negmas?: NegmasPointsResult | { skipped: string };
  packages: PackageSummary[];
  focus?: Concessions;
  /**
   * With a focus package: the frontier of what it leaves open, over all its completions and, when the zone is
   * empty and a relaxation opens it, over the completions acceptable under that relaxation.
   */
  packageFrontiers?: PackageFrontier[];
  robustness?: RobustnessResult;
  /**
   * With robustness asked for (samples > 0): acceptance when open issues take a typical (uniformly drawn)
   * completion, beside the worst-completion figures of `robustness`.
   */
  typical?: TypicalAcceptance;
  gaps: IssueGap[];
  /** With `chartData`: the charted parties and the background sample of a space whose frontier is not listed. */
  utilitySpace?: UtilitySpaceData;
  /** Whether every step finished with a proven answer, and what the time limit left unproven. */
  completeness: Completeness;
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
  const budget = createBudget(input.timeLimitSeconds, ports.clock, ports.cancel);
  // Inside a step, the budget is the cancellation and bounds every solve; between steps, only an outside
  // cancellation stops the run (runStep), while a spent budget skips what is optional.
  const inner: ComputePorts = {
    ...ports,
    solver: budgetedSolver(ports.solver, budget),
    cancel: budgetCancellation(budget, ports.cancel),
  };
  const skipped: string[] = [];
  const choices = {
    solver: inner.solver,
    method,
    parties: input.parties,
    clock: ports.clock,
    shared: context.table,
  };
  const step = <T>(name: string, run: () => T | Promise<T>) => runStep(ports, timings, name, run);
  const optional = <T>(name: string, run: () => T | Promise<T>) =>
    optionalStep(budget, skipped, name, () => step(name, run));

  const zone = await step('agreement zone', () => agreementZone(compiled, choices));
  let explanation: Explanation | undefined;
  let relaxation: Relaxation | undefined;
  if (zone.empty) {
    explanation = await optional('explanations', () => explainStep(context, inner));
    const found = explanation;
    if (found) relaxation = await optional('relaxation', () => relaxStep(context, found, inner));
  }

  const frontier = (await optional('pareto frontier', () =>
    computeFrontier(
      compiled,
      {
        method: input.frontierMethod ?? method,
        over: input.frontierOver,
        parties: input.parties,
        maxListed: input.maxFrontierPoints,
        countTies: input.countTies,
        enumerationLimit: FRONTIER_LIMIT,
        shared: context.table,
      },
      {
        solver: inner.solver,
        onPoint: input.onFrontierPoint,
        clock: ports.clock,
        progress: ports.progress,
        cancel: inner.cancel,
      },
    ),
  )) ?? { skipped: 'the time limit was reached before this step' };

  const relaxedFrontier = relaxation
    ? await optional('frontier under the relaxation', () =>
        relaxedFrontierStep(compiled, input, relaxation, inner, method),
      )
    : undefined;

  const bargaining = await step('bargaining solutions', () =>
    bargainingSolutions(compiled, choices).catch((error: unknown) => {
      // Without the ideal points, which the time limit cut short, no solution can be stated.
      if (!(error instanceof AnalysisError && budget.exhausted())) throw error;
      skipped.push('bargaining solutions');
      return unsolvedBargaining(error.message);
    }),
  );

  const conventions = input.conventions ?? 'parley';
  const negmas =
    conventions === 'negmas'
      ? ((await optional('negmas points', () => negmasPointsOrReason(compiled, input.parties))) ?? {
          skipped: 'the time limit was reached before this step',
        })
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

  const focus = budget.exhausted()
    ? skip(skipped, input.package || input.versions ? 'what it would take' : undefined)
    : await concessionsStep(context, input, inner, timings);

  const packageFrontiers =
    input.package || input.packageFrontiers === 'all'
      ? await optional('package frontier', () =>
          focusPackageFrontiers(scenario, compiled, input, relaxation, inner),
        )
      : undefined;

  let robustness: RobustnessResult | undefined;
  const samples = input.samples ?? 0;
  if (samples > 0) {
    robustness = (await optional('robustness', () =>
      robustnessStep(context, { ...input, samples, seed: input.seed ?? 1 }, inner),
    )) ?? { skipped: 'the time limit was reached before this step' };
  }

  const typical =
    samples > 0 && scenario.packages.length > 0
      ? await optional('typical completions', () =>
          typicalCompletionAcceptance(
            compiled,
            resolveCandidates(
              compiled,
              scenario.packages.map((p) => p.id),
            ),
            { samples, seed: input.seed ?? 1, distribution: input.distribution },
          ),
        )
      : undefined;

  const utilitySpace = input.chartData
    ? await step('chart data', () => utilitySpaceData(compiled, 'skipped' in frontier, input.sampleSeed ?? 1))
    : undefined;

  const gaps = await step('gaps', () => issueGaps(compiled).sort((a, b) => b.total - a.total));
  const zoneParties = (input.parties ?? compiled.signatories.map((m) => compiled.models[m].party)).map(
    (id) => compiled.models.find((m) => m.party === id)?.name ?? id,
  );
  const spaceCount = outcomeCount(compiled.space.radix);
  const completeness = completenessOf(
    { zone, zoneParties, frontier, bargaining, focus, skipped },
    { timeLimitSeconds: input.timeLimitSeconds, reached: budget.exhausted() },
  );

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
      count: spaceCount.decimal,
      log10: spaceCount.log10,
    },
    issues: spaceIssueLabels(compiled.space),
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
    relaxedFrontier,
    bargaining,
    conventions,
    negmas,
    packages,
    focus,
    packageFrontiers,
    robustness,
    ...(typical ? { typical } : {}),
    gaps,
    ...(utilitySpace ? { utilitySpace } : {}),
    completeness,
    timings,
  };
}

/** The relaxed zone's frontier as the input asks: 'auto' leaves out what can take very long (see AnalyzeInput). */
async function relaxedFrontierStep(
  compiled: CompiledScenario,
  input: AnalyzeInput,
  relaxation: Relaxation,
  ports: ComputePorts,
  method: AnalyzeInput['method'],
): Promise<RelaxedFrontier | undefined> {
  const wanted = input.relaxedFrontier ?? 'auto';
  if (wanted === 'off') return undefined;
  const parties = input.parties?.length ?? compiled.signatories.length;
  const large = !compiled.space.sizeIsExact || compiled.space.size > FRONTIER_LIMIT;
  const base = { dropped: relaxation.dropped, labels: relaxation.labels };
  if (wanted === 'auto' && large && parties > 2) {
    return {
      ...base,
      coverageTarget: 0,
      frontier: {
        skipped: `the space is too large to enumerate and with ${parties} parties a MILP frontier can take minutes; ask for it with a coverage bound (relaxedFrontier, or --relaxed-frontier <points> on the command line)`,
      },
    };
  }
  return relaxedZoneFrontier(
    compiled,
    {
      ...base,
      parties: input.parties,
      method: input.frontierMethod ?? method,
      coverage: typeof wanted === 'number' ? wanted : undefined,
      maxListed: input.maxFrontierPoints,
      countTies: input.countTies,
      enumerationLimit: FRONTIER_LIMIT,
    },
    { solver: ports.solver, clock: ports.clock, progress: ports.progress, cancel: ports.cancel },
  );
}

/** The package frontiers: over all completions, and over the acceptable ones under the relaxation. */
async function focusPackageFrontiers(
  scenario: Scenario,
  compiled: CompiledScenario,
  input: AnalyzeInput,
  relaxation: Relaxation | undefined,
  ports: { solver: MilpSolver; cancel?: Cancellation },
): Promise<PackageFrontier[]> {
  const request = {
    packages: input.packageFrontiers === 'all' ? undefined : [input.package as string],
    parties: input.parties,
    maxListed: input.maxFrontierPoints,
    countTies: input.countTies,
    enumerationLimit: FRONTIER_LIMIT,
  };
  // A package that settles every issue has one completion: its evaluation says all there is.
  const all = (
    await packageFrontiers(scenario, compiled, { ...request, over: 'all-outcomes' }, ports)
  ).filter((f) => f.openIssues.length > 0);
  if (!relaxation || all.length === 0) return all;
  const relaxed = await packageFrontiers(
    scenario,
    compiled,
    {
      ...request,
      packages: all.map((f) => f.package),
      over: 'acceptable-outcomes',
      dropped: relaxation.dropped,
    },
    ports,
  );
  return [...all, ...relaxed];
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

/**
 * Runs an optional step unless the budget is spent (then records it as skipped and gives undefined); a step
 * that the spent budget interrupts through its cancellation is recorded the same way.
 */
async function optionalStep<T>(
  budget: Budget,
  skipped: string[],
  name: string,
  run: () => Promise<T>,
): Promise<T | undefined> {
  if (budget.exhausted()) return skip(skipped, name);
  try {
    return await run();
  } catch (error) {
    if (error instanceof CancelledError && budget.exhausted()) return skip(skipped, name);
    throw error;
  }
}

function unsolvedBargaining(reason: string): BargainingResult {
  return {
    method: 'milp',
    methodReason: `not computed: ${reason}`,
    parties: [],
    empty: false,
    solutions: [],
    notes: [`not computed: ${reason}`],
  };
}

function skip(skipped: string[], name: string | undefined): undefined {
  if (name) skipped.push(name);
  return undefined;
}
