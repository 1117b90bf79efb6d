import type { Point } from '../../schema/scenario.js';

/** Lower-case words: maximal runs of letters and digits (any script). Punctuation and spacing carry no weight. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Word shingles: every run of `size` consecutive words, joined by a space. */
export function shingles(tokens: readonly string[], size = 2): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k + size <= tokens.length; k++) out.add(tokens.slice(k, k + size).join(' '));
  return out;
}

function intersectionSize<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** |A ∩ B| / |A ∪ B|; two empty sets are identical (1). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const common = intersectionSize(a, b);
  return common / (a.size + b.size - common);
}

/** |A ∩ B| / |A|: how much of A reappears in B; 0 when A is empty. */
export function containment<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  return a.size === 0 ? 0 : intersectionSize(a, b) / a.size;
}

export interface PointFeatures {
  title: Set<string>;
  body: Set<string>;
  /** Word bigrams of the text; undefined when the text has fewer than two words. */
  bigrams?: Set<string>;
  /** Issues the point settles or touches. */
  issues: Set<string>;
}

export function pointFeatures(point: Pick<Point, 'title' | 'text' | 'settles' | 'touches'>): PointFeatures {
  const body = words(point.text);
  return {
    title: new Set(words(point.title)),
    body: new Set(body),
    bigrams: body.length >= 2 ? shingles(body, 2) : undefined,
    issues: new Set([...Object.keys(point.settles ?? {}), ...(point.touches ?? [])]),
  };
}

/** Weights of the three components of the point similarity (renormalised when issues are not counted). */
export const SIMILARITY_WEIGHTS = { text: 0.5, title: 0.2, issues: 0.3 } as const;

export interface Similarity {
  /** Combined score in [0, 1]. */
  score: number;
  /** Text similarity: mean of the word-set Jaccard and the word-bigram Jaccard (set Jaccard alone for one-word texts). */
  text: number;
  /** Word-set Jaccard of the titles. */
  title: number;
  /** Jaccard of the issues settled or touched; null when either point names no issue (then it is not counted). */
  issues: number | null;
}

/**
 * Similarity of two points: 0.5 text + 0.2 title + 0.3 issue overlap, or 5/7 text + 2/7 title when either point
 * names no issue. Symmetric in its arguments.
 */
export function pointSimilarity(a: PointFeatures, b: PointFeatures): Similarity {
  const setScore = jaccard(a.body, b.body);
  const text =
    a.bigrams === undefined && b.bigrams === undefined
      ? setScore
      : (setScore + jaccard(a.bigrams ?? new Set(), b.bigrams ?? new Set())) / 2;
  const title = jaccard(a.title, b.title);
  const w = SIMILARITY_WEIGHTS;
  if (a.issues.size === 0 || b.issues.size === 0) {
    return { score: (w.text * text + w.title * title) / (w.text + w.title), text, title, issues: null };
  }
  const issues = jaccard(a.issues, b.issues);
  return { score: w.text * text + w.title * title + w.issues * issues, text, title, issues };
}

/** Text with runs of white space collapsed and ends trimmed: the form in which "same text" is judged. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
