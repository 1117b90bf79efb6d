import type { Package, Scenario } from '../../schema/scenario.js';
import { closestId } from '../model/closest-id.js';
import { formatVersionRef, parseRef, type VersionRef } from './document-index.js';
import { listOrNone, VersionError } from './version-error.js';

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
      suggestion: closestId(id, known),
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
    const position = scenario.packages.indexOf(pack);
    const refs = pack.versions.map((text, k) =>
      checkedRef(scenario, text, `packages[${position}].versions[${k}]`),
    );
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

/** A package's version reference, checked against the scenario so that a bad one is reported where it is written. */
function checkedRef(scenario: Scenario, text: string, path: string): VersionRef {
  const ref = parseRef(text);
  const document = scenario.documents.find((d) => d.id === ref.document);
  if (!document) {
    const known = scenario.documents.map((d) => d.id);
    throw new VersionError(
      'unknown-document',
      `'${text}' names unknown document '${ref.document}' (documents: ${listOrNone(known)})`,
      {
        ids: [ref.document],
        path,
        suggestion: closestId(ref.document, known),
      },
    );
  }
  if (!document.versions.some((v) => v.id === ref.version)) {
    const known = document.versions.map((v) => v.id);
    throw new VersionError(
      'unknown-version',
      `'${text}' names version '${ref.version}', which document '${ref.document}' does not have (versions: ${listOrNone(known)})`,
      { ids: [ref.document, ref.version], path, suggestion: closestId(ref.version, known) },
    );
  }
  return ref;
}
