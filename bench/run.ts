import { cpus } from 'node:os';
import type { BenchResult, BenchSuite } from './bench-result.js';
import { combineRuns } from './combine-runs.js';
import { suites } from './suites.js';

/**
 * `npm run bench [-- [--runs N] suite…]`: runs the benchmark suites and prints one JSON object per line
 * (a header line with the machine, then one line per figure), so results can be compared across runs.
 * With `--runs N` every chosen suite runs N times and each figure is the median of the N values, with their
 * minimum and maximum, so the spread between runs is part of the result.
 */
function parseArguments(argv: string[]): { runs: number; names: Set<string> } {
  const names = new Set<string>();
  let runs = 1;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') {
      runs = Number(argv[++i]);
      if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
        throw new Error(`--runs: expected a whole number from 1 to 50, got ${argv[i]}`);
      }
    } else names.add(argv[i] ?? '');
  }
  return { runs, names };
}

async function runSuite(suite: BenchSuite): Promise<BenchResult[] | undefined> {
  try {
    return await suite.run();
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ kind: 'error', suite: suite.name, message: String(error) })}\n`);
    process.exitCode = 1;
    return undefined;
  }
}

function targetMet(r: BenchResult): boolean | undefined {
  if (r.target === undefined) return undefined;
  return r.better === 'lower' ? r.value <= r.target : r.value >= r.target;
}

async function main(argv: string[]): Promise<void> {
  const { runs, names } = parseArguments(argv);
  const chosen: BenchSuite[] = names.size === 0 ? suites : suites.filter((s) => names.has(s.name));
  const header = {
    kind: 'machine',
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    date: new Date().toISOString(),
    runs,
  };
  process.stdout.write(`${JSON.stringify(header)}\n`);
  for (const suite of chosen) {
    const perRun: BenchResult[][] = [];
    for (let run = 0; run < runs; run++) {
      const results = await runSuite(suite);
      if (results) perRun.push(results);
    }
    for (const r of combineRuns(perRun)) {
      const met = targetMet(r);
      process.stdout.write(
        `${JSON.stringify({ kind: 'result', ...r, ...(met === undefined ? {} : { met }) })}\n`,
      );
    }
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
