import { fileURLToPath } from 'node:url';
/** One measured figure. Benchmarks print these as JSON lines so that tools can read them. */
export interface BenchResult {
  suite: string;
  case: string;
  metric: string;
  value: number;
  unit: string;
  /** Target from the issue, if any, in the same unit. */
  target?: number;
  /** Whether a lower value is better (times) or higher (throughput). */
  better: 'lower' | 'higher';
  notes?: string;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Runs `fn` repeatedly for at least `minMs` (after one warm-up) and returns the median milliseconds per call. */
export function timeMedian(fn: () => void, minMs = 300, minRuns = 3): number {
  fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    if (samples.length >= 1000) break;
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export async function timeMedianAsync(fn: () => Promise<unknown>, minMs = 300, minRuns = 3): Promise<number> {
  await fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
    if (samples.length >= 1000) break;
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/**
 * The package root: benchmarks run compiled from dist-bench/bench/, two folders below it. Modules that find
 * their files from their own place (the shared-domain finder) are given it, since their compiled copy in
 * dist-bench/ sits one level deeper than in dist/.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
