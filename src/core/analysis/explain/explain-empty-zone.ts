import type { UtilityFunction } from '../../evaluate/utility-function.js';
import { utilityOf } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { holds } from '../../model/rule.js';
import { forEachCompletion, type Subspace } from '../../model/subspace.js';
import { type Clock, deadlineOf } from '../../ports.js';
import { ScenarioEncoding } from '../milp/encode-scenario.js';
import { exactSearch } from '../milp/exact-search.js';
import { constantExpr } from '../milp/milp-problem.js';
import type { MilpSolver } from '../milp/solver.js';
import {
  chooseMethod,
  ENUMERATION_LIMIT,
  type Method,
  type MethodChoice,
  subspaceOrFull,
} from '../zone/analysis-options.js';
import {
  constraintIssues,
  estimateUtilities,
  imposeConstraint,
  satisfies,
  type ZoneConstraint,
  zoneConstraints,
} from '../zone/zone-constraints.js';
import { marco, type Oracle } from './marco.js';
import { bitsOf, maximalSets, minimalHittingSets, setOf } from './minimal-hitting-sets.js';

export interface ExplainOptions {
  subspace?: Subspace;
  solver?: MilpSolver;
  method?: MethodChoice;
  enumerationLimit?: number;
  /** List at most this many subsets (default 100); the result says when the list is incomplete. */
  maxSubsets?: number;
  /** Wall-clock budget for the MILP search (MARCO), measured on `clock` (required with it). */
  timeLimitSeconds?: number;
  clock?: Clock;
}

export interface InfeasibleSubset {
  /** Ids of the constraints ("party:red-line-id" or "party:batna"). */
  constraints: string[];
  /** "Ukraine: no-cession and Russia: donbas-withdrawal cannot both hold" */
  text: string;
  /** Issues the constraints are about (union over the subset). */
  issues: Array<{ id: string; title: string }>;
}

export interface Explanation {
  method: Method;
  methodReason: string;
  /** The constraint set: each signatory's red lines (one each) and BATNA condition. */
  constraints: Array<{ id: string; label: string; description: string; kind: ZoneConstraint['kind'] }>;
  zoneEmpty: boolean;
  /** Every minimal subset of the constraints that no outcome of the (sub-)space satisfies together. */
  subsets: InfeasibleSubset[];
  /** True when `subsets` lists every minimal infeasible subset. */
  complete: boolean;
  /** Total number of minimal infeasible subsets when known (enumeration always knows it). */
  total?: number;
  note: string;
}

