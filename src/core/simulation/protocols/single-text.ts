import { realiseUtility, utilityOf } from '../../evaluate/utility-function.js';
import { spaceSizeText } from '../../model/outcome-count.js';
import { holds, ruleIssues } from '../../model/rule.js';
import { consentProblem } from '../agent-context.js';
import type { PartyTruth } from '../realisation.js';
import { estimatedBatna } from '../realisation.js';
import { streamFor } from '../seeds.js';
import type { Outcome } from '../strategy.js';
import { confirm, noteReceived, wantsToWalk } from './alternating-offers.js';
import { estimatedNash } from './estimated-nash.js';
import { type Feedback, HillClimbMediator, type Mediator, TargetMediator } from './mediators.js';
import { type Negotiation, type ProtocolResult, record, stateAt } from './negotiation.js';

/**
 * The single negotiating text (Fisher's one-text procedure, as at Camp David): a mediator proposes a complete
 * text; each party accepts it or rejects it naming the issues it objects to (criticism only, no counter-
 * proposal); the mediator revises; until every party accepts the same text, the mediator stops (no revision
 * helps: `stalled`), or the deadline passes. One text per round.
 *
 * Parties answer with their strategy's `respond` (built-ins: accept when the text is acceptable and worth at
 * least their current target). Their objections come from `criticise` when the strategy has one, otherwise
 * from their own true preferences (defaultObjections). Acceptances are double-checked as under alternating
 * offers (red lines, discounted BATNA).
 */
export function runSingleText(negotiation: Negotiation): ProtocolResult {
  const { agents, truths, config } = negotiation;
  const mediatorConfig = config.mediator;
  if (!mediatorConfig) throw new Error('single-text protocol without a mediator configuration');
  const n = agents.length;
  const rounds = config.deadlineRounds;
  const mediator = createMediator(negotiation);
  const bestReceived = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const ownOffers: number[][] = agents.map(() => []);
  let text: Outcome | undefined = mediator.first();

  for (let round = 0; round < rounds && text; round++) {
    negotiation.offers.push({ party: mediatorConfig.party, round, outcome: text });
    record(negotiation, round, mediatorConfig.party, 'text', { outcome: text });
    noteReceived(negotiation, bestReceived, -1, text);
    const feedback: Feedback[] = [];
    for (let k = 0; k < n; k++) {
      const agent = agents[k];
      const truth = truths[k];
      const state = stateAt(negotiation, round, (rounds - round) * n - k, round === rounds - 1);
      const walkAfter = config.agents[k].walkAwayAfter;
      if (
        walkAfter !== undefined &&
        wantsToWalk(negotiation, k, round, state.time, walkAfter, bestReceived[k])
      ) {
        record(negotiation, round, truth.party, 'end', { note: 'BATNA beats what it can expect' });
        return { endedBy: 'walk-away', by: truth.party, round, ownOffers };
      }
      let answer = agent.respond(state, text);
      if (answer === 'fault') {
        record(negotiation, round, truth.party, 'fault');
        return { endedBy: 'disqualified', by: truth.party, round, ownOffers };
      }
      if (answer === 'end') {
        record(negotiation, round, truth.party, 'end');
        return { endedBy: 'walk-away', by: truth.party, round, ownOffers };
      }
      if (answer === 'accept') {
        const problem = consentProblem(truth, text, round);
        if (problem) {
          negotiation.faults.push({ party: truth.party, round, kind: 'vetoed-acceptance', message: problem });
          record(negotiation, round, truth.party, 'fault', { note: `acceptance refused: ${problem}` });
          answer = 'reject';
        }
      }
      if (answer === 'accept') {
        record(negotiation, round, truth.party, 'accept');
        feedback.push({ accept: true, objections: [] });
        continue;
      }
      const criticism = agent.criticise(state, text);
      if (criticism === 'fault') {
        record(negotiation, round, truth.party, 'fault');
        return { endedBy: 'disqualified', by: truth.party, round, ownOffers };
      }
      const objections =
        criticism ?? defaultObjections(negotiation, truth, text, mediatorConfig.maxObjections);
      record(negotiation, round, truth.party, 'reject', { objections });
      feedback.push({ accept: false, objections });
    }
    if (feedback.every((f) => f.accept) && confirm(negotiation, text, round, new Uint8Array(n).fill(1))) {
      return { agreement: text, endedBy: 'agreement', round, ownOffers };
    }
    if (round === rounds - 1) break;
    text = mediator.next(feedback);
    if (!text) return { endedBy: 'stalled', round, ownOffers };
  }
  return { endedBy: 'deadline', round: rounds - 1, ownOffers };
}

/**
 * A party's criticism from its own preferences: first the issues of any own red line the text crosses, then
 * the issues where changing only that issue (to an option crossing no own red line) raises its utility,
 * largest gain first; at most `max` issues.
 */
export function defaultObjections(
  negotiation: Negotiation,
  truth: PartyTruth,
  text: Outcome,
  max: number,
): string[] {
  const space = negotiation.compiled.space;
  const issues: number[] = [];
  for (const rule of truth.redLines) {
    if (!holds(rule, text)) continue;
    for (const i of [...ruleIssues(rule)].sort((a, b) => a - b)) if (!issues.includes(i)) issues.push(i);
  }
  const base = utilityOf(truth.utility, text);
  const probe = Int32Array.from(text);
  const gains: Array<[number, number]> = [];
  for (let i = 0; i < space.radix.length; i++) {
    if (issues.includes(i)) continue;
    let best = 0;
    for (let k = 0; k < space.radix[i]; k++) {
      if (k === text[i]) continue;
      probe[i] = k;
      if (truth.redLines.some((r) => holds(r, probe))) continue;
      best = Math.max(best, utilityOf(truth.utility, probe) - base);
    }
    probe[i] = text[i];
    if (best > 1e-9) gains.push([i, best]);
  }
  gains.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [i] of gains) issues.push(i);
  return issues.slice(0, max).map((i) => space.issues[i].id);
}

function createMediator(negotiation: Negotiation): Mediator {
  const { compiled, config, truths } = negotiation;
  const m = config.mediator;
  if (!m) throw new Error('no mediator configuration');
  const rng = streamFor(config.seed, 'mediator');
  const initial = Int32Array.from(m.initial, (k, i) => (k >= 0 ? k : rng.int(compiled.space.radix[i])));
  if (m.strategy === 'hill-climb') return new HillClimbMediator(compiled.space, initial, m.patience, rng);
  const parties = truths.map((t) => ({
    utility: realiseUtility(compiled.models[t.model], 'estimate'),
    batna: estimatedBatna(compiled, t.model, config)[0],
    redLines: compiled.models[t.model].redLines.map((r) => r.crossedWhen),
  }));
  const target = estimatedNash(compiled, parties, initial, config.exactLimit);
  if (!target.exact) {
    negotiation.notes.push(
      `the mediator's Nash target was found by coordinate ascent (a local optimum) on a space of ${spaceSizeText(compiled.space.radix)} outcomes`,
    );
  }
  if (!target.inZone) {
    negotiation.notes.push(
      "under the mediator's estimates no outcome beats every BATNA; it aims at the max-min surplus",
    );
  }
  return new TargetMediator(compiled.space, initial, target.outcome, m.patience, rng);
}
