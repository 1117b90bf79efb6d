import type { Scenario } from '../../schema/scenario.js';
import { type OutcomeSpace, optionIndex } from './outcome-space.js';
import { fullSubspace, type Subspace } from './subspace.js';

export interface VersionRef {
  document: string;
  version: string;
}

export interface Settlement {
  issue: number;
  option: number;
  document: string;
  version: string;
  point: number;
}

export interface Conflict {
  issue: string;
  settlements: Settlement[];
}

/** What a set of document versions (or a package of them) settles: a sub-space plus its provenance. */
export interface Resolution {
  versions: VersionRef[];
  subspace: Subspace;
  /** settledBy[issue] lists every point that settles the issue (more than one option means a conflict). */
  settledBy: Settlement[][];
  conflicts: Conflict[];
}

export class ResolveError extends Error {}

export function parseVersionRef(text: string): VersionRef {
  const [document, version, ...rest] = text.split(':');
  if (!document || !version || rest.length > 0) {
    throw new ResolveError(`'${text}' is not a version reference; expected "documentId:versionId"`);
  }
  return { document, version };
}

/**
 * Combines what the versions' points settle. Two points settling one issue the same way reinforce each other;
 * settling it differently is a conflict, and the issue stays open between the conflicting options
 * (never silently overwritten).
 */
export function resolveVersions(scenario: Scenario, space: OutcomeSpace, refs: VersionRef[]): Resolution {
  const settledBy: Settlement[][] = space.issues.map(() => []);
  for (const ref of refs) {
    const document = scenario.documents.find((d) => d.id === ref.document);
    if (!document) throw new ResolveError(`unknown document '${ref.document}'`);
    const version = document.versions.find((v) => v.id === ref.version);
    if (!version) {
      const known = document.versions.map((v) => v.id).join(', ');
      throw new ResolveError(
        `document '${ref.document}' has no version '${ref.version}' (versions: ${known})`,
      );
    }
    for (const point of version.points) {
      for (const [issueId, optionRef] of Object.entries(point.settles ?? {})) {
        const issue = space.issues.findIndex((i) => i.id === issueId);
        if (issue < 0)
          throw new ResolveError(
            `point ${point.number} of ${ref.document}:${ref.version} settles unknown issue '${issueId}'`,
          );
        const option = optionIndex(space.issues[issue], optionRef);
        if (option < 0) {
          throw new ResolveError(
            `point ${point.number} of ${ref.document}:${ref.version} settles '${issueId}' with unknown option '${optionRef}'`,
          );
        }
        settledBy[issue].push({
          issue,
          option,
          document: ref.document,
          version: ref.version,
          point: point.number,
        });
      }
    }
  }
  const subspace = fullSubspace(space);
  const conflicts: Conflict[] = [];
  settledBy.forEach((settlements, issue) => {
    if (settlements.length === 0) return;
    const options = [...new Set(settlements.map((s) => s.option))].sort((p, q) => p - q);
    subspace.allowed[issue] = Int32Array.from(options);
    if (options.length > 1) conflicts.push({ issue: space.issues[issue].id, settlements });
  });
  return { versions: refs, subspace, settledBy, conflicts };
}

export function resolvePackage(scenario: Scenario, space: OutcomeSpace, packageId: string): Resolution {
  const pack = scenario.packages.find((p) => p.id === packageId);
  if (!pack) {
    const known = scenario.packages.map((p) => p.id).join(', ') || 'none';
    throw new ResolveError(`unknown package '${packageId}' (packages: ${known})`);
  }
  return resolveVersions(scenario, space, pack.versions.map(parseVersionRef));
}

/** A sub-space from explicit "issue = option" choices; issues not named stay open. */
export function subspaceFromAssignments(
  space: OutcomeSpace,
  assignments: Record<string, string | number>,
): Subspace {
  const subspace = fullSubspace(space);
  for (const [issueId, ref] of Object.entries(assignments)) {
    const issue = space.issues.findIndex((i) => i.id === issueId);
    if (issue < 0) throw new ResolveError(`unknown issue '${issueId}'`);
    const option = optionIndex(space.issues[issue], ref);
    if (option < 0) {
      const known = space.issues[issue].optionIds.join(', ');
      throw new ResolveError(`issue '${issueId}' has no option '${ref}' (options: ${known})`);
    }
    subspace.allowed[issue] = Int32Array.of(option);
  }
  return subspace;
}
