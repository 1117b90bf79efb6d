import { type GraphModel, improves } from './graph-model.js';
import type { Step } from './move-sequences.js';

/** A state reachable from the status quo and one shortest way there. */
export interface ReachedState {
  state: number;
  path: Step[];
}

/**
 * Status-quo analysis: the states reachable from the status quo by a sequence of unilateral improvements,
 * no player moving twice in a row, with one shortest path to each. Breadth-first over (state, last mover);
 * ties between shortest paths go to the lower player index, then the lower target state.
 */
export function statusQuoPaths(model: GraphModel, statusQuo: number): ReachedState[] {
  const players = model.players.length;
  const tags = players + 1;
  const n = model.space.codes.length;
  const parent = new Int32Array(n * tags).fill(-2);
  const moverOf = new Int32Array(n * tags);
  const firstNode = new Int32Array(n).fill(-1);
  const start = statusQuo * tags;
  parent[start] = -1;
  firstNode[statusQuo] = start;
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const state = Math.floor(node / tags);
    const last = (node % tags) - 1;
    for (let p = 0; p < players; p++) {
      if (p === last) continue;
      for (const target of model.moves[p][state]) {
        if (!improves(model, p, state, target)) continue;
        const next = target * tags + p + 1;
        if (parent[next] !== -2) continue;
        parent[next] = node;
        moverOf[next] = p;
        queue.push(next);
        if (firstNode[target] < 0) firstNode[target] = next;
      }
    }
  }
  const reached: ReachedState[] = [];
  for (let s = 0; s < n; s++) {
    if (firstNode[s] < 0) continue;
    const path: Step[] = [];
    for (let at = firstNode[s]; parent[at] >= 0; at = parent[at]) {
      path.push({ mover: moverOf[at], from: Math.floor(parent[at] / tags), to: Math.floor(at / tags) });
    }
    reached.push({ state: s, path: path.reverse() });
  }
  return reached;
}
