/**
 * Edit distance with adjacent transpositions (unrestricted Damerau-Levenshtein, Lowrance-Wagner).
 * Works on code points, so an accented letter counts as one character.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const m = s.length;
  const n = t.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const infinity = m + n;
  // d[i + 1][j + 1] is the distance between s[0..i) and t[0..j); row and column 0 hold the sentinel.
  const d: number[][] = Array.from({ length: m + 2 }, () => new Array<number>(n + 2).fill(0));
  d[0][0] = infinity;
  for (let i = 0; i <= m; i++) {
    d[i + 1][0] = infinity;
    d[i + 1][1] = i;
  }
  for (let j = 0; j <= n; j++) {
    d[0][j + 1] = infinity;
    d[1][j + 1] = j;
  }
  const lastRowOf = new Map<string, number>();
  for (let i = 1; i <= m; i++) {
    let lastMatchColumn = 0;
    for (let j = 1; j <= n; j++) {
      const i1 = lastRowOf.get(t[j - 1]) ?? 0;
      const j1 = lastMatchColumn;
      let cost = 1;
      if (s[i - 1] === t[j - 1]) {
        cost = 0;
        lastMatchColumn = j;
      }
      d[i + 1][j + 1] = Math.min(
        d[i][j] + cost,
        d[i + 1][j] + 1,
        d[i][j + 1] + 1,
        d[i1][j1] + (i - i1 - 1) + 1 + (j - j1 - 1),
      );
    }
    lastRowOf.set(s[i - 1], i);
  }
  return d[m + 1][n + 1];
}

/** The largest edit distance at which a known id still counts as "close" to what was written. */
export function closenessThreshold(written: string): number {
  return Math.max(2, 0.34 * Array.from(written).length);
}

/**
 * The known id most likely meant by `written`, or undefined when none is close.
 * Close means: within `closenessThreshold` edits (ignoring case) without replacing the whole word,
 * or one is a prefix of the other (at least two characters). Ties go to the smaller distance,
 * then to prefix matches, then to the id listed first.
 */
export function closestId(written: string, known: Iterable<string>): string | undefined {
  const target = written.toLowerCase();
  const limit = closenessThreshold(written);
  let best: { id: string; distance: number; prefix: boolean } | undefined;
  for (const id of known) {
    const candidate = id.toLowerCase();
    const distance = editDistance(target, candidate);
    const longest = Math.max(Array.from(target).length, Array.from(candidate).length);
    const shortest = Math.min(target.length, candidate.length);
    const prefix = shortest >= 2 && (candidate.startsWith(target) || target.startsWith(candidate));
    const near = distance <= limit && distance < longest;
    if (!near && !prefix) continue;
    if (
      best === undefined ||
      distance < best.distance ||
      (distance === best.distance && prefix && !best.prefix)
    ) {
      best = { id, distance, prefix };
    }
  }
  return best?.id;
}
