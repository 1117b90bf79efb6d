import type { UtilityFunction } from '../../evaluate/utility-function.js';
import { spaceSizeText } from '../../model/outcome-count.js';
import { acceptableMask, enumerateUtilities, maskIndices } from '../utility-table.js';
import type { SolveContext, SolveFn } from './monte-carlo.js';

/**
 * Discrete bargaining solutions for one draw of the estimates, by enumerating the agreement zone. They serve
 * the robustness analysis ("how often does each solution's outcome stay the same"), so they must be cheap and
 * deterministic: ties go to the lowest outcome index. Definitions follow docs/analysis/bargaining.md over the
 * signatories, with gains g = u - BATNA. Spaces above STABILITY_ENUMERATION_LIMIT are not solved per draw.
 */
export const STABILITY_ENUMERATION_LIMIT = 200_000;

export const NO_AGREEMENT = 'no agreement';

interface ZoneGains {
  outcomes: Int32Array;
  /** gains[p][k]: gain of signatory p at the k-th zone outcome. */
  gains: Float64Array[];
}

function zoneGains(fns: UtilityFunction[], context: SolveContext): ZoneGains {
  const { compiled } = context;
  const table = enumerateUtilities(fns, compiled.space);
  const signatories = compiled.signatories;
  const { mask } = acceptableMask(
    table,
    signatories.map((m) => ({
      utility: table.utilities[m],
      batna: fns[m].batna,
      crossedWhen: compiled.models[m].redLines.map((r) => r.crossedWhen),
    })),
  );
  const outcomes = maskIndices(mask);
  const gains = signatories.map((m) => {
    const column = new Float64Array(outcomes.length);
    const u = table.utilities[m];
    for (let k = 0; k < outcomes.length; k++) column[k] = u[outcomes[k]] - fns[m].batna;
    return column;
  });
  return { outcomes, gains };
}

/** The zone outcome with the lexicographically largest score vector (ties within 1e-9: lowest index). */
function argmaxBy(zone: ZoneGains, score: (k: number) => number[]): string {
  let best = -1;
  let bestScore: number[] = [];
  for (let k = 0; k < zone.outcomes.length; k++) {
    const s = score(k);
    if (best < 0 || lexicographicallyGreater(s, bestScore)) {
      best = k;
      bestScore = s;
    }
  }
  return best < 0 ? NO_AGREEMENT : String(zone.outcomes[best]);
}

function lexicographicallyGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i] + 1e-9) return true;
    if (a[i] < b[i] - 1e-9) return false;
  }
  return false;
}

function guard(context: SolveContext): void {
  if (context.compiled.space.size > STABILITY_ENUMERATION_LIMIT) {
    throw new RangeError(
      `solution stability needs the agreement zone per draw; ${spaceSizeText(context.compiled.space.radix)} outcomes exceed ${STABILITY_ENUMERATION_LIMIT}`,
    );
  }
}

export const nashOutcome: SolveFn = (fns, context) => {
  guard(context);
  const zone = zoneGains(fns, context);
  return argmaxBy(zone, (k) => [zone.gains.reduce((product, g) => product * g[k], 1)]);
};

export const egalitarianOutcome: SolveFn = (fns, context) => {
  guard(context);
  const zone = zoneGains(fns, context);
  // Leximin: the smallest gain first, then the next smallest, and so on.
  return argmaxBy(zone, (k) => zone.gains.map((g) => g[k]).sort((x, y) => x - y));
};

export const utilitarianOutcome: SolveFn = (fns, context) => {
  guard(context);
  const zone = zoneGains(fns, context);
  return argmaxBy(zone, (k) => [zone.gains.reduce((sum, g) => sum + g[k], 0)]);
};

export const kalaiSmorodinskyOutcome: SolveFn = (fns, context) => {
  guard(context);
  const zone = zoneGains(fns, context);
  const ideal = zone.gains.map((g) => g.reduce((m, x) => Math.max(m, x), 0));
  // Leximin over the gains as shares of each party's ideal gain.
  return argmaxBy(zone, (k) =>
    zone.gains.map((g, p) => (ideal[p] > 0 ? g[k] / ideal[p] : 1)).sort((x, y) => x - y),
  );
};
