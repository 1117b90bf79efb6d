import type { WordDiff, WordDiffPart } from '../../core/versions/index.js';
import { wordDiff } from './word-diff.js';

/** Unchanged text short enough to be folded into the changes around it: spaces, punctuation, a word of ≤ 3 letters. */
const isGlue = (text: string) => /^[\s\p{P}]*$/u.test(text) || /^\s*[\p{L}\p{N}]{1,3}\s*$/u.test(text);

/**
 * Joins a word diff's alternating changes into blocks: an unchanged run that is only glue (space, punctuation,
 * a short word) between two changes is folded into both the removed and the added text. "[-within-] [-100-]
 * {+as+} {+soon+}…" becomes "[-within 100 days-]{+as soon as possible after signing+}". The parts still
 * spell both texts exactly (skip added → before, skip removed → after).
 */
export function coalesceWordDiff(parts: WordDiffPart[]): WordDiffPart[] {
  type Block = { removed: string; added: string };
  const out: Array<WordDiffPart | Block> = [];
  const isBlock = (x: WordDiffPart | Block | undefined): x is Block => x !== undefined && !('kind' in x);
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const last = out[out.length - 1];
    if (p.kind !== 'same') {
      const block = isBlock(last) ? last : { removed: '', added: '' };
      if (!isBlock(last)) out.push(block);
      if (p.kind === 'removed') block.removed += p.text;
      else block.added += p.text;
      continue;
    }
    const next = parts[k + 1];
    if (isBlock(last) && next !== undefined && next.kind !== 'same' && isGlue(p.text)) {
      last.removed += p.text;
      last.added += p.text;
      continue;
    }
    out.push({ ...p });
  }
  return out.flatMap((x): WordDiffPart[] => {
    if (!isBlock(x)) return [x];
    return [
      ...(x.removed ? [{ kind: 'removed' as const, text: x.removed }] : []),
      ...(x.added ? [{ kind: 'added' as const, text: x.added }] : []),
    ];
  });
}

/** Share of the longer text (letters and digits only) that the diff leaves unchanged. */
export function unchangedShare(parts: WordDiffPart[]): number {
  const count = (kinds: Array<WordDiffPart['kind']>) =>
    parts
      .filter((p) => kinds.includes(p.kind))
      .reduce((n, p) => n + (p.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
  const longer = Math.max(count(['same', 'removed']), count(['same', 'added']));
  return longer === 0 ? 1 : count(['same']) / longer;
}

/** Below this unchanged share a text changed in several places counts as rewritten, and is shown whole. */
export const REWRITTEN_BELOW = 0.4;

/** Number of places where the text changed (a removed run, an added run, or one replacing the other). */
export function changedPlaces(parts: WordDiffPart[]): number {
  return parts.filter(
    (p, k) => p.kind !== 'same' && !(p.kind === 'added' && parts[k - 1]?.kind === 'removed'),
  ).length;
}

/**
 * The word diff for reports: coalesced into readable blocks, or, when the text changed in three places or more
 * and less than REWRITTEN_BELOW of it survives, the two texts whole, since interleaving a rewrite word by word
 * hides both versions.
 */
export const readableWordDiff: WordDiff = (before, after) => {
  const parts = coalesceWordDiff(wordDiff(before, after));
  if (changedPlaces(parts) < 3 || unchangedShare(parts) >= REWRITTEN_BELOW) return parts;
  return [
    ...(before ? [{ kind: 'removed' as const, text: before }] : []),
    ...(after ? [{ kind: 'added' as const, text: after }] : []),
  ];
};
