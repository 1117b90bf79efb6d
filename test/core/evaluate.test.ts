import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSubspace } from '../../src/core/evaluate/evaluate.js';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { maxWeightedMean, minWeightedMean, utilityRange } from '../../src/core/evaluate/utility-range.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { resolvePackage, subspaceFromAssignments } from '../../src/core/model/resolve.js';
import { forEachCompletion, fullSubspace, subspaceOfOutcome } from '../../src/core/model/subspace.js';
import { arbitraryScenario } from '../support/random-scenario.js';
import { tinyScenario } from '../support/tiny-scenario.js';

describe('utility arithmetic on a hand-checked scenario', () => {
  const compiled = compileScenario(tinyScenario(), { at: '2025-02-15' });
  const [alpha, beta] = compiled.models;

  it('weights are normalised and values interpolated on the numeric grid', () => {
    const u = realiseUtility(alpha);
    // land=share (60), troops=50k (value 50), money=some: 0.75*60 + 0.25*50 = 57.5
    expect(utilityOf(u, [1, 2, 1])).toBeCloseTo(57.5, 12);
    // land=share, troops=75k (75): 45 + 18.75 + adjustment 10 = 73.75
    expect(utilityOf(u, [1, 3, 0])).toBeCloseTo(73.75, 12);
    const v = realiseUtility(beta);
    // keep (0), troops 0k (100), none (100): (0 + 100 + 200)/4 = 75
    expect(utilityOf(v, [0, 0, 0])).toBeCloseTo(75, 12);
  });

  it('dated BATNA takes the latest entry at or before the date', () => {
    expect(alpha.batna.estimate).toBe(30);
    const later = compileScenario(tinyScenario(), { at: '2025-03-01' });
    expect(later.models[0].batna).toEqual({ estimate: 50, low: 40, high: 60 });
  });

  it('a partial outcome reports the exact range over its completions', () => {
    const sub = subspaceFromAssignments(compiled.space, { land: 'share' });
    const range = utilityRange(alpha, sub);
    // min: troops 0 -> 45; max: troops 100 -> 45 + 25 + 10 = 80
    expect(range).toEqual({ min: 45, max: 80, exact: true });
  });

  it('the uncertainty band uses the worst and best weights exactly', () => {
    const sub = subspaceFromAssignments(compiled.space, { land: 'keep', troops: 0, money: 'none' });
    const band = utilityRange(alpha, sub, 'band');
    // land value 100, troops value 0; troops weight in [0,3] against land weight 3:
    // min = 3*100/(3+3) = 50, max = 100 (troops weight 0)
    expect(band.min).toBeCloseTo(50, 12);
    expect(band.max).toBeCloseTo(100, 12);
  });

  it('package resolution reports conflicts and keeps the conflicting options open', () => {
    const resolution = resolvePackage(compiled.scenario, compiled.space, 'clash');
    expect(resolution.conflicts.map((c) => c.issue)).toEqual(['land']);
    expect(Array.from(resolution.subspace.allowed[0])).toEqual([0, 1]);
    const evaluation = evaluateSubspace(compiled, resolution.subspace, resolution);
    const betaLine = evaluation.parties[1].redLines[0];
    expect(betaLine.status).toBe('depends');
    expect(betaLine.points.map((p) => `${p.document}:${p.version}#${p.point}`).sort()).toEqual([
      'annex:x1#1',
      'plan:v2#1',
    ]);
  });

  it('red lines and BATNAs decide the verdict, with reasons', () => {
    const resolution = resolvePackage(compiled.scenario, compiled.space, 'p1');
    const evaluation = evaluateSubspace(compiled, resolution.subspace, resolution);
    expect(evaluation.parties[0].redLines[0].status).toBe('crossed');
    expect(evaluation.parties[0].acceptable).toBe('no');
    expect(evaluation.verdict).toBe('no');
    expect(evaluation.reasons[0]).toBe(
      "Alpha: rejects (crosses red line 'no-cede'; utility 12.5 is below its BATNA 30)",
    );
  });
});

