import { type GraphModel, improvementsOf, improves, noBetter } from './graph-model.js';
import { type SequenceRule, type Step, searchSequences } from './move-sequences.js';

/**
 * The stability concepts, named so that the combined ones cannot be misread (decision D2):
 * - `nash`: no unilateral improvement (UI);
 * - `gmr`: every UI can be answered by a sequence of the others' moves ending no better for the mover;
 * - `smr`: as `gmr`, and from where the sanction ends no move of the mover gets it above the start;
 * - `seq`: as `gmr`, with every sanctioning move a UI for whoever makes it (credible);
 * - `sim`: every UI can be answered by the others' UIs taken at the same time from the start state;
 * - `seqAndSim`: SEQ stable and SIM stable;
 * - `seqOrSim`: SEQ stable or SIM stable (what gmcr-py reports under the name "SEQ&SIM");
 * - `seqOrSimPerMove`: every UI is blocked by a credible sequential or by a simultaneous sanction.
 */
export const CONCEPTS = [
  'nash',
  'gmr',
  'smr',
  'seq',
  'sim',
  'seqAndSim',
  'seqOrSim',
  'seqOrSimPerMove',
] as const;
export type Concept = (typeof CONCEPTS)[number];

/** Simultaneous sanction: which opponents move where at once, and the state this makes. */
export interface SimultaneousSanction {
  moves: Array<{ mover: number; to: number }>;
  result: number;
}

/** How one unilateral improvement of the player is (or is not) answered. */
export interface BlockedMove {
  to: number;
  /** The sanctioning sequence of the opponents (GMR, SMR, SEQ), when there is one. */
  sanction?: Step[];
  /** The simultaneous sanction (SIM), when there is one. */
  simultaneous?: SimultaneousSanction;
}

export interface Verdict {
  stable: boolean;
  /** Every unilateral improvement and its answer; a move without an answer makes the state unstable. */
  improvements: BlockedMove[];
}

function opponentsOf(model: GraphModel, p: number): number[] {
  return model.players.map((_, q) => q).filter((q) => q !== p);
}

function sequentialSanction(
  model: GraphModel,
  p: number,
  s: number,
  s1: number,
  rule: SequenceRule,
  kind: 'gmr' | 'smr' | 'seq',
): Step[] | undefined {
  let witness: Step[] | undefined;
  const accept = (s2: number): boolean => {
    if (!noBetter(model, p, s, s2)) return false;
    if (kind !== 'smr') return true;
    for (const s3 of model.moves[p][s2]) if (!noBetter(model, p, s, s3)) return false;
    return true;
  };
  searchSequences(model, opponentsOf(model, p), s1, { rule, credibleOnly: kind === 'seq' }, (s2, path) => {
    if (!accept(s2)) return false;
    witness = path();
    return true;
  });
  return witness;
}

function simultaneousSanction(
  model: GraphModel,
  p: number,
  s: number,
  s1: number,
): SimultaneousSanction | undefined {
  const { codes, indexOf } = model.space;
  const opponents = opponentsOf(model, p);
  const choices = opponents.map((q) => improvementsOf(model, q, s));
  const moverMask = model.players[p].optionMask;
  // Odometer over each opponent's choice: -1 stays, k takes its k-th UI from s.
  const pick = opponents.map(() => -1);
  for (;;) {
    let j = 0;
    while (j < pick.length && pick[j] === choices[j].length - 1) pick[j++] = -1;
    if (j === pick.length) return undefined;
    pick[j]++;
    let code = (codes[s] & ~moverMask) | (codes[s1] & moverMask);
    const moves: Array<{ mover: number; to: number }> = [];
    opponents.forEach((q, k) => {
      if (pick[k] < 0) return;
      const to = choices[k][pick[k]];
      const mask = model.players[q].optionMask;
      code = (code & ~mask) | (codes[to] & mask);
      moves.push({ mover: q, to });
    });
    const result = indexOf[code];
    if (result >= 0 && noBetter(model, p, s, result)) return { moves, result };
  }
}

export interface StabilityOptions {
  sequenceRule: SequenceRule;
}

/** Whether state s is stable for player p under one of the basic concepts, with the witnesses. */
export function judge(
  model: GraphModel,
  p: number,
  s: number,
  concept: Exclude<Concept, 'seqAndSim' | 'seqOrSim'>,
  options: StabilityOptions,
): Verdict {
  const improvements: BlockedMove[] = [];
  let stable = true;
  for (const s1 of improvementsOf(model, p, s)) {
    const blocked: BlockedMove = { to: s1 };
    if (concept === 'gmr' || concept === 'smr' || concept === 'seq') {
      blocked.sanction = sequentialSanction(model, p, s, s1, options.sequenceRule, concept);
    } else if (concept === 'sim') {
      blocked.simultaneous = simultaneousSanction(model, p, s, s1);
    } else if (concept === 'seqOrSimPerMove') {
      blocked.sanction = sequentialSanction(model, p, s, s1, options.sequenceRule, 'seq');
      if (!blocked.sanction) blocked.simultaneous = simultaneousSanction(model, p, s, s1);
    }
    if (!blocked.sanction && !blocked.simultaneous) stable = false;
    improvements.push(blocked);
  }
  return { stable, improvements };
}

/** Whether s is stable for p under a concept (no witnesses kept; stops at the first unanswered move). */
export function isStable(
  model: GraphModel,
  p: number,
  s: number,
  concept: Concept,
  options: StabilityOptions,
): boolean {
  if (concept === 'seqAndSim')
    return isStable(model, p, s, 'seq', options) && isStable(model, p, s, 'sim', options);
  if (concept === 'seqOrSim')
    return isStable(model, p, s, 'seq', options) || isStable(model, p, s, 'sim', options);
  for (const s1 of model.moves[p][s]) {
    if (!improves(model, p, s, s1)) continue;
    if (concept === 'nash') return false;
    const answered =
      concept === 'sim'
        ? simultaneousSanction(model, p, s, s1) !== undefined
        : concept === 'seqOrSimPerMove'
          ? sequentialSanction(model, p, s, s1, options.sequenceRule, 'seq') !== undefined ||
            simultaneousSanction(model, p, s, s1) !== undefined
          : sequentialSanction(model, p, s, s1, options.sequenceRule, concept) !== undefined;
    if (!answered) return false;
  }
  return true;
}
