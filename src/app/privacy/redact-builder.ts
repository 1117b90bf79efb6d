import type { ChangeSet, ConcessionAnswer } from '../../core/analysis/concessions/fewest-changes.js';
import type { PartyParameters } from '../../core/model/hypothesis.js';
import {
  DEFAULT_POLICY,
  type DisclosurePolicy,
  everyOtherAllows,
} from '../../core/privacy/disclosure-policy.js';
import { ownParty, type Viewer } from '../../core/privacy/viewer.js';
import type { Hypothesis } from '../../schema/api/builder.js';
import type { NearestPackage } from '../nearest-package.js';
import type { WhatIfResult } from '../what-if.js';
import { keepOwnRows } from './own-rows.js';
import { redactExplanation } from './redact-analysis.js';
import { type EvaluationDataView, redactEvaluationData } from './redact-evaluation.js';

export interface WhatIfView {
  evaluation: WhatIfResult['evaluation'] | EvaluationDataView;
  hypothesis: Hypothesis | null;
  /** The viewer's own party's parameters only. */
  parameters: PartyParameters[];
}

/** A what-if as the viewer may see it: the evaluation's redaction, and only its own party's parameters. */
export function redactWhatIf(
  result: WhatIfResult,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): WhatIfResult | WhatIfView {
  if (viewer.role === 'mediator') return result;
  return {
    evaluation: redactEvaluationData(result.evaluation, viewer, policy),
    hypothesis: structuredClone(result.hypothesis),
    parameters: keepOwnRows(result.parameters, ownParty(viewer)),
  };
}

/** A change set as others may see it: the outcome and the issues changed (shared), the viewer's own rows. */
export interface ChangeSetView {
  assignment: Record<string, string>;
  changes: Array<{ issue: string; from: string; to: string; ownChange?: number }>;
  openChoices: ChangeSet['openChoices'];
  /** The viewer's own utility there and its change, when it has a party. */
  own?: { utility: number; change: number };
}

export interface AnswerView {
  value?: number;
  alternatives: ChangeSetView[];
  count?: number;
  complete: boolean;
  proven: boolean;
}

export interface NearestView {
  target: string;
  at: string | null;
  hypothesis: Hypothesis | null;
  method: string;
  /** Whether any outcome is acceptable to every signatory, when every other party allows the zone's emptiness. */
  possible?: boolean;
  fewestChanges?: AnswerView;
  leastLoss?: AnswerView;
  improvement?: {
    paretoOptimal: boolean;
    best: Array<{ assignment: Record<string, string>; ownGain?: number }>;
    count?: number;
    complete: boolean;
  };
  /** The constraint ids in conflict the viewer may know (its own, others' when they allow it). */
  whyNone?: string[];
  withheld: string[];
}

function changeSetView(set: ChangeSet, own: string | undefined): ChangeSetView {
  const mine = set.parties.find((p) => p.party === own);
  return {
    assignment: { ...set.outcome.assignment },
    changes: set.changes.map((c) => {
      const change = c.perParty.find((p) => p.party === own)?.change;
      return {
        issue: c.issue,
        from: c.from,
        to: c.to,
        ...(change !== undefined ? { ownChange: change } : {}),
      };
    }),
    openChoices: structuredClone(set.openChoices),
    ...(mine ? { own: { utility: mine.utility, change: mine.change } } : {}),
  };
}

function answerView(answer: ConcessionAnswer, own: string | undefined, keepValue: boolean): AnswerView {
  return {
    ...(keepValue ? { value: answer.value } : {}),
    alternatives: answer.alternatives.map((a) => changeSetView(a, own)),
    ...(answer.count !== undefined ? { count: answer.count } : {}),
    complete: answer.complete,
    proven: answer.proven,
  };
}

/**
 * The builder's nearest package as the viewer may see it. An acceptable package reveals that every other
 * party accepts it, so the fewest-changes answer needs every other party's `packageVerdicts`; the least-loss
 * answer and the Pareto improvement are computed from every party's utility, so they also need
 * `bargainingOutcomes`. Only the viewer's own utilities are ever given; the total loss (a sum over parties)
 * never is. Whether nothing is acceptable is the zone's emptiness (`zoneEmptiness`), and why is the
 * explanation's constraint ids the viewer may know.
 */
export function redactNearest(
  result: NearestPackage,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): NearestPackage | NearestView {
  if (viewer.role === 'mediator') return result;
  const own = ownParty(viewer);
  const mine = own === '*' ? undefined : own;
  const ids = result.improvement.parties.map((p) => p.party);
  const allows = (flag: Parameters<typeof everyOtherAllows>[3]) => everyOtherAllows(policy, ids, mine, flag);
  const verdicts = allows('packageVerdicts');
  const utilities = verdicts && allows('bargainingOutcomes');
  const { nearest, improvement } = result;
  const column = improvement.parties.findIndex((p) => p.party === mine);
  const view: NearestView = {
    target: result.target,
    at: result.at,
    hypothesis: structuredClone(result.hypothesis),
    method: nearest.method,
    withheld: ["other parties' utilities, red lines and BATNAs", 'the total loss over parties'],
  };
  if (allows('zoneEmptiness')) view.possible = nearest.possible;
  if (verdicts && nearest.fewestChanges) view.fewestChanges = answerView(nearest.fewestChanges, mine, true);
  else if (nearest.fewestChanges)
    view.withheld.push('the nearest acceptable package (verdicts not disclosed)');
  if (utilities && nearest.leastLoss) view.leastLoss = answerView(nearest.leastLoss, mine, false);
  else if (nearest.leastLoss) view.withheld.push('the least-loss package (utilities not disclosed)');
  if (utilities) {
    view.improvement = {
      paretoOptimal: improvement.paretoOptimal,
      best: improvement.best.map((b) => ({
        assignment: { ...b.outcome.assignment },
        ...(column >= 0 ? { ownGain: b.gains[column] } : {}),
      })),
      ...(improvement.count !== undefined ? { count: improvement.count } : {}),
      complete: improvement.complete,
    };
  } else view.withheld.push('the Pareto improvement (utilities not disclosed)');
  if (result.whyNone && mine !== undefined) view.whyNone = redactExplanation(result.whyNone, viewer, policy);
  return view;
}