describe('weighted mean bounds', () => {
  it('match brute force over the corners of the weight box', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 100 }),
            fc.integer({ min: 0, max: 5 }),
            fc.integer({ min: 0, max: 5 }),
          ),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (terms) => {
          const a = Float64Array.from(terms, (t) => t[0]);
          const low = Float64Array.from(terms, (t) => Math.min(t[1], t[2]));
          const high = Float64Array.from(terms, (t) => Math.max(t[1], t[2]));
          let min = Number.POSITIVE_INFINITY;
          let max = Number.NEGATIVE_INFINITY;
          for (let mask = 0; mask < 1 << terms.length; mask++) {
            let num = 0;
            let den = 0;
            for (let k = 0; k < terms.length; k++) {
              const w = mask & (1 << k) ? high[k] : low[k];
              num += w * a[k];
              den += w;
            }
            if (den > 0) {
              min = Math.min(min, num / den);
              max = Math.max(max, num / den);
            }
          }
          if (min === Number.POSITIVE_INFINITY) return;
          expect(minWeightedMean(a, low, high)).toBeCloseTo(min, 9);
          expect(maxWeightedMean(a, low, high)).toBeCloseTo(max, 9);
        },
      ),
    );
  });
});

describe('utility properties on random scenarios', () => {
  const shape = {
    parties: 3,
    issues: 4,
    maxOptions: 4,
    adjustments: true,
    redLines: true,
    uncertainty: true,
  };

  it('additive utilities stay within 0..100 and sample utilities lie inside the band', () => {
    fc.assert(
      fc.property(arbitraryScenario({ ...shape, adjustments: false }), fc.integer(), (scenario, seed) => {
        const compiled = compileScenario(scenario);
        const full = fullSubspace(compiled.space);
        for (const model of compiled.models) {
          const band = utilityRange(model, full, 'band');
          let state = seed >>> 0;
          const realise = (i: { low: number; high: number }) => {
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            return i.low + (state / 2 ** 32) * (i.high - i.low);
          };
          const u = realiseUtility(model, realise);
          forEachCompletion(full, (o) => {
            const x = utilityOf(u, o);
            expect(x).toBeGreaterThanOrEqual(-1e-9);
            expect(x).toBeLessThanOrEqual(100 + 1e-9);
            expect(x).toBeGreaterThanOrEqual(band.min - 1e-9);
            expect(x).toBeLessThanOrEqual(band.max + 1e-9);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('partial ranges are exactly the min and max over every completion', () => {
    fc.assert(
      fc.property(
        arbitraryScenario(shape),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (scenario, fix) => {
          const compiled = compileScenario(scenario);
          const sub = fullSubspace(compiled.space);
          sub.allowed.forEach((a, i) => {
            if (fix[i]) sub.allowed[i] = a.slice(0, 1 + (i % a.length));
          });
          for (const model of compiled.models) {
            const u = realiseUtility(model);
            let min = Number.POSITIVE_INFINITY;
            let max = Number.NEGATIVE_INFINITY;
            forEachCompletion(sub, (o) => {
              const x = utilityOf(u, o);
              min = Math.min(min, x);
              max = Math.max(max, x);
            });
            const range = utilityRange(model, sub);
            expect(range.exact).toBe(true);
            expect(range.min).toBeCloseTo(min, 9);
            expect(range.max).toBeCloseTo(max, 9);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('raising an option value never lowers a utility (monotonicity)', () => {
    fc.assert(
      fc.property(arbitraryScenario({ ...shape, uncertainty: false }), fc.nat(), (scenario, pick) => {
        const compiled = compileScenario(scenario);
        const model = compiled.models[0];
        const issue = pick % model.values.length;
        const option = pick % model.values[issue].estimate.length;
        const before = realiseUtility(model);
        model.values[issue].estimate[option] += 10;
        const after = realiseUtility(model);
        forEachCompletion(fullSubspace(compiled.space), (o) => {
          expect(utilityOf(after, o)).toBeGreaterThanOrEqual(utilityOf(before, o) - 1e-9);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('a complete outcome has a zero-width range equal to its utility', () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), (scenario) => {
        const compiled = compileScenario(scenario);
        const outcome = Int32Array.from(compiled.space.radix, (r) => r - 1);
        for (const model of compiled.models) {
          const range = utilityRange(model, subspaceOfOutcome(outcome));
          const x = utilityOf(realiseUtility(model), outcome);
          expect(range.min).toBeCloseTo(x, 9);
          expect(range.max).toBeCloseTo(x, 9);
        }
      }),
      { numRuns: 60 },
    );
  });
});
