import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { bargainingSolutions } from '../../src/core/analysis/bargaining/bargaining-solutions.js';
import type { BargainingResult } from '../../src/core/analysis/bargaining/bargaining-types.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { SKIP_MESSAGE } from '../interop/negotiation-domains.js';
import { readGeniusWebDomain } from '../support/geniusweb-json.js';
import { sharedDomainsDir } from '../support/shared-data-dir.js';

const root = sharedDomainsDir();
const dir = root ? join(root, 'ANL2023-domain00-json') : '';
const present = root !== undefined && existsSync(join(dir, 'specials.json'));
if (!present) console.warn('ANL2023-domain00-json not found in ../shared/negotiation-domains: skipping');

interface Special {
  bid: Record<string, string>;
  utility: [number, number];
}

/**
 * specials.json of the ANL 2023 domains gives Nash, Kalai and social-welfare points on a 0..1 scale with the
 * disagreement point at the origin (the profiles have no reservation value), and Kalai as the outcome that
 * maximises the smaller utility (the ideal point is (1, 1) there). Parley's scale is 0..100 with BATNA 0 here,
 * so the same definitions apply after dividing by 100.
 */
const title = 'ANL 2023 domain00 (6480 outcomes) against its published special points';
describe.skipIf(!present)(present ? title : `${title}: ${SKIP_MESSAGE}`, () => {
  const specials = present
    ? (JSON.parse(readFileSync(join(dir, 'specials.json'), 'utf8')) as Record<string, Special>)
    : {};
  const compiled = present
    ? compileScenario(readGeniusWebDomain(dir, 'domain00.json', ['profileA.json', 'profileB.json']))
    : undefined;
  const solver = createHighsSolver();

  const check = (result: BargainingResult, concept: string, special: Special) => {
    const solution = result.solutions.find((s) => s.concept === concept);
    expect(solution?.status).toBe('solved');
    const best = solution?.discrete?.outcomes[0];
    expect(best?.utilities[0]).toBeCloseTo(special.utility[0] * 100, 5);
    expect(best?.utilities[1]).toBeCloseTo(special.utility[1] * 100, 5);
    expect(best?.outcome.assignment).toEqual(special.bid);
  };

  for (const method of ['enumerate', 'milp'] as const) {
    it(`${method}: Nash, Kalai–Smorodinsky and utilitarian match specials.json`, async () => {
      const result = await bargainingSolutions(compiled!, { solver, method, lotteries: false });
      expect(result.parties.map((p) => p.ideal)).toEqual([expect.closeTo(100, 9), expect.closeTo(100, 9)]);
      check(result, 'nash', specials.nash);
      check(result, 'kalai-smorodinsky', specials.kalai);
      check(result, 'utilitarian', specials.social_welfare);
      if (method === 'enumerate') expect(result.size).toBe(6480);
    });
  }
});
