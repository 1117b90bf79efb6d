/**
 * The BDM basic utilities of actor i facing actor j (Scholz, Calbert & Smith 2011, as reconstructed):
 * success, failure, the status quo getting better or worse, and the status quo itself. `distance` is
 * |x_i - x_j| and `fromMu` is |x_i - μ|, both divided by the scale's width; `r` is i's risk exponent, applied
 * to every term (truncating it to an integer, as one public copy does, changes the moves).
 */
export interface BasicUtilities {
  success: number;
  failure: number;
  better: number;
  worse: number;
  statusQuo: number;
}

export function basicUtilities(distance: number, fromMu: number, r: number): BasicUtilities {
  return {
    success: 2 - 4 * (0.5 - 0.5 * distance) ** r,
    failure: 2 - 4 * (0.5 + 0.5 * distance) ** r,
    better: 2 - 4 * Math.max(0, 0.5 - 0.25 * (fromMu + distance)) ** r,
    worse: 2 - 4 * (0.5 + 0.25 * (fromMu + distance)) ** r,
    statusQuo: 2 - 4 * 0.5 ** r,
  };
}
