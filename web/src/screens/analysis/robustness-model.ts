import type { Proportion } from '../../../../src/core/statistics/index.js';
import {
  type AnalysisResult,
  type Disclosed,
  isFullReport,
  shown,
  WITHHELD,
  withheld,
} from './disclosure.js';

export interface RobustnessRow {
  id: string;
  label: string;
  /** Every signatory accepts every completion of the open issues (each open issue at its worst). */
  worst: Disclosed<Proportion>;
  /** Every signatory accepts a typical (uniformly drawn) completion. */
  typical: Disclosed<Proportion>;
  /** The viewer's own party accepts (delegates only). */
  own?: number;
}

export type RobustnessModel =
  | { run: false; note: string }
  | { run: true; samples?: number; seed?: number | string; caveat: string; rows: RobustnessRow[] };

export const WORST_CASE_CAVEAT =
  'Worst case counts every open issue at its worst completion for each party, so a package that leaves issues open is rarely accepted in every draw; the typical case draws the open issues uniformly.';

/** Acceptance of each package under the estimates' ranges: worst and typical completions, with the caveat. */
export function robustnessModel(result: AnalysisResult): RobustnessModel {
  if (!isFullReport(result)) {
    if (!result.robustness) return { run: false, note: 'Robustness was not computed (ask for samples).' };
    const own = new Map(result.robustness.map((r) => [r.id, r.accept]));
    return {
      run: true,
      caveat: `Your own party’s probability of accepting each package (every completion counted at its worst); the figures for all parties are ${WITHHELD}.`,
      rows: result.packages.map((p) => ({
        id: p.id,
        label: p.label,
        worst: withheld(),
        typical: withheld(),
        own: own.get(p.id),
      })),
    };
  }
  const run = result.robustness;
  if (!run) return { run: false, note: 'Robustness was not computed: run the analysis with samples.' };
  if ('skipped' in run) return { run: false, note: `Robustness was skipped: ${run.skipped}.` };
  const worst = new Map(run.packages.map((p) => [p.id, p.allAccept.guaranteed]));
  const typical = new Map((result.typical?.packages ?? []).map((p) => [p.id, p.allAccept]));
  const or = (p: Proportion | undefined) => (p ? shown(p) : withheld<Proportion>('not computed'));
  return {
    run: true,
    samples: run.samples,
    seed: run.seed,
    caveat: WORST_CASE_CAVEAT,
    rows: result.packages.map((p) => ({
      id: p.id,
      label: p.label,
      worst: or(worst.get(p.id)),
      typical: or(typical.get(p.id)),
    })),
  };
}
