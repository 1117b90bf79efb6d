import type { OutcomeSpace } from '../../model/outcome-space.js';
import type { Rng } from '../../random/rng.js';
import { shuffle } from '../seeds.js';
import type { Outcome } from '../strategy.js';

/** A party's answer to a text: accept, or reject naming the issues it objects to (most important first). */
export interface Feedback {
  accept: boolean;
  objections: string[];
}

/**
 * A mediator of the single-text procedure. It sees only the parties' feedback (accept/reject and objected
 * issues), never their utilities.
 */
export interface Mediator {
  readonly name: string;
  first(): Outcome;
  /** The next text after feedback on the last one, or undefined to stop (no revision helps any more). */
  next(feedback: Feedback[]): Outcome | undefined;
}

/** Fewer rejections, then fewer objections, is better. */
function score(feedback: readonly Feedback[]): [number, number] {
  let rejections = 0;
  let objections = 0;
  for (const f of feedback) {
    if (!f.accept) rejections++;
    objections += f.objections.length;
  }
  return [rejections, objections];
}

const lower = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** No party that accepted the base rejects the candidate, and none names more objections. */
function noPartyObjectsMore(base: readonly Feedback[], candidate: readonly Feedback[]): boolean {
  return base.every(
    (b, j) => !(b.accept && !candidate[j].accept) && candidate[j].objections.length <= b.objections.length,
  );
}

/** Issue indices ranked by how strongly they are objected to: Σ over parties of 1/(rank + 1). */
export function objectedIssues(space: OutcomeSpace, feedback: readonly Feedback[]): number[] {
  const weight = new Float64Array(space.radix.length);
  for (const f of feedback) {
    f.objections.forEach((id, rank) => {
      const i = space.issues.findIndex((x) => x.id === id);
      if (i >= 0) weight[i] += 1 / (rank + 1);
    });
  }
  return Array.from(weight.keys())
    .filter((i) => weight[i] > 0)
    .sort((p, q) => weight[q] - weight[p] || p - q);
}

/**
 * Hill climbing on feedback. From the current text it changes one objected issue (the most objected first) to
 * an option not yet tried there (options in seeded random order) and proposes the revision; the revision
 * becomes the new current text if no party objects more (see noPartyObjectsMore), otherwise it is dropped.
 * A round is improving when the kept text lowers (rejections, objections); after `patience` consecutive
 * non-improving rounds the mediator stops. Texts that were once the current text are not proposed again as
 * revisions, so sideways moves (kept, not improving) cannot cycle. When every change of the objected issues has been tried, it
 * proposes the current text again (parties' demands may soften with time), which counts as non-improving.
 */
export class HillClimbMediator implements Mediator {
  readonly name: string = 'hill-climb';
  private base: Outcome;
  private baseFeedback: Feedback[] | undefined;
  private candidate: Outcome | undefined;
  private tried = new Set<string>();
  private readonly visited = new Set<string>();
  private nonImproving = 0;
  private readonly optionOrder: number[][];

  constructor(
    protected readonly space: OutcomeSpace,
    initial: Outcome,
    private readonly patience: number,
    rng: Rng,
  ) {
    this.base = initial;
    this.visited.add(initial.join(','));
    this.optionOrder = Array.from(space.radix, (r) =>
      shuffle(
        Array.from({ length: r }, (_, k) => k),
        rng,
      ),
    );
  }

  first(): Outcome {
    this.candidate = this.base;
    return this.base;
  }

  /** Continue from a text whose feedback is known. */
  restartFrom(text: Outcome, feedback: Feedback[]): Outcome | undefined {
    this.base = text;
    this.visited.add(text.join(','));
    this.baseFeedback = feedback;
    this.tried.clear();
    return this.revise();
  }

  next(feedback: Feedback[]): Outcome | undefined {
    if (!this.baseFeedback) {
      this.baseFeedback = feedback;
    } else if (this.candidate) {
      const keep = noPartyObjectsMore(this.baseFeedback, feedback);
      const improved = keep && lower(score(feedback), score(this.baseFeedback));
      if (keep) {
        if (this.candidate !== this.base) this.tried.clear();
        this.base = this.candidate;
        this.visited.add(this.base.join(','));
        this.baseFeedback = feedback;
      }
      this.nonImproving = improved ? 0 : this.nonImproving + 1;
      if (this.nonImproving >= this.patience) return undefined;
    }
    return this.revise();
  }

  private revise(): Outcome {
    const feedback = this.baseFeedback ?? [];
    let issues = objectedIssues(this.space, feedback);
    if (issues.length === 0) issues = Array.from(this.space.radix.keys());
    for (const i of issues) {
      for (const k of this.optionOrder[i]) {
        if (k === this.base[i] || this.tried.has(`${i}:${k}`)) continue;
        this.tried.add(`${i}:${k}`);
        const revision = Int32Array.from(this.base);
        revision[i] = k;
        if (this.visited.has(revision.join(','))) continue;
        this.candidate = revision;
        return revision;
      }
    }
    this.candidate = this.base;
    return this.base;
  }
}

/**
 * Aims at a bargaining solution computed from estimated preferences: moves the text one issue per round
 * toward the target (the most objected differing issue first), then hill-climbs on feedback from there.
 */
export class TargetMediator implements Mediator {
  readonly name: string;
  private text: Outcome;
  private readonly climber: HillClimbMediator;
  private climbing = false;

  constructor(
    private readonly space: OutcomeSpace,
    initial: Outcome,
    private readonly target: Outcome,
    patience: number,
    rng: Rng,
    name = 'nash',
  ) {
    this.name = name;
    this.text = initial;
    this.climber = new HillClimbMediator(space, initial, patience, rng);
  }

  first(): Outcome {
    return this.text;
  }

  next(feedback: Feedback[]): Outcome | undefined {
    if (this.climbing) return this.climber.next(feedback);
    const differing = Array.from(this.space.radix.keys()).filter((i) => this.text[i] !== this.target[i]);
    if (differing.length === 0) {
      this.climbing = true;
      return this.climber.restartFrom(this.text, feedback);
    }
    const ranked = objectedIssues(this.space, feedback);
    const issue = ranked.find((i) => differing.includes(i)) ?? differing[0];
    const revision = Int32Array.from(this.text);
    revision[issue] = this.target[issue];
    this.text = revision;
    return revision;
  }
}
