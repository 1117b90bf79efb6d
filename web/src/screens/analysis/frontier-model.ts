import { type AnalysisResult, isFullReport, WITHHELD } from './disclosure.js';
import { builderHref, type OutcomeCell, outcomeCells } from './outcome-labels.js';

export interface FrontierRow {
  /** Position in the listed frontier. */
  index: number;
  utilities: number[];
  outcome: OutcomeCell[];
  href: string;
}

export type FrontierModel =
  | { listed: false; note: string }
  | {
      listed: true;
      parties: Array<{ id: string; name: string }>;
      rows: FrontierRow[];
      /** "44 Pareto-optimal outcomes over all outcomes, by enumeration, exact" and any bound or thinning. */
      note: string;
    };

/** The listed frontier as rows a table shows and a chart click opens in the builder. */
export function frontierModel(result: AnalysisResult, workspace: string): FrontierModel {
  if (!isFullReport(result)) return { listed: false, note: `The Pareto frontier is ${WITHHELD}.` };
  const f = result.frontier;
  if ('skipped' in f) return { listed: false, note: `The Pareto frontier was not computed: ${f.skipped}.` };
  const names = new Map(result.parties.map((p) => [p.id, p.name]));
  const size =
    f.outcomes === undefined
      ? `${f.distinctVectors.toLocaleString('en-US')} distinct Pareto-optimal utility vectors`
      : `${f.outcomes.toLocaleString('en-US')} Pareto-optimal outcomes`;
  const over = f.over === 'acceptable-outcomes' ? 'acceptable outcomes' : 'all outcomes';
  return {
    listed: true,
    parties: f.parties.map((id) => ({ id, name: names.get(id) ?? id })),
    note: `${size} over ${over}, by ${f.method}, ${f.exact ? 'exact' : 'bounded'}.${f.truncated ? ` ${f.note}` : ''}`,
    rows: f.points.map((p, index) => {
      const outcome = outcomeCells(result.issues, p.outcome);
      return { index, utilities: p.utilities, outcome, href: builderHref(workspace, outcome) };
    }),
  };
}

/** The row drawn at `utilities` (a chart point gives its values back), if any. */
export function rowAt<T extends { utilities: Array<number | undefined> }>(
  rows: T[],
  utilities: number[],
): T | undefined {
  return rows.find(
    (r) =>
      r.utilities.length === utilities.length &&
      r.utilities.every((u, k) => u !== undefined && Math.abs(u - utilities[k]) < 1e-9),
  );
}
