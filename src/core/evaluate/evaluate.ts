import type { CompiledScenario } from '../model/compile.js';
import type { PartyModel } from '../model/party-model.js';
import type { Resolution, Settlement } from '../model/resolve.js';
import { ruleIssues, type Truth, truthExact } from '../model/rule.js';
import type { Subspace } from '../model/subspace.js';
import type { Interval } from '../model/uncertain.js';
import { type UtilityRange, utilityRange } from './utility-range.js';

export type Tristate = 'yes' | 'no' | 'depends';

export interface RedLineCheck {
  id: string;
  description: string;
  source: string;
  /** crossed: by every completion; respected: by none; depends: on issues the text leaves open. */
  status: 'crossed' | 'respected' | 'depends';
  /** The points that settle the issues the red line is about (when a resolution is known). */
  points: Settlement[];
}

export interface PartyEvaluation {
  party: string;
  name: string;
  role: PartyModel['role'];
  /** Utility range over the outcomes still open, with every estimate at its best value. */
  utility: UtilityRange;
  /** Utility range when estimates may also take any value in their stated ranges. */
  band: UtilityRange;
  batna: Interval;
  batnaDate?: string;
  redLines: RedLineCheck[];
  /** At best estimates: no red line crossed and utility >= BATNA, for every completion (yes), none (no), or some. */
  acceptable: Tristate;
  /** Over the whole uncertainty band: yes only if acceptable for every estimate in range, no if for none. */
  acceptableUnderUncertainty: Tristate;
  reasons: string[];
}

export interface Evaluation {
  at?: string;
  parties: PartyEvaluation[];
  /** Acceptable to every signatory? */
  verdict: Tristate;
  verdictUnderUncertainty: Tristate;
  reasons: string[];
}

function redLineStatus(truth: Truth): RedLineCheck['status'] {
  return truth === 'true' ? 'crossed' : truth === 'false' ? 'respected' : 'depends';
}

/** Utilities within this of the BATNA count as reaching it, so rounding never decides acceptance. */
export const ACCEPTANCE_TOLERANCE = 1e-9;

function compare(range: UtilityRange, threshold: number): Tristate {
  if (range.min >= threshold - ACCEPTANCE_TOLERANCE) return 'yes';
  if (range.max < threshold - ACCEPTANCE_TOLERANCE) return 'no';
  return 'depends';
}

function both(a: Tristate, b: Tristate): Tristate {
  if (a === 'no' || b === 'no') return 'no';
  if (a === 'yes' && b === 'yes') return 'yes';
  return 'depends';
}

const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

export function evaluateParty(
  model: PartyModel,
  subspace: Subspace,
  resolution?: Resolution,
): PartyEvaluation {
  const utility = utilityRange(model, subspace, 'estimate');
  const band = utilityRange(model, subspace, 'band');
  const redLines = model.redLines.map((line): RedLineCheck => {
    const status = redLineStatus(truthExact(line.crossedWhen, subspace));
    const points = resolution
      ? [...ruleIssues(line.crossedWhen)].flatMap((i) => resolution.settledBy[i])
      : [];
    return { id: line.id, description: line.description, source: line.source, status, points };
  });
  const reasons: string[] = [];
  const crossed = redLines.filter((r) => r.status === 'crossed');
  const open = redLines.filter((r) => r.status === 'depends');
  if (crossed.length > 0) reasons.push(`crosses red line ${crossed.map((r) => `'${r.id}'`).join(', ')}`);
  if (open.length > 0) {
    reasons.push(
      `may cross red line ${open.map((r) => `'${r.id}'`).join(', ')}, depending on issues left open`,
    );
  }
  const lineState: Tristate = crossed.length > 0 ? 'no' : open.length > 0 ? 'depends' : 'yes';
  const batnaState = compare(utility, model.batna.estimate);
  if (batnaState === 'no') {
    reasons.push(`utility ${fmt(utility.max)} is below its BATNA ${fmt(model.batna.estimate)}`);
  } else if (batnaState === 'depends') {
    reasons.push(
      `utility ${fmt(utility.min)}..${fmt(utility.max)} straddles its BATNA ${fmt(model.batna.estimate)}, depending on issues left open`,
    );
  }
  // Under uncertainty the test is utility - BATNA >= 0 for every joint choice of estimates.
  const gapBand: UtilityRange = {
    min: band.min - model.batna.high,
    max: band.max - model.batna.low,
    exact: band.exact,
  };
  return {
    party: model.party,
    name: model.name,
    role: model.role,
    utility,
    band,
    batna: model.batna,
    batnaDate: model.batnaDate,
    redLines,
    acceptable: both(lineState, batnaState),
    acceptableUnderUncertainty: both(lineState, compare(gapBand, 0)),
    reasons,
  };
}

export function evaluateSubspace(
  compiled: CompiledScenario,
  subspace: Subspace,
  resolution?: Resolution,
): Evaluation {
  const parties = compiled.models.map((m) => evaluateParty(m, subspace, resolution));
  const signatories = compiled.signatories.map((k) => parties[k]);
  const verdict = signatories.reduce<Tristate>((acc, p) => both(acc, p.acceptable), 'yes');
  const verdictUnderUncertainty = signatories.reduce<Tristate>(
    (acc, p) => both(acc, p.acceptableUnderUncertainty),
    'yes',
  );
  const reasons = signatories
    .filter((p) => p.acceptable !== 'yes')
    .map((p) => `${p.name}: ${p.acceptable === 'no' ? 'rejects' : 'may reject'} (${p.reasons.join('; ')})`);
  if (signatories.length === 0) reasons.push('no signatory has preferences, so nobody must consent');
  return { at: compiled.at, parties, verdict, verdictUnderUncertainty, reasons };
}
