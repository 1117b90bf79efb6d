import { cpus } from 'node:os';
import type { BenchResult, BenchSuite } from './bench-result.js';
import { suites } from './suites.js';

/**
 * `npm run bench [-- suite…]`: runs the benchmark suites and prints one JSON object per line
 * (a header line with the machine, then one line per figure), so results can be compared across runs.
 */
async function main(argv: string[]): Promise<void> {
  const wanted = new Set(argv);
  const chosen: BenchSuite[] = wanted.size === 0 ? suites : suites.filter((s) => wanted.has(s.name));
  const header = {
    kind: 'machine',
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    date: new Date().toISOString(),
  };
  process.stdout.write(`${JSON.stringify(header)}\n`);
  for (const suite of chosen) {
    let results: BenchResult[];
    try {
      results = await suite.run();
    } catch (error) {
      process.stdout.write(
        `${JSON.stringify({ kind: 'error', suite: suite.name, message: String(error) })}\n`,
      );
      process.exitCode = 1;
      continue;
    }
    for (const r of results) {
      const met =
        r.target === undefined ? undefined : r.better === 'lower' ? r.value <= r.target : r.value >= r.target;
      process.stdout.write(
        `${JSON.stringify({ kind: 'result', ...r, ...(met === undefined ? {} : { met }) })}\n`,
      );
    }
  }
}

await main(process.argv.slice(2));
