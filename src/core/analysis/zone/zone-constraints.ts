import { realiseUtility, type UtilityFunction, utilityOf } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { holds, ruleIssues } from '../../model/rule.js';
import { maxOf, minOf } from '../../statistics/extremes.js';
import type { ScenarioEncoding } from '../milp/encode-scenario.js';

/**
 * One condition a signatory puts on a deal: a single red line not crossed, or utility at least its BATNA.
 * The agreement zone is the set of complete outcomes that satisfy every signatory's conditions.
 */
export type ZoneConstraint =
  | {
      kind: 'red-line';
      /** Index into compiled.models. */
      model: number;
      /** Index into the model's red lines. */
      redLine: number;
      id: string;
      /** "Ukraine: no-cession" */
      label: string;
      description: string;
    }
  | { kind: 'batna'; model: number; batna: number; id: string; label: string; description: string };

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** Every signatory's red lines (one constraint each) and BATNA constraint (unless dropped), in signatory order. */
export function zoneConstraints(compiled: CompiledScenario): ZoneConstraint[] {
  const out: ZoneConstraint[] = [];
  for (const m of compiled.signatories) {
    const model = compiled.models[m];
    model.redLines.forEach((line, r) => {
      out.push({
        kind: 'red-line',
        model: m,
        redLine: r,
        id: `${model.party}:${line.id}`,
        label: `${model.name}: ${line.id}`,
        description: line.description,
      });
    });
    if (model.batnaDropped) continue;
    out.push({
      kind: 'batna',
      model: m,
      batna: model.batna.estimate,
      id: `${model.party}:batna`,
      label: `${model.name}: at least its BATNA (${fmt(model.batna.estimate)})`,
      description: `utility at least the BATNA ${fmt(model.batna.estimate)}`,
    });
  }
  return out;
}

/** Point-estimate utility functions for every model, in model order. */
export function estimateUtilities(compiled: CompiledScenario): UtilityFunction[] {
  return compiled.models.map((m) => realiseUtility(m, 'estimate'));
}

/** Exact test of one constraint at a complete outcome. */
export function satisfies(
  compiled: CompiledScenario,
  utilities: UtilityFunction[],
  constraint: ZoneConstraint,
  outcome: ArrayLike<number>,
): boolean {
  if (constraint.kind === 'red-line') {
    const line = compiled.models[constraint.model].redLines[constraint.redLine];
    return !holds(line.crossedWhen, outcome);
  }
  return utilityOf(utilities[constraint.model], outcome) >= constraint.batna;
}

/** Adds the constraint to a MILP encoding as a hard condition. */
export function imposeConstraint(
  compiled: CompiledScenario,
  utilities: UtilityFunction[],
  encoding: ScenarioEncoding,
  constraint: ZoneConstraint,
): void {
  if (constraint.kind === 'red-line') {
    const line = compiled.models[constraint.model].redLines[constraint.redLine];
    encoding.builder.atMost(`respect_${constraint.id}`, encoding.indicator(line.crossedWhen), 0);
  } else {
    encoding.builder.atLeast(
      `batna_${constraint.id}`,
      encoding.utility(utilities[constraint.model]),
      constraint.batna,
    );
  }
}

/** Issues a constraint is about: a red line's issues, or the issues that move the party's utility. */
export function constraintIssues(
  compiled: CompiledScenario,
  utilities: UtilityFunction[],
  constraint: ZoneConstraint,
): number[] {
  if (constraint.kind === 'red-line') {
    const line = compiled.models[constraint.model].redLines[constraint.redLine];
    return [...ruleIssues(line.crossedWhen)].sort((a, b) => a - b);
  }
  const u = utilities[constraint.model];
  const issues = new Set<number>();
  u.contribution.forEach((c, i) => {
    if (c.length > 0 && maxOf(c) > minOf(c)) issues.add(i);
  });
  for (const a of u.adjustments) if (a.delta !== 0) ruleIssues(a.when, issues);
  return [...issues].sort((a, b) => a - b);
}
