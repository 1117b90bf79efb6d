import type { BdmOfferRanking } from '../../../schema/forecast.js';

export type BdmMoveKind = 'conflict' | 'compromise' | 'capitulation';

/** One receiver's response to the offer it chose; positions are on the dimension's scale. */
export interface BdmMove {
  receiver: number;
  sender: number;
  kind: BdmMoveKind;
  from: number;
  to: number;
  /** EU_sender,receiver and EU_receiver,sender: the two coordinates of the quadrant chart. */
  senderEu: number;
  receiverEu: number;
}

const KIND_RANK: Record<BdmMoveKind, number> = { conflict: 0, compromise: 1, capitulation: 2 };

/** What j does about i's offer, or undefined when j ignores it. */
function classify(i: number, j: number, positions: readonly number[], eu: readonly (readonly number[])[]) {
  const senderEu = eu[i][j];
  const receiverEu = eu[j][i];
  const base = { receiver: j, sender: i, from: positions[j], senderEu, receiverEu };
  if (receiverEu > 0 && receiverEu < senderEu)
    return { ...base, kind: 'conflict' as const, to: positions[i] };
  if (receiverEu < 0 && Math.abs(receiverEu) < senderEu) {
    const to = positions[j] + (positions[i] - positions[j]) * Math.abs(receiverEu / senderEu);
    return { ...base, kind: 'compromise' as const, to };
  }
  if (receiverEu < 0 && Math.abs(receiverEu) > senderEu)
    return { ...base, kind: 'capitulation' as const, to: positions[i] };
  return undefined;
}

/**
 * Each actor i sends j an offer when EU_ij > 0. Each receiver picks one offer (D5):
 * - `sender-eu` (default): the offer with the highest sender EU; ties go to the nearest sender, then to
 *   input order. The chosen offer then leads to conflict (0 < EU_ji < EU_ij: j moves to x_i), compromise
 *   (EU_ji < 0, |EU_ji| < EU_ij: j moves the fraction |EU_ji / EU_ij| of the way) or capitulation
 *   (EU_ji < 0, |EU_ji| > EU_ij: j moves to x_i), or to nothing.
 * - `type`: among the offers that lead somewhere, conflict before compromise before capitulation, then the
 *   least movement, then input order.
 * Moves are returned, not applied: every move uses the positions from the start of the round.
 */
export function resolveOffers(
  positions: readonly number[],
  eu: readonly (readonly number[])[],
  ranking: BdmOfferRanking,
): BdmMove[] {
  const n = positions.length;
  const moves: BdmMove[] = [];
  for (let j = 0; j < n; j++) {
    const senders = [...Array(n).keys()].filter((i) => i !== j && eu[i][j] > 0);
    if (senders.length === 0) continue;
    if (ranking === 'sender-eu') {
      let best = senders[0];
      for (const i of senders.slice(1)) {
        const better =
          eu[i][j] > eu[best][j] ||
          (eu[i][j] === eu[best][j] &&
            Math.abs(positions[i] - positions[j]) < Math.abs(positions[best] - positions[j]));
        if (better) best = i;
      }
      const move = classify(best, j, positions, eu);
      if (move) moves.push(move);
    } else {
      const candidates = senders.flatMap((i) => {
        const move = classify(i, j, positions, eu);
        return move ? [move] : [];
      });
      candidates.sort(
        (a, b) =>
          KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
          Math.abs(a.to - a.from) - Math.abs(b.to - b.from) ||
          a.sender - b.sender,
      );
      if (candidates.length > 0) moves.push(candidates[0]);
    }
  }
  return moves;
}
