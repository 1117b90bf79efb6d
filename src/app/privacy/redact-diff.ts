import {
  DEFAULT_POLICY,
  type DisclosurePolicy,
  everyOtherAllows,
} from '../../core/privacy/disclosure-policy.js';
import { ownParty, type Viewer } from '../../core/privacy/viewer.js';
import type { PackageDiff, VersionDiff } from '../../core/versions/index.js';
import { keepOwnRows } from './own-rows.js';

type AnyDiff = VersionDiff | PackageDiff;

/** A diff's impact as a non-mediator may see it: its own party's rows; the verdict only when allowed. */
export interface ImpactView {
  parties: AnyDiff['impact']['parties'];
  attribution: AnyDiff['impact']['attribution'];
  verdict?: { before: string; after: string };
}

export type DiffView = Omit<AnyDiff, 'impact'> & { impact: ImpactView; withheld: string[] };

/**
 * A version or package diff as `viewer` may see it: the texts and settled issues are shared; the impact keeps
 * the viewer's own party only (utility change, red lines, Shapley shares); the frontier movement is withheld.
 */
export function redactDiff(
  diff: AnyDiff,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
  parties: readonly string[] = diff.impact.parties.map((p) => p.party),
): AnyDiff | DiffView {
  if (viewer.role === 'mediator') return diff;
  const own = ownParty(viewer);
  const mine = own === '*' ? undefined : own;
  const { impact, ...shared } = diff;
  const verdictAllowed = everyOtherAllows(policy, parties, mine, 'packageVerdicts');
  return {
    ...structuredClone(shared),
    impact: {
      parties: keepOwnRows(impact.parties, own),
      attribution: keepOwnRows(impact.attribution, own),
      ...(verdictAllowed ? { verdict: { before: impact.verdict.before, after: impact.verdict.after } } : {}),
    },
    withheld: [
      "other parties' utilities, red lines and attribution shares",
      'the movement toward the frontier',
    ],
  } as DiffView;
}
