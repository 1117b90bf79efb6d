import { utilityOf } from '../../evaluate/utility-function.js';
import { holds } from '../../model/rule.js';
import { BATNA_TOLERANCE, consentProblem } from '../agent-context.js';
import type { Outcome } from '../strategy.js';
import { type Negotiation, type ProtocolResult, record, stateAt } from './negotiation.js';

/**
 * Stacked alternating offers (Aydoğan et al. 2017); with two parties, Rubinstein's alternating offers (SAO).
 *
 * Parties take turns in a fixed order; a round is one turn each. On its turn a party either accepts the offer
 * on the table or rejects it by making a new one (or passes when it has no acceptable offer, or ends the
 * negotiation). A new offer carries its proposer's consent; the negotiation ends in agreement when every
 * party consents to the same standing offer. After round deadlineRounds - 1 it ends without agreement.
 *
 * The protocol double-checks consent: an acceptance, or an offer, that crosses the party's own red line or is
 * worth less to it (discounted: u × δ^round) than its BATNA in that round is refused and recorded as a fault;
 * a refused acceptance counts as a rejection (the party is asked for an offer instead), a refused offer as a
 * pass. When the last consent arrives, every party's consent is checked again for the current round (a BATNA
 * may have risen since an offer was made); a consent that no longer holds lapses and the agreement waits.
 */
export function runAlternatingOffers(negotiation: Negotiation): ProtocolResult {
  const { agents, truths, config } = negotiation;
  const n = agents.length;
  const rounds = config.deadlineRounds;
  const ownOffers: number[][] = agents.map(() => []);
  /** Best undiscounted own utility among acceptable offers each party has received. */
  const bestReceived = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  let standing: Outcome | undefined;
  const consent = new Uint8Array(n);
  let consents = 0;

  const end = (round: number, k: number, endedBy: ProtocolResult['endedBy']): ProtocolResult => ({
    endedBy,
    by: truths[k].party,
    round,
    ownOffers,
  });

  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < n; k++) {
      const agent = agents[k];
      const truth = truths[k];
      const party = truth.party;
      const turnsLeft = (rounds - round) * n - k;
      const state = stateAt(negotiation, round, turnsLeft, turnsLeft - 1 < n - 1);
      const walkAfter = config.agents[k].walkAwayAfter;
      if (
        walkAfter !== undefined &&
        wantsToWalk(negotiation, k, round, state.time, walkAfter, bestReceived[k])
      ) {
        record(negotiation, round, party, 'end', { note: 'BATNA beats what it can expect' });
        return end(round, k, 'walk-away');
      }

      if (standing && consent[k] === 0) {
        const answer = agent.respond(state, standing);
        if (answer === 'fault') {
          record(negotiation, round, party, 'fault');
          return end(round, k, 'disqualified');
        }
        if (answer === 'end') {
          record(negotiation, round, party, 'end');
          return end(round, k, 'walk-away');
        }
        if (answer === 'accept') {
          const problem = consentProblem(truth, standing, round);
          if (problem) {
            negotiation.faults.push({ party, round, kind: 'vetoed-acceptance', message: problem });
            record(negotiation, round, party, 'fault', { note: `acceptance refused: ${problem}` });
          } else {
            consent[k] = 1;
            consents++;
            record(negotiation, round, party, 'accept');
            if (consents === n) {
              const agreed = confirm(negotiation, standing, round, consent);
              if (agreed) return { agreement: standing, endedBy: 'agreement', round, ownOffers };
              consents = consent.reduce((s, c) => s + c, 0);
            }
            continue;
          }
        }
      }

      const proposal = agent.propose(state);
      if (proposal.kind === 'fault') {
        record(negotiation, round, party, 'fault');
        return end(round, k, 'disqualified');
      }
      if (proposal.kind === 'pass') {
        record(negotiation, round, party, 'pass');
        continue;
      }
      const outcome = proposal.outcome;
      const problem = consentProblem(truth, outcome, round);
      if (problem) {
        negotiation.faults.push({ party, round, kind: 'vetoed-offer', message: problem });
        record(negotiation, round, party, 'fault', { note: `offer refused: ${problem}` });
        continue;
      }
      standing = outcome;
      consent.fill(0);
      consent[k] = 1;
      consents = 1;
      negotiation.offers.push({ party, round, outcome });
      ownOffers[k].push(utilityOf(truth.utility, outcome));
      noteReceived(negotiation, bestReceived, k, outcome);
      record(negotiation, round, party, 'offer', { outcome });
      if (n === 1 && confirm(negotiation, outcome, round, consent)) {
        return { agreement: outcome, endedBy: 'agreement', round, ownOffers };
      }
    }
  }
  return { endedBy: 'deadline', round: rounds - 1, ownOffers };
}

/** Updates each other party's best acceptable offer received (own view: own utility and red lines). */
export function noteReceived(
  negotiation: Negotiation,
  best: Float64Array,
  from: number,
  outcome: Outcome,
): void {
  negotiation.truths.forEach((truth, j) => {
    if (j === from || truth.redLines.some((r) => holds(r, outcome))) return;
    const u = utilityOf(truth.utility, outcome);
    if (u > best[j]) best[j] = u;
  });
}

/** Re-checks every consent for the current round; withdraws those that no longer hold. */
export function confirm(
  negotiation: Negotiation,
  outcome: Outcome,
  round: number,
  consent: Uint8Array,
): boolean {
  let ok = true;
  negotiation.truths.forEach((truth, j) => {
    const problem = consentProblem(truth, outcome, round);
    if (problem) {
      consent[j] = 0;
      ok = false;
      record(negotiation, round, truth.party, 'consent-lapsed', { note: problem });
    }
  });
  return ok;
}

/**
 * The walk-away rule: nothing can reach the BATNA any more (the best own outcome, discounted, is below it),
 * or, from normalised time `after` on, the best offer received so far (discounted to now) is below it.
 */
export function wantsToWalk(
  negotiation: Negotiation,
  k: number,
  round: number,
  time: number,
  after: number,
  bestReceived: number,
): boolean {
  const truth = negotiation.truths[k];
  const batna = truth.batna[round];
  const max = negotiation.setups[k].search.maxUtility;
  if (max * truth.discount ** round < batna - BATNA_TOLERANCE) return true;
  if (time < after || bestReceived === Number.NEGATIVE_INFINITY) return false;
  return bestReceived * truth.discount ** round < batna - BATNA_TOLERANCE;
}
