/** Plans as living texts: lineage, point matching, version and package diffs, agreement status, timeline. */
export { type DocumentDiff, diffPackages, type PackageDiff } from './diff-packages.js';
export {
  DIFF_FORMAT_VERSION,
  type DiffOptions,
  diffVersions,
  PACKAGE_DIFF_FORMAT,
  type PointDiff,
  VERSION_DIFF_FORMAT,
  type VersionDiff,
} from './diff-versions.js';
export { formatVersionRef, parseRef, type VersionRef } from './document-index.js';
export {
  BASIS_WORDS,
  type FormatOptions,
  formatPackageDiff,
  formatVersionDiff,
  formatWordDiff,
  KIND_WORDS,
  settlesText,
} from './format-diff.js';
export type {
  AttributedChange,
  Attribution,
  ConflictChanges,
  FrontierMovement,
  FrontierProbe,
  Impact,
  IssueChange,
  IssueState,
  PartyImpact,
  PointRef,
  RedLineChange,
  UnresolvedIssue,
} from './impact.js';
export {
  documentLineage,
  type Lineage,
  type LineageEdge,
  type LineageNode,
  type VersionRelation,
} from './lineage.js';
export {
  type MatchOptions,
  matchPoints,
  type PointChange,
  type PointChangeKind,
  type PointMatching,
  type VersionSummary,
} from './match-points.js';
export type { PackageSpec, PackageSummary } from './package-spec.js';
export {
  allPackageAgreements,
  type PackageAgreement,
  packageAgreement,
  type StatusHistory,
  statusHistory,
  type VersionAgreement,
  versionAgreement,
} from './point-status.js';
export { AttributionError, type AttributionOptions } from './shapley.js';
export { buildTimeline, type TimelineEntry, type TimelineOptions } from './timeline.js';
export { VersionError, type VersionErrorCode } from './version-error.js';
export type { WordDiff, WordDiffPart } from './word-diff.js';
