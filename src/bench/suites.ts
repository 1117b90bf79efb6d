import { flagshipSuite } from '../adapters/analysis/flagship.bench.js';
import { domainsSuite } from '../adapters/interop/domains.bench.js';
import { simulationBench } from '../adapters/simulation/simulation.bench.js';
import { robustnessBench } from '../adapters/workers/robustness.bench.js';
import { paretoSuite } from '../core/analysis/pareto.bench.js';
import { stabilitySuite } from '../core/stability/stability.bench.js';
import { versionsBench } from '../core/versions/versions.bench.js';
import { bargainingSuite } from './bargaining.bench.js';
import type { BenchSuite } from './bench-result.js';

/** Every benchmark suite; each lives in its own module beside the code it measures. */
export const suites: BenchSuite[] = [
  paretoSuite,
  domainsSuite,
  bargainingSuite,
  flagshipSuite,
  versionsBench,
  robustnessBench,
  simulationBench,
  stabilitySuite,
];
