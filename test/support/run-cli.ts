import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import { stringify } from 'yaml';
import type { Io } from '../../src/adapters/cli/output.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repoRoot, 'bin', 'parley.js');
const builtMain = join(repoRoot, 'dist', 'adapters', 'cli', 'main.js');

type Main = typeof import('../../src/adapters/cli/main.js').main;
let loadedMain: Promise<Main> | undefined;

/**
 * The compiled `main()` the binary runs (built into dist/ by `npm test`), so worker pools and strategy
 * sandboxes start from the same compiled files as in a real process.
 */
function compiledMain(): Promise<Main> {
  if (!existsSync(builtMain)) {
    throw new Error(`${builtMain} is missing: run \`npm run build\` first (npm test does)`);
  }
  loadedMain ??= import(pathToFileURL(builtMain).href).then((m: { main: Main }) => m.main);
  return loadedMain;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `parley <args>` in this process through the compiled `main()` with buffered output: the same code and
 * messages as the binary, without a Node start-up per case. Relative paths resolve against `cwd` (default: the
 * repository root). Text output fits `width` columns, as with `COLUMNS=width`; without it there is no limit, as with
 * `--wide`. Use `spawnCli` for what only a real process shows (exit codes of the shim, EPIPE).
 */
export async function runCli(
  args: string[],
  options: { cwd?: string; width?: number } = {},
): Promise<CliRun> {
  const cwd = resolve(options.cwd ?? repoRoot);
  if (cwd !== resolve(process.cwd())) return spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    color: false,
    width: options.width,
  };
  try {
    const main = await compiledMain();
    const code = await main(['node', 'parley', ...args], io);
    return { code, stdout, stderr };
  } catch (error) {
    // What bin/parley.js does with an error main() lets through.
    stderr += `parley: internal error: ${error instanceof Error ? error.message : String(error)}\n`;
    return { code: 70, stdout, stderr };
  }
}

/** Runs the real `parley` binary (built into dist/ by `npm test`) in a child process. */
export function spawnCli(args: string[], options: { cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const written: string[] = [];
afterAll(() => {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Writes a scenario object (or raw text) to a file in a fresh temporary folder and returns its path; the
 * folders are removed after the test file's tests.
 */
export function writeTemp(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-test-'));
  written.push(dir);
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : stringify(content));
  return path;
}
