import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, planAcceptance } from '../../../../src/core/analysis/robustness/acceptance-plan.js';
import type { CandidatePackage } from '../../../../src/core/analysis/robustness/candidates.js';
import {
  type MonteCarloTallies,
  mergeTallies,
  runMonteCarlo,
  runMonteCarloChunk,
  type SolveFn,
  summariseTallies,
} from '../../../../src/core/analysis/robustness/monte-carlo.js';
import { evaluateSubspace } from '../../../../src/core/evaluate/evaluate.js';
import {
  realiseUtility,
  type UtilityFunction,
  utilityOf,
} from '../../../../src/core/evaluate/utility-function.js';
import { type CompiledScenario, compileScenario } from '../../../../src/core/model/compile.js';
import { decodeOutcome, encodeOutcome } from '../../../../src/core/model/outcome-space.js';
import { holds } from '../../../../src/core/model/rule.js';
import { forEachCompletion, fullSubspace, type Subspace } from '../../../../src/core/model/subspace.js';
import { createRng } from '../../../../src/core/random/rng.js';
import { sampleInterval, triangularCdf } from '../../../../src/core/random/samplers.js';
import { arbitraryScenario } from '../../../support/random-scenario.js';
import { tinyScenario } from '../../../support/tiny-scenario.js';
import { oneIssueScenario } from './scenarios.js';

/** Packages cut from the full space: cuts[i] % options + 1 options kept on issue i (1 = settled). */
function cutPackages(compiled: CompiledScenario, cuts: number[][]): CandidatePackage[] {
  return cuts.map((cut, j) => {
    const sub = fullSubspace(compiled.space);
    sub.allowed.forEach((a, i) => {
      const keep = 1 + ((cut[i] ?? 0) % a.length);
      const start = (cut[i] ?? 0) % (a.length - keep + 1);
      sub.allowed[i] = a.slice(start, start + keep);
    });
    return { id: `pkg${j}`, subspace: sub };
  });
}

/** Independent brute force: every completion's utility and red-line status for one drawn utility function. */
function bruteForce(compiled: CompiledScenario, m: number, fn: UtilityFunction, sub: Subspace) {
  const model = compiled.models[m];
  let worst = Number.POSITIVE_INFINITY;
  let best = Number.NEGATIVE_INFINITY;
  let everyOk = true;
  let someOk = false;
  let nearTie = false;
  forEachCompletion(sub, (o) => {
    const u = utilityOf(fn, o);
    const crossed = model.redLines.some((line) => holds(line.crossedWhen, o));
    worst = Math.min(worst, u);
    best = Math.max(best, u);
    if (Math.abs(u - fn.batna) < 1e-6) nearTie = true;
    const ok = !crossed && u >= fn.batna;
    everyOk &&= ok;
    someOk ||= ok;
  });
  return { worst, best, everyOk, someOk, nearTie };
}

/** The documented stream of party m in sample s. */
function drawnUtility(
  compiled: CompiledScenario,
  seed: number | string,
  s: number,
  m: number,
): UtilityFunction {
  const model = compiled.models[m];
  const rng = createRng(seed).fork('monte-carlo').fork(s).fork(model.party);
  return realiseUtility(model, (interval) => sampleInterval(rng, interval));
}

const shape = { parties: 3, issues: 4, maxOptions: 3, adjustments: true, redLines: true };
const cuts = fc.array(fc.array(fc.nat({ max: 5 }), { minLength: 4, maxLength: 4 }), {
  minLength: 1,
  maxLength: 3,
});

