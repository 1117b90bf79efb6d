import type { Package, Scenario } from '../../schema/scenario.js';
import { formatVersionRef, parseRef, type VersionRef } from './document-index.js';
import { closestName, listOrNone, VersionError } from './version-error.js';

/** A package id from the scenario, or an ad-hoc set of versions. */
export type PackageSpec =
  | string
  | { id?: string; label?: string; date?: string; versions: Array<VersionRef | string> };

export interface PackageSummary {
  id?: string;
  label?: string;
  date?: string;
  /** "doc:ver" references. */
  versions: string[];
}

export function findPackage(packages: Package[], id: string): Package {
  const found = packages.find((p) => p.id === id);
  if (!found) {
    const known = packages.map((p) => p.id);
    throw new VersionError('unknown-package', `unknown package '${id}' (packages: ${listOrNone(known)})`, {
      ids: [id],
      suggestion: closestName(id, known),
    });
  }
  return found;
}

export function packageOf(
  scenario: Scenario,
  spec: PackageSpec,
): { summary: PackageSummary; refs: VersionRef[] } {
  if (typeof spec === 'string') {
    const pack = findPackage(scenario.packages, spec);
    const refs = pack.versions.map(parseRef);
    return {
      summary: { id: pack.id, label: pack.label, date: pack.date, versions: refs.map(formatVersionRef) },
      refs,
    };
  }
  const refs = spec.versions.map(parseRef);
  return {
    summary: { id: spec.id, label: spec.label, date: spec.date, versions: refs.map(formatVersionRef) },
    refs,
  };
}
