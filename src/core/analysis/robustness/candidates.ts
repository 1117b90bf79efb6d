import type { CompiledScenario } from '../../model/compile.js';
import {
  parseVersionRef,
  ResolveError,
  resolvePackage,
  resolveVersions,
  subspaceFromAssignments,
} from '../../model/resolve.js';
import { isComplete, type Subspace } from '../../model/subspace.js';

/** A package to test: a complete outcome or a sub-space whose open issues are still to be negotiated. */
export interface CandidatePackage {
  id: string;
  label?: string;
  subspace: Subspace;
}

/**
 * A package written as plain JSON, so that it can be sent to a worker thread:
 * - a package id of the scenario;
 * - a set of document versions ("documentId:versionId"), combined as a package would be;
 * - explicit choices (issue id -> option id or numeric value; issues not named stay open);
 * - the allowed option indices of every issue.
 */
export type PackageSpec =
  | string
  | { id: string; label?: string; versions: string[] }
  | { id: string; label?: string; assignments: Record<string, string | number> }
  | { id: string; label?: string; allowed: number[][] };

export function resolveCandidate(compiled: CompiledScenario, spec: PackageSpec): CandidatePackage {
  const { scenario, space } = compiled;
  if (typeof spec === 'string') {
    const pack = scenario.packages.find((p) => p.id === spec);
    return { id: spec, label: pack?.label, subspace: resolvePackage(scenario, space, spec).subspace };
  }
  if ('versions' in spec) {
    const resolution = resolveVersions(scenario, space, spec.versions.map(parseVersionRef));
    return { id: spec.id, label: spec.label, subspace: resolution.subspace };
  }
  if ('assignments' in spec) {
    return { id: spec.id, label: spec.label, subspace: subspaceFromAssignments(space, spec.assignments) };
  }
  return { id: spec.id, label: spec.label, subspace: checkedSubspace(compiled, spec.id, spec.allowed) };
}

function checkedSubspace(compiled: CompiledScenario, id: string, allowed: number[][]): Subspace {
  const { space } = compiled;
  if (allowed.length !== space.issues.length) {
    throw new ResolveError(
      `package '${id}' lists allowed options for ${allowed.length} issues; the scenario has ${space.issues.length}`,
    );
  }
  return {
    allowed: allowed.map((options, i) => {
      const issue = space.issues[i];
      if (options.length === 0)
        throw new ResolveError(`package '${id}' allows no option on issue '${issue.id}'`);
      for (const k of options) {
        if (!Number.isInteger(k) || k < 0 || k >= issue.optionIds.length) {
          throw new ResolveError(
            `package '${id}' allows option index ${k} on issue '${issue.id}', which has options 0..${issue.optionIds.length - 1}`,
          );
        }
      }
      return Int32Array.from(new Set(options)).sort();
    }),
  };
}

export function resolveCandidates(compiled: CompiledScenario, specs: PackageSpec[]): CandidatePackage[] {
  const candidates = specs.map((spec) => resolveCandidate(compiled, spec));
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.id)) throw new ResolveError(`two candidate packages share the id '${c.id}'`);
    seen.add(c.id);
  }
  return candidates;
}

/** The JSON form of a candidate (allowed option indices), for sending to a worker. */
export function toPackageSpec(candidate: CandidatePackage): PackageSpec {
  return {
    id: candidate.id,
    label: candidate.label,
    allowed: candidate.subspace.allowed.map((a) => Array.from(a)),
  };
}

export function isCompletePackage(candidate: CandidatePackage): boolean {
  return isComplete(candidate.subspace);
}
