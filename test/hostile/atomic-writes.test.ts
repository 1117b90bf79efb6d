import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random/rng.js';
import { repoRoot } from '../support/run-cli.js';

// A writer process is killed (SIGKILL) at seeded random moments while it rewrites a large set of files, over
// and over, each time with a new generation number. Whatever the moment, every file must be whole, and after
// recovery the set must be one generation: the old set or the new one, never a mix.

const built = pathToFileURL(join(repoRoot, 'dist', 'adapters', 'node', 'atomic-files.js')).href;
const FILES = 6;
const BODY = 400_000;

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const content = (generation: number, k: number) =>
  `generation ${generation} file ${k}\n${String(generation % 10).repeat(BODY)}\n`;

/** The generation a file holds, or an error if it is not exactly one whole generation's text. */
function generationOf(path: string, k: number): number {
  const text = readFileSync(path, 'utf8');
  const generation = Number(/^generation (\d+) file/.exec(text)?.[1]);
  expect(text, `${path} is torn`).toBe(content(generation, k));
  return generation;
}

const writerScript = (dir: string, mode: 'set' | 'file') => `
import { writeFileAtomic, writeFileSetAtomic } from ${JSON.stringify(built)};
import { join } from 'node:path';
const content = ${content.toString()};
const BODY = ${BODY};
process.stdout.write('ready\\n');
for (let generation = 1; ; generation++) {
  const files = Array.from({ length: ${FILES} }, (_, k) => ({ path: join(${JSON.stringify(dir)}, 'part-' + k + '.txt'), content: content(generation, k) }));
  if (${JSON.stringify(mode)} === 'set') writeFileSetAtomic(files, { force: true });
  else writeFileAtomic(files[0].path, files[0].content, { force: true });
}
`;

function startWriter(dir: string, mode: 'set' | 'file'): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', writerScript(dir, mode)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('error', reject);
  });
}

function killAfter(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    setTimeout(() => child.kill('SIGKILL'), ms);
  });
}

async function loadModule() {
  return (await import(built)) as typeof import('../../src/adapters/node/atomic-files.js');
}

describe('atomic writes survive SIGKILL at any moment', () => {
  it('a file set is the old set or the new one after recovery, and every file is whole', async () => {
    const { recoverFileSets, writeFileSetAtomic } = await loadModule();
    const rng = createRng(9);
    for (let round = 0; round < 8; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'parley-atomic-set-'));
      folders.push(dir);
      const initial = Array.from({ length: FILES }, (_, k) => ({
        path: join(dir, `part-${k}.txt`),
        content: content(0, k),
      }));
      writeFileSetAtomic(initial);
      const child = await startWriter(dir, 'set');
      await killAfter(child, Math.floor(rng.next() * 400));
      // Before recovery every file is already whole (renames are atomic).
      for (let k = 0; k < FILES; k++) generationOf(join(dir, `part-${k}.txt`), k);
      recoverFileSets(dir);
      const generations = new Set(
        Array.from({ length: FILES }, (_, k) => generationOf(join(dir, `part-${k}.txt`), k)),
      );
      expect(generations.size, `round ${round}: a mix of generations ${[...generations]}`).toBe(1);
      // Nothing of the killed writer is left behind.
      expect(readdirSync(dir).sort()).toEqual(initial.map((_, k) => `part-${k}.txt`).sort());
    }
  }, 60_000);

  it('a single file is whole after a kill', async () => {
    const { recoverFileSets, writeFileAtomic } = await loadModule();
    const rng = createRng(11);
    for (let round = 0; round < 6; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'parley-atomic-file-'));
      folders.push(dir);
      const path = join(dir, 'part-0.txt');
      writeFileAtomic(path, content(0, 0));
      const child = await startWriter(dir, 'file');
      await killAfter(child, Math.floor(rng.next() * 300));
      generationOf(path, 0);
      recoverFileSets(dir);
      expect(readdirSync(dir)).toEqual(['part-0.txt']);
    }
  }, 60_000);

  it('refuses to replace without force, and a failed set leaves the old files and no temporary ones', async () => {
    const { writeFileAtomic, writeFileSetAtomic } = await loadModule();
    const dir = mkdtempSync(join(tmpdir(), 'parley-atomic-refuse-'));
    folders.push(dir);
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'old');
    expect(() => writeFileAtomic(path, 'new')).toThrow(/exists; add --force/);
    expect(readFileSync(path, 'utf8')).toBe('old');
    // The second file's folder part is a file: the set fails before anything is replaced.
    expect(() =>
      writeFileSetAtomic(
        [
          { path, content: 'new' },
          { path: join(dir, 'b.txt'), content: 'new' },
        ],
        {},
      ),
    ).toThrow(/a\.txt/);
    expect(readdirSync(dir)).toEqual(['a.txt']);
    expect(existsSync(join(dir, 'b.txt'))).toBe(false);
  });
});
