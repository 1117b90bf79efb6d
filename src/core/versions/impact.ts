import { type Evaluation, evaluateSubspace, type RedLineCheck, type Tristate } from '../evaluate/evaluate.js';
import { realiseUtility } from '../evaluate/utility-function.js';
import { utilityRange } from '../evaluate/utility-range.js';
import type { CompiledScenario } from '../model/compile.js';
import { hasOwnKey } from '../model/own-key.js';
import type { PartyModel } from '../model/party-model.js';
import type { Resolution, Settlement } from '../model/resolve.js';
import { truthKleene } from '../model/rule.js';
import type { Subspace } from '../model/subspace.js';
import type { Interval } from '../model/uncertain.js';
import type { DocumentIndexCache } from './document-index.js';
import { separableShapley } from './separable-attribution.js';
import { type AttributionOptions, type CoalitionValue, type ShapleyResult, shapley } from './shapley.js';

/** A point of a given document version. */
export interface PointRef {
  document: string;
  version: string;
  number: number;
}

/**
 * Where a point change sits in a diff: `entry` indexes the package diff's `documents` (always 0 in a version
 * diff), `index` that entry's list of point changes.
 */
export interface PointChangeRef {
  document: string;
  entry: number;
  index: number;
}

/** How a set of versions leaves an issue: open, settled on one option, deferred (settled on "left unresolved"), or in conflict. */
export interface IssueState {
  status: 'open' | 'settled' | 'deferred' | 'conflict';
  /** Option ids settled (empty when open). */
  options: string[];
  labels: string[];
}

export type IssueChangeKind =
  | 'settled'
  | 'unsettled'
  | 'changed'
  | 'deferred'
  | 'conflict-appeared'
  | 'conflict-resolved'
  | 'conflict-changed';

export interface IssueChange {
  issue: string;
  title: string;
  kind: IssueChangeKind;
  before: IssueState;
  after: IssueState;
  /** Points settling the issue before and after: the points responsible for the change. */
  pointsBefore: PointRef[];
  pointsAfter: PointRef[];
  /** The point changes those points belong to. */
  pointChanges: PointChangeRef[];
}

export interface UnresolvedIssue {
  issue: string;
  title: string;
  status: 'open' | 'deferred' | 'conflict';
  /** Points of the later side that speak to the issue (touch it) without settling it. */
  touchedBy: PointRef[];
  /** It was unresolved before too. */
  unresolvedBefore: boolean;
}

export interface UtilitySnapshot {
  /** Range of utility over the outcomes the text leaves open, at best estimates. */
  min: number;
  max: number;
  /** False when the range is a guaranteed enclosing bound rather than exact. */
  exact: boolean;
  /** The scalar used for attribution: the midpoint (min + max) / 2 of the best-estimate range. */
  scalar: number;
  /** Range when estimates may also take any value in their stated ranges. */
  band: { min: number; max: number };
  acceptable: Tristate;
  acceptableUnderUncertainty: Tristate;
}

export type RedLineTransition = 'newly-crossed' | 'newly-respected' | 'now-undetermined' | 'unchanged';

export interface RedLineChange {
  id: string;
  description: string;
  before: RedLineCheck['status'];
  after: RedLineCheck['status'];
  transition: RedLineTransition;
}

export interface PartyImpact {
  party: string;
  name: string;
  role: string;
  batna: Interval;
  before: UtilitySnapshot;
  after: UtilitySnapshot;
  /** after.scalar − before.scalar. */
  delta: number;
  redLines: RedLineChange[];
}

export interface AttributionShare {
  party: string;
  value: number;
  /** Sampled mode only. */
  standardError?: number;
}

export interface AttributedChange {
  /** Index into the diff's list of issue changes. */
  change: number;
  issue: string;
  kind: IssueChangeKind;
  from: string[];
  to: string[];
  pointsBefore: PointRef[];
  pointsAfter: PointRef[];
  pointChanges: PointChangeRef[];
  /** Shapley value of this change for each party's utility scalar. */
  shares: AttributionShare[];
}

export interface AttributionTotal {
  party: string;
  before: number;
  after: number;
  /** after − before. */
  total: number;
  /** Sum of the party's shares. */
  attributed: number;
  /** total − attributed (zero up to rounding: Shapley values are efficient). */
  residual: number;
}

export interface Attribution {
  method: 'exact' | 'sampled';
  /** Number of changes (players). */
  players: number;
  samples?: number;
  seed?: number;
  /** Largest standard error of any share (sampled mode). */
  maxStandardError?: number;
  /** Coalitions of changes whose utilities were computed. */
  evaluations: number;
  scalar: string;
  changes: AttributedChange[];
  totals: AttributionTotal[];
}

