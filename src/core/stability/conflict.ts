/**
 * A conflict in option form (the Graph Model for Conflict Resolution): decision makers control yes/no
 * options; a state is a yes/no vector over every option. Plain, serialisable data: the scenario section
 * and gmcr-py's `.gmcr` files both become this before any analysis runs.
 */

/** An option index and the value it must have: true = Y (taken), false = N. */
export type Literal = readonly [option: number, taken: boolean];

/** A conjunction of literals. */
export type Conjunction = readonly Literal[];

/**
 * Which way an option may be changed by a move: `both`, only N→Y (`forward`, an irreversible commitment),
 * or only Y→N (`backward`).
 */
export type OptionDirection = 'both' | 'forward' | 'backward';

export interface ConflictOption {
  name: string;
  /** Index of the decision maker who controls it. */
  decisionMaker: number;
  direction: OptionDirection;
}

export interface ConflictDecisionMaker {
  name: string;
  /** Indices of the options it controls. */
  options: number[];
}

/**
 * A decision maker's preferences.
 * - `statements`: prioritised option statements, most important first; each statement is true when any of
 *   its conjunctions holds. Statement k of n weighs 2^(n-1-k); a state scores the sum of the weights of its
 *   true statements; higher is better; equal scores are ties.
 * - `ranking`: state numbers (1-based, in the conflict's state numbering) from most to least preferred; an
 *   inner list is a class of equally preferred states.
 */
export type ConflictPreference =
  | { kind: 'statements'; statements: Conjunction[][] }
  | { kind: 'ranking'; ranking: number[][] };

export interface Conflict {
  title?: string;
  options: ConflictOption[];
  decisionMakers: ConflictDecisionMaker[];
  /** A state matching any of these conjunctions is infeasible. */
  infeasible: Conjunction[];
  /** One per decision maker, in the same order. */
  preferences: ConflictPreference[];
  /** The status quo as the set of options taken (Y); the rest are N. */
  statusQuo?: number[];
  /** A partition of the decision makers for the coalition-as-one-decision-maker analysis. */
  coalitions?: number[][];
}
