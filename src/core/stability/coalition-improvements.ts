import { type GraphModel, improves, noBetter } from './graph-model.js';
import { reachableStates, type SequenceRule, type Step, searchSequences } from './move-sequences.js';

/**
 * Coalition analysis in the coalition-improvement family (Kilgour, Hipel, Fang & Peng 2001; Inohara & Hipel
 * 2008). For a coalition H of at least two players, a coalition improvement from s is a state t reached by a
 * legal sequence of H's members' moves (any moves) with t strictly better than s for every member.
 * - CNash for H: there is none.
 * - CGMR / CSEQ for H: every coalition improvement t can be answered by a sequence of moves (for CSEQ,
 *   unilateral improvements) of the players outside H ending at u that sanctions H under rule D3
 *   (`anyMemberNoBetter`: some member of H is no better off at u than at s; `everyMemberNoBetter`: all are).
 * A state is a coalition equilibrium under a concept when it is an equilibrium under the individual concept
 * and stable under the coalitional one for every coalition.
 */
export type CoalitionConcept = 'cnash' | 'cgmr' | 'cseq';

export interface CoalitionImprovement {
  to: number;
  /** How the coalition gets there. */
  path: Step[];
  /** The outsiders' answer, per concept, when there is one. */
  sanction: { cgmr?: Step[]; cseq?: Step[] };
}

export interface CoalitionVerdict {
  coalition: number[];
  state: number;
  improvements: CoalitionImprovement[];
  stable: Record<CoalitionConcept, boolean>;
}

/** Every subset of the players with at least two members, smallest first, then in index order. */
export function coalitionsOf(players: number): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 2 ** players; mask++) {
    const members = Array.from({ length: players }, (_, p) => p).filter((p) => (mask >>> p) & 1);
    if (members.length >= 2) out.push(members);
  }
  return out.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

function betterForAll(model: GraphModel, coalition: readonly number[], s: number, t: number): boolean {
  return coalition.every((p) => improves(model, p, s, t));
}

function sanctioned(model: GraphModel, coalition: readonly number[], s: number, u: number): boolean {
  return model.coalitionSanction === 'everyMemberNoBetter'
    ? coalition.every((p) => noBetter(model, p, s, u))
    : coalition.some((p) => noBetter(model, p, s, u));
}

function answer(
  model: GraphModel,
  coalition: readonly number[],
  s: number,
  t: number,
  rule: SequenceRule,
  credibleOnly: boolean,
): Step[] | undefined {
  const outsiders = model.players.map((_, p) => p).filter((p) => !coalition.includes(p));
  let witness: Step[] | undefined;
  searchSequences(model, outsiders, t, { rule, credibleOnly }, (u, path) => {
    if (!sanctioned(model, coalition, s, u)) return false;
    witness = path();
    return true;
  });
  return witness;
}

export function coalitionVerdict(
  model: GraphModel,
  coalition: readonly number[],
  s: number,
  rule: SequenceRule,
): CoalitionVerdict {
  const reached = reachableStates(model, coalition, s, { rule: 'legalSequence', credibleOnly: false });
  const improvements: CoalitionImprovement[] = [];
  for (const [t, path] of [...reached].sort((a, b) => a[0] - b[0])) {
    if (!betterForAll(model, coalition, s, t)) continue;
    improvements.push({
      to: t,
      path,
      sanction: {
        cgmr: answer(model, coalition, s, t, rule, false),
        cseq: answer(model, coalition, s, t, rule, true),
      },
    });
  }
  return {
    coalition: [...coalition],
    state: s,
    improvements,
    stable: {
      cnash: improvements.length === 0,
      cgmr: improvements.every((i) => i.sanction.cgmr !== undefined),
      cseq: improvements.every((i) => i.sanction.cseq !== undefined),
    },
  };
}
