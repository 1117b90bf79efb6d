import { type Convergence, convergence } from '../core/analysis/gaps/convergence.js';
import { resolveCandidates } from '../core/analysis/robustness/candidates.js';
import {
  type TypicalAcceptance,
  typicalCompletionAcceptance,
} from '../core/analysis/robustness/typical-completions.js';
import { type VerdictTornado, verdictTornado } from '../core/analysis/robustness/verdict-tornado.js';
import { actorTableFromScenario } from '../core/forecast/input/actor-table-from-scenario.js';
import type { CompiledScenario } from '../core/model/compile.js';
import { readConflictSection } from '../core/stability/conflict-from-scenario.js';
import {
  type AttributionOptions,
  allPackageAgreements,
  documentLineage,
  type Lineage,
  type PackageAgreement,
  type PackageDiff,
  type VersionDiff,
} from '../core/versions/index.js';
import type { WordDiff } from '../core/versions/word-diff.js';
import { analysisContext } from './analysis-context.js';
import { type AnalysisReport, type AnalyzeInput, analyzeStep } from './analyze.js';
import { diffOf } from './diff.js';
import { type ForecastResult, forecast } from './forecast.js';
import { type ComputePorts, NO_PROGRESS, runStep } from './ports.js';
import { bestPackage, type ExecutiveSummary, executiveSummary } from './report-summary.js';
import { analyzeStability, type StabilityResult } from './stability.js';
import { type UtilitySpaceData, utilitySpaceData } from './utility-space-data.js';
import { type WhoGains, whoGains } from './who-gains.js';

export {
  BACKGROUND_SAMPLE,
  type ChartedParty,
  type UtilitySpaceData,
  utilitySpaceData,
} from './utility-space-data.js';

export interface ReportInput extends AnalyzeInput {
  /** Also show a diff between two versions or packages ("doc:ver doc:ver" or "pkg pkg"). */
  diff?: [string, string];
}

export interface ReportPorts extends ComputePorts {
  /** Word-level text differ for the diff section; without it, changed texts are shown whole. */
  wordDiff?: WordDiff;
}

export interface VersionsData {
  title: string;
  packageCount: number;
  /** Party id → name. */
  partyNames: Record<string, string>;
  documents: Array<{ id: string; lineage: Lineage; convergence: Convergence }>;
  agreements: PackageAgreement[];
}

export interface ReportDiff {
  before: string;
  after: string;
  result: VersionDiff | PackageDiff;
  whoGains: WhoGains;
}

/** Issue titles and option labels, so that views show outcomes in words rather than ids. */
export interface IssueCatalogue {
  issues: Array<{ id: string; title: string; options: Record<string, string> }>;
}

/** Everything the HTML report shows, computed; the view only renders it. */
export interface ReportData {
  summary: ExecutiveSummary;
  analysis: AnalysisReport;
  catalogue: IssueCatalogue;
  /** Acceptance of every package when its open issues take a typical (uniformly drawn) completion. */
  typical?: TypicalAcceptance;
  /** The estimates that flip a signatory's verdict, one at a time: on the focus package first, then the best one. */
  tornadoes: VerdictTornado[];
  /** The revision the summary's "who gained" is about: the --diff pair, else the latest tabled packages. */
  lastRevision?: ReportDiff;
  utilitySpace: UtilitySpaceData;
  /** Present when the scenario has documents. */
  versions?: VersionsData;
  diff?: ReportDiff;
  /** A forecast of the contested issues, for a scenario with a forecast section. */
  forecast?: ForecastResult;
  /** The stability analysis of the conflict, for a scenario with a conflict section (no coalition improvements). */
  stability?: StabilityResult;
}

/** Draws of the typical-completion acceptance when the report is not asked for a Monte Carlo sample size. */
export const TYPICAL_SAMPLES = 1000;