describe('Monte Carlo without uncertainty', () => {
  it('gives probabilities of exactly 0 or 1 that match evaluateSubspace and brute force', () => {
    fc.assert(
      fc.property(arbitraryScenario({ ...shape, uncertainty: false }), cuts, (scenario, cut) => {
        const compiled = compileScenario(scenario);
        const packages = cutPackages(compiled, cut);
        const result = runMonteCarlo(compiled, packages, { samples: 3, seed: 1 });
        for (const pack of result.packages) {
          const candidate = packages.find((p) => p.id === pack.id)!;
          const evaluation = evaluateSubspace(compiled, candidate.subspace);
          let anyTie = false;
          pack.parties.forEach((party, m) => {
            const brute = bruteForce(compiled, m, realiseUtility(compiled.models[m]), candidate.subspace);
            anyTie ||= brute.nearTie;
            expect(party.utility.worst.min).toBeCloseTo(brute.worst, 9);
            expect(party.utility.worst.max).toBeCloseTo(brute.worst, 9);
            expect(party.utility.best.q50).toBeCloseTo(brute.best, 9);
            for (const p of [party.accept.guaranteed.p, party.accept.possible.p]) expect([0, 1]).toContain(p);
            if (brute.nearTie) return;
            expect(party.accept.guaranteed.p).toBe(brute.everyOk ? 1 : 0);
            expect(party.accept.possible.p).toBe(brute.someOk ? 1 : 0);
            expect(party.accept.guaranteed.p === 1).toBe(evaluation.parties[m].acceptable === 'yes');
            if (party.accept.possible.p === 1) expect(evaluation.parties[m].acceptable).not.toBe('no');
          });
          if (!anyTie && pack.complete) {
            expect(pack.allAccept.guaranteed.p === 1).toBe(evaluation.verdict === 'yes');
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('Monte Carlo with uncertainty', () => {
  it('each sample matches brute force over completions for the same draws', () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ ...shape, uncertainty: true }),
        cuts,
        fc.integer(),
        (scenario, cut, seed) => {
          const compiled = compileScenario(scenario);
          const packages = cutPackages(compiled, cut);
          const samples = 4;
          const t = runMonteCarloChunk(compiled, packages, { seed, from: 0, to: samples });
          for (let s = 0; s < samples; s++) {
            compiled.models.forEach((_, m) => {
              const fn = drawnUtility(compiled, seed, s, m);
              expect(t.batna[m][s]).toBe(fn.batna);
              packages.forEach((p, j) => {
                const brute = bruteForce(compiled, m, fn, p.subspace);
                expect(t.worst[j][m][s]).toBeCloseTo(brute.worst, 9);
                expect(t.best[j][m][s]).toBeCloseTo(brute.best, 9);
                if (!brute.nearTie) {
                  expect(t.guaranteed[j][m][s]).toBe(brute.everyOk ? 1 : 0);
                  expect(t.possible[j][m][s]).toBe(brute.someOk ? 1 : 0);
                }
              });
            });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('an uncertain BATNA against a certain utility: P(accept) = F_BATNA(u), inside the Wilson interval', () => {
    // Utility of "hi" is 60; BATNA ~ triangular(40, 55, 80): P(BATNA <= 60) = 1 - 20^2 / (40 * 25) = 0.6.
    const compiled = compileScenario(
      oneIssueScenario({ lo: 0, hi: 60 }, { estimate: 55, low: 40, high: 80 }),
    );
    const truth = triangularCdf(60, 40, 55, 80);
    expect(truth).toBeCloseTo(0.6, 12);
    const pack = [{ id: 'hi', subspace: { allowed: [Int32Array.of(1)] } }];
    let covered = 0;
    let successes = 0;
    const runs = 20;
    const samples = 2000;
    for (let seed = 0; seed < runs; seed++) {
      const accept = runMonteCarlo(compiled, pack, { samples, seed }).packages[0].parties[0].accept
        .guaranteed;
      if (accept.ci95[0] <= truth && truth <= accept.ci95[1]) covered++;
      successes += accept.successes;
    }
    // A 95% interval covers in 19 of 20 runs on average; 16 or more happens with probability 0.997.
    expect(covered).toBeGreaterThanOrEqual(16);
    const pooled = successes / (runs * samples);
    expect(Math.abs(pooled - truth)).toBeLessThan(4 * Math.sqrt((truth * (1 - truth)) / (runs * samples)));
  });

  it('an uncertain option value against a certain BATNA: P(accept) = 1 - F_value(BATNA)', () => {
    // Value of "hi" ~ triangular(20, 50, 90), BATNA 60: P(value >= 60) = 30^2 / (70 * 40) = 9/28.
    const compiled = compileScenario(
      oneIssueScenario({ lo: 0, hi: { estimate: 50, low: 20, high: 90 } }, 60),
    );
    const truth = 1 - triangularCdf(60, 20, 50, 90);
    expect(truth).toBeCloseTo(9 / 28, 12);
    const result = runMonteCarlo(compiled, [{ id: 'hi', subspace: { allowed: [Int32Array.of(1)] } }], {
      samples: 20_000,
      seed: 'closed-form',
    });
    const accept = result.packages[0].allAccept.guaranteed;
    expect(accept.ci95[0]).toBeLessThanOrEqual(truth);
    expect(accept.ci95[1]).toBeGreaterThanOrEqual(truth);
    // The utility is the value itself: its mean is (20 + 50 + 90) / 3 within 4 standard errors.
    const sd = Math.sqrt((20 ** 2 + 50 ** 2 + 90 ** 2 - 20 * 50 - 20 * 90 - 50 * 90) / 18);
    expect(Math.abs(result.packages[0].parties[0].utility.worst.mean - 160 / 3)).toBeLessThan(
      (4 * sd) / Math.sqrt(20_000),
    );
  });

  it('a uniform reading of the range gives P = 1/2 for a BATNA uniform on [40, 80] against 60', () => {
    const compiled = compileScenario(
      oneIssueScenario({ lo: 0, hi: 60 }, { estimate: 45, low: 40, high: 80 }),
    );
    const accept = runMonteCarlo(compiled, [{ id: 'hi', subspace: { allowed: [Int32Array.of(1)] } }], {
      samples: 20_000,
      seed: 3,
      distribution: 'uniform',
    }).packages[0].allAccept.guaranteed;
    expect(accept.ci95[0]).toBeLessThanOrEqual(0.5);
    expect(accept.ci95[1]).toBeGreaterThanOrEqual(0.5);
  });
});

describe('determinism and chunking', () => {
  const compiled = compileScenario(tinyScenario(), { at: '2025-03-01' });
  const packages: CandidatePackage[] = [
    {
      id: 'share-open',
      subspace: { allowed: [Int32Array.of(1), Int32Array.of(0, 1, 2, 3, 4), Int32Array.of(0, 1)] },
    },
    { id: 'keep', subspace: { allowed: [Int32Array.of(0), Int32Array.of(2), Int32Array.of(1)] } },
    { id: 'cede', subspace: { allowed: [Int32Array.of(2), Int32Array.of(4), Int32Array.of(0)] } },
  ];

  it('any split into chunks, merged in any order, gives the same tallies and result as one run', () => {
    const whole = runMonteCarloChunk(compiled, packages, { seed: 9, from: 0, to: 50 });
    const parts: MonteCarloTallies[] = [
      [30, 50],
      [0, 7],
      [7, 7],
      [7, 30],
    ].map(([from, to]) => runMonteCarloChunk(compiled, packages, { seed: 9, from, to }));
    const merged = mergeTallies(parts);
    expect(merged).toEqual(whole);
    expect(summariseTallies(merged)).toEqual(runMonteCarlo(compiled, packages, { samples: 50, seed: 9 }));
  });

  it('refuses gaps and mixed runs when merging', () => {
    const a = runMonteCarloChunk(compiled, packages, { seed: 9, from: 0, to: 5 });
    const b = runMonteCarloChunk(compiled, packages, { seed: 9, from: 6, to: 9 });
    const c = runMonteCarloChunk(compiled, packages, { seed: 8, from: 5, to: 9 });
    expect(() => mergeTallies([a, b])).toThrow(/consecutive samples/);
    expect(() => mergeTallies([a, c])).toThrow(/different runs/);
  });

  it('the same seed gives the same result; another seed gives other draws', () => {
    const one = runMonteCarloChunk(compiled, packages, { seed: 'x', from: 0, to: 40 });
    const again = runMonteCarloChunk(compiled, packages, { seed: 'x', from: 0, to: 40 });
    const other = runMonteCarloChunk(compiled, packages, { seed: 'y', from: 0, to: 40 });
    expect(again).toEqual(one);
    // Alpha's BATNA is uncertain on 2025-03-01 (40..60): every draw differs between the seeds.
    const differing = one.batna[0].filter((x, s) => x !== other.batna[0][s]).length;
    expect(differing).toBe(40);
    expect(new Set(one.batna[0]).size).toBe(40);
  });

  it('ranks by P(all accept) and then by mean minimum gain', () => {
    const result = runMonteCarlo(compiled, packages, { samples: 300, seed: 4 });
    const ranked = result.packages;
    expect(ranked.map((p) => p.rank)).toEqual([1, 2, 3]);
    for (let k = 1; k < ranked.length; k++) {
      const [a, b] = [ranked[k - 1], ranked[k]];
      expect(a.allAccept.guaranteed.p).toBeGreaterThanOrEqual(b.allAccept.guaranteed.p);
      if (a.allAccept.guaranteed.p === b.allAccept.guaranteed.p) {
        expect(a.meanMinGain!).toBeGreaterThanOrEqual(b.meanMinGain!);
      }
    }
    // Ceding crosses Alpha's red line in every draw; keeping crosses Beta's.
    for (const id of ['cede', 'keep']) {
      expect(ranked.find((p) => p.id === id)!.allAccept.guaranteed.p).toBe(0);
    }
    expect(ranked.find((p) => p.id === 'cede')!.parties[0].accept.possible.p).toBe(0);
  });
});

describe('bargaining-solution stability hook', () => {
  /** Brute-force utilitarian solution: the outcome with the largest sum of utilities (first on ties). */
  const utilitarian: SolveFn = (fns, { compiled }) => {
    const space = compiled.space;
    let bestIndex = 0;
    let bestSum = Number.NEGATIVE_INFINITY;
    const outcome = new Int32Array(space.issues.length);
    for (let index = 0; index < space.size; index++) {
      decodeOutcome(space, index, outcome);
      let sum = 0;
      for (const fn of fns) sum += utilityOf(fn, outcome);
      if (sum > bestSum + 1e-9) {
        bestSum = sum;
        bestIndex = index;
      }
    }
    return String(bestIndex);
  };

  it('reports how often each solution keeps its outcome at the estimates, recomputed independently', () => {
    const compiled = compileScenario(tinyScenario(), { at: '2025-03-01' });
    const seed = 21;
    const samples = 200;
    const t = runMonteCarloChunk(compiled, [], { seed, from: 0, to: samples, solvers: { utilitarian } });
    const atEstimate = utilitarian(
      compiled.models.map((m) => realiseUtility(m)),
      { compiled, capabilities: [] },
    );
    expect(t.solutions[0].atEstimate).toBe(atEstimate);
    let same = 0;
    for (let s = 0; s < samples; s++) {
      const fns = compiled.models.map((_, m) => drawnUtility(compiled, seed, s, m));
      const expected = utilitarian(fns, { compiled, capabilities: [] });
      expect(t.solutions[0].outcomes[s]).toBe(expected);
      if (expected === atEstimate) same++;
    }
    const summary = summariseTallies(t).solutions[0];
    expect(summary.stability.successes).toBe(same);
    expect(summary.top.reduce((n, o) => n + o.count, 0)).toBeLessThanOrEqual(samples);
    expect(summary.top[0].count).toBeGreaterThanOrEqual(summary.top.at(-1)!.count);
    // The estimates' outcome is a real outcome of the space.
    expect(encodeOutcome(compiled.space, decodeOutcome(compiled.space, Number(atEstimate)))).toBe(
      Number(atEstimate),
    );
  });

  it("is perfectly stable when nothing is uncertain, and sees each draw's capabilities", () => {
    const compiled = compileScenario(oneIssueScenario({ lo: 10, hi: 60 }, 30));
    const seen: Array<number | undefined> = [];
    const spy: SolveFn = (fns, context) => {
      seen.push(context.capabilities[0]);
      return utilitarian(fns, context);
    };
    const result = runMonteCarlo(compiled, [], { samples: 25, seed: 0, solvers: { spy } });
    expect(result.solutions[0].stability.p).toBe(1);
    expect(result.solutions[0].atEstimate).toBe('1');
    expect(seen.every((c) => c === undefined)).toBe(true);
  });
});

describe('acceptance plans beyond the enumeration limit', () => {
  it('enclose the exact worst and best utilities', () => {
    fc.assert(
      fc.property(arbitraryScenario({ ...shape, uncertainty: false }), cuts, (scenario, cut) => {
        const compiled = compileScenario(scenario);
        for (const p of cutPackages(compiled, cut)) {
          compiled.models.forEach((model, m) => {
            const fn = realiseUtility(model);
            const bounded = evaluatePlan(planAcceptance(model, p.subspace, 0), fn, p.subspace);
            const brute = bruteForce(compiled, m, fn, p.subspace);
            expect(bounded.worst).toBeLessThanOrEqual(brute.worst + 1e-9);
            expect(bounded.best).toBeGreaterThanOrEqual(brute.best - 1e-9);
            expect(bounded.bestRespecting).toBeGreaterThanOrEqual(brute.best - 1e-9);
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('mark the package as not exact', () => {
    const compiled = compileScenario(tinyScenario());
    const plan = planAcceptance(compiled.models[0], fullSubspace(compiled.space), 3);
    expect(plan.exact).toBe(false);
    expect(planAcceptance(compiled.models[0], fullSubspace(compiled.space)).exact).toBe(true);
  });
});
