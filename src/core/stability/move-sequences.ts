import { type GraphModel, improves } from './graph-model.js';

/**
 * Who may move in a sequence of moves by several players (decision D1):
 * - `legalSequence` (default; Fang, Hipel & Kilgour 1993): any length, no player twice in a row;
 * - `atMostOnce`: each player at most once (what gmcr-py checks).
 */
export type SequenceRule = 'legalSequence' | 'atMostOnce';

/** One move: `mover` is a player index; `from` and `to` are state indices (0-based). */
export interface Step {
  mover: number;
  from: number;
  to: number;
}

export interface SequenceOptions {
  rule: SequenceRule;
  /** Only moves that are unilateral improvements for the player making them (credible sanctions, SEQ). */
  credibleOnly: boolean;
}

/**
 * Search buffers reused across calls: a search marks what it visits with a fresh generation number instead of
 * clearing arrays, so that the many short searches of a stability table cost what they visit, not the state count.
 * Searches never nest (visit callbacks do not search), so one set of buffers is enough.
 */
let buffers = {
  parent: new Int32Array(0),
  moverOf: new Int32Array(0),
  visited: new Int32Array(0),
  seenState: new Int32Array(0),
  generation: 0,
};

function scratch(nodes: number, states: number) {
  if (
    buffers.parent.length < nodes ||
    buffers.seenState.length < states ||
    buffers.generation >= 0x7fffffff
  ) {
    buffers = {
      parent: new Int32Array(Math.max(nodes, buffers.parent.length)),
      moverOf: new Int32Array(Math.max(nodes, buffers.parent.length)),
      visited: new Int32Array(Math.max(nodes, buffers.parent.length)),
      seenState: new Int32Array(Math.max(states, buffers.seenState.length)),
      generation: 0,
    };
  }
  buffers.generation++;
  return buffers;
}

/**
 * Breadth-first search over (state, who has moved) from `start` through non-empty sequences of moves by
 * `movers`. Calls `visit` once per state reached, in order of sequence length (ties: mover order, then
 * ascending target), with a function that returns one shortest sequence to it; stops when `visit` returns
 * true and gives back that state, else returns -1.
 */
export function searchSequences(
  model: GraphModel,
  movers: readonly number[],
  start: number,
  options: SequenceOptions,
  visit: (state: number, path: () => Step[]) => boolean,
): number {
  const k = movers.length;
  if (k === 0) return -1;
  // Tag: the last mover's position + 1 (legal sequences), or the mask of movers so far (at most once).
  const tags = options.rule === 'legalSequence' ? k + 1 : 2 ** k;
  const n = model.space.codes.length;
  const { parent, moverOf, visited, seenState, generation } = scratch(n * tags, n);
  const queue: number[] = [start * tags];
  visited[start * tags] = generation;
  parent[start * tags] = -1;
  const pathTo = (node: number) => (): Step[] => {
    const steps: Step[] = [];
    for (let at = node; parent[at] >= 0; at = parent[at]) {
      steps.push({ mover: moverOf[at], from: Math.floor(parent[at] / tags), to: Math.floor(at / tags) });
    }
    return steps.reverse();
  };
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const state = Math.floor(node / tags);
    const tag = node % tags;
    for (let j = 0; j < k; j++) {
      if (options.rule === 'legalSequence' ? tag === j + 1 : (tag >>> j) & 1) continue;
      const nextTag = options.rule === 'legalSequence' ? j + 1 : tag | (1 << j);
      const mover = movers[j];
      for (const target of model.moves[mover][state]) {
        if (options.credibleOnly && !improves(model, mover, state, target)) continue;
        const next = target * tags + nextTag;
        if (visited[next] === generation) continue;
        visited[next] = generation;
        parent[next] = node;
        moverOf[next] = mover;
        queue.push(next);
        if (seenState[target] !== generation) {
          seenState[target] = generation;
          if (visit(target, pathTo(next))) return target;
        }
      }
    }
  }
  return -1;
}

/** Every state reachable from `start` by a non-empty sequence, with one shortest sequence to each. */
export function reachableStates(
  model: GraphModel,
  movers: readonly number[],
  start: number,
  options: SequenceOptions,
): Map<number, Step[]> {
  const reached = new Map<number, Step[]>();
  searchSequences(model, movers, start, options, (state, path) => {
    reached.set(state, path());
    return false;
  });
  return reached;
}
