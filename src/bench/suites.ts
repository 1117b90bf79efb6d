import { bargainingSuite } from './bargaining.bench.js';
import type { BenchSuite } from './bench-result.js';

/** Every benchmark suite; each lives in its own module beside the code it measures. */
export const suites: BenchSuite[] = [bargainingSuite];
