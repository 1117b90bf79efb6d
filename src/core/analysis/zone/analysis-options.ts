import type { UtilityFunction } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { spaceSizeText } from '../../model/outcome-count.js';
import type { OutcomeSpace } from '../../model/outcome-space.js';
import { fullSubspace, type Subspace, subspaceSize } from '../../model/subspace.js';
import type { MilpSolver } from '../milp/solver.js';
import { estimateUtilities } from './zone-constraints.js';

export type MethodChoice = 'auto' | 'enumerate' | 'milp';
export type Method = 'enumerate' | 'milp';

/** Spaces up to this many complete outcomes are enumerated by 'auto'; larger ones go to the MILP. */
export const ENUMERATION_LIMIT = 2_000_000;

/** Bad analysis input (unknown party, missing solver, ...): the message says what to change. */
export class AnalysisError extends Error {}

export interface MethodDecision {
  method: Method;
  /** Why this method: for people reading a report. */
  reason: string;
}

const count = (n: number) => (n >= 1e6 ? n.toExponential(2) : String(n));

/** Largest space enumerated even on request: past it, checking every outcome takes hours or days. */
export const ENUMERATION_MAX = 1e9;

export function chooseMethod(
  subspace: Subspace,
  choice: MethodChoice = 'auto',
  solver: MilpSolver | undefined,
  limit = ENUMERATION_LIMIT,
): MethodDecision {
  const size = subspaceSize(subspace);
  const sizeText = size >= 1e6 ? spaceSizeText(subspace.allowed.map((a) => a.length)) : String(size);
  if (choice === 'enumerate') {
    if (!(size <= ENUMERATION_MAX)) {
      throw new AnalysisError(
        `the space has ${sizeText} outcomes, more than the ${count(ENUMERATION_MAX)} that enumeration checks in reasonable time (about a minute per billion); use the MILP (method 'milp' or 'auto')`,
      );
    }
    return { method: 'enumerate', reason: `enumeration requested (${sizeText} outcomes)` };
  }
  if (choice === 'milp') {
    if (!solver) throw new AnalysisError('the MILP method needs a solver');
    return { method: 'milp', reason: `MILP requested (${sizeText} outcomes)` };
  }
  if (size <= limit) {
    return {
      method: 'enumerate',
      reason: `${sizeText} outcomes <= ${count(limit)}: every outcome is checked exactly`,
    };
  }
  if (!solver) {
    throw new AnalysisError(
      `the space has ${sizeText} outcomes (more than ${count(limit)} to enumerate) and no MILP solver was given`,
    );
  }
  return { method: 'milp', reason: `${sizeText} outcomes > ${count(limit)}: solved as a MILP` };
}

/** Model indices of the named parties (default: the signatories). */
export function resolveParties(compiled: CompiledScenario, parties?: string[]): number[] {
  if (parties === undefined) return compiled.signatories.slice();
  return parties.map((id) => {
    const m = compiled.models.findIndex((model) => model.party === id);
    if (m >= 0) return m;
    const known = compiled.scenario.parties.some((p) => p.id === id);
    throw new AnalysisError(
      known
        ? `party '${id}' has no preferences, so it cannot take part in the analysis`
        : `unknown party '${id}' (parties with preferences: ${compiled.models.map((model) => model.party).join(', ')})`,
    );
  });
}

/** The choices every exact analysis (zone, concessions) takes. */
export interface AnalysisChoices {
  /** Parties compared (default: the signatories). */
  parties?: string[];
  solver?: MilpSolver;
  method?: MethodChoice;
  enumerationLimit?: number;
}

/** What an exact analysis starts from: the compared parties, the method, and point-estimate utilities. */
export interface AnalysisSetup {
  /** Model indices of the compared parties. */
  parties: number[];
  limit: number;
  decision: MethodDecision;
  utilities: UtilityFunction[];
}

/** Resolves the parties and the method for an analysis over `subspace` (already checked by `subspaceOrFull`). */
export function setUpAnalysis(
  compiled: CompiledScenario,
  subspace: Subspace,
  choices: AnalysisChoices,
): AnalysisSetup {
  const parties = resolveParties(compiled, choices.parties);
  const limit = choices.enumerationLimit ?? ENUMERATION_LIMIT;
  const decision = chooseMethod(subspace, choices.method, choices.solver, limit);
  return { parties, limit, decision, utilities: estimateUtilities(compiled) };
}

export function subspaceOrFull(compiled: CompiledScenario, subspace?: Subspace): Subspace {
  if (!subspace) return fullSubspace(compiled.space);
  if (subspace.allowed.length !== compiled.space.issues.length) {
    throw new AnalysisError(
      `the sub-space has ${subspace.allowed.length} issues but the scenario has ${compiled.space.issues.length}`,
    );
  }
  return subspace;
}

/** A complete outcome as option indices and as issue → option id. */
export interface OutcomeView {
  options: number[];
  assignment: Record<string, string>;
}

export function outcomeView(space: OutcomeSpace, outcome: ArrayLike<number>): OutcomeView {
  const options = Array.from(outcome);
  const assignment: Record<string, string> = {};
  space.issues.forEach((issue, i) => {
    assignment[issue.id] = issue.optionIds[options[i]];
  });
  return { options, assignment };
}