/** Optional probe of the Pareto frontier and bargaining solutions, supplied by the analysis modules. */
export interface FrontierProbe {
  /** Distance from a utility vector (one entry per party model, in the order of `compiled.models`) to the frontier. */
  distanceToFrontier(utilities: number[]): number;
  solutions: Array<{ name: string; utilities: number[] }>;
}

export interface FrontierMovement {
  /** Party ids, in the order of the utility vectors. */
  parties: string[];
  before: { utilities: number[]; distance: number };
  after: { utilities: number[]; distance: number };
  /** after.distance − before.distance: negative means the text moved toward the frontier. */
  change: number;
  /** Euclidean distance of the before and after utility vectors to each solution. */
  solutions: Array<{ name: string; utilities: number[]; before: number; after: number; change: number }>;
}

export interface Impact {
  parties: PartyImpact[];
  verdict: {
    before: Tristate;
    after: Tristate;
    beforeUnderUncertainty: Tristate;
    afterUnderUncertainty: Tristate;
    reasonsBefore: string[];
    reasonsAfter: string[];
  };
  attribution: Attribution;
  frontier?: FrontierMovement;
}

export interface ConflictSummary {
  issue: string;
  title: string;
  settlements: Array<PointRef & { option: string; label: string }>;
}

export interface ConflictChanges {
  appeared: ConflictSummary[];
  resolved: ConflictSummary[];
  changed: Array<{ before: ConflictSummary; after: ConflictSummary }>;
  persisting: ConflictSummary[];
}

export interface ImpactOptions {
  attribution?: AttributionOptions;
  frontier?: FrontierProbe;
}

export const SCALAR_DEFINITION =
  'midpoint (min + max) / 2 of the utility range over the outcomes the text leaves open, at best estimates';

const pointRef = (s: Settlement): PointRef => ({ document: s.document, version: s.version, number: s.point });

export function issueState(compiled: CompiledScenario, resolution: Resolution, issue: number): IssueState {
  const spaceIssue = compiled.space.issues[issue];
  const settled = resolution.settledBy[issue];
  if (settled.length === 0) return { status: 'open', options: [], labels: [] };
  const options = [...resolution.subspace.allowed[issue]];
  const status =
    options.length > 1 ? 'conflict' : options[0] === spaceIssue.deferredIndex ? 'deferred' : 'settled';
  return {
    status,
    options: options.map((k) => spaceIssue.optionIds[k]),
    labels: options.map((k) => spaceIssue.labels[k]),
  };
}

const sameState = (x: IssueState, y: IssueState) =>
  x.status === y.status &&
  x.options.length === y.options.length &&
  x.options.every((o, k) => o === y.options[k]);

function changeKind(before: IssueState, after: IssueState): IssueChangeKind {
  if (before.status === 'conflict' && after.status === 'conflict') return 'conflict-changed';
  if (after.status === 'conflict') return 'conflict-appeared';
  if (before.status === 'conflict') return 'conflict-resolved';
  if (after.status === 'open') return 'unsettled';
  if (after.status === 'deferred') return 'deferred';
  if (before.status === 'open') return 'settled';
  return 'changed';
}

export function issueChanges(
  compiled: CompiledScenario,
  before: Resolution,
  after: Resolution,
  pointChangeOf: (ref: PointRef) => PointChangeRef | undefined,
): IssueChange[] {
  const changes: IssueChange[] = [];
  compiled.space.issues.forEach((spaceIssue, i) => {
    const x = issueState(compiled, before, i);
    const y = issueState(compiled, after, i);
    if (sameState(x, y)) return;
    const pointsBefore = before.settledBy[i].map(pointRef);
    const pointsAfter = after.settledBy[i].map(pointRef);
    const seen = new Set<string>();
    const pointChanges: PointChangeRef[] = [];
    for (const ref of [...pointsBefore, ...pointsAfter]) {
      const found = pointChangeOf(ref);
      if (found && !seen.has(`${found.entry}/${found.index}`)) {
        seen.add(`${found.entry}/${found.index}`);
        pointChanges.push(found);
      }
    }
    changes.push({
      issue: spaceIssue.id,
      title: spaceIssue.title,
      kind: changeKind(x, y),
      before: x,
      after: y,
      pointsBefore,
      pointsAfter,
      pointChanges,
    });
  });
  return changes;
}

