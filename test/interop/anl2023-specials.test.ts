import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { DOMAINS_DIR, SKIP_MESSAGE } from './negotiation-domains.js';
import { outcomeCount, testOutcomes } from './outcomes.js';
import { parleyIssues, parleyParties, radixOf } from './parley-utility.js';

interface Special {
  bid: Record<string, string>;
  utility: [number, number];
}
interface Specials {
  size: number;
  opposition: number;
  nash: Special;
  kalai: Special;
  social_welfare: Special;
  pareto_front: Special[];
}

const folder = DOMAINS_DIR && join(DOMAINS_DIR, 'ANL2023-domain00-json');

/**
 * ANL 2023 domain00 ships specials.json, computed by the competition's own tools: outcome count, Pareto
 * front, Nash, Kalai (maximin) and social-welfare points and opposition (distance of the Kalai point from
 * (1, 1)). Brute force over the 6,480 imported outcomes must reproduce them; they are also oracles for the
 * analysis engine.
 */
describe.skipIf(!folder)(folder ? 'ANL 2023 domain00 against specials.json' : SKIP_MESSAGE, () => {
  it('reproduces size, Pareto front, Nash, Kalai, social welfare and opposition by brute force', () => {
    const dir = folder as string;
    const specials = JSON.parse(readFileSync(join(dir, 'specials.json'), 'utf8')) as Specials;
    const { scenario } = importPath(dir);
    const issues = parleyIssues(scenario);
    const radix = radixOf(issues);
    expect(outcomeCount(radix)).toBe(specials.size);
    const [a, b] = parleyParties(scenario);
    expect(a.batna).toBe(0);
    expect(b.batna).toBe(0);
    const labels = scenario.issues.map((issue) => (issue.options ?? []).map((o) => o.label));
    const points = testOutcomes(radix).map((o) => ({
      u: [a.utility(o) / 100, b.utility(o) / 100] as [number, number],
      bid: Object.fromEntries(scenario.issues.map((issue, i) => [issue.title, labels[i][o[i]]])),
    }));
    const pareto = points.filter(
      (p) =>
        !points.some((q) => q.u[0] >= p.u[0] && q.u[1] >= p.u[1] && (q.u[0] > p.u[0] || q.u[1] > p.u[1])),
    );
    const found = pareto.map((p) => p.u).sort((x, y) => x[0] - y[0]);
    const expected = specials.pareto_front.map((p) => p.utility).sort((x, y) => x[0] - y[0]);
    expect(found.length).toBe(expected.length);
    found.forEach((u, k) => {
      expect(Math.abs(u[0] - expected[k][0])).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(u[1] - expected[k][1])).toBeLessThanOrEqual(1e-9);
    });

    const argmax = (f: (u: [number, number]) => number) =>
      points.reduce((best, p) => (f(p.u) > f(best.u) ? p : best));
    const nash = argmax((u) => u[0] * u[1]);
    const kalai = argmax((u) => Math.min(u[0], u[1]));
    const welfare = argmax((u) => u[0] + u[1]);
    for (const [found, expected] of [
      [nash, specials.nash],
      [kalai, specials.kalai],
      [welfare, specials.social_welfare],
    ] as const) {
      expect(found.bid).toEqual(expected.bid);
      expect(Math.abs(found.u[0] - expected.utility[0])).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(found.u[1] - expected.utility[1])).toBeLessThanOrEqual(1e-9);
    }
    expect(Math.abs(Math.hypot(1 - kalai.u[0], 1 - kalai.u[1]) - specials.opposition)).toBeLessThanOrEqual(
      1e-9,
    );
  });
});
