import { leximinStages, nashValue, type Stage, total } from './criteria.js';

/**
 * What a bargaining concept maximises, independent of how (enumeration or MILP). Party positions q index the
 * bargaining parties; gains are g_q = u_q − d_q.
 */
export type ConceptSpec =
  | {
      kind: 'nash';
      /** Parties in the product: positive weight and a positive possible gain (I_q > d_q). */
      active: number[];
      /** Exponent of each party (1 for the symmetric solution, normalised capabilities for the asymmetric). */
      weights: Float64Array;
    }
  | {
      kind: 'leximin';
      /** Parties compared: y_q = g_q / scale_q. */
      parties: number[];
      scale: Float64Array;
      /** Lexicographic maximin (all stages) or the plain maximin (first stage only). */
      leximin: boolean;
    }
  | { kind: 'utilitarian'; disagreement: Float64Array };

export function stagesOf(spec: ConceptSpec): Stage[] {
  switch (spec.kind) {
    case 'nash':
      return [{ label: 'weighted log Nash product', value: (g) => nashValue(g, spec.active, spec.weights) }];
    case 'leximin':
      return leximinStages(spec.parties, spec.scale, spec.leximin);
    case 'utilitarian':
      return [{ label: 'sum of utilities', value: (g) => total(g) + total(spec.disagreement) }];
  }
}

/** Tie tolerance of a stage value: Nash values are logarithms, so an absolute 1e-9 is a relative 1e-9. */
export function stageTolerance(spec: ConceptSpec, value: number): number {
  return spec.kind === 'nash' ? 1e-9 : 1e-9 * Math.max(1, Math.abs(value));
}

/** Lexicographic comparison of stage values: positive when `a` is better than `b` beyond `tolerance`. */
export function compareStages(a: number[], b: number[], tolerance: (v: number) => number): number {
  for (let s = 0; s < Math.min(a.length, b.length); s++) {
    const tol = tolerance(Math.max(Math.abs(a[s]), Math.abs(b[s])));
    if (a[s] > b[s] + tol) return 1;
    if (a[s] < b[s] - tol) return -1;
  }
  return 0;
}
