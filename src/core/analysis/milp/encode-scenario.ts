import type { UtilityFunction } from '../../evaluate/utility-function.js';
import type { OutcomeSpace } from '../../model/outcome-space.js';
import type { CompiledRule } from '../../model/rule.js';
import type { Subspace } from '../../model/subspace.js';
import {
  combine,
  constantExpr,
  isConstant,
  type LinearExpr,
  MilpBuilder,
  variableExpr,
} from './milp-problem.js';

/**
 * A sub-space of outcomes encoded for a MILP:
 * - one binary x[i][k] per allowed option k of every open issue i, with Σ_k x[i][k] = 1
 *   (an issue with a single allowed option is a constant, not a variable);
 * - every rule used is linearised exactly (Tseitin style): a leaf is Σ_{k in mask} x[i][k], `not` is 1 − z,
 *   `all`/`any` get a variable z bounded in both directions (z <= each child and z >= Σ children − (m − 1)
 *   for `all`; z >= each child and z <= Σ children for `any`), so z equals the rule's truth at every integral x;
 * - a party's utility is Σ contribution·x + Σ delta·z over its adjustments.
 */
export class ScenarioEncoding {
  readonly builder = new MilpBuilder();
  readonly space: OutcomeSpace;
  readonly subspace: Subspace;
  /** Issues with more than one allowed option (the decision issues). */
  readonly openIssues: number[];
  /** optionVariable[i][k]: the variable of option k of issue i, or -1 (not allowed, or the issue is fixed). */
  readonly optionVariable: Int32Array[];
  /** Cached expressions with the number of constraints that existed when each was made (for rollback). */
  private readonly indicators = new Map<CompiledRule, { expr: LinearExpr; at: number }>();
  private readonly utilities = new Map<UtilityFunction, { expr: LinearExpr; at: number }>();
  private ruleCount = 0;

  constructor(space: OutcomeSpace, subspace: Subspace) {
    this.space = space;
    this.subspace = subspace;
    this.openIssues = [];
    this.optionVariable = space.issues.map((issue, i) => {
      const vars = new Int32Array(issue.optionIds.length).fill(-1);
      const allowed = subspace.allowed[i];
      if (allowed.length > 1) {
        this.openIssues.push(i);
        for (const k of allowed) vars[k] = this.builder.addVariable(`x_${i}_${k}`, 0, 1, 'binary');
        this.builder.equal(
          `one_${i}`,
          combine(Array.from(allowed, (k): [number, LinearExpr] => [1, variableExpr(vars[k])])),
          1,
        );
      }
      return vars;
    });
  }

  /** The 0/1 expression "option k of issue i is chosen". */
  chosen(issue: number, option: number): LinearExpr {
    const allowed = this.subspace.allowed[issue];
    if (allowed.length === 1) return constantExpr(allowed[0] === option ? 1 : 0);
    const v = this.optionVariable[issue][option];
    return v < 0 ? constantExpr(0) : variableExpr(v);
  }

  /** A 0/1 expression equal to the rule's truth value at every integral point. */
  indicator(rule: CompiledRule): LinearExpr {
    const cached = this.indicators.get(rule);
    if (cached) return cached.expr;
    const at = this.builder.constraints.length;
    const expr = this.buildIndicator(rule);
    this.indicators.set(rule, { expr, at });
    return expr;
  }

