import type { Scenario, UncertainNumber } from '../../schema/scenario.js';
import { checkDocument, checkPackage, checkVersionRef } from './check-documents.js';
import { checkForecastSection } from './check-forecast-section.js';
import { checkPreferences } from './check-preferences.js';
import { checkOptionRef, formatNumber } from './check-rules.js';
import { own } from './own-key.js';
import type { Problem } from './problem.js';
import { type Path, ProblemList } from './problem-list.js';
import { indexScenario, type ScenarioIndex } from './scenario-index.js';

function checkCapability(capability: UncertainNumber, path: Path, problems: ProblemList): void {
  const numbers: Array<[number, Path]> =
    typeof capability === 'number'
      ? [[capability, path]]
      : [
          [capability.estimate, [...path, 'estimate']],
          [capability.low, [...path, 'low']],
          [capability.high, [...path, 'high']],
        ];
  for (const [x, at] of numbers) {
    if (x < 0 || x > 1) {
      problems.error(at, `capability ${formatNumber(x)} is outside 0..1`, {
        expected: 'a number from 0 to 1',
      });
    }
  }
}

function checkUniqueness(scenario: Scenario, problems: ProblemList): void {
  problems.requireUniqueIds(scenario.sources, 'source', ['sources']);
  problems.requireUniqueIds(scenario.parties, 'party', ['parties']);
  problems.requireUniqueIds(scenario.issues, 'issue', ['issues']);
  scenario.issues.forEach((issue, k) => {
    problems.requireUniqueIds(issue.options ?? [], 'option', ['issues', k, 'options']);
  });
  problems.requireUniqueIds(scenario.documents, 'document', ['documents']);
  problems.requireUniqueIds(scenario.packages, 'package', ['packages']);
  problems.requireUniqueIds(scenario.events, 'event', ['events']);
}

function checkPreferenceCoverage(scenario: Scenario, problems: ProblemList): void {
  const firstBlock = new Map<string, number>();
  scenario.preferences.forEach((preferences, k) => {
    const earlier = firstBlock.get(preferences.party);
    if (earlier === undefined) firstBlock.set(preferences.party, k);
    else {
      problems.error(
        ['preferences', k, 'party'],
        `party '${preferences.party}' already has preferences (preferences[${earlier}]); give one block per party`,
        { expected: 'a party without a preferences block' },
      );
    }
  });
  scenario.parties.forEach((party, k) => {
    if (party.role === 'signatory' && !firstBlock.has(party.id)) {
      problems.warning(
        ['parties', k],
        `signatory '${party.id}' has no preferences; analyses that need every signatory's utility will leave it out`,
      );
    }
  });
  if (scenario.preferences.length === 0) return;
  scenario.issues.forEach((issue, k) => {
    const weighted = scenario.preferences.some((p) => {
      const w = own(p.weights, issue.id);
      return w !== undefined && (typeof w === 'number' ? w > 0 : w.estimate > 0 || w.high > 0);
    });
    if (!weighted) {
      problems.warning(
        ['issues', k],
        `no party gives issue '${issue.id}' a weight, so it affects no utility`,
      );
    }
  });
}

function checkEventsAndPositions(scenario: Scenario, index: ScenarioIndex, problems: ProblemList): void {
  scenario.events.forEach((event, k) => {
    const path = ['events', k];
    event.parties.forEach((id, j) => {
      problems.requireKnown(id, index.partyIds, 'party', [...path, 'parties', j]);
    });
    event.documents.forEach((id, j) => {
      problems.requireKnown(id, index.documentIds, 'document', [...path, 'documents', j]);
    });
    event.versions.forEach((ref, j) => {
      checkVersionRef(ref, [...path, 'versions', j], index, problems);
    });
    event.sources.forEach((id, j) => {
      problems.requireKnown(id, index.sourceIds, 'source', [...path, 'sources', j]);
    });
  });
  scenario.positions.forEach((position, k) => {
    const path = ['positions', k];
    problems.requireKnown(position.party, index.partyIds, 'party', [...path, 'party']);
    if (problems.requireKnown(position.issue, index.issueIds, 'issue', [...path, 'issue'])) {
      checkOptionRef(index.issues.get(position.issue)!, position.option, [...path, 'option'], problems);
    }
    position.sources.forEach((id, j) => {
      problems.requireKnown(id, index.sourceIds, 'source', [...path, 'sources', j]);
    });
  });
}

/**
 * Checks what the schema alone cannot: unique ids, references that must resolve (with a
 * "did you mean" suggestion for near misses), option values on the utility scale, numeric
 * grids, version links without cycles, and warnings for likely mistakes. The scenario must
 * already satisfy the schema. Problems come in document order of the checks, not sorted.
 */
export function checkReferences(scenario: Scenario): Problem[] {
  const problems = new ProblemList();
  const index = indexScenario(scenario);
  checkUniqueness(scenario, problems);
  scenario.parties.forEach((party, k) => {
    if (party.capability !== undefined)
      checkCapability(party.capability, ['parties', k, 'capability'], problems);
  });
  scenario.documents.forEach((document, k) => {
    checkDocument(document, ['documents', k], index, problems);
  });
  scenario.packages.forEach((pkg, k) => {
    checkPackage(pkg, ['packages', k], index, problems);
  });
  scenario.preferences.forEach((preferences, k) => {
    checkPreferences(preferences, ['preferences', k], index, problems);
  });
  checkPreferenceCoverage(scenario, problems);
  checkEventsAndPositions(scenario, index, problems);
  checkForecastSection(scenario, index, problems);
  return problems.problems;
}
