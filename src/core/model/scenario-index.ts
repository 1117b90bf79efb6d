import type { Document, DocumentVersion, Issue, Party, Scenario } from '../../schema/scenario.js';

export interface IndexedDocument {
  document: Document;
  index: number;
  versionIds: string[];
  versions: Map<string, { version: DocumentVersion; index: number }>;
}

/** Lookup tables over a scenario's ids; with duplicate ids the first definition wins. */
export interface ScenarioIndex {
  partyIds: string[];
  parties: Map<string, Party>;
  issueIds: string[];
  issues: Map<string, Issue>;
  sourceIds: string[];
  documentIds: string[];
  documents: Map<string, IndexedDocument>;
}

function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const documents = new Map<string, IndexedDocument>();
  scenario.documents.forEach((document, index) => {
    if (documents.has(document.id)) return;
    const versions = new Map<string, { version: DocumentVersion; index: number }>();
    document.versions.forEach((version, k) => {
      if (!versions.has(version.id)) versions.set(version.id, { version, index: k });
    });
    documents.set(document.id, { document, index, versionIds: [...versions.keys()], versions });
  });
  const parties = firstById(scenario.parties);
  const issues = firstById(scenario.issues);
  return {
    partyIds: [...parties.keys()],
    parties,
    issueIds: [...issues.keys()],
    issues,
    sourceIds: [...firstById(scenario.sources).keys()],
    documentIds: [...documents.keys()],
    documents,
  };
}
