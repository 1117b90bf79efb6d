import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { DOMAINS_DIR, SKIP_MESSAGE } from './negotiation-domains.js';
import { parleyParties } from './parley-utility.js';

/**
 * ANAC 2014 nonlinear domains ship pareto.xml, the Pareto frontier GENIUS computed (utility pairs). These
 * tests read the hyperRectangles straight from the profiles and check the imported scenario against it.
 */
interface Rectangle {
  utility: number;
  bounds: Array<{ issue: number; lo: number; hi: number }>;
}

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_n, _p, _l, a) => !a,
});
const kids = (n: Node | undefined, tag: string) =>
  ((n?.[tag] as Node[] | undefined) ?? []).map((e) => (typeof e === 'object' ? e : {}));

function profile(file: string): { max: number; rectangles: Rectangle[] } {
  const root = kids(parser.parse(readFileSync(file, 'utf8')) as Node, 'utility_space')[0];
  const utility = kids(kids(root, 'objective')[0], 'utility')[0];
  const rectangles = kids(kids(utility, 'ufun')[0], 'hyperRectangle').map((r) => ({
    utility: Number(r['@utility']),
    bounds: kids(r, 'INCLUDES').map((b) => ({
      issue: Number(b['@index']) - 1,
      lo: Number(b['@min']),
      hi: Number(b['@max']),
    })),
  }));
  return { max: Number(utility['@maxutility']), rectangles };
}

function paretoXml(file: string): Array<[number, number]> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes(','))
    .map((line) => line.split(',').map(Number) as [number, number]);
}

/**
 * The Pareto frontier of the two rectangle sums, exhaustively: issue values are merged into classes that
 * fall in the same boxes, and a branch stops when the sums it can still reach (every box not yet excluded)
 * are weakly dominated by a frontier point already found. Returns each frontier pair with a bid reaching it.
 */
function paretoPairs(
  issues: number,
  values: number[],
  profiles: Rectangle[][],
): Array<{ sums: [number, number]; bid: number[] }> {
  const rects = profiles.flatMap((list, p) => list.map((r) => ({ ...r, p })));
  const classes = Array.from({ length: issues }, (_, i) => {
    const byKilled = new Map<string, { value: number; killed: number[] }>();
    for (const v of values) {
      const killed = rects.flatMap((r, k) =>
        r.bounds.some((b) => b.issue === i && (v < b.lo || v > b.hi)) ? [k] : [],
      );
      const key = killed.join(',');
      if (!byKilled.has(key)) byKilled.set(key, { value: v, killed });
    }
    return [...byKilled.values()];
  });
  const kills = new Int32Array(rects.length);
  const sums: [number, number] = [0, 0];
  for (const r of rects) sums[r.p] += r.utility;
  const bid = new Array<number>(issues).fill(0);
  let frontier: Array<{ sums: [number, number]; bid: number[] }> = [];
  const covered = (a: number, b: number) => frontier.some((f) => f.sums[0] >= a && f.sums[1] >= b);
  const visit = (i: number) => {
    if (covered(sums[0], sums[1])) return;
    if (i === issues) {
      frontier = frontier.filter((f) => !(sums[0] >= f.sums[0] && sums[1] >= f.sums[1]));
      frontier.push({ sums: [sums[0], sums[1]], bid: [...bid] });
      return;
    }
    for (const c of classes[i]) {
      bid[i] = c.value;
      for (const k of c.killed) if (kills[k]++ === 0) sums[rects[k].p] -= rects[k].utility;
      visit(i + 1);
      for (const k of c.killed) if (--kills[k] === 0) sums[rects[k].p] += rects[k].utility;
    }
  };
  visit(0);
  return frontier.sort((a, b) => a.sums[0] - b.sums[0]);
}

/** The largest sum of one profile's rectangles: the heaviest set of boxes that pairwise overlap. */
function heaviestOverlap(rectangles: Rectangle[]): { sum: number; members: Rectangle[] } {
  const overlaps = (a: Rectangle, b: Rectangle) =>
    a.bounds.every((x) =>
      b.bounds.every((y) => x.issue !== y.issue || Math.max(x.lo, y.lo) <= Math.min(x.hi, y.hi)),
    );
  const sorted = [...rectangles].sort((a, b) => b.utility - a.utility);
  let best = { sum: 0, members: [] as Rectangle[] };
  const grow = (chosen: Rectangle[], sum: number, rest: Rectangle[]) => {
    if (sum > best.sum) best = { sum, members: chosen };
    let potential = rest.reduce((s, r) => s + r.utility, 0);
    for (let k = 0; k < rest.length; k++) {
      if (sum + potential <= best.sum) return;
      potential -= rest[k].utility;
      const r = rest[k];
      grow(
        [...chosen, r],
        sum + r.utility,
        rest.slice(k + 1).filter((x) => overlaps(r, x)),
      );
    }
  };
  grow([], 0, sorted);
  return best;
}

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
