import { type UtilityFunction, utilityOf } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { holds } from '../../model/rule.js';
import { forEachCompletion } from '../../model/subspace.js';
import { tieTolerance } from '../bargaining/criteria.js';
import { acceptableToSignatories } from '../enumerate-zone.js';
import { ScenarioEncoding } from '../milp/encode-scenario.js';
import { type ExactSearchResult, exactSearch } from '../milp/exact-search.js';
import { combine, constantExpr, type LinearExpr, variableExpr } from '../milp/milp-problem.js';
import type { MilpSolver } from '../milp/solver.js';
import { sharedColumns } from '../scenario-table.js';
import { type Method, type OutcomeView, outcomeView } from '../zone/analysis-options.js';
import { imposeConstraint, zoneConstraints } from '../zone/zone-constraints.js';
import { type ConcessionOptions, setUpConcession } from './concession-setup.js';

export interface IssueChange {
  issue: string;
  from: string;
  to: string;
  /** Change of each compared party's additive utility from this issue alone (negative: the party gives up). */
  perParty: Array<{ party: string; change: number }>;
}

export interface AdjustmentEffect {
  party: string;
  adjustment: string;
  /** +delta when the change switches the adjustment on, −delta when it switches it off. */
  change: number;
}

export interface ChangeSet {
  outcome: OutcomeView;
  /** Settled issues whose option changes. */
  changes: IssueChange[];
  /** Options picked on the package's open issues (not counted as changes). */
  openChoices: Array<{ issue: string; option: string }>;
  /** Interaction terms switched on or off by the changes. */
  adjustments: AdjustmentEffect[];
  /** Per compared party: utility at the new outcome and the change from the package (with the same open choices). */
  parties: Array<{
    party: string;
    name: string;
    utility: number;
    change: number;
    lossBelowGuarantee: number;
  }>;
  /** Σ over compared parties of max(0, guaranteed − utility). */
  totalLoss: number;
}

export interface ConcessionAnswer {
  /** The minimal number of changed settled issues, or the minimal total loss. */
  value: number;
  /** Equally good change sets (up to the cap). */
  alternatives: ChangeSet[];
  /** Exact number of equally good outcomes when known. */
  count?: number;
  complete: boolean;
  proven: boolean;
}

export interface WhatWouldItTake {
  method: Method;
  methodReason: string;
  /** The package's settled issues (the reference) and open issues. */
  settled: Array<{ issue: string; option: string }>;
  open: string[];
  /** False when no outcome is acceptable to every signatory: nothing would make it acceptable. */
  possible: boolean;
  /** Fewest settled issues to change so that every signatory accepts. */
  fewestChanges?: ConcessionAnswer;
  /** Smallest total utility loss below the package's guarantees, ties broken by fewest changes. */
  leastLoss?: ConcessionAnswer;
  notes: string[];
}

/**
 * "What would it take" for a package to become acceptable to every signatory: the fewest changes to its
 * settled issues (an open issue may take any option without counting as a change), and alternatively the
 * smallest total loss to the compared parties, measured as Σ_p max(0, guaranteed_p − u_p) where guaranteed_p is
 * the package's minimum utility for p over its completions. Each answer shows, per changed issue, what every
 * compared party gains or gives up, plus the interaction terms (adjustments) the change switches.
 */