export function unresolvedIssues(
  compiled: CompiledScenario,
  before: Resolution,
  after: Resolution,
  indexes: DocumentIndexCache,
): UnresolvedIssue[] {
  const touching = new Map<string, PointRef[]>();
  for (const ref of after.versions) {
    for (const p of indexes.version(ref).version.points) {
      for (const issue of p.point.touches ?? []) {
        if (hasOwnKey(p.point.settles, issue)) continue;
        touching.set(issue, [
          ...(touching.get(issue) ?? []),
          { document: p.document, version: p.version, number: p.number },
        ]);
      }
    }
  }
  const out: UnresolvedIssue[] = [];
  compiled.space.issues.forEach((spaceIssue, i) => {
    const y = issueState(compiled, after, i);
    if (y.status === 'settled') return;
    const x = issueState(compiled, before, i);
    out.push({
      issue: spaceIssue.id,
      title: spaceIssue.title,
      status: y.status,
      touchedBy: touching.get(spaceIssue.id) ?? [],
      unresolvedBefore: x.status !== 'settled',
    });
  });
  return out;
}

export function compareConflicts(
  compiled: CompiledScenario,
  before: Resolution,
  after: Resolution,
): ConflictChanges {
  const summary = (resolution: Resolution, issueId: string): ConflictSummary => {
    const i = compiled.space.issues.findIndex((x) => x.id === issueId);
    const spaceIssue = compiled.space.issues[i];
    return {
      issue: issueId,
      title: spaceIssue.title,
      settlements: resolution.settledBy[i].map((s) => ({
        ...pointRef(s),
        option: spaceIssue.optionIds[s.option],
        label: spaceIssue.labels[s.option],
      })),
    };
  };
  const optionsOf = (c: ConflictSummary) => [...new Set(c.settlements.map((s) => s.option))].sort().join('|');
  const was = new Map(before.conflicts.map((c) => [c.issue, summary(before, c.issue)]));
  const now = new Map(after.conflicts.map((c) => [c.issue, summary(after, c.issue)]));
  const result: ConflictChanges = { appeared: [], resolved: [], changed: [], persisting: [] };
  for (const [issue, c] of now) {
    const old = was.get(issue);
    if (!old) result.appeared.push(c);
    else if (optionsOf(old) !== optionsOf(c)) result.changed.push({ before: old, after: c });
    else result.persisting.push(c);
  }
  for (const [issue, c] of was) if (!now.has(issue)) result.resolved.push(c);
  return result;
}

function snapshotOf(evaluation: Evaluation, k: number): UtilitySnapshot {
  const p = evaluation.parties[k];
  return {
    min: p.utility.min,
    max: p.utility.max,
    exact: p.utility.exact && p.band.exact,
    scalar: (p.utility.min + p.utility.max) / 2,
    band: { min: p.band.min, max: p.band.max },
    acceptable: p.acceptable,
    acceptableUnderUncertainty: p.acceptableUnderUncertainty,
  };
}

function transition(before: RedLineCheck['status'], after: RedLineCheck['status']): RedLineTransition {
  if (before === after) return 'unchanged';
  if (after === 'crossed') return 'newly-crossed';
  if (after === 'respected') return 'newly-respected';
  return 'now-undetermined';
}

/** Utility scalars (midpoint of the best-estimate range) of every party model over a sub-space. */
export function utilityScalars(compiled: CompiledScenario, subspace: Subspace): number[] {
  return compiled.models.map((m) => {
    const r = utilityRange(m, subspace, 'estimate');
    return (r.min + r.max) / 2;
  });
}

/**
 * The same midpoint as `utilityRange` in estimate mode, computed directly when no adjustment is undecided
 * (then the range is the sum of per-issue minima and maxima of the weighted values plus the adjustments that
 * hold); otherwise it defers to `utilityRange`. Attribution evaluates thousands of coalitions, so this matters.
 */
export function midpointEvaluator(model: PartyModel): (subspace: Subspace) => number {
  const u = realiseUtility(model, 'estimate');
  return (subspace) => {
    let fixed = 0;
    for (const adjustment of u.adjustments) {
      const truth = truthKleene(adjustment.when, subspace);
      if (truth === 'depends') {
        const r = utilityRange(model, subspace, 'estimate');
        return (r.min + r.max) / 2;
      }
      if (truth === 'true') fixed += adjustment.delta;
    }
    let min = fixed;
    let max = fixed;
    for (let i = 0; i < u.contribution.length; i++) {
      const c = u.contribution[i];
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const k of subspace.allowed[i]) {
        if (c[k] < lo) lo = c[k];
        if (c[k] > hi) hi = c[k];
      }
      min += lo;
      max += hi;
    }
    return (min + max) / 2;
  };
}

/**
 * Shapley attribution of the diff's game: exact from the game's structure when that is cheap (a party's
 * utility splits into independent parts; see separable-attribution.ts) in 'auto' mode without a sample count;
 * otherwise, or when the structure does not help, the general computation ('exact' enumerates every
 * coalition; 'auto' does up to EXACT_AUTO_LIMIT changes and samples above).
 */
