import { evaluateSubspace } from '../core/evaluate/evaluate.js';
import { type BuilderTarget, checkTarget, outcomeText } from '../core/model/builder-input.js';
import { compileScenario } from '../core/model/compile.js';
import {
  applyHypothesis,
  hypothesisDate,
  type PartyParameters,
  partyParameters,
} from '../core/model/hypothesis.js';
import type { Hypothesis } from '../schema/api/builder.js';
import type { Scenario } from '../schema/scenario.js';
import { type EvaluationData, evaluationData, resolveTarget } from './evaluate.js';

export interface WhatIfInput extends BuilderTarget {
  scenario: Scenario;
  at?: string;
  hypothesis?: Hypothesis;
}

export interface WhatIfResult {
  /** The evaluation of the target, under the hypothesis when there is one. */
  evaluation: EvaluationData;
  /** The hypothesis the evaluation assumed (null: the scenario as saved). Never saved. */
  hypothesis: Hypothesis | null;
  /** What each party's parameters may be set to (from the saved scenario, at the date). */
  parameters: PartyParameters[];
}

/**
 * The builder's evaluation: a package, versions or a (partial) outcome evaluated exactly, optionally under a
 * hypothesis. Throws BuilderInputError for an unknown id (with a suggestion) or a value outside its range.
 */
export async function whatIf(input: WhatIfInput): Promise<WhatIfResult> {
  const at = hypothesisDate(input.hypothesis, input.at);
  const saved = compileScenario(input.scenario, { at });
  checkTarget(input.scenario, saved.space, input);
  const scenario = applyHypothesis(input.scenario, input.hypothesis, at);
  const compiled = scenario === input.scenario ? saved : compileScenario(scenario, { at });
  const target = resolveTarget(compiled, { ...input, outcome: outcomeText(input.outcome) });
  const evaluation = evaluateSubspace(compiled, target.subspace, target.resolution);
  return {
    evaluation: evaluationData(compiled, target, evaluation),
    hypothesis: input.hypothesis ?? null,
    parameters: partyParameters(input.scenario, at),
  };
}
