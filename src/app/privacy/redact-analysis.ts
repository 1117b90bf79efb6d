import type { BargainingResult } from '../../core/analysis/bargaining/bargaining-types.js';
import type { Explanation } from '../../core/analysis/explain/explain-empty-zone.js';
import type { AgreementZone } from '../../core/analysis/zone/agreement-zone.js';
import type { Evaluation } from '../../core/evaluate/evaluate.js';
import {
  DEFAULT_POLICY,
  type DisclosurePolicy,
  everyOtherAllows,
} from '../../core/privacy/disclosure-policy.js';
import { ownParty, type Viewer } from '../../core/privacy/viewer.js';
import type { AnalysisReport } from '../analyze.js';
import type { Concessions } from '../concessions.js';
import type { RobustnessResult } from '../robustness.js';
import { keepOwnRows } from './own-rows.js';

/** What a delegate or an observer may see of an analysis; the mediator gets the report itself. */
export interface AnalysisView {
  viewer: Viewer;
  scenario: AnalysisReport['scenario'];
  at: string | null;
  basis: string;
  space: AnalysisReport['space'];
  /** The issues and options (shared data), so that a face can show outcomes by their labels. */
  issues: AnalysisReport['issues'];
  /** Every party; the BATNA only for the viewer's own party. */
  parties: Array<{ id: string; name: string; role: string; signatory: boolean; batna?: number }>;
  zone: ZoneView;
  /** The viewer's own constraints (its red lines, its BATNA) that take part in a conflict, and others' if allowed. */
  constraintsInConflict?: string[];
  /** The viewer's own utility at each bargaining solution, when every other party allows it. */
  bargaining?: Array<{ concept: string; utility?: number }>;
  packages: Array<{ id: string; label: string; versions: string[]; evaluation: EvaluationView }>;
  /** The viewer's own guaranteed utility under a focus package, and its own gain at the best improvement. */
  focus?: { target: string };
  /** Per package, the probability that the viewer's own party accepts. */
  robustness?: Array<{ id: string; accept?: number }>;
  /** What was left out, for people reading the view. */
  withheld: string[];
}

export interface ZoneView {
  /** Whether the zone is empty, when every other party allows it to be known. */
  empty?: boolean;
  emptinessProven?: boolean;
}

export interface EvaluationView {
  /** The viewer's own row only. */
  parties: Evaluation['parties'];
  verdict?: Evaluation['verdict'];
}

/** An analysis as `viewer` may see it under `policy` (the mediator sees the report unchanged). */
export function redactAnalysis(
  report: AnalysisReport,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): AnalysisReport | AnalysisView {
  if (viewer.role === 'mediator') return report;
  const own = ownParty(viewer);
  const mine = own === '*' ? undefined : own;
  const ids = report.parties.map((p) => p.id);
  const allows = (flag: Parameters<typeof everyOtherAllows>[3]) => everyOtherAllows(policy, ids, mine, flag);
  const withheld = [
    "other parties' preferences, red lines, BATNAs and utilities",
    'the outcomes of the zone, the frontier and the bargaining solutions',
    'issue gaps and robustness of other parties',
  ];
  const view: AnalysisView = {
    viewer,
    scenario: { ...report.scenario },
    at: report.at,
    basis: report.basis,
    space: { ...report.space },
    issues: report.issues.map((i) => ({ ...i, options: i.options.map((o) => ({ ...o })) })),
    parties: report.parties.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      signatory: p.signatory,
      ...(p.id === mine ? { batna: p.batna } : {}),
    })),
    zone: redactZone(report.zone, allows('zoneEmptiness')),
    packages: report.packages.map((p) => ({
      id: p.id,
      label: p.label,
      versions: [...p.versions],
      evaluation: redactEvaluation(p.evaluation, viewer, allows('packageVerdicts')),
    })),
    withheld,
  };
  if (report.explanation && mine !== undefined) {
    view.constraintsInConflict = redactExplanation(report.explanation, viewer, policy);
  }
  if (mine !== undefined && allows('bargainingOutcomes')) {
    view.bargaining = redactBargaining(report.bargaining, mine);
  }
  if (report.focus) view.focus = redactConcessions(report.focus);
  if (report.robustness && mine !== undefined) view.robustness = redactRobustness(report.robustness, mine);
  return view;
}

export function redactZone(zone: AgreementZone, emptinessAllowed: boolean): ZoneView {
  return emptinessAllowed ? { empty: zone.empty, emptinessProven: zone.emptinessProven } : {};
}

/** A package's evaluation: the viewer's own row, and the verdict when allowed. */
export function redactEvaluation(
  evaluation: Evaluation,
  viewer: Viewer,
  verdictAllowed: boolean,
): EvaluationView {
  const own = ownParty(viewer);
  return {
    parties: own === undefined ? [] : keepOwnRows(evaluation.parties, own),
    ...(verdictAllowed ? { verdict: evaluation.verdict } : {}),
  };
}

/**
 * The constraint ids in conflict that the viewer may know: its own ("party:red-line" or "party:batna"), and
 * another party's when that party allows it. Labels and texts are not given: they quote private red lines.
 */
export function redactExplanation(
  explanation: Explanation,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): string[] {
  const own = ownParty(viewer);
  const ids = new Set(explanation.subsets.flatMap((s) => s.constraints));
  return [...ids].filter((id) => {
    const party = id.slice(0, id.indexOf(':'));
    if (own === '*' || party === own) return true;
    const disclosure = Object.hasOwn(policy.parties, party) ? policy.parties[party] : policy.otherwise;
    return disclosure.constraintsInConflict;
  });
}

/** The viewer's own utility at each discrete bargaining solution. */
export function redactBargaining(
  result: BargainingResult,
  party: string,
): Array<{ concept: string; utility?: number }> {
  const column = result.parties.findIndex((p) => p.party === party);
  return result.solutions.map((s) => {
    const best = s.discrete?.outcomes[0];
    return { concept: s.concept, ...(column >= 0 && best ? { utility: best.utilities[column] } : {}) };
  });
}

/** Concession analyses depend on every party's utility; a non-mediator learns only what was asked. */
export function redactConcessions(focus: Concessions): { target: string } {
  return { target: focus.target };
}

/** Per package, the probability that the viewer's own party accepts it. */
export function redactRobustness(
  result: RobustnessResult,
  party: string,
): Array<{ id: string; accept?: number }> {
  if ('skipped' in result) return [];
  return result.packages.map((p) => {
    const row = p.parties.find((q) => q.party === party);
    return { id: p.id, ...(row ? { accept: row.accept.guaranteed.p } : {}) };
  });
}
