import { stripVTControlCharacters } from 'node:util';

/**
 * Comparing a documented output with a real one. Only what legitimately varies between runs is
 * normalised; everything else must match line for line, except where the docs mark an abridged part
 * with a line that is only `…`.
 */

const ELLIPSIS = '…';

/** Rewrites what varies from run to run or machine to machine (each rule says why). */
export function normaliseOutput(text: string, workDir: string): string[] {
  return (
    text
      // The examples run in a temporary copy of the repository; the docs show paths from its root.
      .split(`${workDir}/`)
      .join('')
      .split(workDir)
      .join('.')
      // Progress bars and colour codes are for terminals; the docs show plain text.
      .split('\n')
      .map((line) => stripVTControlCharacters(line))
      .map((line) => line.replace(/\s+$/, ''))
  );
}

function trimBlankEnds(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '') === '') start++;
  while (end > start && (lines[end - 1] ?? '') === '') end--;
  return lines.slice(start, end);
}

/** `…` alone, or `[… what was left out …]`: the docs' marks of an abridged output. */
function isEllipsis(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === ELLIPSIS || (trimmed.startsWith(`[${ELLIPSIS}`) && trimmed.endsWith(']'));
}

/** Whether `actual` matches `expected`, where an ellipsis line matches any run of lines (none included). */
export function outputMatches(expected: readonly string[], actual: readonly string[]): boolean {
  const want = trimBlankEnds(expected.map((line) => line.replace(/\s+$/, '')));
  const got = trimBlankEnds(actual.map((line) => line.replace(/\s+$/, '')));
  // memo[i][j]: want[i..] matches got[j..]
  const memo = new Map<number, boolean>();
  const match = (i: number, j: number): boolean => {
    const key = i * (got.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === want.length) result = j === got.length;
    else if (isEllipsis(want[i] ?? '')) result = match(i + 1, j) || (j < got.length && match(i, j + 1));
    else result = j < got.length && want[i] === got[j] && match(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}

/**
 * The documented output brought up to date with a real one: unabridged outputs are replaced whole; an
 * abridged one keeps as many leading and trailing lines as it showed, around one ellipsis.
 */
export function updatedOutput(expected: readonly string[], actual: readonly string[]): string[] {
  const got = trimBlankEnds(actual);
  const first = expected.findIndex(isEllipsis);
  if (first < 0) return got;
  let last = expected.length - 1;
  while (!isEllipsis(expected[last] ?? '')) last--;
  const head = got.slice(0, first);
  const tailLength = Math.min(expected.length - 1 - last, got.length - head.length);
  const tail = tailLength > 0 ? got.slice(got.length - tailLength) : [];
  return [...head, expected[first] ?? ELLIPSIS, ...tail];
}

/** The documented lines between ellipses: each must appear, in order, in the real output. */
function segments(expected: readonly string[]): string[][] {
  const result: string[][] = [[]];
  for (const line of trimBlankEnds(expected.map((l) => l.replace(/\s+$/, '')))) {
    if (isEllipsis(line)) result.push([]);
    else result.at(-1)?.push(line);
  }
  return result;
}

function indexOfRun(haystack: readonly string[], run: readonly string[], from: number): number {
  for (let start = from; start + run.length <= haystack.length; start++) {
    if (run.every((line, k) => haystack[start + k] === line)) return start;
  }
  return -1;
}

/** A short, readable account of the first documented passage that the real output does not hold. */
export function describeMismatch(expected: readonly string[], actual: readonly string[]): string {
  const got = trimBlankEnds(actual);
  let from = 0;
  for (const segment of segments(expected)) {
    const at = indexOfRun(got, segment, from);
    if (at >= 0) {
      from = at + segment.length;
      continue;
    }
    let longest = 0;
    let where = from;
    for (let start = from; start < got.length; start++) {
      let k = 0;
      while (k < segment.length && got[start + k] === segment[k]) k++;
      if (k > longest) [longest, where] = [k, start];
    }
    const show = (lines: readonly string[], at: number) =>
      lines
        .slice(Math.max(0, at - 1), at + 4)
        .map((line) => `    | ${line}`)
        .join('\n');
    return `the documented passage starting "${segment[0] ?? ''}" is not in the output; it parts after ${longest} line(s)\n  documented:\n${show(segment, longest)}\n  actual:\n${show(got, where + longest)}`;
  }
  return `the output has lines after the documented ones (add a line "…" to mark an abridged output):\n${got
    .slice(from, from + 4)
    .map((line) => `    | ${line}`)
    .join('\n')}`;
}
