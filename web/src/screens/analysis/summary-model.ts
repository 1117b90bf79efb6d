import type { AnalysisReport } from '../../../../src/app/analyze.js';
import type { Tristate } from '../../../../src/core/evaluate/evaluate.js';
import {
  type AnalysisResult,
  type Disclosed,
  isFullReport,
  shown,
  WITHHELD,
  withheld,
} from './disclosure.js';

/** A constraint of the zone by its rule text: "Russian Federation: donbas-withdrawal" and what it says. */
export interface RuleText {
  id: string;
  label: string;
  description?: string;
}

export interface ConflictLine {
  /** "Ukraine: no-unilateral-withdrawal and Russian Federation: donbas-withdrawal cannot both hold" */
  text: string;
  issues: string[];
  rules: RuleText[];
}

export interface SummaryModel {
  deal: Disclosed<{ exists: boolean; headline: string; note?: string }>;
  /** What blocks a deal: the minimal conflicting constraints (empty when there is a deal). */
  /**
   * The mediator gets the minimal conflicting sets ('sets'); a delegate only its own constraints that take part
   * in some conflict ('own'), each a line of its own.
   */
  blockers: Disclosed<{ kind: 'sets' | 'own'; conflicts: ConflictLine[]; complete: boolean; note?: string }>;
  /** What opens it: the smallest relaxation (undefined when there is a deal or no relaxation was found). */
  opening: Disclosed<{ rules: RuleText[]; alternatives: string[][]; note?: string } | undefined>;
  packages: Array<{
    id: string;
    label: string;
    verdict: Disclosed<Tristate>;
    rejectedBy: Disclosed<string[]>;
    /** A delegate's own party: whether it accepts, and its utility range over the open issues. */
    own?: { acceptable: Tristate; min: number; max: number };
  }>;
}

/** Rule texts the viewer already holds (its own red lines), by constraint id ("party:red-line"). */
export type KnownRules = Record<string, string>;

/** The red-line texts of the preferences a viewer's scenario view holds (a delegate's own), by constraint id. */
export function knownRules(
  preferences: Array<{ party: string; redLines: Array<{ id: string; description: string }> }>,
): KnownRules {
  return Object.fromEntries(
    preferences.flatMap((p) => p.redLines.map((r) => [`${p.party}:${r.id}`, r.description] as const)),
  );
}

function dealHeadline(empty: boolean, proven: boolean | undefined): string {
  if (!empty) return 'A deal is possible: some outcomes meet every signatory’s red lines and BATNA.';
  return proven === false
    ? 'No deal found: no outcome was found that meets every signatory’s red lines and BATNA (not proven).'
    : 'No deal: no outcome meets every signatory’s red lines and BATNA.';
}

function fullSummary(result: AnalysisReport): SummaryModel {
  const { zone, explanation, relaxation } = result;
  const byId = new Map((explanation?.constraints ?? []).map((c) => [c.id, c]));
  const rule = (id: string): RuleText => {
    const c = byId.get(id);
    return c ? { id, label: c.label, description: c.description } : { id, label: id };
  };
  return {
    deal: shown({
      exists: !zone.empty,
      headline: dealHeadline(zone.empty, zone.emptinessProven),
      note: zone.sizeNote,
    }),
    blockers: shown({
      kind: 'sets' as const,
      conflicts: (explanation?.subsets ?? []).map((s) => ({
        text: s.text,
        issues: s.issues.map((i) => i.title),
        rules: s.constraints.map(rule),
      })),
      complete: explanation?.complete ?? true,
      ...(explanation && !explanation.complete ? { note: explanation.note } : {}),
    }),
    opening: shown(
      relaxation
        ? {
            rules: relaxation.dropped.map(rule),
            alternatives: relaxation.alternatives,
            ...(relaxation.zone.sizeNote ? { note: relaxation.zone.sizeNote } : {}),
          }
        : undefined,
    ),
    packages: result.packages.map((p) => ({
      id: p.id,
      label: p.label,
      verdict: shown(p.evaluation.verdict),
      rejectedBy: shown(p.evaluation.parties.filter((e) => e.acceptable === 'no').map((e) => e.name)),
    })),
  };
}

/**
 * The executive summary as the viewer may see it: is there a deal, what blocks it, what opens it, and the
 * verdict on each tabled package. Each part is taken from the analysis as sent; nothing is recomputed.
 */
export function summaryModel(result: AnalysisResult, known: KnownRules = {}): SummaryModel {
  if (isFullReport(result)) return fullSummary(result);
  const { zone } = result;
  const own = result.constraintsInConflict;
  return {
    deal:
      zone.empty === undefined
        ? withheld()
        : shown({ exists: !zone.empty, headline: dealHeadline(zone.empty, zone.emptinessProven) }),
    blockers:
      own === undefined
        ? withheld()
        : shown({
            kind: 'own' as const,
            conflicts: own.map((id) => ({
              text: known[id] ?? id,
              issues: [],
              rules: [{ id, label: id, ...(known[id] ? { description: known[id] } : {}) }],
            })),
            complete: false,
            note: `Your constraints that take part in a conflict; other parties’ are ${WITHHELD} unless they disclose them.`,
          }),
    opening: withheld(),
    packages: result.packages.map((p) => ({
      id: p.id,
      label: p.label,
      verdict: p.evaluation.verdict === undefined ? withheld() : shown(p.evaluation.verdict),
      rejectedBy: withheld(),
      ...(p.evaluation.parties[0]
        ? {
            own: {
              acceptable: p.evaluation.parties[0].acceptable,
              min: p.evaluation.parties[0].utility.min,
              max: p.evaluation.parties[0].utility.max,
            },
          }
        : {}),
    })),
  };
}
