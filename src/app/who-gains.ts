import type { PackageDiff, VersionDiff } from '../core/versions/index.js';

/** One party's gain from a revision, with what deferring issues contributed kept apart from real changes. */
export interface PartyGain {
  party: string;
  name: string;
  /** Change of the midpoint of the party's utility range (after − before). */
  total: number;
  /** Share of the total due to issues settled or changed. */
  fromChanges: number;
  /** Share due to issues deferred or reopened (left open): a gain only under the midpoint convention. */
  fromDeferrals: number;
}

export interface WhoGains {
  before: string;
  after: string;
  parties: PartyGain[];
  /** How the total is measured and how it is split between changes. */
  convention: string;
  /** How the split between changes was computed ("exact Shapley values over 3 changes"). */
  attribution: string;
  deferrals: number;
}

export const MIDPOINT_CONVENTION =
  'Gains are changes of the midpoint of each party’s utility range over the outcomes the text leaves open, split between the issue changes by Shapley values. Deferring an issue (or reopening it) settles nothing, yet moves the midpoint: it counts as a gain or a loss only under this midpoint convention, so deferrals are shown apart.';

/** Changes that leave an issue open (deferred, or reopened): they move the midpoint without settling anything. */
const DEFERRAL_KINDS = new Set(['deferred', 'unsettled']);

/** Who gains from a diff, per party: the total and its split between real changes and deferrals. */
export function whoGains(diff: VersionDiff | PackageDiff, before: string, after: string): WhoGains {
  const { impact, issues } = diff;
  const deferrals = impact.attribution.changes.filter((c) => DEFERRAL_KINDS.has(c.kind));
  const parties = impact.parties.map((p): PartyGain => {
    let fromDeferrals = 0;
    for (const change of deferrals)
      fromDeferrals += change.shares.find((s) => s.party === p.party)?.value ?? 0;
    return {
      party: p.party,
      name: p.name,
      total: p.delta,
      fromChanges: p.delta - fromDeferrals,
      fromDeferrals,
    };
  });
  const a = impact.attribution;
  const attribution =
    a.method === 'exact'
      ? `exact Shapley values over ${a.players} change${a.players === 1 ? '' : 's'}`
      : `Shapley values estimated from ${a.samples} random orders of ${a.players} changes (seed ${a.seed}; largest standard error ${(a.maxStandardError ?? 0).toFixed(2)} points)`;
  return {
    before,
    after,
    parties,
    convention: MIDPOINT_CONVENTION,
    attribution,
    deferrals: issues.filter((c) => DEFERRAL_KINDS.has(c.kind)).length,
  };
}