  private buildIndicator(rule: CompiledRule): LinearExpr {
    switch (rule.kind) {
      case 'leaf': {
        const allowed = this.subspace.allowed[rule.issue];
        const inside = Array.from(allowed).filter((k) => rule.mask[k] === 1);
        if (inside.length === allowed.length) return constantExpr(1);
        if (inside.length === 0) return constantExpr(0);
        return combine(inside.map((k): [number, LinearExpr] => [1, this.chosen(rule.issue, k)]));
      }
      case 'not':
        return combine([
          [1, constantExpr(1)],
          [-1, this.indicator(rule.rule)],
        ]);
      case 'all':
      case 'any': {
        const isAll = rule.kind === 'all';
        const children: LinearExpr[] = [];
        for (const child of rule.rules) {
          const e = this.indicator(child);
          if (isConstant(e)) {
            // A false child decides `all`, a true child decides `any`; the others drop out.
            if (isAll && e.constant < 0.5) return constantExpr(0);
            if (!isAll && e.constant > 0.5) return constantExpr(1);
            continue;
          }
          children.push(e);
        }
        if (children.length === 0) return constantExpr(isAll ? 1 : 0);
        if (children.length === 1) return children[0];
        const id = this.ruleCount++;
        // z is determined by the binaries, but declaring it binary lets the solver's presolve use it.
        const z = this.builder.addVariable(`${rule.kind}_${id}`, 0, 1, 'binary');
        const zExpr = variableExpr(z);
        const sum = combine(children.map((c): [number, LinearExpr] => [1, c]));
        children.forEach((c, j) => {
          const diff = combine([
            [1, zExpr],
            [-1, c],
          ]);
          if (isAll) this.builder.atMost(`${rule.kind}_${id}_le_${j}`, diff, 0);
          else this.builder.atLeast(`${rule.kind}_${id}_ge_${j}`, diff, 0);
        });
        const gap = combine([
          [1, zExpr],
          [-1, sum],
        ]);
        if (isAll) this.builder.atLeast(`${rule.kind}_${id}_sum`, gap, -(children.length - 1));
        else this.builder.atMost(`${rule.kind}_${id}_sum`, gap, 0);
        return zExpr;
      }
    }
  }

  /** The party's utility as a linear expression (exact at every integral point). */
  utility(u: UtilityFunction): LinearExpr {
    const cached = this.utilities.get(u);
    if (cached) return cached.expr;
    const at = this.builder.constraints.length;
    const parts: Array<[number, LinearExpr]> = [];
    this.space.issues.forEach((_, i) => {
      for (const k of this.subspace.allowed[i]) parts.push([u.contribution[i][k], this.chosen(i, k)]);
    });
    for (const a of u.adjustments) if (a.delta !== 0) parts.push([a.delta, this.indicator(a.when)]);
    const expr = combine(parts);
    this.utilities.set(u, { expr, at });
    return expr;
  }

  mark(): { variables: number; constraints: number } {
    return this.builder.mark();
  }

  /** Removes everything added since the mark, forgetting cached expressions that used it. */
  rollback(mark: { variables: number; constraints: number }): void {
    this.builder.rollback(mark);
    for (const [key, entry] of this.indicators) if (entry.at >= mark.constraints) this.indicators.delete(key);
    for (const [key, entry] of this.utilities) if (entry.at >= mark.constraints) this.utilities.delete(key);
  }

  /** The outcome at a (near-)integral solution: per open issue, the option whose variable is largest. */
  decode(values: ArrayLike<number>): Int32Array {
    const outcome = Int32Array.from(this.subspace.allowed, (a) => a[0]);
    for (const i of this.openIssues) {
      let best = -1;
      let bestValue = Number.NEGATIVE_INFINITY;
      for (const k of this.subspace.allowed[i]) {
        const v = values[this.optionVariable[i][k]];
        if (v > bestValue) {
          bestValue = v;
          best = k;
        }
      }
      outcome[i] = best;
    }
    return outcome;
  }

  /** Excludes exactly one outcome: Σ_{open i} x[i][o_i] <= |open| − 1. */
  excludeOutcome(outcome: ArrayLike<number>, name = 'exclude'): void {
    const expr = combine(this.openIssues.map((i): [number, LinearExpr] => [1, this.chosen(i, outcome[i])]));
    this.builder.atMost(name, expr, this.openIssues.length - 1);
  }

  /** 1 when issue i takes an option other than `option`, else 0 (the option must be allowed). */
  changed(issue: number, option: number): LinearExpr {
    return combine([
      [1, constantExpr(1)],
      [-1, this.chosen(issue, option)],
    ]);
  }
}
