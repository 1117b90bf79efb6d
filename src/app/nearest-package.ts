import { type WhatWouldItTake, whatWouldItTake } from '../core/analysis/concessions/fewest-changes.js';
import {
  type ParetoImprovement,
  paretoImprovement,
} from '../core/analysis/concessions/pareto-improvement.js';
import type { Explanation } from '../core/analysis/explain/explain-empty-zone.js';
import { type BuilderTarget, checkTarget, outcomeText } from '../core/model/builder-input.js';
import { applyHypothesis, hypothesisDate } from '../core/model/hypothesis.js';
import type { Hypothesis } from '../schema/api/builder.js';
import type { Scenario } from '../schema/scenario.js';
import { analysisContext } from './analysis-context.js';
import { resolveTarget } from './evaluate.js';
import { explainStep } from './explain.js';
import { type ComputePorts, runStep } from './ports.js';

export interface NearestInput extends BuilderTarget {
  scenario: Scenario;
  at?: string;
  hypothesis?: Hypothesis;
  /** Budget of each exact search (MILP); the answers say whether they are proven. */
  timeLimitSeconds?: number;
}

export interface NearestPackage {
  target: string;
  at: string | null;
  hypothesis: Hypothesis | null;
  /** Fewest changes and least loss to make the target acceptable to every signatory ("what would it take"). */
  nearest: WhatWouldItTake;
  /** Outcomes that leave every signatory at least as well off as the target guarantees, someone better. */
  improvement: ParetoImprovement;
  /** When no outcome is acceptable to every signatory: the minimal sets of red lines and BATNAs in conflict. */
  whyNone?: Explanation;
}

/**
 * The builder's "nearest acceptable package" and "Pareto improvement" for any package, versions or partial
 * outcome (its open issues may take any option), optionally under a hypothesis. The concession analysis does
 * the work (enumeration or an exact MILP search, each answer saying whether it is proven); when nothing is
 * acceptable the explanation of the empty zone says why.
 */
export async function nearestPackage(input: NearestInput, ports: ComputePorts): Promise<NearestPackage> {
  const at = hypothesisDate(input.hypothesis, input.at);
  const scenario = applyHypothesis(input.scenario, input.hypothesis, at);
  const context = analysisContext({ scenario, at });
  checkTarget(scenario, context.compiled.space, input);
  const target = resolveTarget(context.compiled, { ...input, outcome: outcomeText(input.outcome) });
  const options = {
    package: target.subspace,
    solver: ports.solver,
    method: 'auto' as const,
    clock: ports.clock,
    timeLimitSeconds: input.timeLimitSeconds,
    shared: context.table,
  };
  const timings: Record<string, number> = {};
  const nearest = await runStep(ports, timings, 'nearest acceptable package', () =>
    whatWouldItTake(context.compiled, options),
  );
  const improvement = await runStep(ports, timings, 'pareto improvement', () =>
    paretoImprovement(context.compiled, options),
  );
  const whyNone = nearest.possible
    ? undefined
    : await runStep(ports, timings, 'why nothing is acceptable', () => explainStep(context, ports));
  return {
    target: target.description,
    at: context.compiled.at ?? null,
    hypothesis: input.hypothesis ?? null,
    nearest,
    improvement,
    ...(whyNone ? { whyNone } : {}),
  };
}
