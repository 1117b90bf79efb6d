import type { SmpInterVecBrgn } from '../../../schema/forecast.js';

/** KTAB rounds bargain positions to 4 decimals on the 0..1 scale. */
function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Keeps a division defined when a side has no salience on a dimension. */
const TINY = 1e-6;

/**
 * The positions the initiator i and receiver j would take after a bargain, given pI, the probability
 * that i prevails as estimated by whoever forms the bargain (InterVecBrgn):
 * - S2P2 (default): per dimension, weights σ²π² for each side; each side's point leans slightly to itself.
 * - S1P1: the same with first powers.
 * - S2PMax: each side moves towards the other only by the truncated probability advantage of the other.
 */
export function interVectorBargain(
  rule: SmpInterVecBrgn,
  positionI: readonly number[],
  positionJ: readonly number[],
  salienceI: readonly number[],
  salienceJ: readonly number[],
  pI: number,
): { initiator: number[]; receiver: number[] } {
  const pJ = 1 - pI;
  const initiator: number[] = [];
  const receiver: number[] = [];
  for (let k = 0; k < positionI.length; k++) {
    const xi = positionI[k];
    const xj = positionJ[k];
    if (rule === 'S2PMax') {
      const advantageJ = Math.max(0, pJ - pI);
      const advantageI = Math.max(0, pI - pJ);
      const si2 = salienceI[k] ** 2;
      const sj2 = salienceJ[k] ** 2;
      const di = (advantageJ * sj2) / (advantageJ * sj2 + TINY + (1 - advantageJ) * si2);
      const dj = (advantageI * si2) / (advantageI * si2 + TINY + (1 - advantageI) * sj2);
      initiator.push(round4(xi + di * (xj - xi)));
      receiver.push(round4(xj + dj * (xi - xj)));
      continue;
    }
    const wi = rule === 'S2P2' ? salienceI[k] ** 2 * pI ** 2 : salienceI[k] * pI;
    const wj = rule === 'S2P2' ? salienceJ[k] ** 2 * pJ ** 2 : salienceJ[k] * pJ;
    const total = wi + TINY + wj;
    initiator.push(round4(((wi + TINY) * xi + wj * xj) / total));
    receiver.push(round4((wi * xi + (wj + TINY) * xj) / total));
  }
  return { initiator, receiver };
}
