import type { Scenario } from '../../schema/scenario.js';
import type { Problem } from '../model/problem.js';
import { indexDocument } from './document-index.js';
import { VersionError } from './version-error.js';

/** "documents[0].versions[2].points[1].from" → ['documents', 0, 'versions', 2, 'points', 1, 'from']. */
function pathParts(path: string): (string | number)[] {
  return path
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}

/**
 * Indexes every document as `diff` and `timeline` do, so that whatever they would refuse (a cycle through
 * `from:` links, a link to a missing point) is a validation error at its field instead.
 */
export function checkVersionLinks(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  scenario.documents.forEach((document, d) => {
    try {
      indexDocument(scenario, document.id);
    } catch (error) {
      if (!(error instanceof VersionError)) throw error;
      const cycleStart = document.versions.findIndex((v) => v.id === error.ids[1]);
      const path = error.path
        ? pathParts(error.path)
        : cycleStart >= 0
          ? ['documents', d, 'versions', cycleStart]
          : ['documents', d];
      const message = error.path ? error.message.replace(` (at ${error.path})`, '') : error.message;
      problems.push({ path, message, severity: 'error', suggestion: error.suggestion });
    }
  });
  return problems;
}
