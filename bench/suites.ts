import { bargainingSuite } from './bargaining.bench.js';
import type { BenchSuite } from './bench-result.js';
import { builderSuite } from './builder.bench.js';
import { domainsSuite } from './domains.bench.js';
import { flagshipSuite } from './flagship.bench.js';
import { forecastSuite } from './forecast.bench.js';
import { frontierSuite } from './frontier.bench.js';
import { paretoSuite } from './pareto.bench.js';
import { robustnessBench } from './robustness.bench.js';
import { sandboxBench } from './sandbox.bench.js';
import { serverSuite } from './server.bench.js';
import { simulationBench } from './simulation.bench.js';
import { stabilitySuite } from './stability.bench.js';
import { startupSuite } from './startup.bench.js';
import { storeSuite } from './store.bench.js';
import { versionsBench } from './versions.bench.js';

/** Every benchmark suite, one module each. */
export const suites: BenchSuite[] = [
  paretoSuite,
  frontierSuite,
  domainsSuite,
  bargainingSuite,
  flagshipSuite,
  versionsBench,
  robustnessBench,
  simulationBench,
  sandboxBench,
  stabilitySuite,
  startupSuite,
  forecastSuite,
  storeSuite,
  serverSuite,
  builderSuite,
];
