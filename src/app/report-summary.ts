import type { TypicalAcceptance } from '../core/analysis/robustness/typical-completions.js';
import type { VerdictTornado } from '../core/analysis/robustness/verdict-tornado.js';
import type { Tristate } from '../core/evaluate/evaluate.js';
import type { Proportion } from '../core/statistics/index.js';
import type { AnalysisReport, PackageSummary } from './analyze.js';
import type { WhoGains } from './who-gains.js';

/** The answers a mediator reads first, each computed from the analysis; the view only words them. */
export interface ExecutiveSummary {
  deal: { exists: boolean; zoneSize?: number };
  /** The minimal conflicts of red lines and BATNAs, in words (empty when a deal exists). */
  conflicts: Array<{ text: string; issues: string[] }>;
  /** False when the conflict search stopped before listing every minimal conflict. */
  conflictsComplete: boolean;
  /** The smallest change that opens the zone: the constraints to drop. */
  opening?: { labels: string[]; alternatives: string[][]; zoneSize?: number };
  best?: BestPackage;
  robustness?: PackageRobustness;
  lastRevision?: WhoGains;
}

export interface BestPackage {
  id: string;
  label: string;
  verdict: Tristate;
  /** Signatories that reject it or may reject it, with the reasons the evaluation gives. */
  blockers: Array<{ party: string; name: string; acceptable: Tristate; reasons: string[] }>;
  /** Why this package is the best of those tabled. */
  rankedBy: string;
}

export interface PackageRobustness {
  package: string;
  /** P(every signatory accepts every completion), from the Monte Carlo run when one was made. */
  worstCompletion?: Proportion;
  typicalCompletion: Proportion;
  samples: number;
  seed: number | string;
  /** Estimates that, moved alone to an end of their range, change some signatory's verdict. */
  flips: Array<{ name: string; estimate: string }>;
}

const VERDICT_RANK: Record<Tristate, number> = { yes: 0, depends: 1, no: 2 };

export const BEST_PACKAGE_RULE =
  'ranked by verdict (acceptable first), then by most signatories accepting it whatever its open issues, then fewest rejecting it outright, then the largest smallest margin of best utility over BATNA';

function packageScore(p: PackageSummary): number[] {
  const signatories = p.evaluation.parties.filter((e) => e.role === 'signatory');
  const margins = signatories.map((e) => e.utility.max - e.batna.estimate);
  return [
    VERDICT_RANK[p.evaluation.verdict] === 0 ? 0 : 1,
    -signatories.filter((e) => e.acceptable === 'yes').length,
    signatories.filter((e) => e.acceptable === 'no').length,
    -Math.min(...margins),
  ];
}

function lexicographic(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
}

/** The tabled package closest to a deal, and who stands in its way. */
export function bestPackage(packages: PackageSummary[]): BestPackage | undefined {
  if (packages.length === 0) return undefined;
  const best = [...packages].sort((a, b) => lexicographic(packageScore(a), packageScore(b)))[0];
  return {
    id: best.id,
    label: best.label,
    verdict: best.evaluation.verdict,
    blockers: best.evaluation.parties
      .filter((e) => e.role === 'signatory' && e.acceptable !== 'yes')
      .map((e) => ({ party: e.party, name: e.name, acceptable: e.acceptable, reasons: e.reasons })),
    rankedBy: BEST_PACKAGE_RULE,
  };
}

export function packageRobustness(
  analysis: AnalysisReport,
  packageId: string,
  typical: TypicalAcceptance,
  tornado: VerdictTornado | undefined,
): PackageRobustness | undefined {
  const typicalEntry = typical.packages.find((p) => p.id === packageId);
  if (!typicalEntry) return undefined;
  const run = analysis.robustness && !('skipped' in analysis.robustness) ? analysis.robustness : undefined;
  const worst = run?.packages.find((p) => p.id === packageId)?.allAccept.guaranteed;
  return {
    package: packageId,
    ...(worst ? { worstCompletion: worst } : {}),
    typicalCompletion: typicalEntry.allAccept,
    samples: typical.samples,
    seed: typical.seed,
    flips: (tornado?.bars ?? []).filter((b) => b.flips).map((b) => ({ name: b.name, estimate: b.estimate })),
  };
}

export function executiveSummary(
  analysis: AnalysisReport,
  typical: TypicalAcceptance | undefined,
  tornado: VerdictTornado | undefined,
  lastRevision: WhoGains | undefined,
): ExecutiveSummary {
  const { zone, explanation, relaxation } = analysis;
  const best = bestPackage(analysis.packages);
  const robustness = best && typical ? packageRobustness(analysis, best.id, typical, tornado) : undefined;
  return {
    deal: { exists: !zone.empty, ...(zone.size === undefined ? {} : { zoneSize: zone.size }) },
    conflicts: (explanation?.subsets ?? []).map((s) => ({
      text: s.text,
      issues: s.issues.map((i) => i.title),
    })),
    conflictsComplete: explanation?.complete ?? true,
    ...(relaxation
      ? {
          opening: {
            labels: relaxation.labels,
            alternatives: relaxation.alternatives,
            ...(relaxation.zone.size === undefined ? {} : { zoneSize: relaxation.zone.size }),
          },
        }
      : {}),
    ...(best ? { best } : {}),
    ...(robustness ? { robustness } : {}),
    ...(lastRevision ? { lastRevision } : {}),
  };
}