export async function whatWouldItTake(
  compiled: CompiledScenario,
  options: ConcessionOptions,
): Promise<WhatWouldItTake> {
  const { within, pkg, parties, decision, utilities, chosen, floor, maxAlternatives } = await setUpConcession(
    compiled,
    options,
  );
  const space = compiled.space;
  const settledIssues = pkg.allowed.flatMap((a, i) => (a.length === 1 ? [i] : []));
  const reference = Int32Array.from(pkg.allowed, (a) => a[0]);
  const notes = [
    'an issue the package leaves open may take any option without counting as a change',
    'loss is measured against the utility the package guarantees each compared party (its minimum over completions)',
  ];
  const outsideWithin = settledIssues.filter((i) => !within.allowed[i].includes(reference[i]));
  if (outsideWithin.length > 0) {
    notes.push(
      `the package's options on ${outsideWithin.map((i) => space.issues[i].id).join(', ')} lie outside the search space, so those issues always count as changed`,
    );
  }
  const changesOf = (o: ArrayLike<number>) =>
    settledIssues.reduce((n, i) => n + (o[i] === reference[i] ? 0 : 1), 0);
  const shared = sharedColumns(compiled, within, options.shared, parties);
  const columns = shared?.columns;
  const acceptable = shared?.acceptable;
  // j is the outcome's index in the shared table when there is one (the walk visits it in table order).
  const lossOf = (o: ArrayLike<number>, j = -1) =>
    chosen.reduce(
      (sum, f, q) => sum + Math.max(0, floor[q] - (columns && j >= 0 ? columns[q][j] : utilityOf(f, o))),
      0,
    );
  const accepts = (o: Int32Array, j: number) =>
    acceptable ? acceptable[j] === 1 : acceptableToSignatories(compiled, utilities, o);
  const describe = (o: Int32Array): ChangeSet =>
    describeChange(compiled, parties, chosen, floor, settledIssues, reference, o);

  const base = {
    method: decision.method,
    methodReason: decision.reason,
    settled: settledIssues.map((i) => ({
      issue: space.issues[i].id,
      option: space.issues[i].optionIds[reference[i]],
    })),
    open: pkg.allowed.flatMap((a, i) => (a.length > 1 ? [space.issues[i].id] : [])),
    notes,
  };

  if (decision.method === 'enumerate') {
    // First pass: the fewest changes and the least loss; second pass: the ties (least loss tie-broken by changes).
    let fewest = Number.POSITIVE_INFINITY;
    let least = Number.POSITIVE_INFINITY;
    let j = -1;
    forEachCompletion(within, (o) => {
      j++;
      if (!accepts(o, j)) return;
      fewest = Math.min(fewest, changesOf(o));
      least = Math.min(least, lossOf(o, j));
    });
    if (fewest === Number.POSITIVE_INFINITY) return { ...base, possible: false };
    const fewestList: Int32Array[] = [];
    let fewestCount = 0;
    let leastChanges = Number.POSITIVE_INFINITY;
    let leastList: Int32Array[] = [];
    let leastCount = 0;
    j = -1;
    forEachCompletion(within, (o) => {
      j++;
      if (!accepts(o, j)) return;
      const changes = changesOf(o);
      if (changes === fewest) {
        fewestCount++;
        if (fewestList.length < maxAlternatives) fewestList.push(Int32Array.from(o));
      }
      if (lossOf(o, j) > least + tieTolerance(least)) return;
      if (changes < leastChanges) {
        leastChanges = changes;
        leastList = [];
        leastCount = 0;
      }
      if (changes === leastChanges) {
        leastCount++;
        if (leastList.length < maxAlternatives) leastList.push(Int32Array.from(o));
      }
    });
    return {
      ...base,
      possible: true,
      fewestChanges: {
        value: fewest,
        alternatives: fewestList.map(describe),
        count: fewestCount,
        complete: fewestCount <= maxAlternatives,
        proven: true,
      },
      leastLoss: {
        value: least,
        alternatives: leastList.map(describe),
        count: leastCount,
        complete: leastCount <= maxAlternatives,
        proven: true,
      },
    };
  }

  const solver = options.solver as MilpSolver;
  const encoding = new ScenarioEncoding(space, within);
  for (const c of zoneConstraints(compiled)) imposeConstraint(compiled, utilities, encoding, c);
  const accept = (o: Int32Array) => acceptableToSignatories(compiled, utilities, o);
  const changedExpr = combine(
    settledIssues.map((i): [number, LinearExpr] =>
      within.allowed[i].includes(reference[i])
        ? [1, encoding.changed(i, reference[i])]
        : [1, constantExpr(1)],
    ),
  );
  const search = (objective: LinearExpr, value: (o: Int32Array) => number) =>
    exactSearch(solver, encoding, {
      objective,
      accept,
      value,
      maxTies: maxAlternatives,
      timeLimitSeconds: options.timeLimitSeconds,
      clock: options.clock,
    });
  const answer = (result: ExactSearchResult, value: number): ConcessionAnswer => ({
    value,
    alternatives: result.ties.map((c) => describe(c.outcome)),
    count: result.tiesComplete ? result.ties.length : undefined,
    complete: result.tiesComplete,
    proven: result.proven,
  });
  const fewest = await search(combine([[-1, changedExpr]]), (o) => -changesOf(o));
  if (fewest.status === 'infeasible') return { ...base, possible: false };
  if (!fewest.best) {
    return {
      ...base,
      possible: true,
      notes: [...notes, 'the search stopped at its time limit before finding an answer'],
    };
  }

  // Least loss: l_q >= guaranteed_q − u_q, l_q >= 0; minimise Σ l, then the number of changes.
  const mark = encoding.mark();
  let least: ExactSearchResult;
  let leastValue: number;
  try {
    const lossVars = chosen.map((f, q) => {
      const l = encoding.builder.addVariable(`loss_${q}`, 0, Number.POSITIVE_INFINITY);
      encoding.builder.atLeast(
        `loss_${q}_def`,
        combine([
          [1, variableExpr(l)],
          [1, encoding.utility(f)],
        ]),
        floor[q],
      );
      return l;
    });
    const lossExpr = combine(lossVars.map((l): [number, LinearExpr] => [1, variableExpr(l)]));
    const first = await exactSearch(solver, encoding, {
      objective: combine([[-1, lossExpr]]),
      accept,
      value: (o) => -lossOf(o),
      findTies: false,
      timeLimitSeconds: options.timeLimitSeconds,
      clock: options.clock,
    });
    if (!first.best) {
      return {
        ...base,
        possible: true,
        fewestChanges: answer(fewest, -fewest.best.value),
        notes: [...notes, 'the least-loss search stopped at its time limit'],
      };
    }
    leastValue = -first.best.value;
    encoding.builder.atMost('least_loss', lossExpr, leastValue + tieTolerance(leastValue));
    least = await exactSearch(solver, encoding, {
      objective: combine([[-1, changedExpr]]),
      accept: (o) => accept(o) && lossOf(o) <= leastValue + tieTolerance(leastValue),
      value: (o) => -changesOf(o),
      maxTies: maxAlternatives,
      timeLimitSeconds: options.timeLimitSeconds,
      clock: options.clock,
    });
    least = { ...least, proven: least.proven && first.proven };
  } finally {
    encoding.rollback(mark);
  }
  return {
    ...base,
    possible: true,
    fewestChanges: answer(fewest, -fewest.best.value),
    leastLoss: answer(least, leastValue),
  };
}