/** The analysis plus what the report's charts and sections need, on one compilation of the scenario. */
export async function report(input: ReportInput, ports: ReportPorts): Promise<ReportData> {
  const context = analysisContext(input);
  const { compiled } = context;
  // The report draws the frontier of every package that leaves issues open, not only the focus package's.
  const analysis = await analyzeStep(context, { packageFrontiers: 'all', ...input }, ports);
  // The report's own steps are timed apart and not announced: the report shows the analysis's steps.
  const timings: Record<string, number> = {};
  const quiet = { ...ports, progress: NO_PROGRESS };
  const utilitySpace = await runStep(quiet, timings, 'chart data', () =>
    utilitySpaceData(compiled, 'skipped' in analysis.frontier, input.sampleSeed ?? 1),
  );
  const versions =
    compiled.scenario.documents.length > 0
      ? await runStep(quiet, timings, 'versions', () => versionsData(compiled))
      : undefined;
  const pair = input.diff;
  const diff = pair
    ? await runStep(quiet, timings, 'diff', () => reportDiff(compiled, pair[0], pair[1], ports.wordDiff))
    : undefined;
  // A scenario with a conflict section gets its stability analysis (already checked when the scenario loaded).
  const conflict = input.scenario.conflict
    ? readConflictSection(input.scenario.conflict, {
        partyIds: input.scenario.parties.map((p) => p.id),
        sourceIds: input.scenario.sources.map((s) => s.id),
      }).conflict
    : undefined;
  // A scenario with a forecast section gets a forecast of its contested issues (all models, defaults).
  const table = input.scenario.forecast ? actorTableFromScenario(input.scenario) : undefined;
  const forecastResult = table?.ok
    ? await forecast(
        { table: table.table, models: ['all'], basis: "analysts' estimates in the scenario" },
        { cancel: ports.cancel },
      )
    : undefined;
  const candidates = resolveCandidates(
    compiled,
    compiled.scenario.packages.map((p) => p.id),
  );
  const typical =
    analysis.typical ??
    (candidates.length > 0
      ? await runStep(quiet, timings, 'typical completions', () =>
          typicalCompletionAcceptance(compiled, candidates, {
            samples: input.samples && input.samples > 0 ? input.samples : TYPICAL_SAMPLES,
            seed: input.seed ?? 1,
            distribution: input.distribution,
          }),
        )
      : undefined);
  const best = bestPackage(analysis.packages);
  const tornadoIds = [...new Set([input.package, best?.id].filter((id) => id !== undefined))];
  const tornadoes = await runStep(quiet, timings, 'verdict tornado', () =>
    tornadoIds.flatMap((id) => candidates.filter((c) => c.id === id).map((c) => verdictTornado(compiled, c))),
  );
  const tornado = tornadoes.find((t) => t.package === best?.id);
  const lastRevision =
    diff ?? (await runStep(quiet, timings, 'last revision', () => lastPackageRevision(compiled)));
  return {
    summary: executiveSummary(analysis, typical, tornado, lastRevision?.whoGains),
    ...(lastRevision ? { lastRevision } : {}),
    analysis,
    catalogue: issueCatalogue(compiled),
    ...(typical ? { typical } : {}),
    tornadoes,
    utilitySpace,
    ...(versions ? { versions } : {}),
    ...(diff ? { diff } : {}),
    ...(forecastResult ? { forecast: forecastResult } : {}),
    ...(conflict ? { stability: analyzeStability({ conflict, coalitionImprovements: false }) } : {}),
  };
}

/** Each document's lineage and convergence, and how far each package is from being agreed. */
export function versionsData(compiled: CompiledScenario): VersionsData {
  const { scenario } = compiled;
  return {
    title: scenario.title,
    packageCount: scenario.packages.length,
    partyNames: Object.fromEntries(scenario.parties.map((p) => [p.id, p.name])),
    documents: scenario.documents.map((d) => ({
      id: d.id,
      lineage: documentLineage(scenario, d.id),
      convergence: convergence(compiled, d.id),
    })),
    agreements: allPackageAgreements(scenario),
  };
}

/** The report's diff: versions ("doc:ver") or, when neither contains a colon, package ids. */
export function reportDiff(
  compiled: CompiledScenario,
  before: string,
  after: string,
  wordDiff?: WordDiff,
  attribution?: AttributionOptions,
): ReportDiff {
  const packages = !before.includes(':') && !after.includes(':');
  const options = { ...(wordDiff ? { wordDiff } : {}), ...(attribution ? { attribution } : {}) };
  const result = diffOf(compiled, before, after, packages, options);
  return { before, after, result, whoGains: whoGains(result, before, after) };
}

/**
 * Who gained from the latest revision: the newest package (by date, then order) against the one tabled before
 * it; when that revision moves no party's utility, the pair before it, at most REVISIONS_SEARCHED pairs back.
 */
export const REVISIONS_SEARCHED = 3;
/** Random orders of the sampled Shapley split of the summary's last revision (exact when changes are few). */
export const REVISION_ATTRIBUTION_SAMPLES = 200;

export function lastPackageRevision(compiled: CompiledScenario): ReportDiff | undefined {
  const dated = compiled.scenario.packages
    .map((p, k) => ({ id: p.id, date: p.date ?? '', k }))
    .sort((a, b) => (a.date === b.date ? a.k - b.k : a.date < b.date ? -1 : 1));
  // Totals do not depend on the attribution, so the search uses the cheapest one and only the chosen pair
  // gets a Shapley split (sampled, with its standard error stated, when the changes are many).
  const quick = { method: 'sampled' as const, samples: 2 };
  const full = (k: number) =>
    reportDiff(compiled, dated[k - 1].id, dated[k].id, undefined, { samples: REVISION_ATTRIBUTION_SAMPLES });
  const oldest = Math.max(1, dated.length - REVISIONS_SEARCHED);
  for (let k = dated.length - 1; k >= oldest; k--) {
    const gains = reportDiff(compiled, dated[k - 1].id, dated[k].id, undefined, quick).whoGains;
    if (gains.parties.some((p) => Math.abs(p.total) >= 0.05)) return full(k);
  }
  return dated.length > 1 ? full(dated.length - 1) : undefined;
}

export function issueCatalogue(compiled: CompiledScenario): IssueCatalogue {
  return {
    issues: compiled.space.issues.map((issue) => ({
      id: issue.id,
      title: issue.title,
      options: Object.fromEntries(issue.optionIds.map((id, k) => [id, issue.labels[k]])),
    })),
  };
}
