import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { negmasBargainingPoints } from '../../src/core/analysis/bargaining/negmas-points.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { DOMAINS_DIR, SKIP_MESSAGE } from '../interop/negotiation-domains.js';

/** The second ring: NegMAS's points on shared domains, against published and hand-checked values. */
const folder = (name: string) => (DOMAINS_DIR ? join(DOMAINS_DIR, name) : undefined);
const anl = folder('ANL2023-domain00-json');
const jobs = folder('Jobs-geniusweb-json');
const present = (dir: string | undefined): dir is string => dir !== undefined && existsSync(dir);

interface Special {
  bid: Record<string, string>;
  utility: [number, number];
}

describe.skipIf(!present(anl))(
  present(anl) ? 'NegMAS conventions on ANL 2023 domain00' : SKIP_MESSAGE,
  () => {
    it('Nash, Kalai and max welfare are the points specials.json publishes', () => {
      const dir = anl as string;
      const specials = JSON.parse(readFileSync(join(dir, 'specials.json'), 'utf8')) as Record<
        string,
        Special
      >;
      const result = negmasBargainingPoints(compileScenario(importPath(dir).scenario));
      // No reservation values: the disagreement point is each profile's minimum, 0 here; the ideal is (100, 100).
      expect(result.parties.map((p) => p.disagreement)).toEqual([0, 0]);
      expect(result.parties.map((p) => p.ideal)).toEqual([expect.closeTo(100, 9), expect.closeTo(100, 9)]);
      const point = (concept: string) => result.points.find((p) => p.concept === concept)!;
      for (const [concept, special] of [
        ['nash', specials.nash],
        ['kalai-smorodinsky', specials.kalai],
        ['utilitarian', specials.social_welfare],
      ] as const) {
        const best = point(concept).outcomes[0];
        expect(best.utilities[0]).toBeCloseTo(special.utility[0] * 100, 5);
        expect(best.utilities[1]).toBeCloseTo(special.utility[1] * 100, 5);
      }
      expect(result.candidates).toBe(6480);
    });
  },
);

describe.skipIf(!present(jobs))(
  present(jobs) ? 'NegMAS conventions on Jobs (GeniusWeb)' : SKIP_MESSAGE,
  () => {
    it('reservation bids above every minimum are the disagreement point; no frontier outcome is rational', () => {
      const result = negmasBargainingPoints(compileScenario(importPath(jobs as string).scenario));
      // Checked by hand from the JSON files: u_A(reservation bid) = 0.61, u_B = 0.7175; the lowest utilities are
      // 0.14 and 0.11, the highest 0.86 and 0.89.
      expect(result.parties.map((p) => p.reservation)).toEqual([
        expect.closeTo(61, 6),
        expect.closeTo(71.75, 6),
      ]);
      expect(result.parties.map((p) => p.minimum)).toEqual([expect.closeTo(14, 6), expect.closeTo(11, 6)]);
      expect(result.parties.map((p) => p.disagreement)).toEqual([
        expect.closeTo(61, 6),
        expect.closeTo(71.75, 6),
      ]);
      expect(result.parties.map((p) => p.ideal)).toEqual([expect.closeTo(86, 6), expect.closeTo(89, 6)]);
      const point = (concept: string) => result.points.find((p) => p.concept === concept)!;
      expect(point('nash').status).toBe('none');
      expect(point('kalai-smorodinsky').status).toBe('none');
      // Max welfare: salary 4000, fte 1.0, no work from home, no lease car, permanent contract, low career
      // development: 0.70 + 0.58 = 1.28.
      const welfare = point('utilitarian');
      expect(welfare.value).toBeCloseTo(128, 6);
      expect(welfare.outcomes).toHaveLength(1);
      expect(welfare.outcomes[0].utilities).toEqual([expect.closeTo(70, 6), expect.closeTo(58, 6)]);
    });
  },
);
