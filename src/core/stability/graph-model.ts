import type { Conflict } from './conflict.js';
import { preferenceScores } from './preference-scores.js';
import { buildStateSpace, type StateSpace } from './state-space.js';

/**
 * When a sanction against a coalition succeeds (decision D3): `anyMemberNoBetter` (the default, as in
 * gmcr-py's coalition logic) when at least one member ends up no better off than at the start;
 * `everyMemberNoBetter` when all members do. For a single decision maker both read "no better off".
 */
export type CoalitionSanctionRule = 'anyMemberNoBetter' | 'everyMemberNoBetter';

/** A player of the graph model: one decision maker, or a coalition that moves as one. */
export interface Player {
  name: string;
  /** Indices of the decision makers it stands for. */
  members: number[];
  /** The options it controls, as a bit mask over option indices. */
  optionMask: number;
}

/**
 * The graph model: feasible states, the players' unilateral moves and every decision maker's preference
 * scores. Comparisons go through `improves` and `noBetter`, which are also what makes a coalition a player.
 */
export interface GraphModel {
  space: StateSpace;
  players: Player[];
  /** moves[p][s]: the states player p reaches from state s in one move, ascending. */
  moves: Int32Array[][];
  /** scores[d][s]: decision maker d's preference score of state s (higher is better, equal is a tie). */
  scores: Float64Array[];
  coalitionSanction: CoalitionSanctionRule;
}

/** Whether t is strictly better than s for player p (for a coalition: for every member). */
export function improves(model: GraphModel, p: number, s: number, t: number): boolean {
  for (const d of model.players[p].members) if (!(model.scores[d][t] > model.scores[d][s])) return false;
  return true;
}

/** Whether u counts as a sanction against player p at s, i.e. leaves it no better off (rule D3 for coalitions). */
export function noBetter(model: GraphModel, p: number, s: number, u: number): boolean {
  const members = model.players[p].members;
  if (model.coalitionSanction === 'everyMemberNoBetter') {
    for (const d of members) if (model.scores[d][u] > model.scores[d][s]) return false;
    return true;
  }
  for (const d of members) if (!(model.scores[d][u] > model.scores[d][s])) return true;
  return false;
}

/** The unilateral improvements of player p from s. */
export function improvementsOf(model: GraphModel, p: number, s: number): number[] {
  return Array.from(model.moves[p][s]).filter((t) => improves(model, p, s, t));
}

function optionMaskOf(conflict: Conflict, members: readonly number[]): number {
  let mask = 0;
  for (const d of members) for (const option of conflict.decisionMakers[d].options) mask |= 1 << option;
  return mask;
}

function movesOf(conflict: Conflict, space: StateSpace, mask: number): Int32Array[] {
  // Options that may only be taken (forward) cannot go Y→N; options that may only be dropped cannot go N→Y.
  let forward = 0;
  let backward = 0;
  conflict.options.forEach((option, i) => {
    if (option.direction === 'forward') forward |= 1 << i;
    if (option.direction === 'backward') backward |= 1 << i;
  });
  return Array.from(space.codes, (code) => {
    const targets: number[] = [];
    for (let change = mask; change !== 0; change = (change - 1) & mask) {
      if ((change & forward & code) !== 0) continue;
      if ((change & backward & ~code) !== 0) continue;
      const target = space.indexOf[code ^ change];
      if (target >= 0) targets.push(target);
    }
    return Int32Array.from(targets.sort((a, b) => a - b));
  });
}

export interface GraphModelOptions {
  /** Blocks of decision makers that act as one player; default: every decision maker alone. */
  partition?: number[][];
  coalitionSanction?: CoalitionSanctionRule;
}

export function buildGraphModel(conflict: Conflict, options: GraphModelOptions = {}): GraphModel {
  const space = buildStateSpace(conflict);
  const partition = options.partition ?? conflict.decisionMakers.map((_, d) => [d]);
  const players = partition.map((members) => ({
    name: members.map((d) => conflict.decisionMakers[d].name).join(' + '),
    members: [...members],
    optionMask: optionMaskOf(conflict, members),
  }));
  return {
    space,
    players,
    moves: players.map((player) => movesOf(conflict, space, player.optionMask)),
    scores: conflict.preferences.map((preference) => preferenceScores(preference, space)),
    coalitionSanction: options.coalitionSanction ?? 'anyMemberNoBetter',
  };
}
