import { describe, expect, it } from 'vitest';
import { realiseUtility } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { formatTrace } from '../../src/core/simulation/format-trace.js';
import { concessionRate } from '../../src/core/simulation/metrics.js';
import { simulate } from '../../src/core/simulation/simulate.js';
import { bruteForceReference } from './support/brute-force-reference.js';
import { splitTheDifference } from './support/domains.js';

describe('run metrics', () => {
  const compiled = compileScenario(splitTheDifference());
  const reference = bruteForceReference(
    compiled,
    compiled.models.map((m) => realiseUtility(m)),
    [0, 0],
  );
  // The 8-round linear run of known-result.test.ts: agreement on k = 43 in round 4.
  const run = simulate(
    compiled,
    { agents: { a: 'linear', b: 'linear' }, deadline: { rounds: 8 }, seed: 1 },
    { reference },
  );

  it('utilities, welfare and distances to the frontier and the bargaining solutions', () => {
    expect(run.metrics.utilities).toEqual([43, 57]);
    expect(run.metrics.socialWelfare).toBe(100);
    expect(run.metrics.rounds).toBe(5);
    // Every split is Pareto-optimal here; the Nash and Kalai points are both k = 50.
    expect(run.metrics.paretoDistance).toBe(0);
    expect(reference.nash).toEqual([50, 50]);
    expect(run.metrics.nashDistance).toBeCloseTo(Math.sqrt(7 ** 2 + 7 ** 2), 12);
    expect(run.metrics.kalaiDistance).toBeCloseTo(Math.sqrt(98), 12);
  });

  it('concession rates: the share of the opening surplus over the BATNA given up', () => {
    // A opened at 100 and went down to 43 (its last offer, the agreement): 57/100.
    // B opened at u_B = 100 (k = 0), offered down to u_B = 58 (k = 42) and accepted 57: 43/100.
    expect(run.metrics.concessionRates[0]).toBeCloseTo(0.57, 12);
    expect(run.metrics.concessionRates[1]).toBeCloseTo(0.43, 12);
    expect(run.results.map((r) => r.offers)).toEqual([5, 4]);
  });

  it('concession rate edge cases', () => {
    expect(concessionRate([], undefined, 10)).toBeNull();
    expect(concessionRate([80, 70], undefined, 20)).toBeCloseTo(10 / 60, 12);
    expect(concessionRate([80], 30, 20)).toBeCloseTo(50 / 60, 12);
    // Opening at or below the BATNA leaves nothing to concede.
    expect(concessionRate([20, 10], undefined, 20)).toBe(0);
  });

  it('no agreement: every party gets its BATNA at the end', () => {
    const hard = compileScenario(splitTheDifference(101, [30, 40]));
    const r = simulate(hard, {
      agents: { a: 'hardliner', b: 'hardliner' },
      deadline: { rounds: 5 },
      seed: 1,
    });
    expect(r.outcome).toMatchObject({ agreement: false, endedBy: 'deadline', round: 4 });
    expect(r.metrics.utilities).toEqual([30, 40]);
    expect(r.metrics.socialWelfare).toBe(70);
  });

  it('a discount factor scales the agreement value by δ^round', () => {
    const r = simulate(compiled, {
      agents: { a: { strategy: 'linear', discount: 0.9 }, b: { strategy: 'linear', discount: 0.8 } },
      deadline: { rounds: 8 },
      seed: 1,
    });
    const round = r.outcome.round;
    expect(r.metrics.discountedUtilities[0]).toBeCloseTo(r.metrics.utilities[0] * 0.9 ** round, 12);
    expect(r.metrics.discountedUtilities[1]).toBeCloseTo(r.metrics.utilities[1] * 0.8 ** round, 12);
  });

  it('the trace formatter prints one line per event and the result', () => {
    const text = formatTrace(run, { space: compiled.space });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'split: alternating-offers, 8 rounds, seed 1, preferences estimate, conventions parley',
    );
    expect(lines[1]).toBe('parties: a (linear), b (linear)');
    expect(lines[2]).toMatch(/^round\s+party\s+action\s+utilities \(a \/ b\)$/);
    // Rounds are shown counted from 1 (the run counts from 0).\n    expect(lines[3]).toMatch(/^\s+1\s+a\s+offer\s+100\.0 \/ 0\.0\s+share=k100$/);
    expect(lines).toContain('result: agreement in round 5 of 8, 5 rounds played: share=k43');
    expect(lines.filter((l) => /^\s+\d+\s+[ab]\s/.test(l))).toHaveLength(run.events?.length ?? -1);
    expect(text).toContain('Nash distance 9.90');
    const short = formatTrace(run, { maxEvents: 4 }).split('\n');
    expect(short).toContain(`... ${(run.events?.length ?? 0) - 4} events omitted ...`);
  });
});
