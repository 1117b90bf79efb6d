import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDomains } from '../../src/adapters/interop/shared-domains.js';
import { type ConsoleExample, extractConsoleExamples } from './console-examples.js';
import { documentationFiles } from './markdown-blocks.js';
import { describeMismatch, normaliseOutput, outputMatches, updatedOutput } from './match-output.js';

/**
 * Every console example of README.md and docs/, run as written, in order, in one fresh temporary copy of
 * the repository (so that a file one page writes and a later page refuses to overwrite is caught), and
 * compared with its documented output. `PARLEY_UPDATE_DOCS=1` writes the real outputs back into the docs
 * for review instead of failing.
 */
const ROOT = join(import.meta.dirname, '../..');
const built = existsSync(join(ROOT, 'dist/index.js'));
const updating = process.env.PARLEY_UPDATE_DOCS === '1';
const sharedDomains = findDomains(ROOT).dir;

/** The repository as a fresh clone has it: tracked files (and new ones not yet committed), not build output. */
function copyRepository(target: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(target, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(target, 'node_modules'), 'dir');
  symlinkSync(join(ROOT, 'dist'), join(target, 'dist'), 'dir');
}

function prepareWorkspace(): { repo: string; env: NodeJS.ProcessEnv; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'parley-docs-'));
  const repo = join(root, 'parley');
  copyRepository(repo);
  // Docs that use the public research domains name them as ../shared/negotiation-domains.
  if (sharedDomains) symlinkSync(dirname(sharedDomains), join(root, 'shared'), 'dir');
  const binDir = join(root, 'bin');
  mkdirSync(binDir);
  writeFileSync(join(binDir, 'parley'), `#!/bin/sh\nexec node "${join(repo, 'bin/parley.js')}" "$@"\n`);
  chmodSync(join(binDir, 'parley'), 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${binDir}:${join(repo, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    NO_COLOR: '1',
    TZ: 'UTC',
    LANG: 'C.UTF-8',
  };
  for (const name of [
    'PARLEY_DOMAINS',
    'FORCE_COLOR',
    'COLUMNS',
    'VITEST',
    'VITEST_WORKER_ID',
    'NODE_OPTIONS',
  ]) {
    delete env[name];
  }
  return { repo, env, root };
}

interface Run {
  readonly output: string;
  readonly status: number;
}

const workspace = built ? prepareWorkspace() : undefined;
let previousStatus = 0;

function run(command: string): Run {
  if (!workspace) throw new Error('no workspace');
  const result = spawnSync('bash', ['-c', `(exit ${previousStatus}); { ${command}\n} 2>&1`], {
    cwd: workspace.repo,
    env: workspace.env,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  previousStatus = result.status ?? 128;
  return { output: result.stdout ?? '', status: previousStatus };
}

const updates = new Map<string, Array<{ example: ConsoleExample; lines: string[] }>>();

function recordUpdate(example: ConsoleExample, lines: string[]): void {
  const list = updates.get(example.file) ?? [];
  list.push({ example, lines });
  updates.set(example.file, list);
}

/** Writes the recorded outputs into the Markdown, last example first so line numbers stay valid. */
function writeUpdates(): void {
  for (const [file, list] of updates) {
    const path = join(ROOT, file);
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const { example, lines: output } of [...list].sort((a, b) => b.example.line - a.example.line)) {
      lines.splice(example.line, example.outputLines, ...output);
    }
    writeFileSync(path, lines.join('\n'));
  }
}

/** Files that examples skipped for want of ../shared would have written: later examples reading them skip too. */
const unavailable = new Set<string>();

/** Whether the example needs the shared domains (directly, or through a file made from them) that are absent. */
function needsMissingSharedData(command: string): boolean {
  if (sharedDomains) return false;
  const words = command.split(/\s+/);
  if (!command.includes('../shared') && !words.some((word) => unavailable.has(word))) return false;
  const output = /(?:^|\s)(?:-o|--output)\s+(\S+)/.exec(command)?.[1];
  if (output) unavailable.add(output);
  return true;
}

afterAll(() => {
  if (updating) writeUpdates();
  if (workspace) rmSync(workspace.root, { recursive: true, force: true });
});

describe.skipIf(!built)('documented console examples run as written', () => {
  for (const file of documentationFiles(ROOT)) {
    const { steps, skipped } = extractConsoleExamples(file, readFileSync(join(ROOT, file), 'utf8'));
    if (steps.length === 0 && skipped.length === 0) continue;
    describe(file, () => {
      for (const block of skipped) it.skip(`line ${block.line}: ${block.reason}`, () => {});
      for (const example of steps) {
        if (example.kind === 'file') {
          it(`line ${example.line}: the reader writes ${example.name}`, () => {
            const target = join(workspace?.repo ?? '', example.name);
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, example.content);
          });
          continue;
        }
        const title = `line ${example.line}: $ ${example.command}`;
        if (needsMissingSharedData(example.command)) {
          it.skip(`${title} (needs ../shared/negotiation-domains, absent here)`, () => {});
          continue;
        }
        it(title, () => {
          const { output, status } = run(example.command);
          const actual = normaliseOutput(output, workspace?.repo ?? '');
          const where = `${file}:${example.line}`;
          const matches = outputMatches(example.expected, actual);
          const codeMatches = example.exitCode === undefined || status === example.exitCode;
          if (updating) {
            if (!matches || !codeMatches) {
              const lines = matches ? [...example.expected] : updatedOutput(example.expected, actual);
              recordUpdate(
                example,
                status === 0 || example.exitCode === undefined ? lines : [...lines, `(exit code ${status})`],
              );
            }
            return;
          }
          expect.soft(matches, `${where}: ${describeMismatch(example.expected, actual)}`).toBe(true);
          expect(status, `${where}: exit code (output: ${output.slice(0, 600)})`).toBe(
            example.exitCode ?? status,
          );
        }, 600_000);
      }
    });
  }
});
