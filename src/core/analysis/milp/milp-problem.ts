/**
 * A small, solver-independent model of a linear or mixed-integer linear programme:
 * optimise c·x + offset subject to lower <= A x <= upper and bounds on x, some x integer.
 */

export type VariableKind = 'continuous' | 'integer' | 'binary';

export interface MilpVariable {
  name: string;
  lower: number;
  upper: number;
  kind: VariableKind;
}

/** A linear form Σ coefficient·x[variable] + constant. Variables may repeat; solvers sum the repeats. */
export interface LinearExpr {
  variables: number[];
  coefficients: number[];
  constant: number;
}

/** lower <= Σ coefficient·x[variable] <= upper (either side may be infinite). */
export interface MilpConstraint {
  name: string;
  variables: number[];
  coefficients: number[];
  lower: number;
  upper: number;
}

export interface MilpProblem {
  sense: 'maximize' | 'minimize';
  variables: MilpVariable[];
  constraints: MilpConstraint[];
  objective: LinearExpr;
}

export function constantExpr(value: number): LinearExpr {
  return { variables: [], coefficients: [], constant: value };
}

export function variableExpr(variable: number, coefficient = 1): LinearExpr {
  return { variables: [variable], coefficients: [coefficient], constant: 0 };
}

export function isConstant(expr: LinearExpr): boolean {
  return expr.variables.length === 0;
}

/** Σ factor_j · expr_j. */
export function combine(parts: Array<[number, LinearExpr]>): LinearExpr {
  const variables: number[] = [];
  const coefficients: number[] = [];
  let constant = 0;
  for (const [factor, expr] of parts) {
    if (factor === 0) continue;
    constant += factor * expr.constant;
    for (let j = 0; j < expr.variables.length; j++) {
      variables.push(expr.variables[j]);
      coefficients.push(factor * expr.coefficients[j]);
    }
  }
  return { variables, coefficients, constant };
}

/** Value of an expression at a point. */
export function evaluateExpr(expr: LinearExpr, values: ArrayLike<number>): number {
  let sum = expr.constant;
  for (let j = 0; j < expr.variables.length; j++) sum += expr.coefficients[j] * values[expr.variables[j]];
  return sum;
}

/** Merges repeated variables and drops zero coefficients, so solvers receive a clean sparse row. */
export function compactTerms(
  variables: number[],
  coefficients: number[],
): { variables: number[]; coefficients: number[] } {
  const merged = new Map<number, number>();
  for (let j = 0; j < variables.length; j++) {
    merged.set(variables[j], (merged.get(variables[j]) ?? 0) + coefficients[j]);
  }
  const out = { variables: [] as number[], coefficients: [] as number[] };
  for (const [v, c] of [...merged].sort((a, b) => a[0] - b[0])) {
    if (c !== 0) {
      out.variables.push(v);
      out.coefficients.push(c);
    }
  }
  return out;
}

/**
 * Incrementally builds a problem. Constraints are appended and can be rolled back to a mark, so that
 * one encoding can serve many related solves (different objectives, cuts added and removed).
 */
export class MilpBuilder {
  readonly variables: MilpVariable[] = [];
  readonly constraints: MilpConstraint[] = [];

  addVariable(name: string, lower: number, upper: number, kind: VariableKind = 'continuous'): number {
    this.variables.push({ name, lower, upper, kind });
    return this.variables.length - 1;
  }

  /** lower <= expr <= upper; the expression's constant is moved to the bounds. */
  addConstraint(name: string, expr: LinearExpr, lower: number, upper: number): number {
    const { variables, coefficients } = compactTerms(expr.variables, expr.coefficients);
    this.constraints.push({
      name,
      variables,
      coefficients,
      lower: lower - expr.constant,
      upper: upper - expr.constant,
    });
    return this.constraints.length - 1;
  }

  atLeast(name: string, expr: LinearExpr, bound: number): number {
    return this.addConstraint(name, expr, bound, Number.POSITIVE_INFINITY);
  }

  atMost(name: string, expr: LinearExpr, bound: number): number {
    return this.addConstraint(name, expr, Number.NEGATIVE_INFINITY, bound);
  }

  equal(name: string, expr: LinearExpr, value: number): number {
    return this.addConstraint(name, expr, value, value);
  }

  /** A mark to roll back to: the current numbers of variables and constraints. */
  mark(): { variables: number; constraints: number } {
    return { variables: this.variables.length, constraints: this.constraints.length };
  }

  rollback(mark: { variables: number; constraints: number }): void {
    this.variables.length = mark.variables;
    this.constraints.length = mark.constraints;
  }

  /** A snapshot problem (arrays copied, so later additions do not change it). */
  problem(sense: MilpProblem['sense'], objective: LinearExpr): MilpProblem {
    return {
      sense,
      variables: this.variables.slice(),
      constraints: this.constraints.slice(),
      objective,
    };
  }
}
