import { maxOf, minOf } from '../../statistics/extremes.js';
/**
 * Risk exponents from security levels. An actor's security S_a = Σ_{b≠a} EU_ba is what the others gain by
 * challenging it; the most exposed actor is taken to be the most risk-acceptant. R_a rescales S to [-1, 1]
 * and r_a = (1 - R_a/3) / (1 + R_a/3) lies in [0.5, 2]. When every S is equal, R = 0 (r = 1) rather than
 * dividing by zero.
 */
export function riskExponents(eu: readonly (readonly number[])[]): number[] {
  const n = eu.length;
  const security = Array.from({ length: n }, (_, a) => {
    let s = 0;
    for (let b = 0; b < n; b++) if (b !== a) s += eu[b][a];
    return s;
  });
  const max = maxOf(security);
  const min = minOf(security);
  return security.map((s) => {
    const big = max === min ? 0 : (2 * s - max - min) / (max - min);
    return (1 - big / 3) / (1 + big / 3);
  });
}
