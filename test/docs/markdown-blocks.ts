import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** README.md, then every Markdown file under docs/, in a fixed order: the order the docs test reads them. */
export function documentationFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .flatMap((entry) =>
        entry.isDirectory()
          ? walk(join(dir, entry.name))
          : entry.name.endsWith('.md')
            ? [join(dir, entry.name)]
            : [],
      )
      .sort();
  return ['README.md', ...walk('docs')];
}

/** Fenced code blocks of a Markdown file, with the `<!-- docs-test: … -->` mark on the line before each. */
export interface FencedBlock {
  /** 1-based line of the block's first content line. */
  readonly startLine: number;
  readonly language: string;
  readonly lines: readonly string[];
  readonly skipReason: string | undefined;
  readonly fileName: string | undefined;
}

const SKIP_MARK = /^<!--\s*docs-test:\s*skip\s+(.+?)\s*-->$/;
const FILE_MARK = /^<!--\s*docs-test:\s*file\s+(\S+)\s*-->$/;

export function fencedBlocks(text: string): FencedBlock[] {
  const lines = text.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1] ?? '';
    let end = i + 1;
    while (end < lines.length && (lines[end] ?? '').trim() !== '```') end++;
    const previous = (lines[i - 1] ?? '').trim();
    blocks.push({
      startLine: i + 2,
      language: open[2] ?? '',
      lines: lines
        .slice(i + 1, end)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line)),
      skipReason: SKIP_MARK.exec(previous)?.[1],
      fileName: FILE_MARK.exec(previous)?.[1],
    });
    i = end;
  }
  return blocks;
}

/** TypeScript blocks that are programs against the package (they import from 'parley'), not signature excerpts. */
export function typeScriptExamples(markdown: string): Array<{ line: number; code: string }> {
  return fencedBlocks(markdown)
    .filter((block) => ['ts', 'typescript'].includes(block.language))
    .filter((block) => block.lines.some((line) => /from 'parley(\/browser)?'/.test(line)))
    .map((block) => ({ line: block.startLine, code: `${block.lines.join('\n')}\n` }));
}
