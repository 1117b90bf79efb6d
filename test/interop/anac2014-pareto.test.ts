import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { heaviestOverlap, paretoPairs, paretoXml, profile } from './anac2014-profiles.js';
import { DOMAINS_DIR, SKIP_MESSAGE } from './negotiation-domains.js';
import { parleyParties } from './parley-utility.js';

const dir10 = DOMAINS_DIR && join(DOMAINS_DIR, 'ANAC2014-10issues-nonlinear');
const dir50 = DOMAINS_DIR && join(DOMAINS_DIR, 'ANAC2014-50issues-nonlinear');

describe.skipIf(!DOMAINS_DIR)(
  DOMAINS_DIR ? 'ANAC 2014 nonlinear domains against pareto.xml' : SKIP_MESSAGE,
  () => {
    it('10 issues: the exhaustive Pareto frontier equals pareto.xml, and Parley gives its points the same utilities', () => {
      const dir = dir10 as string;
      const p1 = profile(join(dir, 'profile-1.xml'));
      const p2 = profile(join(dir, 'profile-2.xml'));
      const frontier = paretoPairs(10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [p1.rectangles, p2.rectangles]);
      const oracle = paretoXml(join(dir, 'pareto.xml')).sort((a, b) => a[0] - b[0]);
      expect(frontier.length).toBe(oracle.length);
      frontier.forEach(({ sums: [s1, s2] }, k) => {
        // pareto.xml prints single-precision floats.
        expect(Math.abs(s1 / p1.max - oracle[k][0])).toBeLessThanOrEqual(1e-6);
        expect(Math.abs(s2 / p2.max - oracle[k][1])).toBeLessThanOrEqual(1e-6);
      });
      // Both parties reach 1, so maxutility is exactly the best achievable sum here.
      expect(Math.max(...oracle.map((p) => p[0]))).toBe(1);
      expect(Math.max(...oracle.map((p) => p[1]))).toBe(1);

      const { scenario, report } = importPath(dir);
      const [a, b] = parleyParties(scenario);
      for (const {
        sums: [s1, s2],
        bid: outcome,
      } of frontier) {
        expect(Math.abs(a.utility(outcome) / 100 - s1 / p1.max)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(b.utility(outcome) / 100 - s2 / p2.max)).toBeLessThanOrEqual(1e-9);
      }
      expect(report.losses).toEqual([]);
      expect(report.notes.some((n) => n.includes('sums to 662') && n.includes('never binds'))).toBe(true);
      console.log(`[anac2014] 10 issues: exhaustive frontier of ${frontier.length} points equals pareto.xml`);
    });

    it('50 issues: the best bids exceed maxutility, so GENIUS caps at 1 (the 1.0 in pareto.xml) and the import reports it', () => {
      const dir = dir50 as string;
      const oracle = paretoXml(join(dir, 'pareto.xml'));
      expect(Math.max(...oracle.map((p) => p[0]))).toBe(1);
      expect(Math.max(...oracle.map((p) => p[1]))).toBe(1);
      const { scenario, report } = importPath(dir);
      const parties = parleyParties(scenario);
      ['profile-1.xml', 'profile-2.xml'].forEach((file, k) => {
        const { max, rectangles } = profile(join(dir, file));
        const best = heaviestOverlap(rectangles);
        expect(best.sum).toBeGreaterThan(max);
        // A bid inside every chosen box: the lower end of the intersection on each bounded issue.
        const bid = new Array<number>(40).fill(0);
        for (const r of best.members) for (const b of r.bounds) bid[b.issue] = Math.max(bid[b.issue], b.lo);
        const reached = rectangles.reduce(
          (s, r) => s + (r.bounds.every((b) => bid[b.issue] >= b.lo && bid[b.issue] <= b.hi) ? r.utility : 0),
          0,
        );
        expect(reached).toBe(best.sum);
        expect(Math.abs(parties[k].utility(bid) / 100 - best.sum / max)).toBeLessThanOrEqual(1e-9);
        expect(report.losses.some((l) => l.startsWith(`${file}:`) && l.includes(`${best.sum}`))).toBe(true);
        console.log(
          `[anac2014] 50 issues ${file}: best sum ${best.sum} > maxutility ${max} (GENIUS caps; Parley gives ${(best.sum / max).toFixed(6)})`,
        );
      });
    });
  },
);
