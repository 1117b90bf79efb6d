/** What went wrong with version data or a version reference; lets callers branch without parsing messages. */
export type VersionErrorCode =
  | 'unknown-document'
  | 'unknown-version'
  | 'unknown-package'
  | 'bad-version-ref'
  | 'bad-point-link'
  | 'missing-point'
  | 'self-link'
  | 'duplicate-version'
  | 'duplicate-point'
  | 'cycle'
  | 'bad-option';

/**
 * A problem in the documents, versions or packages of a scenario, or in a reference to them.
 * The message names the ids involved, the field path when the problem sits in the scenario, and a
 * "did you mean" suggestion when a near miss exists.
 */
export class VersionError extends Error {
  readonly code: VersionErrorCode;
  /** The ids the problem is about (document, version, point or package ids, or the versions of a cycle). */
  readonly ids: string[];
  /** Field path inside the scenario, e.g. `documents[0].versions[2].basedOn[0]`, when the data is at fault. */
  readonly path?: string;
  readonly suggestion?: string;

  constructor(
    code: VersionErrorCode,
    message: string,
    details: { ids: string[]; path?: string; suggestion?: string },
  ) {
    const where = details.path ? ` (at ${details.path})` : '';
    const hint = details.suggestion ? `; did you mean '${details.suggestion}'?` : '';
    super(`${message}${where}${hint}`);
    this.name = 'VersionError';
    this.code = code;
    this.ids = details.ids;
    this.path = details.path;
    this.suggestion = details.suggestion;
  }
}

export function listOrNone(names: readonly string[]): string {
  return names.length > 0 ? names.join(', ') : 'none';
}
