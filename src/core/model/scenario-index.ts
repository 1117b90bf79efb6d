import type { Document, DocumentVersion, Issue, Party, Scenario } from '../../schema/scenario.js';

export interface IndexedDocument {
  document: Document;
  versionIds: string[];
  versions: Map<string, DocumentVersion>;
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

/** Version lookups of one document; with duplicate version ids the first definition wins. */
export function indexDocument(document: Document): IndexedDocument {
  const versions = new Map<string, DocumentVersion>();
  for (const version of document.versions) if (!versions.has(version.id)) versions.set(version.id, version);
  return { document, versionIds: [...versions.keys()], versions };
}

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const documents = new Map<string, IndexedDocument>();
  for (const document of scenario.documents) {
    if (!documents.has(document.id)) documents.set(document.id, indexDocument(document));
  }
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
