import type { GraphModel } from './graph-model.js';
import { reachableStates, type SequenceRule } from './move-sequences.js';
import { isStable } from './stability-concepts.js';

/**
 * Inverse GMCR (after Kinsara, Hipel & Kilgour 2015): which preferences would make a desired state stable.
 * Two answers:
 * - enumeration: each decision maker's ranking is fixed except for a window of positions whose states may be
 *   put in any order; every combination of window orders is tried (the count grows factorially, so a bound
 *   is required and exceeding it is an error, never a silent cut);
 * - symbolic conditions for Nash and GMR, which do not depend on preferences being known: pairwise
 *   "s at least as preferred as t" constraints.
 */
export const INVERSE_CONCEPTS = ['nash', 'gmr', 'smr', 'seq'] as const;
export type InverseConcept = (typeof INVERSE_CONCEPTS)[number];

/** Positions [from, to) of a decision maker's ranking (0-based, most preferred first) that may be reordered. */
export interface RankingWindow {
  from: number;
  to: number;
}

export interface InverseEnumeration {
  state: number;
  /** Each decision maker's base ranking (states most preferred first; ties broken by state number). */
  baseRankings: number[][];
  windows: RankingWindow[];
  combinations: number;
  /** In how many combinations the state is an equilibrium under each concept. */
  equilibriumCounts: Record<InverseConcept, number>;
  /** Per decision maker, in how many combinations the state is stable for it. */
  stableCounts: Record<InverseConcept, number[]>;
  /** The first combinations (rankings per decision maker) that make the state a GMR equilibrium. */
  examples: number[][][];
  examplesShown: number;
  examplesTotal: number;
}

export class TooManyCombinationsError extends RangeError {
  constructor(
    readonly combinations: number,
    readonly limit: number,
  ) {
    super(
      `the windows allow ${combinations} combinations of rankings, above the limit of ${limit}; narrow the windows or raise the limit`,
    );
  }
}

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/** All orderings of `items` (lexicographic by position). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  const out: T[][] = [];
  items.forEach((item, k) => {
    for (const rest of permutations([...items.slice(0, k), ...items.slice(k + 1)])) out.push([item, ...rest]);
  });
  return out;
}

/** A decision maker's ranking from its scores: best first, ties broken by the lower state number. */
export function rankingOf(scores: Float64Array): number[] {
  return Array.from(scores, (_, s) => s).sort((a, b) => scores[b] - scores[a] || a - b);
}

export interface InverseOptions {
  sequenceRule: SequenceRule;
  /** Windows per decision maker; default: the whole ranking of every decision maker. */
  windows?: RankingWindow[];
  maxCombinations?: number;
  maxExamples?: number;
}

export function enumerateInverse(
  model: GraphModel,
  state: number,
  options: InverseOptions,
): InverseEnumeration {
  const n = model.space.codes.length;
  const players = model.players.length;
  if (model.players.some((p) => p.members.length !== 1)) {
    throw new RangeError('inverse GMCR works on individual decision makers, not coalitions');
  }
  const baseRankings = model.scores.map(rankingOf);
  const windows = options.windows ?? baseRankings.map(() => ({ from: 0, to: n }));
  const combinations = windows.reduce((product, w) => product * factorial(w.to - w.from), 1);
  const limit = options.maxCombinations ?? 1_000_000;
  if (combinations > limit) throw new TooManyCombinationsError(combinations, limit);
  const orders = windows.map((w, d) =>
    permutations(baseRankings[d].slice(w.from, w.to)).map((middle) => [
      ...baseRankings[d].slice(0, w.from),
      ...middle,
      ...baseRankings[d].slice(w.to),
    ]),
  );
  const equilibriumCounts = { nash: 0, gmr: 0, smr: 0, seq: 0 };
  const stableCounts = { nash: [], gmr: [], smr: [], seq: [] } as Record<InverseConcept, number[]>;
  for (const concept of INVERSE_CONCEPTS) stableCounts[concept] = new Array<number>(players).fill(0);
  const maxExamples = options.maxExamples ?? 10;
  const examples: number[][][] = [];
  let examplesTotal = 0;
  const trial: GraphModel = { ...model, scores: model.scores.map(() => new Float64Array(n)) };
  const pick = new Array<number>(players).fill(0);
  for (let done = 0; done < combinations; done++) {
    const rankings = pick.map((k, d) => orders[d][k]);
    rankings.forEach((ranking, d) => {
      ranking.forEach((s, position) => {
        trial.scores[d][s] = n - position;
      });
    });
    for (const concept of INVERSE_CONCEPTS) {
      let everyone = true;
      for (let p = 0; p < players; p++) {
        const stable = isStable(trial, p, state, concept, { sequenceRule: options.sequenceRule });
        if (stable) stableCounts[concept][p]++;
        else everyone = false;
      }
      if (everyone) {
        equilibriumCounts[concept]++;
        if (concept === 'gmr') {
          examplesTotal++;
          if (examples.length < maxExamples) examples.push(rankings.map((r) => [...r]));
        }
      }
    }
    for (let d = 0; d < players; d++) {
      if (++pick[d] < orders[d].length) break;
      pick[d] = 0;
    }
  }
  return {
    state,
    baseRankings,
    windows,
    combinations,
    equilibriumCounts,
    stableCounts,
    examples,
    examplesShown: examples.length,
    examplesTotal,
  };
}

/** The conditions on one decision maker's preferences for a state to be Nash and GMR stable for it. */
export interface SymbolicConditions {
  player: number;
  /** Nash: the state must be at least as preferred as each of these (its one-move targets). */
  nash: number[];
  /** GMR: for each move, the state must be at least as preferred as the target, or as one of its sanctions. */
  gmr: Array<{ move: number; orOneOf: number[] }>;
}

export function symbolicConditions(
  model: GraphModel,
  state: number,
  sequenceRule: SequenceRule,
): SymbolicConditions[] {
  return model.players.map((_, p) => {
    const opponents = model.players.map((_, q) => q).filter((q) => q !== p);
    const targets = Array.from(model.moves[p][state]);
    return {
      player: p,
      nash: targets,
      gmr: targets.map((move) => ({
        move,
        orOneOf: [
          ...reachableStates(model, opponents, move, { rule: sequenceRule, credibleOnly: false }).keys(),
        ].sort((a, b) => a - b),
      })),
    };
  });
}
