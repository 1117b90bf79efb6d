import { utilityOf } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { spaceSizeText } from '../../model/outcome-count.js';
import { decodeOutcome } from '../../model/outcome-space.js';
import { type Subspace, subspaceSize } from '../../model/subspace.js';
import type { Clock } from '../../ports.js';
import { acceptableToSignatories, enumerateZone } from '../enumerate-zone.js';
import { ScenarioEncoding } from '../milp/encode-scenario.js';
import { exactSearch } from '../milp/exact-search.js';
import { constantExpr } from '../milp/milp-problem.js';
import type { MilpSolver } from '../milp/solver.js';
import type { SharedScenarioTable } from '../scenario-table.js';
import {
  type Method,
  type MethodChoice,
  type OutcomeView,
  outcomeView,
  setUpAnalysis,
  subspaceOrFull,
} from './analysis-options.js';
import { imposeConstraint, zoneConstraints } from './zone-constraints.js';

export interface AgreementZoneOptions {
  /** Restrict to a sub-space (e.g. a package's open issues); default: the whole space. */
  subspace?: Subspace;
  /** Parties to report best outcomes for (default: the signatories). */
  parties?: string[];
  solver?: MilpSolver;
  method?: MethodChoice;
  /** Largest space 'auto' enumerates (default 2e6). */
  enumerationLimit?: number;
  /** Wall-clock budget per MILP search. */
  timeLimitSeconds?: number;
  /** Clock for the time limit (default: none needed without a time limit). */
  clock?: Clock;
  /** The run's one enumeration of the whole space (see SharedScenarioTable); read instead of enumerating again. */
  shared?: SharedScenarioTable;
}

export interface BestForParty {
  party: string;
  name: string;
  utility: number;
  batna: number;
  outcome: OutcomeView;
  /** Optimality proven (always for enumeration; for the MILP, unless a time limit stopped it). */
  proven: boolean;
}

export interface AgreementZone {
  method: Method;
  methodReason: string;
  /** Outcomes in the (sub-)space examined. */
  spaceSize: number;
  /** True when no complete outcome is acceptable to every signatory. */
  empty: boolean;
  /** Whether `empty` is proven (false only when a MILP search was stopped by its time limit). */
  emptinessProven: boolean;
  /** Exact number of outcomes in the zone, when it was counted by enumeration. */
  size?: number;
  sizeNote: string;
  /** Per selected party, an outcome of the zone that is best for it (empty when the zone is empty). */
  bestFor: BestForParty[];
}

/**
 * The agreement zone Z: the complete outcomes of the (sub-)space acceptable to every signatory, i.e. crossing
 * no signatory's red line and giving every signatory at least its BATNA (point estimates).
 */
export async function agreementZone(
  compiled: CompiledScenario,
  options: AgreementZoneOptions = {},
): Promise<AgreementZone> {
  const subspace = subspaceOrFull(compiled, options.subspace);
  const { parties, limit, decision, utilities } = setUpAnalysis(compiled, subspace, options);
  const spaceSize = subspaceSize(subspace);

  if (decision.method === 'enumerate') {
    const table = enumerateZone(compiled, { subspace, parties, utilities, shared: options.shared?.get() });
    const bestFor = parties.map((m, q): BestForParty | undefined => {
      let bestJ = -1;
      for (let j = 0; j < table.count; j++) {
        if (
          bestJ < 0 ||
          table.utilities[j * parties.length + q] > table.utilities[bestJ * parties.length + q]
        ) {
          bestJ = j;
        }
      }
      if (bestJ < 0) return undefined;
      const model = compiled.models[m];
      return {
        party: model.party,
        name: model.name,
        utility: table.utilities[bestJ * parties.length + q],
        batna: utilities[m].batna,
        outcome: outcomeView(compiled.space, decodeOutcome(compiled.space, table.codes[bestJ])),
        proven: true,
      };
    });
    return {
      method: 'enumerate',
      methodReason: decision.reason,
      spaceSize,
      empty: table.count === 0,
      emptinessProven: true,
      size: table.count,
      sizeNote: `exact count: ${table.count} of ${spaceSize} outcomes are acceptable to every signatory`,
      bestFor: bestFor.filter((b): b is BestForParty => b !== undefined),
    };
  }

  const solver = options.solver as MilpSolver;
  const encoding = new ScenarioEncoding(compiled.space, subspace);
  for (const c of zoneConstraints(compiled)) imposeConstraint(compiled, utilities, encoding, c);
  const accept = (o: Int32Array) => acceptableToSignatories(compiled, utilities, o);
  const bestFor: BestForParty[] = [];
  let empty = false;
  let emptinessProven = true;
  for (const m of parties) {
    const result = await exactSearch(solver, encoding, {
      objective: encoding.utility(utilities[m]),
      accept,
      value: (o) => utilityOf(utilities[m], o),
      findTies: false,
      timeLimitSeconds: options.timeLimitSeconds,
      clock: options.clock,
    });
    if (result.status === 'infeasible') {
      empty = true;
      break;
    }
    if (!result.best) {
      emptinessProven = false;
      continue;
    }
    const model = compiled.models[m];
    bestFor.push({
      party: model.party,
      name: model.name,
      utility: result.best.value,
      batna: utilities[m].batna,
      outcome: outcomeView(compiled.space, result.best.outcome),
      proven: result.proven,
    });
  }
  if (parties.length === 0) {
    const probe = await exactSearch(solver, encoding, {
      objective: constantExpr(0),
      accept,
      value: () => 0,
      findTies: false,
      timeLimitSeconds: options.timeLimitSeconds,
      clock: options.clock,
    });
    empty = probe.status === 'infeasible';
    emptinessProven = probe.status !== 'stopped';
  }
  if (bestFor.length > 0) emptinessProven = true;
  const countable = spaceSize <= limit;
  const size = countable
    ? enumerateZone(compiled, { subspace, parties: [], utilities, shared: options.shared?.get() }).count
    : undefined;
  return {
    method: 'milp',
    methodReason: decision.reason,
    spaceSize,
    empty,
    emptinessProven,
    size,
    sizeNote:
      size !== undefined
        ? `exact count by enumeration: ${size} of ${spaceSize} outcomes`
        : `count unknown: the MILP decides only whether the zone is empty (the space has ${spaceSizeText(subspace.allowed.map((a) => a.length))} outcomes, too many to count)`,
    bestFor: empty ? [] : bestFor,
  };
}
