import { diffWordsWithSpace } from 'diff';
import type { WordDiff, WordDiffPart } from '../../core/versions/word-diff.js';

/**
 * Word-level diff by the `diff` package (Myers' algorithm over words, punctuation and runs of space), in the
 * shape core expects. Keeping white space as tokens means the runs concatenate back to both texts exactly.
 */
export const wordDiff: WordDiff = (before, after) =>
  diffWordsWithSpace(before, after).map(
    (change): WordDiffPart => ({
      kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
      text: change.value,
    }),
  );
