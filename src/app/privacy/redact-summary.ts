import type { TypicalAcceptance } from '../../core/analysis/robustness/typical-completions.js';
import type { VerdictTornado } from '../../core/analysis/robustness/verdict-tornado.js';
import type { Tristate } from '../../core/evaluate/evaluate.js';
import {
  DEFAULT_POLICY,
  type DisclosurePolicy,
  disclosureOf,
  everyOtherAllows,
} from '../../core/privacy/disclosure-policy.js';
import { ownParty, type Viewer } from '../../core/privacy/viewer.js';
import type { Proportion } from '../../core/statistics/index.js';
import type { ReportData } from '../report.js';
import type { WhoGains } from '../who-gains.js';
import { keepOwnRows } from './own-rows.js';

/**
 * The executive summary as a delegate or an observer may read it: the same questions, each answered when the
 * disclosure policy allows and otherwise listed in `withheld` (never silently left out).
 */
export interface SummaryView {
  /** Whether a deal exists, when every other party allows the zone's emptiness to be known. */
  deal?: { exists: boolean };
  /** The smallest change that opens the zone, when every constraint it drops may be named to this viewer. */
  opening?: { labels: string[] };
  /** The best tabled package (its rank depends on every party's utilities): shown when verdicts may be known. */
  best?: {
    id: string;
    label: string;
    verdict: Tristate;
    /** The viewer's own verdict on it and the reasons, when the viewer is a party. */
    own?: { acceptable: Tristate; reasons: string[] };
  };
  /** Acceptance of the best package under typical completions: the viewer's own, and everyone's when allowed. */
  robustness?: { package: string; own?: Proportion; allAccept?: Proportion; ownFlips: string[] };
  /** The viewer's own gain from the last revision. */
  lastRevision?: WhoGains;
  withheld: string[];
}

/** Typical-completion acceptance: the viewer's own rows, and everyone's acceptance when verdicts may be known. */
export interface TypicalView extends Omit<TypicalAcceptance, 'packages'> {
  packages: Array<{
    id: string;
    allAccept?: Proportion;
    parties: TypicalAcceptance['packages'][number]['parties'];
  }>;
}

/** A verdict tornado with the viewer's own margin and bars only. */
export type TornadoView = Pick<VerdictTornado, 'package' | 'parties' | 'bars'>;

export interface RobustnessViews {
  summary: SummaryView;
  typical?: TypicalView;
  tornadoes: TornadoView[];
}

/** The summary, typical acceptance and tornadoes of a report as `viewer` may see them under `policy`. */
export function redactRobustnessViews(
  data: ReportData,
  viewer: Viewer,
  policy: DisclosurePolicy = DEFAULT_POLICY,
): RobustnessViews {
  const own = ownParty(viewer);
  const mine = own === '*' ? undefined : own;
  const ids = data.analysis.parties.map((p) => p.id);
  const allows = (flag: Parameters<typeof everyOtherAllows>[3]) => everyOtherAllows(policy, ids, mine, flag);
  const verdicts = allows('packageVerdicts');
  const summary = redactSummary(data, mine, policy, allows('zoneEmptiness'), verdicts);
  // The focus package was asked for; the best one is named only where its rank may be known.
  const shown = (id: string) => data.analysis.focus?.target === `package '${id}'` || id === summary.best?.id;
  return {
    summary,
    ...(data.typical ? { typical: redactTypical(data.typical, mine, verdicts) } : {}),
    tornadoes: data.tornadoes
      .filter((t) => shown(t.package))
      .map((t) => ({
        package: t.package,
        parties: keepOwnRows(t.parties, mine),
        bars: keepOwnRows(t.bars, mine),
      })),
  };
}

function redactTypical(typical: TypicalAcceptance, mine: string | undefined, verdicts: boolean): TypicalView {
  return {
    ...typical,
    packages: typical.packages.map((p) => ({
      id: p.id,
      ...(verdicts ? { allAccept: p.allAccept } : {}),
      parties: keepOwnRows(p.parties, mine),
    })),
  };
}

function redactSummary(
  data: ReportData,
  mine: string | undefined,
  policy: DisclosurePolicy,
  zoneAllowed: boolean,
  verdicts: boolean,
): SummaryView {
  const { summary, analysis } = data;
  const withheld: string[] = [];
  const view: SummaryView = { withheld };
  if (zoneAllowed) view.deal = { exists: summary.deal.exists };
  else withheld.push('whether a deal exists');
  if (summary.conflicts.length > 0)
    withheld.push("the conflicts' wording (it quotes other parties' red lines)");
  const dropped = analysis.relaxation?.dropped ?? [];
  const nameable = (id: string) => {
    const party = id.slice(0, id.indexOf(':'));
    return party === mine || disclosureOf(policy, party).constraintsInConflict;
  };
  if (summary.opening && dropped.every(nameable)) view.opening = { labels: [...summary.opening.labels] };
  else if (summary.opening) withheld.push('the smallest change that opens the zone');
  if (summary.best && verdicts) {
    const row = summary.best.blockers.find((b) => b.party === mine);
    const ownRow = analysis.packages
      .find((p) => p.id === summary.best?.id)
      ?.evaluation.parties.find((e) => e.party === mine);
    view.best = {
      id: summary.best.id,
      label: summary.best.label,
      verdict: summary.best.verdict,
      ...(ownRow ? { own: { acceptable: ownRow.acceptable, reasons: row ? [...row.reasons] : [] } } : {}),
    };
  } else if (summary.best) withheld.push('which tabled package is closest to a deal, and who blocks it');
  const best = view.best;
  const typicalRow = best && data.typical?.packages.find((p) => p.id === best.id);
  if (best && typicalRow) {
    const tornado = data.tornadoes.find((t) => t.package === best.id);
    const ownShare = typicalRow.parties.find((q) => q.party === mine)?.accept;
    view.robustness = {
      package: best.id,
      ...(ownShare ? { own: ownShare } : {}),
      allAccept: typicalRow.allAccept,
      ownFlips: (tornado?.bars ?? []).filter((b) => b.flips && b.party === mine).map((b) => b.estimate),
    };
  }
  if (summary.lastRevision) view.lastRevision = keepOwnRows(summary.lastRevision, mine);
  withheld.push("other parties' acceptance, margins and gains");
  return view;
}
