/** Statistics for Monte Carlo runs and tournament scores: one module each, re-exported here. */
export { type Estimate, estimate, mean, sampleSd } from './estimate.js';
export { maxOf, minOf } from './extremes.js';
export { type PermutationTest, pairedPermutationTest } from './paired-permutation-test.js';
export { type Proportion, proportion } from './proportion.js';
export { incompleteBeta, lnGamma, studentTCdf, studentTQuantile } from './student-t.js';
export { quantileSorted, type Summary, selectInPlace, summarise } from './summarise.js';
