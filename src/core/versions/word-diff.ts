/** One run of a word-level text diff. */
export interface WordDiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * A word-level diff of two texts: runs that, read in order, spell `before` when 'added' runs are skipped
 * and `after` when 'removed' runs are skipped. Core only defines the shape; an adapter supplies the algorithm.
 */
export type WordDiff = (before: string, after: string) => WordDiffPart[];
