import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDomains } from '../src/adapters/interop/shared-domains.js';
import { type BenchResult, type BenchSuite, PACKAGE_ROOT } from './bench-result.js';

const BIN = join(PACKAGE_ROOT, 'bin/parley.js');
const RUNS = 11;

/** Wall-clock milliseconds of one whole `node …` process, from spawn to exit. */
function runNode(args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${run.stderr.slice(0, 500)}`);
  }
  return elapsed;
}

/** Wall-clock milliseconds of one whole `parley …` process. */
function runOnce(args: string[]): number {
  return runNode([BIN, ...args]);
}

function medianRun(args: string[], run: (args: string[]) => number = runOnce): number {
  run(args); // warms the file-system cache
  const samples = Array.from({ length: RUNS }, () => run(args));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(RUNS / 2)];
}

/**
 * Start-up of the command line as a user who scripts it over many files sees it: the whole process (Node's
 * own start, loading modules, the work, exit), median of 11 runs after one warm-up.
 */
export const startupSuite: BenchSuite = {
  name: 'startup',
  async run(): Promise<BenchResult[]> {
    const result = (command: string, args: string[], target: number, notes?: string): BenchResult => ({
      suite: 'startup',
      case: `parley ${command}`,
      metric: 'whole-process wall time, median',
      value: Math.round(medianRun(args) * 10) / 10,
      unit: 'ms',
      target,
      better: 'lower',
      notes: `${RUNS} runs${notes ? `; ${notes}` : ''}`,
    });
    const node = runOnce(['--version']);
    const results = [
      result('--help', ['--help'], 150),
      result('validate scenarios/ukraine-2025.yaml', ['validate', 'scenarios/ukraine-2025.yaml'], 400),
    ];
    const domains = findDomains(PACKAGE_ROOT).dir;
    if (domains && existsSync(join(domains, 'Energy'))) {
      const dir = mkdtempSync(join(tmpdir(), 'parley-startup-'));
      try {
        const energy = join(dir, 'energy.yaml');
        runOnce(['import', join(domains, 'Energy'), '-o', energy]);
        results.push(result('analyze energy.yaml (imported Energy domain)', ['analyze', energy], 500));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // Bare Node, measured in the same run: on a loaded machine the parley figures only mean something beside it.
    results.push({
      suite: 'startup',
      case: 'node -e 0 (for scale: Node start-up alone)',
      metric: 'whole-process wall time, median',
      value: Math.round(medianRun(['-e', '0'], runNode) * 10) / 10,
      unit: 'ms',
      better: 'lower',
      notes: `${RUNS} runs`,
    });
    results.push({
      suite: 'startup',
      case: 'parley --version (for scale: Node start-up plus the entry module)',
      metric: 'whole-process wall time, one run',
      value: Math.round(node * 10) / 10,
      unit: 'ms',
      better: 'lower',
    });
    return results;
  },
};
