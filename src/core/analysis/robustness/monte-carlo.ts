import { realiseUtility, type UtilityFunction } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import type { PartyModel } from '../../model/party-model.js';
import { isComplete } from '../../model/subspace.js';
import { createRng } from '../../random/rng.js';
import { type Distribution, sampleInterval } from '../../random/samplers.js';
import { type Proportion, proportion, type Summary, summarise } from '../../statistics/index.js';
import { type AcceptancePlan, evaluatePlan, planAcceptance } from './acceptance-plan.js';
import type { CandidatePackage } from './candidates.js';

/**
 * Monte Carlo robustness of candidate packages under preference uncertainty.
 *
 * Each sample draws every uncertain number of every party (issue weights, option values, adjustment deltas,
 * BATNA, capability) from its stated range and checks, for each package, whether each party would accept:
 * no red line crossed and utility >= BATNA. For a package that leaves issues open, a party accepts
 * - "guaranteed" when every completion is acceptable (no completion crosses a red line and the worst
 *   completion's utility reaches the BATNA), and
 * - "possible" when some completion is acceptable (one that crosses none of its red lines and whose utility
 *   reaches the BATNA).
 * For a complete package both coincide. Utilities equal to the BATNA within 1e-9 points count as reaching it,
 * so floating-point rounding of the weight normalisation never decides a tie.
 *
 * Sample s uses the stream createRng(seed).fork('monte-carlo').fork(s), and each party within it its own
 * fork by party id, so any split of the samples into chunks (threads) yields bit-identical results.
 */

export const TIE_TOLERANCE = 1e-9;

export interface SolveContext {
  compiled: CompiledScenario;
  /** Each model's capability in this draw (undefined when the party states none), in model order. */
  capabilities: Array<number | undefined>;
}

/** A bargaining solution: picks an outcome for the drawn utility functions (one per model) and names it by a key. */
export type SolveFn = (fns: UtilityFunction[], context: SolveContext) => string;

export interface MonteCarloChunkOptions {
  seed: number | string;
  /** Samples from..to-1 of the run. */
  from: number;
  to: number;
  distribution?: Distribution;
  /** Bargaining solutions whose stability to check, by name. */
  solvers?: Record<string, SolveFn>;
}

export interface MonteCarloOptions {
  samples: number;
  seed: number | string;
  distribution?: Distribution;
  solvers?: Record<string, SolveFn>;
}

export interface PartyInfo {
  party: string;
  name: string;
  role: PartyModel['role'];
  signatory: boolean;
}

export interface PackageInfo {
  id: string;
  label?: string;
  complete: boolean;
  /**
   * False when some party's interacting open issues were too many to enumerate: then that party's worst
   * utility is a lower bound and its best an upper bound, so P(guaranteed) is a lower bound and P(possible) an
   * upper bound.
   */
  exact: boolean;
}

/** Raw per-sample results of a range of samples; chunks merge exactly, by concatenation in sample order. */
export interface MonteCarloTallies {
  seed: number | string;
  distribution: Distribution;
  from: number;
  to: number;
  parties: PartyInfo[];
  packages: PackageInfo[];
  /** [model][sample] */
  batna: Float64Array[];
  /** [model][sample]; NaN when the party states no capability. */
  capability: Float64Array[];
  /** [package][model][sample] worst and best utility over the package's completions. */
  worst: Float64Array[][];
  best: Float64Array[][];
  /** [package][model][sample] 1 when the party accepts (guaranteed / possible). */
  guaranteed: Uint8Array[][];
  possible: Uint8Array[][];
  /** Per solver: its outcome at the estimates and its outcome in each sample. */
  solutions: Array<{ name: string; atEstimate: string; outcomes: string[] }>;
}

export class MonteCarloError extends Error {}

function checkRange(from: number, to: number): void {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from) {
    throw new MonteCarloError(`a sample range needs integers 0 <= from <= to, got from=${from}, to=${to}`);
  }
}

function matrix<T>(rows: number, cols: number, make: () => T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, make));
}

