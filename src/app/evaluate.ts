import { type Evaluation, evaluateSubspace } from '../core/evaluate/evaluate.js';
import { type CompiledScenario, compileScenario } from '../core/model/compile.js';
import {
  parseVersionRef,
  type Resolution,
  resolvePackage,
  resolveVersions,
  subspaceFromAssignments,
} from '../core/model/resolve.js';
import { fullSubspace, type Subspace } from '../core/model/subspace.js';
import type { Scenario } from '../schema/scenario.js';

export interface EvaluateInput {
  scenario: Scenario;
  /** Date for dated BATNAs. */
  at?: string;
  /** A package id, or document versions ("doc:ver"); at most one of the two. */
  package?: string;
  versions?: string[];
  /** Issues pinned to options (refining a package or versions, or alone), and how the user wrote them. */
  outcome?: { assignments: Record<string, string>; text: string };
}

/** What is evaluated: the sub-space and, for a package or versions, which points settle what. */
export interface Target {
  description: string;
  subspace: Subspace;
  resolution?: Resolution;
  notes: string[];
}

export type EvaluationData = ReturnType<typeof evaluationData>;

/**
 * Utilities, red lines and verdicts of a package, document versions or an outcome, exactly over the issues it
 * leaves open. Throws ResolveError for an unknown package, version, issue or option.
 */
export async function evaluate(input: EvaluateInput): Promise<EvaluationData> {
  const compiled = compileScenario(input.scenario, { at: input.at });
  const target = resolveTarget(compiled, input);
  const evaluation = evaluateSubspace(compiled, target.subspace, target.resolution);
  return evaluationData(compiled, target, evaluation);
}

/** Turns a package, versions and pinned issues into the sub-space to evaluate; pins may refine the others. */
export function resolveTarget(compiled: CompiledScenario, input: Omit<EvaluateInput, 'scenario'>): Target {
  const { scenario, space } = compiled;
  const notes: string[] = [];
  let resolution: Resolution | undefined;
  let description = 'the whole outcome space';
  if (input.package) {
    resolution = resolvePackage(scenario, space, input.package);
    const pack = scenario.packages.find((p) => p.id === input.package);
    description = `package '${input.package}' (${pack?.versions.join(' + ')})`;
  } else if (input.versions && input.versions.length > 0) {
    const refs = input.versions.map(parseVersionRef);
    resolution = resolveVersions(scenario, space, refs);
    description = refs.map((r) => `${r.document}:${r.version}`).join(' + ');
  }
  let subspace = resolution ? resolution.subspace : fullSubspace(space);
  if (input.outcome !== undefined) {
    const { assignments, text } = input.outcome;
    const pinned = subspaceFromAssignments(space, assignments);
    if (resolution) {
      // Points no longer decide the issues the outcome pins.
      const base = resolution;
      resolution = {
        ...base,
        settledBy: base.settledBy.map((s, i) => (space.issues[i].id in assignments ? [] : s)),
        conflicts: base.conflicts.filter((c) => !(c.issue in assignments)),
      };
    }
    subspace = {
      allowed: subspace.allowed.map((a, i) => {
        if (!(space.issues[i].id in assignments)) return a;
        if (a.length === 1 && a[0] !== pinned.allowed[i][0]) {
          notes.push(`--outcome overrides what the text settles for '${space.issues[i].id}'`);
        }
        return pinned.allowed[i];
      }),
    };
    description = resolution ? `${description}, with ${text}` : `the outcome ${text}`;
  }
  return { description, subspace, resolution, notes };
}

function pointRef(p: { document: string; version: string; point: number }): string {
  return `${p.document}:${p.version}#${p.point}`;
}

/** The result of `evaluate` (the --json shape of `parley evaluate`, documented in docs/cli-json.md). */
export function evaluationData(compiled: CompiledScenario, target: Target, evaluation: Evaluation) {
  const { space } = compiled;
  const settled = space.issues.flatMap((issue, i) => {
    const allowed = target.subspace.allowed[i];
    if (allowed.length !== 1) return [];
    const by = target.resolution?.settledBy[i].map(pointRef) ?? [];
    return [{ issue: issue.id, option: issue.optionIds[allowed[0]], label: issue.labels[allowed[0]], by }];
  });
  return {
    target: target.description,
    at: evaluation.at ?? null,
    basis: "analysts' estimates, not facts",
    settled,
    open: space.issues.filter((_, i) => target.subspace.allowed[i].length > 1).map((i) => i.id),
    conflicts: (target.resolution?.conflicts ?? []).map((c) => ({
      issue: c.issue,
      settlements: c.settlements.map((s) => ({
        option: space.issues[s.issue].optionIds[s.option],
        by: pointRef(s),
      })),
    })),
    notes: target.notes,
    parties: evaluation.parties.map((p) => ({
      party: p.party,
      name: p.name,
      role: p.role,
      utility: p.utility,
      band: p.band,
      batna: { ...p.batna, at: p.batnaDate ?? null },
      redLines: p.redLines.map((r) => ({
        id: r.id,
        description: r.description,
        status: r.status,
        points: [...new Set(r.points.map(pointRef))],
        source: r.source,
      })),
      acceptable: p.acceptable,
      acceptableUnderUncertainty: p.acceptableUnderUncertainty,
      reasons: p.reasons,
    })),
    verdict: evaluation.verdict,
    verdictUnderUncertainty: evaluation.verdictUnderUncertainty,
    reasons: evaluation.reasons,
  };
}
