import type { Explanation, ResultStep, StabilityResult } from '../../app/stability.js';
import type { Concept } from '../../core/stability/stability-concepts.js';

/** How concepts are written for people. */
export const CONCEPT_LABELS: Record<Concept, string> = {
  nash: 'Nash',
  gmr: 'GMR',
  smr: 'SMR',
  seq: 'SEQ',
  sim: 'SIM',
  seqAndSim: 'SEQ and SIM',
  seqOrSim: 'SEQ or SIM',
  seqOrSimPerMove: 'SEQ or SIM per move',
};

/** "Russia → 7, then Europe → 9": a sequence of moves, each as mover → state reached. */
export function describePath(path: readonly ResultStep[], players: ReadonlyArray<{ name: string }>): string {
  return path.map((step) => `${players[step.mover].name} → ${step.to}`).join(', then ');
}

/**
 * One sentence per explanation, in the style GMCR analysts use: "state 4 is stable by GMR for X: the move to 3
 * is sanctioned by Y → 7". Unstable states name the move nothing deters.
 */
export function narrate(explanation: Explanation, players: ReadonlyArray<{ name: string }>): string {
  const who = players[explanation.player].name;
  const label = CONCEPT_LABELS[explanation.concept];
  const head = `state ${explanation.state} is ${explanation.stable ? 'stable' : 'unstable'} by ${label} for ${who}`;
  if (explanation.concept === 'nash') {
    return `${head}: it can improve by moving to ${explanation.moves.map((m) => m.to).join(', ')}`;
  }
  const parts = explanation.moves.map((move) => {
    if (move.sanction)
      return `the move to ${move.to} is sanctioned by ${describePath(move.sanction, players)}`;
    if (move.simultaneous) {
      const movers = move.simultaneous.moves.map((m) => `${players[m.mover].name} → ${m.to}`).join(' and ');
      return `the move to ${move.to} is met by ${movers} at the same time, giving ${move.simultaneous.result}`;
    }
    return `the move to ${move.to} is not deterred`;
  });
  const shown = explanation.stable ? parts : parts.filter((p) => p.endsWith('not deterred'));
  return `${head}: ${shown.join('; ')}`;
}

/** Narrations for the given states (default: the status quo and the SEQ equilibria that are not Nash), basic concepts only. */
export function narrations(result: StabilityResult, states?: readonly number[]): string[] {
  const table = result.individual;
  const nash = new Set(table.equilibria.nash);
  const wanted = new Set(
    states ?? [
      ...(result.statusQuo ? [result.statusQuo.state] : []),
      ...table.equilibria.seq.filter((s) => !nash.has(s)),
    ],
  );
  const order: Concept[] = ['nash', 'gmr', 'smr', 'seq', 'sim'];
  return table.explanations
    .filter((e) => wanted.has(e.state) && order.includes(e.concept))
    .sort(
      (a, b) =>
        a.state - b.state || order.indexOf(a.concept) - order.indexOf(b.concept) || a.player - b.player,
    )
    .map((e) => narrate(e, table.players));
}
