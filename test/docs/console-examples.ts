import { type FencedBlock, fencedBlocks } from './markdown-blocks.js';

/**
 * Console examples in the documentation, as data: every fenced block (no language, `console`,
 * `shell-session`) whose lines start with `$ ` holds commands, each followed by the output it prints.
 *
 * Conventions the docs follow, so that the examples can be executed:
 * - a line that is only `…` stands for any number of output lines (the explicit mark of an abridged output);
 * - a last output line `(exit code N)` says the command fails with exit code N (otherwise it must succeed,
 *   unless the next command is `echo $?`, which then shows the code);
 * - `<!-- docs-test: skip REASON -->` on the line before a block keeps it out of the run, with a reason;
 * - `<!-- docs-test: file NAME -->` on the line before a block (of any language) writes the block to NAME in the
 *   working folder at that point, so that the reader's own files (shown in the docs) exist for later commands.
 */
export interface ConsoleExample {
  /** Markdown file, relative to the repository. */
  readonly file: string;
  /** 1-based line of the `$ ` command in that file. */
  readonly line: number;
  readonly command: string;
  readonly expected: readonly string[];
  /** How many lines of the Markdown the output (and its exit-code line) takes, for rewriting it. */
  readonly outputLines: number;
  /** Expected exit code; undefined when the next command (`echo $?`) shows it. */
  readonly exitCode: number | undefined;
}

/** A file the docs ask the reader to create, written before the commands that follow it. */
export interface DocumentedFile {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly content: string;
}

export type DocStep =
  | ({ readonly kind: 'command' } & ConsoleExample)
  | ({ readonly kind: 'file' } & DocumentedFile);

export interface SkippedBlock {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface ExtractedExamples {
  /** Commands and documented files, in the order a reader meets them. */
  readonly steps: readonly DocStep[];
  readonly skipped: readonly SkippedBlock[];
}

const EXECUTABLE_FENCES = new Set(['', 'console', 'shell-session']);
const EXIT_MARK = /^\(exit code (\d+)\)$/;

function trimTrailingBlankLines(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  return lines.slice(0, end);
}

function examplesOfBlock(file: string, block: FencedBlock): ConsoleExample[] {
  const starts: number[] = [];
  block.lines.forEach((line, index) => {
    if (line.startsWith('$ ')) starts.push(index);
  });
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? block.lines.length;
    let expected = trimTrailingBlankLines(block.lines.slice(start + 1, end));
    const outputLines = expected.length;
    let exitCode: number | undefined = 0;
    const exitLine = EXIT_MARK.exec((expected.at(-1) ?? '').trim());
    if (exitLine) {
      exitCode = Number(exitLine[1]);
      expected = trimTrailingBlankLines(expected.slice(0, -1));
    } else if ((block.lines[end] ?? '').trim() === '$ echo $?') {
      exitCode = undefined;
    }
    return {
      file,
      line: block.startLine + start,
      command: (block.lines[start] ?? '').slice(2),
      expected,
      outputLines,
      exitCode,
    };
  });
}

/** The executable console examples of one Markdown file and the files they need, in reading order. */
export function extractConsoleExamples(file: string, markdown: string): ExtractedExamples {
  const steps: DocStep[] = [];
  const skipped: SkippedBlock[] = [];
  for (const block of fencedBlocks(markdown)) {
    if (block.fileName !== undefined) {
      const content = `${block.lines.join('\n')}\n`;
      steps.push({ kind: 'file', file, line: block.startLine, name: block.fileName, content });
      continue;
    }
    if (!EXECUTABLE_FENCES.has(block.language) || !block.lines.some((line) => line.startsWith('$ ')))
      continue;
    if (block.skipReason !== undefined) {
      skipped.push({ file, line: block.startLine, reason: block.skipReason });
      continue;
    }
    steps.push(...examplesOfBlock(file, block).map((example) => ({ kind: 'command' as const, ...example })));
  }
  return { steps, skipped };
}
