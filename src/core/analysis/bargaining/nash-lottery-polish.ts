import { nashValue } from './criteria.js';

/** Solves the dense system A x = b by Gaussian elimination with partial pivoting (A is overwritten). */
function solveDense(a: Float64Array[], b: Float64Array): Float64Array | undefined {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-300) return undefined;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [b[col], b[pivot]] = [b[pivot], b[col]];
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / a[col][col];
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r][c] -= f * a[col][c];
      b[r] -= f * b[col];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let sum = b[r];
    for (let c = r + 1; c < n; c++) sum -= a[r][c] * x[c];
    x[r] = sum / a[r][r];
  }
  return x;
}

/**
 * Maximises F(λ) = Σ_{q in active} α_q log(Σ_j λ_j G_jq) over the probability simplex of the given columns, by
 * Newton's method restricted to the affine hull {Σ λ = 1}, with a step that stays in λ >= 0 (a component that
 * reaches 0 leaves). Starting from a good mixture (e.g. from the LP), it converges to machine precision on the
 * face the optimum lies in, which the LP's tangent approximation only locates to about √(gap).
 */
export function polishNashMixture(
  gains: Float64Array[],
  start: Float64Array,
  active: number[],
  weights: Float64Array,
): Float64Array {
  const k = gains.length;
  const n = gains[0]?.length ?? 0;
  const lambda = Float64Array.from(start);
  const mixed = (l: Float64Array) => {
    const g = new Float64Array(n);
    for (let j = 0; j < k; j++) for (let q = 0; q < n; q++) g[q] += l[j] * gains[j][q];
    return g;
  };
  let value = nashValue(mixed(lambda), active, weights);
  if (!Number.isFinite(value)) return lambda;
  for (let iteration = 0; iteration < 100; iteration++) {
    const g = mixed(lambda);
    const support = Array.from({ length: k }, (_, j) => j).filter((j) => lambda[j] > 0);
    const m = support.length;
    if (m < 2) break;
    // KKT system of the Newton step on the support: [H 1; 1ᵀ 0][Δ; ν] = [−c; 0].
    const system = Array.from({ length: m + 1 }, () => new Float64Array(m + 1));
    const rhs = new Float64Array(m + 1);
    let trace = 0;
    support.forEach((i, r) => {
      let c = 0;
      for (const q of active) c += (weights[q] * gains[i][q]) / g[q];
      rhs[r] = -c;
      support.forEach((j, s) => {
        let h = 0;
        for (const q of active) h -= (weights[q] * gains[i][q] * gains[j][q]) / (g[q] * g[q]);
        system[r][s] = h;
      });
      trace += Math.abs(system[r][r]);
      system[r][m] = 1;
      system[m][r] = 1;
    });
    // A small ridge keeps the step defined when columns are collinear in gain space.
    for (let r = 0; r < m; r++) system[r][r] -= 1e-13 * (trace / m + 1e-300);
    const step = solveDense(system, rhs);
    if (!step) break;
    let decrement = 0;
    support.forEach((j, r) => {
      let c = 0;
      for (const q of active) c += (weights[q] * gains[j][q]) / g[q];
      decrement += c * step[r];
    });
    if (!(decrement > 1e-15)) break;
    let t = 1;
    let blocking = -1;
    support.forEach((j, r) => {
      if (step[r] < 0 && -lambda[j] / step[r] < t) {
        t = -lambda[j] / step[r];
        blocking = j;
      }
    });
    let improved = false;
    for (let tries = 0; tries < 60 && !improved; tries++) {
      const trial = Float64Array.from(lambda);
      support.forEach((j, r) => {
        trial[j] = Math.max(0, lambda[j] + t * step[r]);
      });
      if (blocking >= 0) trial[blocking] = 0;
      let sum = 0;
      for (const x of trial) sum += x;
      for (let j = 0; j < k; j++) trial[j] /= sum;
      const trialValue = nashValue(mixed(trial), active, weights);
      if (trialValue >= value) {
        lambda.set(trial);
        improved = trialValue > value;
        value = trialValue;
        if (!improved) break;
      } else {
        t /= 2;
        blocking = -1;
      }
    }
    if (!improved) break;
  }
  return lambda;
}
