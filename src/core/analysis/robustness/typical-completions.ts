import { realiseUtility, utilityOf } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { holds } from '../../model/rule.js';
import { createRng } from '../../random/rng.js';
import { type Distribution, sampleInterval } from '../../random/samplers.js';
import { type Proportion, proportion } from '../../statistics/index.js';
import type { CandidatePackage } from './candidates.js';
import { TIE_TOLERANCE } from './monte-carlo.js';

/**
 * Acceptance of each package under a typical completion rather than the worst one. Each draw takes every
 * estimate from its range (as the Monte Carlo robustness run does) and one completion of the package's open
 * issues, every completion equally likely; a party accepts when that outcome crosses none of its red lines and
 * reaches its BATNA. For a complete package this equals the worst-case acceptance.
 *
 * Draw s uses createRng(seed).fork('typical-completions').fork(s), so the result depends only on the seed and
 * the number of draws.
 */
export interface TypicalAcceptance {
  method: 'uniform completions with estimate draws';
  samples: number;
  seed: number | string;
  distribution: Distribution;
  packages: Array<{
    id: string;
    /** All signatories accept the drawn outcome. */
    allAccept: Proportion;
    parties: Array<{ party: string; name: string; accept: Proportion }>;
  }>;
}

export interface TypicalOptions {
  samples: number;
  seed: number | string;
  distribution?: Distribution;
}

export function typicalCompletionAcceptance(
  compiled: CompiledScenario,
  packages: CandidatePackage[],
  options: TypicalOptions,
): TypicalAcceptance {
  const { samples, seed } = options;
  if (!Number.isSafeInteger(samples) || samples < 1)
    throw new RangeError(`samples must be a positive integer, got ${samples}`);
  const distribution = options.distribution ?? 'triangular';
  const signatories = compiled.signatories;
  const counts = packages.map(() => ({ all: 0, parties: signatories.map(() => 0) }));
  const root = createRng(seed).fork('typical-completions');
  const outcome = new Int32Array(compiled.space.radix.length);
  for (let s = 0; s < samples; s++) {
    const draw = root.fork(s);
    const fns = signatories.map((m) => {
      const rng = draw.fork(compiled.models[m].party);
      return realiseUtility(compiled.models[m], (interval) => sampleInterval(rng, interval, distribution));
    });
    const completions = draw.fork('completion');
    packages.forEach((pack, j) => {
      pack.subspace.allowed.forEach((allowed, i) => {
        outcome[i] = allowed.length === 1 ? allowed[0] : allowed[completions.int(allowed.length)];
      });
      let all = true;
      signatories.forEach((m, k) => {
        const model = compiled.models[m];
        const accepts =
          !model.redLines.some((line) => holds(line.crossedWhen, outcome)) &&
          utilityOf(fns[k], outcome) >= fns[k].batna - TIE_TOLERANCE;
        if (accepts) counts[j].parties[k]++;
        else all = false;
      });
      if (all) counts[j].all++;
    });
  }
  return {
    method: 'uniform completions with estimate draws',
    samples,
    seed,
    distribution,
    packages: packages.map((pack, j) => ({
      id: pack.id,
      allAccept: proportion(counts[j].all, samples),
      parties: signatories.map((m, k) => ({
        party: compiled.models[m].party,
        name: compiled.models[m].name,
        accept: proportion(counts[j].parties[k], samples),
      })),
    })),
  };
}
