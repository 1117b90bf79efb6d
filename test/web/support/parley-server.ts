import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export { DEMO_ACCOUNTS } from '../../../src/adapters/server/demo-seed.js';

/** A real `parley serve --demo` child process on a fresh SQLite folder. */
export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  dataDir: string;
  /** Whatever the server wrote on stderr, for a failing test's message. */
  stderr(): string;
  stop(): Promise<void>;
}

const CLI = join(repoRoot, 'bin', 'parley.js');

/** Why the web tests cannot run, or undefined when the built CLI and web app are there. */
export function missingBuild(): string | undefined {
  if (!existsSync(join(repoRoot, 'dist', 'adapters', 'cli', 'main.js'))) return 'dist/ is missing';
  if (!existsSync(join(repoRoot, 'dist', 'web', 'index.html'))) return 'dist/web/index.html is missing';
  return undefined;
}

/**
 * Starts the built server (`npm run build` first; `npm test` does) with the demo seed: the demo accounts of
 * src/adapters/server/demo-seed.ts and one workspace per shipped scenario. Resolves once it listens.
 */
export async function startParleyServer(options: { timeoutMs?: number } = {}): Promise<RunningServer> {
  const missing = missingBuild();
  if (missing) throw new Error(`the web tests need the build (${missing}): run npm run build`);
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-web-'));
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--demo', '--port', '0', '--data-dir', dataDir, '--json'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = () => stopChild(child, dataDir);
  try {
    const url = await listeningUrl(child, options.timeoutMs ?? 90_000, () => stderr);
    return { url, dataDir, stderr: () => stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listeningUrl(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => reject(new Error(`parley serve did not start in ${timeoutMs} ms\n${stderr()}`)),
      timeoutMs,
    );
    // `--json` prints one JSON object (over several lines) once the server listens.
    let text = '';
    lines.on('line', (line) => {
      text += `${line}\n`;
      try {
        const url = (JSON.parse(text) as { url: string }).url;
        clearTimeout(timer);
        lines.close();
        resolve(url);
      } catch {
        // Not the whole object yet.
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`parley serve exited with ${code}\n${stderr()}`));
    });
  });
}

async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
