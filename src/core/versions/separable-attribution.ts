import { realiseUtility } from '../evaluate/utility-function.js';
import { EXACT_ENUMERATION_LIMIT } from '../evaluate/utility-range.js';
import type { PartyModel } from '../model/party-model.js';
import { holds, ruleIssues } from '../model/rule.js';
import type { Subspace } from '../model/subspace.js';
import { EXACT_MAX, exactShapley, type ShapleyResult } from './shapley.js';

/**
 * Above this many completions enumerated in total (coalitions of a component × completions of its issues),
 * the structured computation gives way to the general one.
 */
export const SEPARABLE_WORK_LIMIT = 20_000_000;

/** The attribution game of a diff: each player switches one issue from its allowed set before to the one after. */
export interface IssueSwitchGame {
  models: readonly PartyModel[];
  before: Subspace;
  after: Subspace;
  /** The issue each player (change) switches; one player per issue. */
  issues: readonly number[];
}

/** Issues tied together by the adjustments of one party: each group is enumerated on its own. */
interface Component {
  issues: number[];
  adjustments: Array<{ when: Parameters<typeof holds>[0]; delta: number }>;
}

function components(u: ReturnType<typeof realiseUtility>): Component[] {
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    let root = i;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(i, root);
    return root;
  };
  const issuesOf = u.adjustments.map((a) => [...ruleIssues(a.when)]);
  for (const issues of issuesOf) {
    for (const i of issues) if (!parent.has(i)) parent.set(i, i);
    for (const i of issues.slice(1)) parent.set(find(i), find(issues[0]));
  }
  const byRoot = new Map<number, Component>();
  for (const i of [...parent.keys()].sort((p, q) => p - q)) {
    const root = find(i);
    const component = byRoot.get(root) ?? { issues: [], adjustments: [] };
    component.issues.push(i);
    byRoot.set(root, component);
  }
  u.adjustments.forEach((a, k) => {
    if (issuesOf[k].length === 0) return;
    byRoot.get(find(issuesOf[k][0]))?.adjustments.push({ when: a.when, delta: a.delta });
  });
  return [...byRoot.values()];
}

function midOfIssue(contribution: Float64Array, allowed: Int32Array): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const k of allowed) {
    if (contribution[k] < lo) lo = contribution[k];
    if (contribution[k] > hi) hi = contribution[k];
  }
  return (lo + hi) / 2;
}

/** Midpoint of (contributions of the component's issues + its adjustments that hold) over its completions. */
function componentMidpoint(
  u: ReturnType<typeof realiseUtility>,
  component: Component,
  allowed: readonly Int32Array[],
  outcome: Int32Array,
): number {
  const { issues } = component;
  const cursor = new Int32Array(issues.length);
  for (let j = 0; j < issues.length; j++) outcome[issues[j]] = allowed[issues[j]][0];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (;;) {
    let value = 0;
    for (const i of issues) value += u.contribution[i][outcome[i]];
    for (const a of component.adjustments) if (holds(a.when, outcome)) value += a.delta;
    if (value < min) min = value;
    if (value > max) max = value;
    let j = issues.length - 1;
    while (j >= 0) {
      const options = allowed[issues[j]];
      cursor[j]++;
      if (cursor[j] < options.length) {
        outcome[issues[j]] = options[cursor[j]];
        break;
      }
      cursor[j] = 0;
      outcome[issues[j]] = options[0];
      j--;
    }
    if (j < 0) return (min + max) / 2;
  }
}

/**
 * Exact Shapley values of the diff's attribution game, from its structure, or undefined when the structure
 * does not make that cheap.
 *
 * At best estimates a party's utility is a sum of per-issue contributions plus adjustments, so the midpoint of
 * its range over a sub-space splits into independent parts: one per issue that no adjustment mentions (its own
 * (min + max) / 2), and one per group of issues tied together by adjustments (the midpoint over the group's
 * completions). The game is the sum of these parts, and the Shapley value is linear in the game: a lone issue's
 * change gets exactly its own difference, and each group is an exact Shapley game over the changes in it
 * alone (2^m coalitions for m changes, instead of 2^n for all of them). The value is the same function the
 * general computation evaluates, so the result is the exact Shapley value, not an estimate.
 */
export function separableShapley(game: IssueSwitchGame): ShapleyResult | undefined {
  const n = game.issues.length;
  const playerOf = new Map(game.issues.map((issue, k) => [issue, k]));
  if (playerOf.size !== n) return undefined;
  const values = Array.from({ length: n }, () => new Array<number>(game.models.length).fill(0));
  let evaluations = 0;
  for (const [p, model] of game.models.entries()) {
    const u = realiseUtility(model, 'estimate');
    const grouped = new Set<number>();
    for (const component of components(u)) {
      for (const i of component.issues) grouped.add(i);
      const players = component.issues.filter((i) => playerOf.has(i));
      if (players.length === 0) continue;
      const work = players.length > EXACT_MAX ? Number.POSITIVE_INFINITY : 2 ** players.length;
      if (work * completionBound(game, component.issues) > SEPARABLE_WORK_LIMIT) return undefined;
      const outcome = new Int32Array(game.before.allowed.length);
      const part = exactShapley(players.length, (members) => {
        const allowed = game.before.allowed.slice();
        members.forEach((m, j) => {
          if (m) allowed[players[j]] = game.after.allowed[players[j]];
        });
        return [componentMidpoint(u, component, allowed, outcome)];
      });
      evaluations += part.evaluations;
      players.forEach((issue, j) => {
        values[playerOf.get(issue) as number][p] = part.values[j][0];
      });
    }
    game.issues.forEach((issue, k) => {
      if (grouped.has(issue)) return;
      const c = u.contribution[issue];
      values[k][p] = midOfIssue(c, game.after.allowed[issue]) - midOfIssue(c, game.before.allowed[issue]);
    });
  }
  return { method: 'exact', players: n, values, evaluations, empty: [], full: [] };
}

/** The most completions one evaluation of a component enumerates; past the exact range limit, refused. */
function completionBound(game: IssueSwitchGame, issues: readonly number[]): number {
  let combos = 1;
  for (const i of issues) combos *= Math.max(game.before.allowed[i].length, game.after.allowed[i].length);
  return combos > EXACT_ENUMERATION_LIMIT ? Number.POSITIVE_INFINITY : combos;
}
