import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

/**
 * ANAC 2014 nonlinear domains ship pareto.xml, the Pareto frontier GENIUS computed (utility pairs). These
 * tests read the hyperRectangles straight from the profiles and check the imported scenario against it.
 */
export interface Rectangle {
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

export function profile(file: string): { max: number; rectangles: Rectangle[] } {
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

export function paretoXml(file: string): Array<[number, number]> {
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
export function paretoPairs(
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
export function heaviestOverlap(rectangles: Rectangle[]): { sum: number; members: Rectangle[] } {
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

/** A profile's utility of a bid (issue values), straight from its rectangles: Σ utility of the boxes it is in. */
export function rectangleSum(rectangles: Rectangle[], bid: ArrayLike<number>): number {
  let sum = 0;
  for (const r of rectangles)
    if (r.bounds.every((b) => bid[b.issue] >= b.lo && bid[b.issue] <= b.hi)) sum += r.utility;
  return sum;
}
