import type { Document, DocumentVersion, Package, Point } from '../../schema/scenario.js';
import { checkOptionRef } from './check-rules.js';
import type { Path, ProblemList } from './problem-list.js';
import { type IndexedDocument, indexDocument, type ScenarioIndex } from './scenario-index.js';

/** The document that defines a version id, other than `except` (to explain a cross-document link). */
function documentDefining(versionId: string, index: ScenarioIndex, except: string): string | undefined {
  for (const [id, doc] of index.documents) if (id !== except && doc.versions.has(versionId)) return id;
  return undefined;
}

function checkVersionId(
  versionId: string,
  document: IndexedDocument,
  path: Path,
  index: ScenarioIndex,
  problems: ProblemList,
): boolean {
  const elsewhere = documentDefining(versionId, index, document.document.id);
  const inDocument = `in document '${document.document.id}'`;
  return problems.requireKnown(versionId, document.versionIds, 'version', path, {
    extra: elsewhere
      ? `${inDocument} (document '${elsewhere}' has one, but links stay within a document)`
      : inDocument,
  });
}

/** Checks a "documentId:versionId" reference. */
export function checkVersionRef(ref: string, path: Path, index: ScenarioIndex, problems: ProblemList): void {
  const [documentId, versionId] = ref.split(':');
  if (!problems.requireKnown(documentId, index.documentIds, 'document', path, { extra: `in '${ref}'` }))
    return;
  const document = index.documents.get(documentId)!;
  problems.requireKnown(versionId, document.versionIds, 'version', path, {
    extra: `in document '${documentId}' (in '${ref}')`,
  });
}

function checkFromLink(
  link: string,
  path: Path,
  document: IndexedDocument,
  version: DocumentVersion,
  index: ScenarioIndex,
  problems: ProblemList,
): void {
  const match = /^([^#]+)#(\d+)$/.exec(link);
  if (!match) {
    problems.error(path, `'${link}' is not a point link`, {
      expected: '"versionId#number", e.g. "v1#3"',
    });
    return;
  }
  const [, versionId, numberText] = match;
  if (versionId === version.id) {
    problems.error(path, `point link '${link}' refers to its own version '${version.id}'`, {
      expected: 'a point of an earlier version of this document',
    });
    return;
  }
  if (!checkVersionId(versionId, document, path, index, problems)) return;
  const target = document.versions.get(versionId)!;
  const number = Number(numberText);
  if (!target.points.some((p) => p.number === number)) {
    const numbers = target.points.map((p) => p.number).join(', ');
    problems.error(path, `version '${versionId}' has no point ${number}`, {
      expected: `one of its point numbers: ${numbers}`,
    });
  }
}

function checkPoint(
  point: Point,
  path: Path,
  document: IndexedDocument,
  version: DocumentVersion,
  index: ScenarioIndex,
  problems: ProblemList,
): void {
  for (const [issueId, ref] of Object.entries(point.settles)) {
    const at = [...path, 'settles', issueId];
    if (problems.requireKnown(issueId, index.issueIds, 'issue', at, { at: 'key' })) {
      checkOptionRef(index.issues.get(issueId)!, ref, at, problems);
    }
  }
  point.touches.forEach((issueId, k) => {
    problems.requireKnown(issueId, index.issueIds, 'issue', [...path, 'touches', k]);
  });
  if (typeof point.from === 'string') {
    checkFromLink(point.from, [...path, 'from'], document, version, index, problems);
  } else if (point.from) {
    point.from.forEach((link, k) => {
      checkFromLink(link, [...path, 'from', k], document, version, index, problems);
    });
  }
  for (const partyId of Object.keys(point.status)) {
    problems.requireKnown(partyId, index.partyIds, 'party', [...path, 'status', partyId], { at: 'key' });
  }
  point.sources.forEach((id, k) => {
    problems.requireKnown(id, index.sourceIds, 'source', [...path, 'sources', k]);
  });
}

/** Reports each cycle of basedOn links once, as "a → b → a", at the link that closes it. */
function checkBasedOnCycles(document: Document, path: Path, problems: ProblemList): void {
  const versionIndex = new Map<string, number>();
  document.versions.forEach((v, k) => {
    if (!versionIndex.has(v.id)) versionIndex.set(v.id, k);
  });
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    const k = versionIndex.get(id)!;
    document.versions[k].basedOn.forEach((parent, j) => {
      if (!versionIndex.has(parent)) return;
      const parentState = state.get(parent);
      if (parentState === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(parent)), parent];
        const key = [...new Set(cycle)].sort().join('\u0000');
        if (reported.has(key)) return;
        reported.add(key);
        problems.error(
          [...path, 'versions', k, 'basedOn', j],
          cycle.length === 2
            ? `version '${id}' is based on itself`
            : `basedOn links form a cycle: ${cycle.join(' → ')}`,
          { expected: 'basedOn naming only earlier versions (no version may descend from itself)' },
        );
      } else if (parentState === undefined) {
        visit(parent);
      }
    });
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of versionIndex.keys()) if (!state.has(id)) visit(id);
}

function checkVersion(
  version: DocumentVersion,
  path: Path,
  document: IndexedDocument,
  index: ScenarioIndex,
  problems: ProblemList,
): void {
  version.proposedBy.forEach((id, k) => {
    problems.requireKnown(id, index.partyIds, 'party', [...path, 'proposedBy', k]);
  });
  version.basedOn.forEach((id, k) => {
    if (!checkVersionId(id, document, [...path, 'basedOn', k], index, problems)) return;
    const parent = document.versions.get(id)!;
    if (parent.id !== version.id && parent.date > version.date) {
      problems.warning(
        [...path, 'basedOn', k],
        `version '${version.id}' (${version.date}) is based on '${parent.id}', which is dated later (${parent.date})`,
      );
    }
  });
  version.sources.forEach((id, k) => {
    problems.requireKnown(id, index.sourceIds, 'source', [...path, 'sources', k]);
  });
  problems.requireUnique(version.points, 'point', [...path, 'points'], 'number', (p) => p.number);
  version.points.forEach((point, k) => {
    checkPoint(point, [...path, 'points', k], document, version, index, problems);
  });
}

/** Checks `documents[k]`: version ids, links between versions and points, and what points refer to. */
export function checkDocument(
  document: Document,
  path: Path,
  index: ScenarioIndex,
  problems: ProblemList,
): void {
  // With a duplicate document id, links inside the later document still resolve against its own versions.
  const own = indexDocument(document);
  problems.requireUniqueIds(document.versions, 'version', [...path, 'versions']);
  document.versions.forEach((version, k) => {
    checkVersion(version, [...path, 'versions', k], own, index, problems);
  });
  checkBasedOnCycles(document, path, problems);
}

export function checkPackage(pkg: Package, path: Path, index: ScenarioIndex, problems: ProblemList): void {
  pkg.proposedBy.forEach((id, k) => {
    problems.requireKnown(id, index.partyIds, 'party', [...path, 'proposedBy', k]);
  });
  const documentsSeen = new Map<string, number>();
  pkg.versions.forEach((ref, k) => {
    checkVersionRef(ref, [...path, 'versions', k], index, problems);
    const documentId = ref.split(':')[0];
    const earlier = documentsSeen.get(documentId);
    if (earlier === undefined) documentsSeen.set(documentId, k);
    else {
      problems.warning(
        [...path, 'versions', k],
        `package '${pkg.id}' names two versions of document '${documentId}' (${pkg.versions[earlier]} and ${ref}); where they settle an issue differently, the issue stays open`,
      );
    }
  });
}