function describeChange(
  compiled: CompiledScenario,
  parties: number[],
  chosen: UtilityFunction[],
  floor: number[],
  settledIssues: number[],
  reference: Int32Array,
  outcome: Int32Array,
): ChangeSet {
  const space = compiled.space;
  // The package completed with the same open choices: the baseline the changes are measured from.
  const baseline = Int32Array.from(outcome);
  for (const i of settledIssues) baseline[i] = reference[i];
  const changed = settledIssues.filter((i) => outcome[i] !== reference[i]);
  const names = parties.map((m) => compiled.models[m].party);
  const adjustments: AdjustmentEffect[] = [];
  chosen.forEach((f, q) => {
    for (const a of f.adjustments) {
      const before = holds(a.when, baseline);
      const after = holds(a.when, outcome);
      if (before !== after && a.delta !== 0) {
        adjustments.push({ party: names[q], adjustment: a.id, change: after ? a.delta : -a.delta });
      }
    }
  });
  return {
    outcome: outcomeView(space, outcome),
    changes: changed.map((i) => ({
      issue: space.issues[i].id,
      from: space.issues[i].optionIds[reference[i]],
      to: space.issues[i].optionIds[outcome[i]],
      perParty: chosen.map((f, q) => ({
        party: names[q],
        change: f.contribution[i][outcome[i]] - f.contribution[i][reference[i]],
      })),
    })),
    openChoices: space.issues.flatMap((issue, i) =>
      settledIssues.includes(i) ? [] : [{ issue: issue.id, option: issue.optionIds[outcome[i]] }],
    ),
    adjustments,
    parties: chosen.map((f, q) => {
      const u = utilityOf(f, outcome);
      return {
        party: names[q],
        name: compiled.models[parties[q]].name,
        utility: u,
        change: u - utilityOf(f, baseline),
        lossBelowGuarantee: Math.max(0, floor[q] - u),
      };
    }),
    totalLoss: chosen.reduce((sum, f, q) => sum + Math.max(0, floor[q] - utilityOf(f, outcome)), 0),
  };
}
