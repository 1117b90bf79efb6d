import { type AnalysisResult, type Disclosed, isFullReport, shown, withheld } from './disclosure.js';

export interface GapRow {
  issue: string;
  title: string;
  /** Sum of the pairwise gaps, in utility points. */
  total: number;
  /** Each party's favourite options, by label. */
  favourites: Array<{ party: string; options: string[] }>;
  /** The least costly settlement of the issue over the parties, by label, and its total loss. */
  leastCostly: { options: string[]; loss: number };
}

/** The issue gaps, widest first, with options by their labels; withheld from anyone but the mediator. */
export function gapsModel(result: AnalysisResult): Disclosed<GapRow[]> {
  if (!isFullReport(result)) return withheld();
  const issues = new Map(result.issues.map((i) => [i.id, new Map(i.options.map((o) => [o.id, o.label]))]));
  const names = new Map(result.parties.map((p) => [p.id, p.name]));
  return shown(
    result.gaps.map((g) => {
      const label = (option: string) => issues.get(g.issue)?.get(option) ?? option;
      return {
        issue: g.issue,
        title: g.title,
        total: g.total,
        favourites: g.sides.map((s) => ({
          party: names.get(s.party) ?? s.party,
          options: s.favourites.map(label),
        })),
        leastCostly: { options: g.leastCostly.options.map(label), loss: g.leastCostly.loss },
      };
    }),
  );
}
