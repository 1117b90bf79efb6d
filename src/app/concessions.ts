import { type WhatWouldItTake, whatWouldItTake } from '../core/analysis/concessions/fewest-changes.js';
import {
  type ParetoImprovement,
  paretoImprovement,
} from '../core/analysis/concessions/pareto-improvement.js';
import { parseVersionRef, type Resolution, resolvePackage, resolveVersions } from '../core/model/resolve.js';
import { type AnalysisContext, analysisContext } from './analysis-context.js';
import type { AnalysisInput } from './analysis-input.js';
import { type ComputePorts, runStep } from './ports.js';

export interface ConcessionsInput extends AnalysisInput {
  /** The package to improve on. */
  package?: string;
  /** Or document versions, as "doc:ver". */
  versions?: string[];
}

export interface Concessions {
  target: string;
  improvement: ParetoImprovement;
  whatWouldItTake: WhatWouldItTake;
}

/** Pareto improvements on a package and the fewest changes that make it acceptable to every signatory. */
export async function concessions(
  input: ConcessionsInput,
  ports: ComputePorts,
): Promise<Concessions | undefined> {
  return concessionsStep(analysisContext(input), input, ports, {});
}

function focusResolution(
  context: AnalysisContext,
  input: ConcessionsInput,
): { target: string; resolution: Resolution } | undefined {
  const { scenario, space } = context.compiled;
  if (input.package) {
    return {
      target: `package '${input.package}'`,
      resolution: resolvePackage(scenario, space, input.package),
    };
  }
  if (input.versions && input.versions.length > 0) {
    const refs = input.versions.map(parseVersionRef);
    return { target: input.versions.join(' + '), resolution: resolveVersions(scenario, space, refs) };
  }
  return undefined;
}

/** The concession analyses as steps of a larger run (undefined without a focus package or versions). */
export async function concessionsStep(
  context: AnalysisContext,
  input: ConcessionsInput,
  ports: ComputePorts,
  timings: Record<string, number>,
): Promise<Concessions | undefined> {
  const chosen = focusResolution(context, input);
  if (!chosen) return undefined;
  const options = {
    package: chosen.resolution.subspace,
    solver: ports.solver,
    method: input.method ?? 'auto',
    parties: input.parties,
    clock: ports.clock,
    shared: context.table,
  };
  const improvement = await runStep(ports, timings, 'pareto improvements', () =>
    paretoImprovement(context.compiled, options),
  );
  const needed = await runStep(ports, timings, 'what would it take', () =>
    whatWouldItTake(context.compiled, options),
  );
  return { target: chosen.target, improvement, whatWouldItTake: needed };
}