function attribute(
  compiled: CompiledScenario,
  before: Resolution,
  after: Resolution,
  issues: number[],
  value: CoalitionValue,
  options: AttributionOptions = {},
): ShapleyResult {
  const auto = (options.method ?? 'auto') === 'auto' && options.samples === undefined;
  const structured = !auto
    ? undefined
    : separableShapley({ models: compiled.models, before: before.subspace, after: after.subspace, issues });
  if (!structured) return shapley(issues.length, value, options);
  const n = issues.length;
  return {
    ...structured,
    empty: value(new Array<boolean>(n).fill(false)),
    full: value(new Array<boolean>(n).fill(true)),
  };
}

const distance = (x: number[], y: number[]) => Math.hypot(...x.map((v, k) => v - (y[k] ?? 0)));

/**
 * The per-party impact of going from one resolution to another: utility ranges and scalars, red lines,
 * verdicts, Shapley attribution of the utility change to the issue-level changes, and (with a probe)
 * movement relative to the frontier and bargaining solutions.
 */
export function compareImpact(
  compiled: CompiledScenario,
  before: Resolution,
  after: Resolution,
  changes: IssueChange[],
  options: ImpactOptions = {},
): Impact {
  const evalBefore = evaluateSubspace(compiled, before.subspace, before);
  const evalAfter = evaluateSubspace(compiled, after.subspace, after);
  const parties = compiled.models.map((model, k): PartyImpact => {
    const x = snapshotOf(evalBefore, k);
    const y = snapshotOf(evalAfter, k);
    return {
      party: model.party,
      name: model.name,
      role: model.role,
      batna: model.batna,
      before: x,
      after: y,
      delta: y.scalar - x.scalar,
      redLines: evalBefore.parties[k].redLines.map((line, r) => {
        const next = evalAfter.parties[k].redLines[r];
        return {
          id: line.id,
          description: line.description,
          before: line.status,
          after: next.status,
          transition: transition(line.status, next.status),
        };
      }),
    };
  });

  const issueIndex = changes.map((c) => compiled.space.issues.findIndex((i) => i.id === c.issue));
  const scalars = compiled.models.map(midpointEvaluator);
  const value = (members: readonly boolean[]): number[] => {
    const allowed = before.subspace.allowed.slice();
    members.forEach((m, k) => {
      if (m) allowed[issueIndex[k]] = after.subspace.allowed[issueIndex[k]];
    });
    return scalars.map((scalar) => scalar({ allowed }));
  };
  const result = attribute(compiled, before, after, issueIndex, value, options.attribution);
  const attributed = compiled.models.map((_, p) => result.values.reduce((sum, row) => sum + row[p], 0));
  const attribution: Attribution = {
    method: result.method,
    players: result.players,
    ...(result.method === 'sampled'
      ? {
          samples: result.samples,
          seed: result.seed,
          maxStandardError: Math.max(0, ...(result.standardErrors ?? []).flat()),
        }
      : {}),
    evaluations: result.evaluations,
    scalar: SCALAR_DEFINITION,
    changes: changes.map((c, k) => ({
      change: k,
      issue: c.issue,
      kind: c.kind,
      from: c.before.options,
      to: c.after.options,
      pointsBefore: c.pointsBefore,
      pointsAfter: c.pointsAfter,
      pointChanges: c.pointChanges,
      shares: compiled.models.map((m, p) => ({
        party: m.party,
        value: result.values[k][p],
        ...(result.standardErrors ? { standardError: result.standardErrors[k][p] } : {}),
      })),
    })),
    totals: compiled.models.map((m, p) => ({
      party: m.party,
      before: result.empty[p],
      after: result.full[p],
      total: result.full[p] - result.empty[p],
      attributed: attributed[p],
      residual: result.full[p] - result.empty[p] - attributed[p],
    })),
  };

  const impact: Impact = {
    parties,
    verdict: {
      before: evalBefore.verdict,
      after: evalAfter.verdict,
      beforeUnderUncertainty: evalBefore.verdictUnderUncertainty,
      afterUnderUncertainty: evalAfter.verdictUnderUncertainty,
      reasonsBefore: evalBefore.reasons,
      reasonsAfter: evalAfter.reasons,
    },
    attribution,
  };
  if (options.frontier) {
    const probe = options.frontier;
    const u0 = parties.map((p) => p.before.scalar);
    const u1 = parties.map((p) => p.after.scalar);
    const d0 = probe.distanceToFrontier(u0);
    const d1 = probe.distanceToFrontier(u1);
    impact.frontier = {
      parties: parties.map((p) => p.party),
      before: { utilities: u0, distance: d0 },
      after: { utilities: u1, distance: d1 },
      change: d1 - d0,
      solutions: probe.solutions.map((s) => {
        const before = distance(u0, s.utilities);
        const after = distance(u1, s.utilities);
        return { name: s.name, utilities: [...s.utilities], before, after, change: after - before };
      }),
    };
  }
  return impact;
}