export function runMonteCarloChunk(
  compiled: CompiledScenario,
  packages: CandidatePackage[],
  options: MonteCarloChunkOptions,
): MonteCarloTallies {
  const { from, to, seed } = options;
  checkRange(from, to);
  const distribution = options.distribution ?? 'triangular';
  const models = compiled.models;
  const n = to - from;
  const signatorySet = new Set(compiled.signatories);
  const plans: AcceptancePlan[][] = packages.map((p) => models.map((m) => planAcceptance(m, p.subspace)));

  const solverEntries = Object.entries(options.solvers ?? {});
  const solutions = solverEntries.map(([name, solve]) => ({
    name,
    atEstimate: solve(
      models.map((m) => realiseUtility(m, 'estimate')),
      { compiled, capabilities: models.map((m) => m.capability?.estimate) },
    ),
    outcomes: new Array<string>(n),
  }));

  const tallies: MonteCarloTallies = {
    seed,
    distribution,
    from,
    to,
    parties: models.map((m, k) => ({
      party: m.party,
      name: m.name,
      role: m.role,
      signatory: signatorySet.has(k),
    })),
    packages: packages.map((p, j) => ({
      id: p.id,
      label: p.label,
      complete: isComplete(p.subspace),
      exact: plans[j].every((plan) => plan.exact),
    })),
    batna: models.map(() => new Float64Array(n)),
    capability: models.map(() => new Float64Array(n)),
    worst: matrix(packages.length, models.length, () => new Float64Array(n)),
    best: matrix(packages.length, models.length, () => new Float64Array(n)),
    guaranteed: matrix(packages.length, models.length, () => new Uint8Array(n)),
    possible: matrix(packages.length, models.length, () => new Uint8Array(n)),
    solutions,
  };

  const root = createRng(seed).fork('monte-carlo');
  const fns: UtilityFunction[] = new Array(models.length);
  const capabilities: Array<number | undefined> = new Array(models.length);
  for (let s = from; s < to; s++) {
    const r = s - from;
    const sampleRng = root.fork(s);
    for (let m = 0; m < models.length; m++) {
      const model = models[m];
      const rng = sampleRng.fork(model.party);
      fns[m] = realiseUtility(model, (interval) => sampleInterval(rng, interval, distribution));
      capabilities[m] = model.capability ? sampleInterval(rng, model.capability, distribution) : undefined;
      tallies.batna[m][r] = fns[m].batna;
      tallies.capability[m][r] = capabilities[m] ?? Number.NaN;
    }
    for (let j = 0; j < packages.length; j++) {
      const subspace = packages[j].subspace;
      for (let m = 0; m < models.length; m++) {
        const plan = plans[j][m];
        const values = evaluatePlan(plan, fns[m], subspace);
        const threshold = fns[m].batna - TIE_TOLERANCE;
        tallies.worst[j][m][r] = values.worst;
        tallies.best[j][m][r] = values.best;
        tallies.guaranteed[j][m][r] = plan.redLines === 'respected' && values.worst >= threshold ? 1 : 0;
        tallies.possible[j][m][r] = plan.redLines !== 'crossed' && values.bestRespecting >= threshold ? 1 : 0;
      }
    }
    for (let k = 0; k < solverEntries.length; k++) {
      solutions[k].outcomes[r] = solverEntries[k][1](fns.slice(), {
        compiled,
        capabilities: capabilities.slice(),
      });
    }
  }
  return tallies;
}

function concatFloat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Joins chunks covering consecutive sample ranges (in any order) into the tallies of one run over their union. */
export function mergeTallies(chunks: MonteCarloTallies[]): MonteCarloTallies {
  if (chunks.length === 0) throw new MonteCarloError('nothing to merge');
  const sorted = [...chunks].sort((a, b) => a.from - b.from);
  const first = sorted[0];
  for (let k = 1; k < sorted.length; k++) {
    const chunk = sorted[k];
    if (chunk.from !== sorted[k - 1].to) {
      throw new MonteCarloError(
        `chunks must cover consecutive samples: one ends at ${sorted[k - 1].to}, the next starts at ${chunk.from}`,
      );
    }
    if (
      chunk.seed !== first.seed ||
      chunk.distribution !== first.distribution ||
      JSON.stringify([chunk.parties, chunk.packages]) !== JSON.stringify([first.parties, first.packages]) ||
      JSON.stringify(chunk.solutions.map((s) => [s.name, s.atEstimate])) !==
        JSON.stringify(first.solutions.map((s) => [s.name, s.atEstimate]))
    ) {
      throw new MonteCarloError(
        'chunks come from different runs (seed, distribution, parties, packages or solvers differ)',
      );
    }
  }
  const cells = <T>(pick: (t: MonteCarloTallies) => T[][], join: (parts: T[]) => T): T[][] =>
    pick(first).map((row, j) => row.map((_, m) => join(sorted.map((t) => pick(t)[j][m]))));
  return {
    seed: first.seed,
    distribution: first.distribution,
    from: first.from,
    to: sorted[sorted.length - 1].to,
    parties: first.parties,
    packages: first.packages,
    batna: first.batna.map((_, m) => concatFloat(sorted.map((t) => t.batna[m]))),
    capability: first.capability.map((_, m) => concatFloat(sorted.map((t) => t.capability[m]))),
    worst: cells((t) => t.worst, concatFloat),
    best: cells((t) => t.best, concatFloat),
    guaranteed: cells((t) => t.guaranteed, concatBytes),
    possible: cells((t) => t.possible, concatBytes),
    solutions: first.solutions.map((s, k) => ({
      name: s.name,
      atEstimate: s.atEstimate,
      outcomes: sorted.flatMap((t) => t.solutions[k].outcomes),
    })),
  };
}

export interface PartyRobustness {
  party: string;
  name: string;
  signatory: boolean;
  accept: { guaranteed: Proportion; possible: Proportion };
  /** Worst and best utility over the package's completions (equal for a complete package). */
  utility: { worst: Summary; best: Summary };
  /** Worst utility minus BATNA, per sample. */
  gain: Summary;
}

