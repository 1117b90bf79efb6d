/**
 * The largest value of a sum of "box" terms over a grid of issues: each box adds `delta` when every bounded
 * issue lies within [lo, hi]. GENIUS nonlinear profiles are exactly such sums; their utility is the sum
 * divided by `maxutility` and capped at 1, so knowing the true maximum tells whether the cap ever binds.
 *
 * With only positive terms the maximum is a maximum-weight clique: axis-parallel boxes on a grid share a
 * point exactly when every two of them do (per issue, intervals that meet pairwise all meet), so the best
 * bid collects the heaviest set of pairwise-compatible boxes. Otherwise a branch and bound over the issues
 * is used, with values of an issue that fall in the same boxes merged first.
 */
export interface Box {
  delta: number;
  /** Issue positions with inclusive numeric bounds. */
  bounds: Array<{ issue: number; lo: number; hi: number }>;
}

export interface BoxSumMaximum {
  /** The best sum found. */
  max: number;
  /** True when the search finished, so `max` is the maximum; otherwise it is a lower bound. */
  exact: boolean;
  /** An upper bound on the maximum (equal to `max` when exact). */
  upper: number;
}

interface IssueClasses {
  issue: number;
  /** For each class, the boxes (among those bounding this issue) that contain it. */
  members: Int32Array[];
  /** Boxes that bound this issue. */
  boxes: Int32Array;
}

export function maximiseBoxSum(
  issueValues: ReadonlyArray<ReadonlyArray<number>>,
  boxes: Box[],
  nodeBudget = 5_000_000,
): BoxSumMaximum {
  let constant = 0;
  const live: Box[] = [];
  for (const box of boxes) {
    if (box.bounds.length === 0) constant += box.delta;
    else if (box.delta !== 0 && holdsSomewhere(issueValues, box)) live.push(box);
  }
  if (live.every((box) => box.delta > 0)) return maximumClique(issueValues, live, constant, nodeBudget);
  return branchOnIssues(issueValues, live, constant, nodeBudget);
}

/** The grid values of an issue that lie in [lo, hi] of every bound a box puts on it. */
function allowedRange(
  issueValues: ReadonlyArray<ReadonlyArray<number>>,
  boxes: Box[],
  issue: number,
): number {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (const box of boxes) {
    for (const b of box.bounds) {
      if (b.issue !== issue) continue;
      lo = Math.max(lo, b.lo);
      hi = Math.min(hi, b.hi);
    }
  }
  return issueValues[issue].filter((v) => v >= lo && v <= hi).length;
}

function holdsSomewhere(issueValues: ReadonlyArray<ReadonlyArray<number>>, box: Box): boolean {
  return box.bounds.every((b) => allowedRange(issueValues, [box], b.issue) > 0);
}

function compatible(issueValues: ReadonlyArray<ReadonlyArray<number>>, a: Box, b: Box): boolean {
  const shared = new Set(a.bounds.map((x) => x.issue).filter((i) => b.bounds.some((y) => y.issue === i)));
  for (const issue of shared) if (allowedRange(issueValues, [a, b], issue) === 0) return false;
  return true;
}

function maximumClique(
  issueValues: ReadonlyArray<ReadonlyArray<number>>,
  live: Box[],
  constant: number,
  nodeBudget: number,
): BoxSumMaximum {
  const order = live.map((_, k) => k).sort((x, y) => live[y].delta - live[x].delta);
  const n = live.length;
  const fits = Array.from({ length: n }, () => new Uint8Array(n));
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const ok = compatible(issueValues, live[a], live[b]) ? 1 : 0;
      fits[a][b] = ok;
      fits[b][a] = ok;
    }
  }
  let best = 0;
  let nodes = 0;
  let exhausted = false;
  const total = (list: number[], from: number) => {
    let sum = 0;
    for (let k = from; k < list.length; k++) sum += live[list[k]].delta;
    return sum;
  };
  const grow = (candidates: number[], current: number): void => {
    if (current > best) best = current;
    if (++nodes > nodeBudget) {
      exhausted = true;
      return;
    }
    for (let k = 0; k < candidates.length; k++) {
      if (current + total(candidates, k) <= best) return;
      const c = candidates[k];
      const next: number[] = [];
      for (let j = k + 1; j < candidates.length; j++) if (fits[c][candidates[j]]) next.push(candidates[j]);
      grow(next, current + live[c].delta);
      if (exhausted) return;
    }
  };
  grow(order, 0);
  const upper = exhausted ? total(order, 0) : best;
  return { max: constant + best, exact: !exhausted, upper: constant + upper };
}

