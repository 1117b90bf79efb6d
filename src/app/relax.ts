import { bargainingSolutions } from '../core/analysis/bargaining/bargaining-solutions.js';
import type { BargainingResult } from '../core/analysis/bargaining/bargaining-types.js';
import { withoutZoneConstraints } from '../core/analysis/explain/drop-constraints.js';
import type { Explanation } from '../core/analysis/explain/explain-empty-zone.js';
import { bitsOf, minimalHittingSets, setOf } from '../core/analysis/explain/minimal-hitting-sets.js';
import { type AgreementZone, agreementZone } from '../core/analysis/zone/agreement-zone.js';
import { minOf } from '../core/statistics/extremes.js';
import { type AnalysisContext, analysisContext } from './analysis-context.js';
import type { AnalysisInput } from './analysis-input.js';
import { explainStep } from './explain.js';
import type { ComputePorts } from './ports.js';

export interface Relaxation {
  /** Constraint ids dropped ("party:red-line" or "party:batna"): one smallest set that opens the zone. */
  dropped: string[];
  labels: string[];
  /** Every smallest way to open the zone (minimal hitting sets of the conflicts), as label lists. */
  alternatives: string[][];
  zone: AgreementZone;
  bargaining: BargainingResult;
}

/** The smallest relaxation of a scenario whose zone is empty (undefined when the zone is not empty). */
export async function relax(input: AnalysisInput, ports: ComputePorts): Promise<Relaxation | undefined> {
  const context = analysisContext(input);
  const explanation = await explainStep(context, ports);
  return relaxStep(context, explanation, ports);
}

/**
 * When the zone is empty, the smallest sets of constraints whose removal opens it are the minimal hitting sets
 * of the conflicts (each conflict must lose one member). The first smallest one is analysed as a hypothesis.
 */
export async function relaxStep(
  context: AnalysisContext,
  explanation: Explanation,
  ports: ComputePorts,
): Promise<Relaxation | undefined> {
  const { input } = context;
  if (!explanation.complete || explanation.subsets.length === 0) return undefined;
  const hitting = minimalHittingSetsOf(explanation.subsets.map((s) => s.constraints));
  if (hitting.length === 0) return undefined;
  const smallest = minOf(hitting.map((h) => h.length));
  const alternatives = hitting.filter((h) => h.length === smallest);
  const dropped = alternatives[0];
  const label = (id: string) => explanation.constraints.find((c) => c.id === id)?.label ?? id;
  // A dropped constraint is absent, not loosened to an extreme value (see drop-constraints).
  const relaxed = withoutZoneConstraints(context.compiled, dropped);
  const method = input.method ?? 'auto';
  const choices = { solver: ports.solver, method, parties: input.parties, clock: ports.clock };
  const zone = await agreementZone(relaxed, choices);
  const bargaining = await bargainingSolutions(relaxed, choices);
  return {
    dropped,
    labels: dropped.map(label),
    alternatives: alternatives.map((a) => a.map(label)),
    zone,
    bargaining,
  };
}

/** All minimal sets of ids that meet every given set of ids. */
export function minimalHittingSetsOf(family: string[][]): string[][] {
  const universe = [...new Set(family.flat())].sort();
  const sets = family.map((set) => setOf(set.map((id) => universe.indexOf(id))));
  return minimalHittingSets(sets).map((h) => bitsOf(h).map((i) => universe[i]));
}
