import {
  DEFAULT_POLICY,
  type DisclosurePolicy,
  everyOtherAllows,
} from '../../core/privacy/disclosure-policy.js';
import { ownParty, type Viewer } from '../../core/privacy/viewer.js';
import type { EvaluationData } from '../evaluate.js';
import { keepOwnRows } from './own-rows.js';

/** An evaluation as a non-mediator may see it: what is settled (shared), its own party's row, the verdict if allowed. */
export interface EvaluationDataView {
  target: string;
  at: string | null;
  basis: string;
  settled: EvaluationData['settled'];
  open: string[];
  conflicts: EvaluationData['conflicts'];
  notes: string[];
  parties: EvaluationData['parties'];
  verdict?: EvaluationData['verdict'];
  withheld: string[];
}

/**
 * The result of the evaluate use case for `viewer`: the mediator gets it unchanged; others keep the shared
 * facts (settled and open issues, conflicts between texts), their own party's row, and the verdict when every
 * other party allows package verdicts. The reasons are withheld: they quote other parties' red lines.
 */
export function redactEvaluationData(
  data: EvaluationData,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): EvaluationData | EvaluationDataView {
  if (viewer.role === 'mediator') return data;
  const own = ownParty(viewer);
  const mine = own === '*' ? undefined : own;
  const ids = data.parties.map((p) => p.party);
  const verdictAllowed = everyOtherAllows(policy, ids, mine, 'packageVerdicts');
  return {
    target: data.target,
    at: data.at,
    basis: data.basis,
    settled: structuredClone(data.settled),
    open: [...data.open],
    conflicts: structuredClone(data.conflicts),
    notes: [...data.notes],
    parties: keepOwnRows(data.parties, own),
    ...(verdictAllowed ? { verdict: data.verdict } : {}),
    withheld: ["other parties' utilities, red lines and BATNAs", 'the reasons for the verdict'],
  };
}
