import type { PointStatus, Scenario } from '../../schema/scenario.js';
import { own } from '../model/own-key.js';
import {
  DocumentIndexCache,
  formatVersionRef,
  type IndexedPoint,
  type VersionRef,
} from './document-index.js';
import type { PointRef } from './impact.js';
import { MatchContext, type MatchOptions, matchWithContext } from './match-points.js';
import { type PackageSpec, type PackageSummary, packageOf } from './package-spec.js';

export interface PointAgreement {
  point: PointRef;
  title: string;
  /** Status of every signatory and of every other party the point lists ("open" when not listed). */
  status: Record<string, PointStatus>;
  agreedByAll: boolean;
  /** Signatories that have not agreed, with where they stand. */
  notAgreedBy: Array<{ party: string; status: PointStatus }>;
}

export interface PartyAgreementCount {
  party: string;
  agreed: number;
  bracketed: number;
  open: number;
  rejected: number;
  /** Share of the points this party has agreed. */
  share: number;
}

export interface AgreementSummary {
  signatories: string[];
  /** Every point agreed by every signatory (and there is at least one signatory and one point). */
  agreed: boolean;
  totalPoints: number;
  /** Points every signatory has agreed. */
  agreedPoints: number;
  /** agreedPoints / totalPoints. */
  share: number;
  /** Points not yet agreed by every signatory, with by whom, in document order. */
  pending: PointAgreement[];
  byParty: PartyAgreementCount[];
  notes: string[];
}

export interface VersionAgreement extends AgreementSummary {
  ref: string;
  label: string;
  date: string;
  points: PointAgreement[];
}

export interface PackageAgreement extends AgreementSummary {
  package: PackageSummary;
  versions: Array<{ ref: string; totalPoints: number; agreedPoints: number; share: number }>;
}

export function signatoriesOf(scenario: Scenario): string[] {
  return scenario.parties.filter((p) => p.role === 'signatory').map((p) => p.id);
}

function agreementOf(p: IndexedPoint, signatories: string[]): PointAgreement {
  const listed = p.point.status ?? {};
  const status: Record<string, PointStatus> = Object.create(null);
  for (const party of signatories) status[party] = own(listed, party) ?? 'open';
  for (const [party, s] of Object.entries(listed)) status[party] = s;
  const notAgreedBy = signatories
    .filter((s) => status[s] !== 'agreed')
    .map((party) => ({ party, status: status[party] }));
  return {
    point: { document: p.document, version: p.version, number: p.number },
    title: p.point.title,
    status,
    agreedByAll: signatories.length > 0 && notAgreedBy.length === 0,
    notAgreedBy,
  };
}

function summarise(points: PointAgreement[], signatories: string[]): AgreementSummary {
  const agreedPoints = points.filter((p) => p.agreedByAll).length;
  const notes: string[] = [];
  if (signatories.length === 0) notes.push('no party is a signatory, so nothing can be agreed');
  return {
    signatories,
    agreed: signatories.length > 0 && points.length > 0 && agreedPoints === points.length,
    totalPoints: points.length,
    agreedPoints,
    share: points.length === 0 ? 0 : agreedPoints / points.length,
    pending: points.filter((p) => !p.agreedByAll),
    byParty: signatories.map((party) => {
      const count = { agreed: 0, bracketed: 0, open: 0, rejected: 0 };
      for (const p of points) count[p.status[party]]++;
      return { party, ...count, share: points.length === 0 ? 0 : count.agreed / points.length };
    }),
    notes,
  };
}

/** Where every point of one version stands with every signatory. */
export function versionAgreement(scenario: Scenario, ref: VersionRef | string): VersionAgreement {
  const { version, ref: parsed } = new DocumentIndexCache(scenario).version(ref);
  const signatories = signatoriesOf(scenario);
  const points = version.points.map((p) => agreementOf(p, signatories));
  return {
    ref: formatVersionRef(parsed),
    label: version.version.label,
    date: version.version.date,
    points,
    ...summarise(points, signatories),
  };
}

/**
 * "Nothing is agreed until everything is agreed": a package is agreed only when every point of every version in
 * it is agreed by every signatory. Reports how far the package is from that.
 */
