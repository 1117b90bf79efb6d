import { type Explanation, explainEmptyZone } from '../core/analysis/explain/explain-empty-zone.js';
import { type AnalysisContext, analysisContext } from './analysis-context.js';
import type { AnalysisInput } from './analysis-input.js';
import type { ComputePorts } from './ports.js';

/** Why the agreement zone is empty: every minimal set of constraints that no outcome satisfies together. */
export function explain(input: AnalysisInput, ports: ComputePorts): Promise<Explanation> {
  return explainStep(analysisContext(input), ports);
}

/** The explanation as a step of a larger run, on its shared context. */
export function explainStep(context: AnalysisContext, ports: ComputePorts): Promise<Explanation> {
  return explainEmptyZone(context.compiled, {
    solver: ports.solver,
    method: context.input.method ?? 'auto',
    clock: ports.clock,
  });
}
