import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { milpFrontier } from '../../src/core/analysis/pareto/milp-frontier.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { heaviestOverlap, paretoPairs, paretoXml, profile, rectangleSum } from './anac2014-profiles.js';
import { DOMAINS_DIR, SKIP_MESSAGE } from './negotiation-domains.js';

/**
 * The exact MILP frontier of the ANAC 2014 nonlinear domains (10^10 and 10^40 outcomes), checked against
 * the profile files read independently (rectangle sums) and against the shipped pareto.xml.
 */
const solver = createHighsSolver();
/** The 40-issue domain takes about a minute on a loaded 2-core machine: opt in with this variable. */
const LARGE = process.env.PARLEY_LARGE_FRONTIER_TESTS === '1';

async function frontierOf(dir: string) {
  const { scenario } = importPath(dir);
  const compiled = compileScenario(scenario);
  const result = await milpFrontier(compiled, { solver, parties: compiled.models.map((m) => m.party) });
  const p1 = profile(join(dir, 'profile-1.xml'));
  const p2 = profile(join(dir, 'profile-2.xml'));
  // Option k of every issue is the value k (the domains' values are 0..9).
  const sums = result.points.map((p) => [
    rectangleSum(p1.rectangles, p.outcome),
    rectangleSum(p2.rectangles, p.outcome),
  ]);
  return { result, p1, p2, sums };
}

const dominatesOrEquals = (a: number[], b: number[], tolerance: number) =>
  a.every((x, k) => x >= b[k] - tolerance);

describe.skipIf(!DOMAINS_DIR)(DOMAINS_DIR ? 'ANAC 2014 frontiers by MILP' : SKIP_MESSAGE, () => {
  it('10 issues (10^10 outcomes): exact, equal to the exhaustive frontier of the profiles, covering pareto.xml', async () => {
    const dir = join(DOMAINS_DIR as string, 'ANAC2014-10issues-nonlinear');
    const { result, p1, p2, sums } = await frontierOf(dir);
    expect(result.exact).toBe(true);
    // Utilities agree with the independent rectangle sums.
    result.points.forEach((p, j) => {
      expect(Math.abs(p.utilities[0] - (100 * sums[j][0]) / p1.max)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(p.utilities[1] - (100 * sums[j][1]) / p2.max)).toBeLessThanOrEqual(1e-9);
    });
    // Non-dominated, verified by the exhaustive branch-and-bound over the profiles: the same set of sums.
    const exhaustive = paretoPairs(10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [p1.rectangles, p2.rectangles]);
    const key = (s: number[]) => s.join('/');
    expect(sums.map(key).sort()).toEqual(exhaustive.map((f) => key(f.sums)).sort());
    // Every point of pareto.xml is dominated by or equal to one of ours (it prints single precision).
    const ours = sums.map(([a, b]) => [a / p1.max, b / p2.max]);
    for (const point of paretoXml(join(dir, 'pareto.xml'))) {
      expect(ours.some((o) => dominatesOrEquals(o, point, 1e-6))).toBe(true);
    }
  }, 120_000);

  it.skipIf(!LARGE)(
    '40 issues (10^40 outcomes): exact, non-dominated, reaching both ideals, dominating pareto.xml',
    async () => {
      const dir = join(DOMAINS_DIR as string, 'ANAC2014-50issues-nonlinear');
      const { result, p1, p2, sums } = await frontierOf(dir);
      expect(result.exact).toBe(true);
      result.points.forEach((p, j) => {
        expect(Math.abs(p.utilities[0] - (100 * sums[j][0]) / p1.max)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(p.utilities[1] - (100 * sums[j][1]) / p2.max)).toBeLessThanOrEqual(1e-9);
      });
      // Mutually non-dominated, and the extremes are each profile's heaviest overlapping set of boxes.
      for (const a of sums) for (const b of sums) if (a !== b) expect(dominatesOrEquals(a, b, 0)).toBe(false);
      expect(Math.max(...sums.map((s) => s[0]))).toBe(heaviestOverlap(p1.rectangles).sum);
      expect(Math.max(...sums.map((s) => s[1]))).toBe(heaviestOverlap(p2.rectangles).sum);
      // GENIUS caps utilities at 1: compare with ours capped the same way.
      const ours = sums.map(([a, b]) => [Math.min(1, a / p1.max), Math.min(1, b / p2.max)]);
      const shipped = paretoXml(join(dir, 'pareto.xml'));
      let strictly = 0;
      for (const point of shipped) {
        expect(ours.some((o) => dominatesOrEquals(o, point, 1e-6))).toBe(true);
        if (ours.some((o) => dominatesOrEquals(o, point, 1e-6) && o.some((x, k) => x > point[k] + 1e-6)))
          strictly++;
      }
      console.log(
        `[anac2014] 40 issues: ${result.points.length} frontier points by MILP in ${result.solves} solves; ours strictly dominate ${strictly} of the ${shipped.length} points of pareto.xml`,
      );
    },
    600_000,
  );
});
