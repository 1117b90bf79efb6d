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

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => {
    const row = new Array<number>(t.length + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[s.length][t.length];
}

/**
 * The known name closest to `name`, if it is close enough to be a plausible typo
 * (at most a third of the longer name's length, and at least one edit allowed), else undefined.
 * Ties go to the name listed first.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(name.length, best.length) / 3));
  return bestDistance <= allowed ? best : undefined;
}

export function listOrNone(names: readonly string[]): string {
  return names.length > 0 ? names.join(', ') : 'none';
}