function branchOnIssues(
  issueValues: ReadonlyArray<ReadonlyArray<number>>,
  live: Box[],
  constant: number,
  nodeBudget: number,
): BoxSumMaximum {
  const boxesOfIssue = new Map<number, number[]>();
  live.forEach((box, b) => {
    for (const bound of box.bounds) {
      const list = boxesOfIssue.get(bound.issue) ?? [];
      if (!list.includes(b)) list.push(b);
      boxesOfIssue.set(bound.issue, list);
    }
  });
  const classes: IssueClasses[] = [];
  for (const [issue, boxList] of boxesOfIssue) {
    const bySignature = new Map<string, number[]>();
    for (const value of issueValues[issue]) {
      const inside = boxList.filter((b) =>
        live[b].bounds.every((bd) => bd.issue !== issue || (value >= bd.lo && value <= bd.hi)),
      );
      bySignature.set(inside.join(','), inside);
    }
    classes.push({
      issue,
      boxes: Int32Array.from(boxList),
      members: [...bySignature.values()].map((m) => Int32Array.from(m)),
    });
  }
  // Issues bounded by many boxes first: their choice settles the most terms early.
  classes.sort((a, b) => b.boxes.length - a.boxes.length);

  const remaining = Int32Array.from(live, (box) => new Set(box.bounds.map((b) => b.issue)).size);
  const alive = new Uint8Array(live.length).fill(1);
  let positiveAlive = 0;
  for (const box of live) if (box.delta > 0) positiveAlive += box.delta;
  let satisfiedNegative = 0;
  let satisfiedPositive = 0;
  const rootUpper = constant + positiveAlive;
  let best = Number.NEGATIVE_INFINITY;
  let nodes = 0;
  let exhausted = false;

  const visit = (depth: number): void => {
    const upper = constant + satisfiedNegative + positiveAlive;
    if (upper <= best) return;
    if (depth === classes.length) {
      best = Math.max(best, constant + satisfiedNegative + satisfiedPositive);
      return;
    }
    if (++nodes > nodeBudget) {
      exhausted = true;
      return;
    }
    const { boxes: bounded, members } = classes[depth];
    for (const member of members) {
      const killed: number[] = [];
      const completed: number[] = [];
      let m = 0;
      for (const b of bounded) {
        const inside = m < member.length && member[m] === b;
        if (inside) m++;
        if (alive[b] === 0) continue;
        if (!inside) {
          alive[b] = 0;
          killed.push(b);
          if (live[b].delta > 0) positiveAlive -= live[b].delta;
        } else if (--remaining[b] === 0) {
          completed.push(b);
          if (live[b].delta > 0) satisfiedPositive += live[b].delta;
          else satisfiedNegative += live[b].delta;
        }
      }
      visit(depth + 1);
      for (const b of killed) {
        alive[b] = 1;
        if (live[b].delta > 0) positiveAlive += live[b].delta;
      }
      for (const b of bounded) if (alive[b] === 1 && member.includes(b)) remaining[b]++;
      for (const b of completed) {
        if (live[b].delta > 0) satisfiedPositive -= live[b].delta;
        else satisfiedNegative -= live[b].delta;
      }
      if (exhausted) return;
    }
  };
  visit(0);
  if (classes.length === 0) best = constant;
  return exhausted ? { max: best, exact: false, upper: rootUpper } : { max: best, exact: true, upper: best };
}
