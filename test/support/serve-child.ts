import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bin/parley.js above this file: from the sources (test/support/) or the benchmarks' build (dist-bench/…). */
function findBin(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin', 'parley.js'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bin/parley.js not found above the test support folder');
    dir = up;
  }
  return join(dir, 'bin', 'parley.js');
}

const bin = findBin();

export interface ServeChild {
  child: ChildProcess;
  /** http://127.0.0.1:<port> as the server printed it. */
  url: string;
  /** Interrupts the server (as Ctrl-C would) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * `parley serve` in a process of its own on a free port (for benchmarks, whose load must not share the
 * server's event loop, and for tests that kill it); resolves once it prints where it listens.
 */
export function startServe(
  dataDir: string,
  options: { args?: string[]; stderr?: 'inherit' | 'pipe' } = {},
): Promise<ServeChild> {
  const args = [bin, 'serve', '--port', '0', '--data-dir', dataDir, '--json', ...(options.args ?? [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', options.stderr ?? 'pipe'] });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGINT');
    await once(child, 'exit');
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      try {
        resolve({ child, url: JSON.parse(out).url, stop });
      } catch {
        // Not the whole JSON line yet.
      }
    });
    child.on('exit', (code) => reject(new Error(`parley serve exited with ${code} before listening`)));
  });
}

/** The path of the command-line entry, for other commands run beside a server (users add, db backup). */
export const PARLEY_BIN = bin;
