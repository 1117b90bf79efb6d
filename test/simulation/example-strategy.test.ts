import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import myStrategy from '../../examples/my-strategy.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { holds } from '../../src/core/model/rule.js';
import { simulate } from '../../src/core/simulation/simulate.js';
import { arbitraryScenario } from '../support/random-scenario.js';
import { splitTheDifference } from './support/domains.js';

describe('the example user strategy', () => {
  it('plays by the rules: never a fault, never an agreement across a red line or below a BATNA', () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ parties: 3, issues: 3, maxOptions: 4, adjustments: true, redLines: true }).filter(
          (s) => s.parties.length >= 2,
        ),
        fc.constantFrom('boulware', 'linear', 'conceder', 'tit-for-tat', 'aspiration'),
        fc.integer({ min: 1, max: 30 }),
        (scenario, other, rounds) => {
          const compiled = compileScenario(scenario);
          const run = simulate(
            compiled,
            { agents: { p0: 'deadline-rush', default: other }, deadline: { rounds }, seed: rounds },
            { strategies: [myStrategy] },
          );
          expect(run.faults).toEqual([]);
          if (run.outcome.agreement) {
            for (const model of compiled.models) {
              expect(model.redLines.some((r) => holds(r.crossedWhen, run.outcome.outcome as number[]))).toBe(
                false,
              );
            }
            for (const r of run.results) expect(r.utility).toBeGreaterThanOrEqual(r.batna - 1e-9);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rushes: from t = 0.9 it takes an offer as good as the best it has seen', () => {
    // Against a hardliner (always k = 0, worth 0 to A; BATNA 0) over 11 rounds: A's Boulware bids stay high until
    // round 9 (t = 0.9), where the standing k = 0 is as good as the best it has received: A accepts.
    const run = simulate(
      compileScenario(splitTheDifference()),
      { agents: { a: 'deadline-rush', b: 'hardliner' }, deadline: { rounds: 11 }, seed: 1 },
      { strategies: [myStrategy] },
    );
    expect(run.outcome).toMatchObject({ agreement: true, round: 9, outcome: [0] });
  });
});