export interface PackageRobustness extends PackageInfo {
  /** 1 = most robust: highest P(every signatory accepts, guaranteed), then highest mean minimum gain. */
  rank: number;
  allAccept: {
    /** Every signatory accepts every completion. */
    guaranteed: Proportion;
    /**
     * Every signatory has some acceptable completion, not necessarily the same one: an upper bound on the
     * probability that one completion suits them all (equal to it for a complete package).
     */
    eachPossible: Proportion;
  };
  /** Mean over samples of the smallest signatory gain (worst utility minus BATNA); null without signatories. */
  meanMinGain: number | null;
  parties: PartyRobustness[];
}

export interface SolutionStability {
  name: string;
  atEstimate: string;
  /** Share of samples in which the solution picks the same outcome as at the estimates. */
  stability: Proportion;
  distinctOutcomes: number;
  /** The (up to) ten most frequent outcomes, most frequent first (ties by key). */
  top: Array<{ outcome: string; count: number; share: number }>;
}

export interface MonteCarloResult {
  samples: number;
  seed: number | string;
  distribution: Distribution;
  parties: Array<PartyInfo & { batna: Summary; capability?: Summary }>;
  /** Packages in rank order. */
  packages: PackageRobustness[];
  solutions: SolutionStability[];
}

function count(bits: Uint8Array): number {
  let c = 0;
  for (let k = 0; k < bits.length; k++) c += bits[k];
  return c;
}

export function summariseTallies(tallies: MonteCarloTallies): MonteCarloResult {
  const n = tallies.to - tallies.from;
  if (n < 1) throw new MonteCarloError('a Monte Carlo result needs at least one sample');
  const signatories = tallies.parties.flatMap((p, m) => (p.signatory ? [m] : []));
  const packages = tallies.packages.map((info, j): Omit<PackageRobustness, 'rank'> => {
    let allGuaranteed = 0;
    let allPossible = 0;
    let minGainSum = 0;
    for (let r = 0; r < n; r++) {
      let g = 1;
      let p = 1;
      let minGain = Number.POSITIVE_INFINITY;
      for (const m of signatories) {
        g &= tallies.guaranteed[j][m][r];
        p &= tallies.possible[j][m][r];
        minGain = Math.min(minGain, tallies.worst[j][m][r] - tallies.batna[m][r]);
      }
      allGuaranteed += g;
      allPossible += p;
      minGainSum += minGain;
    }
    return {
      ...info,
      allAccept: { guaranteed: proportion(allGuaranteed, n), eachPossible: proportion(allPossible, n) },
      meanMinGain: signatories.length === 0 ? null : minGainSum / n,
      parties: tallies.parties.map((party, m) => {
        const worst = summarise(tallies.worst[j][m]);
        return {
          party: party.party,
          name: party.name,
          signatory: party.signatory,
          accept: {
            guaranteed: proportion(count(tallies.guaranteed[j][m]), n),
            possible: proportion(count(tallies.possible[j][m]), n),
          },
          // A complete package has one outcome, so its worst and best utilities are the same numbers.
          utility: { worst, best: info.complete ? worst : summarise(tallies.best[j][m]) },
          gain: summarise(tallies.worst[j][m].map((u, r) => u - tallies.batna[m][r])),
        };
      }),
    };
  });
  const order = packages
    .map((p, j) => ({ p, j }))
    .sort(
      (a, b) =>
        b.p.allAccept.guaranteed.p - a.p.allAccept.guaranteed.p ||
        (b.p.meanMinGain ?? Number.NEGATIVE_INFINITY) - (a.p.meanMinGain ?? Number.NEGATIVE_INFINITY) ||
        a.j - b.j,
    );
  return {
    samples: n,
    seed: tallies.seed,
    distribution: tallies.distribution,
    parties: tallies.parties.map((party, m) => ({
      ...party,
      batna: summarise(tallies.batna[m]),
      ...(Number.isNaN(tallies.capability[m][0]) ? {} : { capability: summarise(tallies.capability[m]) }),
    })),
    packages: order.map(({ p }, k) => ({ ...p, rank: k + 1 })),
    solutions: tallies.solutions.map((s) => {
      const counts = new Map<string, number>();
      for (const o of s.outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
      const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return {
        name: s.name,
        atEstimate: s.atEstimate,
        stability: proportion(counts.get(s.atEstimate) ?? 0, n),
        distinctOutcomes: counts.size,
        top: ranked.slice(0, 10).map(([outcome, c]) => ({ outcome, count: c, share: c / n })),
      };
    }),
  };
}

/** The serial run: all samples in one chunk. */
export function runMonteCarlo(
  compiled: CompiledScenario,
  packages: CandidatePackage[],
  options: MonteCarloOptions,
): MonteCarloResult {
  if (!Number.isSafeInteger(options.samples) || options.samples < 1) {
    throw new MonteCarloError(`samples must be a positive integer, got ${options.samples}`);
  }
  return summariseTallies(
    runMonteCarloChunk(compiled, packages, {
      seed: options.seed,
      from: 0,
      to: options.samples,
      distribution: options.distribution,
      solvers: options.solvers,
    }),
  );
}