function joinLabels(labels: string[]): string {
  if (labels.length === 1) return labels[0];
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

export function describeSubset(
  compiled: CompiledScenario,
  utilities: UtilityFunction[],
  constraints: ZoneConstraint[],
  subset: number[],
): InfeasibleSubset {
  const chosen = subset.map((c) => constraints[c]);
  const labels = chosen.map((c) => c.label);
  const verb =
    chosen.length === 1
      ? chosen[0].kind === 'red-line'
        ? 'cannot hold: every outcome crosses it'
        : 'cannot hold: no outcome reaches it'
      : chosen.length === 2
        ? 'cannot both hold'
        : 'cannot all hold';
  const issues = new Set<number>();
  for (const c of chosen) for (const i of constraintIssues(compiled, utilities, c)) issues.add(i);
  return {
    constraints: chosen.map((c) => c.id),
    text: `${joinLabels(labels)} ${verb}`,
    issues: [...issues]
      .sort((a, b) => a - b)
      .map((i) => ({ id: compiled.space.issues[i].id, title: compiled.space.issues[i].title })),
  };
}

/** Distinct sets of constraints satisfied together by some outcome of the sub-space. */
function satisfiedPatterns(
  compiled: CompiledScenario,
  utilities: UtilityFunction[],
  constraints: ZoneConstraint[],
  subspace: Subspace,
): bigint[] {
  const words = Math.ceil(constraints.length / 30) || 1;
  const mask = new Int32Array(words);
  const seen = new Set<string>();
  const patterns: bigint[] = [];
  const utilityCache = new Float64Array(compiled.models.length);
  forEachCompletion(subspace, (outcome) => {
    mask.fill(0);
    const computed = new Set<number>();
    constraints.forEach((c, k) => {
      let ok: boolean;
      if (c.kind === 'red-line') {
        ok = !holds(compiled.models[c.model].redLines[c.redLine].crossedWhen, outcome);
      } else {
        if (!computed.has(c.model)) {
          utilityCache[c.model] = utilityOf(utilities[c.model], outcome);
          computed.add(c.model);
        }
        ok = utilityCache[c.model] >= c.batna;
      }
      if (ok) mask[(k / 30) | 0] |= 1 << (k % 30);
    });
    const key = words === 1 ? String(mask[0]) : mask.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    let pattern = 0n;
    for (let w = words - 1; w >= 0; w--) pattern = (pattern << 30n) | BigInt(mask[w]);
    patterns.push(pattern);
  });
  return patterns;
}

/**
 * Explains an empty agreement zone by its minimal infeasible subsets (MIS): minimal sets of signatories'
 * conditions (single red lines, BATNA conditions) that no outcome of the (sub-)space satisfies together.
 *
 * Enumeration: the distinct sets of conditions satisfied by some outcome are collected; the maximal ones are
 * the maximal satisfiable subsets (MSS), and the MIS are exactly the minimal hitting sets of the MSS
 * complements (hitting-set duality), computed by Berge's algorithm, so the list is exact and complete.
 * MILP: MARCO with the MILP as the satisfiability oracle, shrinking by deletion; complete unless stopped by
 * the cap or the time limit (then it says so).
 */
export async function explainEmptyZone(
  compiled: CompiledScenario,
  options: ExplainOptions = {},
): Promise<Explanation> {
  const subspace = subspaceOrFull(compiled, options.subspace);
  const decision = chooseMethod(
    subspace,
    options.method,
    options.solver,
    options.enumerationLimit ?? ENUMERATION_LIMIT,
  );
  const utilities = estimateUtilities(compiled);
  const constraints = zoneConstraints(compiled);
  const cap = options.maxSubsets ?? 100;
  const listed = constraints.map((c) => ({
    id: c.id,
    label: c.label,
    description: c.description,
    kind: c.kind,
  }));
  const base = { method: decision.method, methodReason: decision.reason, constraints: listed };

  const notEmpty = (): Explanation => ({
    ...base,
    zoneEmpty: false,
    subsets: [],
    complete: true,
    total: 0,
    note: 'the zone is not empty',
  });
  let subsets: number[][];
  let complete: boolean;
  let total: number | undefined;
  let stopped: string | undefined;
  if (decision.method === 'enumerate') {
    const patterns = satisfiedPatterns(compiled, utilities, constraints, subspace);
    const all = setOf(constraints.map((_, k) => k));
    if (patterns.some((p) => p === all)) {
      return notEmpty();
    }
    const corrections = maximalSets(patterns).map((mss) => all & ~mss);
    const found = minimalHittingSets(corrections).map(bitsOf);
    total = found.length;
    subsets = found;
    complete = true;
  } else {
    const solver = options.solver as MilpSolver;
    const encoding = new ScenarioEncoding(compiled.space, subspace);
    // Build every rule indicator and utility before the oracle's marks, so rollbacks keep them.
    for (const c of constraints) {
      if (c.kind === 'red-line') encoding.indicator(compiled.models[c.model].redLines[c.redLine].crossedWhen);
      else encoding.utility(utilities[c.model]);
    }
    const clock = options.clock;
    const deadline = deadlineOf(options.timeLimitSeconds, clock);
    const oracle: Oracle = async (subset) => {
      const mark = encoding.mark();
      try {
        for (const k of subset) imposeConstraint(compiled, utilities, encoding, constraints[k]);
        const result = await exactSearch(solver, encoding, {
          objective: constantExpr(0),
          accept: (o) => subset.every((k) => satisfies(compiled, utilities, constraints[k], o)),
          value: () => 0,
          findTies: false,
          timeLimitSeconds:
            clock === undefined || !Number.isFinite(deadline)
              ? undefined
              : Math.max(0.01, (deadline - clock.now()) / 1000),
          clock,
        });
        if (result.status === 'infeasible') return { satisfiable: false };
        if (!result.best) return { satisfiable: 'unknown' };
        const witness = result.best.outcome;
        return {
          satisfiable: true,
          satisfied: constraints.flatMap((c, k) => (satisfies(compiled, utilities, c, witness) ? [k] : [])),
        };
      } finally {
        encoding.rollback(mark);
      }
    };
    const result = await marco(constraints.length, oracle, solver, {
      maxSubsets: cap,
      timeLimitSeconds: options.timeLimitSeconds,
      clock,
    });
    if (result.maximalSatisfiable.some((s) => s.length === constraints.length)) {
      return notEmpty();
    }
    subsets = result.minimalInfeasible;
    complete = result.complete;
    total = result.complete ? subsets.length : undefined;
    stopped = result.stoppedBecause;
  }

  subsets.sort(
    (a, b) => a.length - b.length || a.join(',').localeCompare(b.join(','), 'en', { numeric: true }),
  );
  const shown = subsets.slice(0, cap);
  const listComplete = complete && shown.length === subsets.length;
  let note: string;
  if (listComplete) note = `all ${shown.length} minimal infeasible subsets are listed`;
  else if (total !== undefined)
    note = `${shown.length} of ${total} minimal infeasible subsets are listed (cap ${cap})`;
  else
    note = `${shown.length} minimal infeasible subsets found; the list is incomplete because ${stopped ?? 'the search stopped'}`;
  return {
    ...base,
    zoneEmpty: true,
    subsets: shown.map((s) => describeSubset(compiled, utilities, constraints, s)),
    complete: listComplete,
    total,
    note,
  };
}
