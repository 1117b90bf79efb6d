import type { OutcomeSpace } from './outcome-space.js';

/**
 * A sub-space of outcomes: for each issue, the option indices still allowed (sorted, non-empty).
 * A complete outcome is a sub-space with one option per issue; a partial package leaves some issues open.
 */
export interface Subspace {
  allowed: Int32Array[];
}

export function fullSubspace(space: OutcomeSpace): Subspace {
  return { allowed: Array.from(space.radix, (r) => Int32Array.from({ length: r }, (_, k) => k)) };
}

/** True when the sub-space allows every option of every issue, in order (as `fullSubspace` builds it). */
export function isFullSubspace(space: OutcomeSpace, subspace: Subspace): boolean {
  if (subspace.allowed.length !== space.radix.length) return false;
  return subspace.allowed.every((allowed, i) => {
    if (allowed.length !== space.radix[i]) return false;
    for (let k = 0; k < allowed.length; k++) if (allowed[k] !== k) return false;
    return true;
  });
}

export function subspaceOfOutcome(outcome: ArrayLike<number>): Subspace {
  return { allowed: Array.from(outcome, (o) => Int32Array.of(o)) };
}

export function isComplete(subspace: Subspace): boolean {
  return subspace.allowed.every((a) => a.length === 1);
}

export function subspaceSize(subspace: Subspace): number {
  let size = 1;
  for (const a of subspace.allowed) size *= a.length;
  return size;
}

/** Indices of issues with more than one allowed option. */
export function openIssues(subspace: Subspace): number[] {
  const open: number[] = [];
  subspace.allowed.forEach((a, i) => {
    if (a.length > 1) open.push(i);
  });
  return open;
}

/** Calls `visit` for every complete outcome of the sub-space (restricted to `issues` if given). The array is reused. */
export function forEachCompletion(
  subspace: Subspace,
  visit: (outcome: Int32Array) => void,
  issues: number[] = openIssues(subspace),
): void {
  const outcome = Int32Array.from(subspace.allowed, (a) => a[0]);
  const cursor = new Int32Array(issues.length);
  for (;;) {
    visit(outcome);
    let k = issues.length - 1;
    while (k >= 0) {
      const issue = issues[k];
      const allowed = subspace.allowed[issue];
      cursor[k]++;
      if (cursor[k] < allowed.length) {
        outcome[issue] = allowed[cursor[k]];
        break;
      }
      cursor[k] = 0;
      outcome[issue] = allowed[0];
      k--;
    }
    if (k < 0) return;
  }
}
