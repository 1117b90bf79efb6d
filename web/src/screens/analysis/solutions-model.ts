import type { ConceptResult } from '../../../../src/core/analysis/bargaining/bargaining-types.js';
import {
  type AnalysisResult,
  type Disclosed,
  isFullReport,
  shown,
  WITHHELD,
  withheld,
} from './disclosure.js';
import { builderHref, type OutcomeCell, outcomeCells } from './outcome-labels.js';

export const CONCEPT_NAMES: Record<string, string> = {
  nash: 'Nash',
  'asymmetric-nash': 'Asymmetric Nash',
  'kalai-smorodinsky': 'Kalai–Smorodinsky',
  egalitarian: 'Egalitarian',
  utilitarian: 'Utilitarian',
};

export const conceptName = (concept: string) => CONCEPT_NAMES[concept] ?? concept;

export interface SolutionRow {
  concept: string;
  name: string;
  /** solved, degenerate, unavailable, empty-zone; or "withheld" for a viewer who is not sent it. */
  status: string;
  /** Utility per party in `parties` order; undefined where it is not sent. */
  utilities: Array<number | undefined>;
  /** The outcome by labels, with `differs` where the solutions do not agree on the issue. */
  outcome: Disclosed<Array<OutcomeCell & { differs: boolean }>>;
  /** Opens the outcome in the package builder. */
  href?: string;
  notes: string[];
}

export interface SolutionsModel {
  /** Set when the zone is empty and the solutions are those of the smallest relaxation. */
  of?: string;
  parties: Array<{ id: string; name: string }>;
  rows: SolutionRow[];
  note?: string;
}

function differingIssues(solutions: ConceptResult[]): Set<string> {
  const seen = new Map<string, Set<string>>();
  for (const s of solutions) {
    const assignment = s.discrete?.outcomes[0]?.outcome.assignment ?? {};
    for (const [issue, option] of Object.entries(assignment)) {
      const options = seen.get(issue) ?? new Set<string>();
      options.add(option);
      seen.set(issue, options);
    }
  }
  return new Set([...seen].filter(([, options]) => options.size > 1).map(([issue]) => issue));
}

/**
 * The bargaining solutions with readable outcomes (option labels, the issues where they differ marked). When
 * the zone is empty, those of the smallest relaxation, said so. A delegate sees its own utility at each
 * solution when the others allow it; outcomes and others' utilities are withheld.
 */
export function solutionsModel(result: AnalysisResult, workspace: string): SolutionsModel {
  if (!isFullReport(result)) {
    const { viewer } = result;
    const own = viewer.role === 'delegate' ? result.parties.find((p) => p.id === viewer.party) : undefined;
    const parties = own ? [{ id: own.id, name: own.name }] : [];
    if (!result.bargaining || !own)
      return { parties, rows: [], note: `The bargaining solutions are ${WITHHELD}.` };
    return {
      parties,
      note: `The outcomes of the solutions and other parties’ utilities are ${WITHHELD}.`,
      rows: result.bargaining.map((s) => ({
        concept: s.concept,
        name: conceptName(s.concept),
        status: s.utility === undefined ? 'no outcome' : 'solved',
        utilities: [s.utility],
        outcome: withheld(),
        notes: [],
      })),
    };
  }
  const relaxed = result.bargaining.empty && result.relaxation !== undefined;
  const bargaining = relaxed && result.relaxation ? result.relaxation.bargaining : result.bargaining;
  const differs = differingIssues(bargaining.solutions);
  return {
    ...(relaxed && result.relaxation
      ? { of: `the smallest relaxation: dropping ${result.relaxation.labels.join(' and ')}` }
      : {}),
    parties: bargaining.parties.map((p) => ({ id: p.party, name: p.name })),
    rows: bargaining.solutions.map((s) => {
      const best = s.discrete?.outcomes[0];
      const cells = best ? outcomeCells(result.issues, best.outcome.options) : undefined;
      return {
        concept: s.concept,
        name: conceptName(s.concept),
        status: s.status,
        utilities: bargaining.parties.map((_, k) => best?.utilities[k]),
        outcome: cells
          ? shown(cells.map((c) => ({ ...c, differs: differs.has(c.issue) })))
          : withheld(`no outcome: ${s.status}`),
        ...(cells ? { href: builderHref(workspace, cells) } : {}),
        notes: s.notes,
      };
    }),
    ...(bargaining.notes.length > 0 ? { note: bargaining.notes.join(' ') } : {}),
  };
}