export function packageAgreement(scenario: Scenario, spec: PackageSpec): PackageAgreement {
  const indexes = new DocumentIndexCache(scenario);
  const { summary, refs } = packageOf(scenario, spec);
  const signatories = signatoriesOf(scenario);
  const all: PointAgreement[] = [];
  const versions = refs.map((ref) => {
    const points = indexes.version(ref).version.points.map((p) => agreementOf(p, signatories));
    for (const point of points) all.push(point);
    const agreedPoints = points.filter((p) => p.agreedByAll).length;
    return {
      ref: formatVersionRef(ref),
      totalPoints: points.length,
      agreedPoints,
      share: points.length === 0 ? 0 : agreedPoints / points.length,
    };
  });
  return { package: summary, versions, ...summarise(all, signatories) };
}

export function allPackageAgreements(scenario: Scenario): PackageAgreement[] {
  return scenario.packages.map((p) => packageAgreement(scenario, p.id));
}

export interface StatusChange {
  document: string;
  version: string;
  date: string;
  point: number;
  title: string;
  party: string;
  /** null for a point with no counterpart in the version(s) it builds on. */
  from: PointStatus | null;
  to: PointStatus;
  /** The earlier point compared with. */
  previous?: PointRef;
}

export interface StatusHistory {
  document: string;
  /** Signatories, then other parties named in statuses, in scenario order. */
  parties: string[];
  /** Versions in lineage order with every point's status per party. */
  versions: Array<{
    version: string;
    label: string;
    date: string;
    points: Array<{ number: number; title: string; status: Record<string, PointStatus> }>;
  }>;
  /**
   * Status changes from each version to the versions it builds on, per matched point and party; a point with no
   * counterpart reports its non-open statuses as changes from null.
   */
  changes: StatusChange[];
}

/** Per-point, per-party status over the versions of a document, and the changes between them. */
export function statusHistory(
  scenario: Scenario,
  documentId: string,
  options: MatchOptions = {},
): StatusHistory {
  const indexes = new DocumentIndexCache(scenario);
  const index = indexes.document(documentId);
  const ctx = new MatchContext(indexes, options);
  const signatories = signatoriesOf(scenario);
  const named = new Set<string>(signatories);
  for (const p of index.points.values())
    for (const party of Object.keys(p.point.status ?? {})) named.add(party);
  const order = scenario.parties.map((p) => p.id);
  const parties = [...named].sort((x, y) => {
    const [i, j] = [order.indexOf(x), order.indexOf(y)];
    return (i < 0 ? order.length : i) - (j < 0 ? order.length : j) || x.localeCompare(y);
  });
  const statusOf = (status: Record<string, PointStatus> | undefined, party: string): PointStatus =>
    status?.[party] ?? 'open';

  const versions: StatusHistory['versions'] = [];
  const changes: StatusChange[] = [];
  for (const id of index.order) {
    const v = index.versions.get(id)!;
    versions.push({
      version: id,
      label: v.version.label,
      date: v.version.date,
      points: v.points.map((p) => ({
        number: p.number,
        title: p.point.title,
        status: Object.fromEntries(parties.map((party) => [party, statusOf(p.point.status, party)])),
      })),
    });
    const base = { document: documentId, version: id, date: v.version.date };
    const matchedAfter = new Set<number>();
    for (const parent of v.parents) {
      const matching = matchWithContext(
        ctx,
        { document: documentId, version: parent },
        { document: documentId, version: id },
      );
      for (const change of matching.changes) {
        for (const q of change.after) {
          for (const p of change.before) {
            matchedAfter.add(q.number);
            for (const party of parties) {
              const [from, to] = [statusOf(p.status, party), statusOf(q.status, party)];
              if (from !== to) {
                changes.push({
                  ...base,
                  point: q.number,
                  title: q.title,
                  party,
                  from,
                  to,
                  previous: { document: documentId, version: parent, number: p.number },
                });
              }
            }
          }
        }
      }
    }
    for (const p of v.points) {
      if (matchedAfter.has(p.number)) continue;
      for (const party of parties) {
        const to = statusOf(p.point.status, party);
        if (to !== 'open')
          changes.push({ ...base, point: p.number, title: p.point.title, party, from: null, to });
      }
    }
  }
  return { document: documentId, parties, versions, changes };
}
