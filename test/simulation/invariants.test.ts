import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { batnaAt } from '../../src/core/model/party-model.js';
import { holds } from '../../src/core/model/rule.js';
import type { SimulationConfig } from '../../src/core/simulation/config.js';
import { simulate } from '../../src/core/simulation/simulate.js';
import { dateAtRound } from '../../src/core/simulation/timeline.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { arbitraryScenario } from '../support/random-scenario.js';
import { rogue } from './support/rogue.js';

const builtIns = ['boulware', 'linear', 'conceder', 'hardliner', 'tit-for-tat', 'aspiration'] as const;

/** Optionally turns each constant BATNA into a dated series around it, so BATNAs move during the run. */
const withDatedBatnas = (scenario: Scenario) =>
  fc
    .array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })), {
      minLength: scenario.preferences.length,
      maxLength: scenario.preferences.length,
    })
    .map(
      (shifts): Scenario => ({
        ...scenario,
        preferences: scenario.preferences.map((p, k) => {
          const base = typeof p.batna === 'number' ? p.batna : 30;
          return {
            ...p,
            batna: {
              series: [
                { date: '2025-01-01', value: base },
                { date: '2025-01-11', value: Math.max(0, base + shifts[k][0]) },
                { date: '2025-01-21', value: Math.max(0, base + shifts[k][1]) },
              ],
              interpolation: k % 2 === 0 ? 'step' : 'linear',
            },
          };
        }),
      }),
    );

const setting = fc.record({
  protocol: fc.constantFrom('alternating-offers' as const, 'single-text' as const),
  rounds: fc.integer({ min: 1, max: 25 }),
  discount: fc.constantFrom(1, 0.99, 0.9),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  walkAway: fc.boolean(),
  mediator: fc.constantFrom('hill-climb' as const, 'nash' as const),
  opponentModel: fc.constantFrom('none' as const, 'estimate' as const, 'sampled' as const, 'true' as const),
  dated: fc.boolean(),
});

type Setting = typeof setting extends fc.Arbitrary<infer T> ? T : never;

function configFor(scenario: Scenario, strategies: string[], s: Setting): SimulationConfig {
  const parties = scenario.parties.map((p) => p.id);
  return {
    protocol: s.protocol,
    agents: Object.fromEntries(
      parties.map((p, k) => [
        p,
        {
          strategy: strategies[k % strategies.length],
          discount: s.discount,
          walkAway: s.walkAway,
          opponentModel: s.opponentModel,
        },
      ]),
    ),
    deadline: { rounds: s.rounds },
    timeline: s.dated ? { start: '2025-01-01', daysPerRound: 1 } : undefined,
    seed: s.seed,
    mediator: { strategy: s.mediator, patience: 4 },
  };
}

const scenarios = arbitraryScenario({
  parties: 3,
  issues: 3,
  maxOptions: 4,
  adjustments: true,
  redLines: true,
  uncertainty: true,
})
  .filter((s) => s.parties.length >= 2)
  .chain((s) => fc.oneof(fc.constant(s), withDatedBatnas(s)));

describe('simulation invariants over random scenarios and strategies', () => {
  const check = (withRogue: boolean) =>
    fc.property(
      scenarios,
      fc.array(fc.constantFrom(...builtIns, ...(withRogue ? ['rogue'] : [])), { minLength: 3, maxLength: 3 }),
      setting,
      (scenario, strategies, s) => {
        const compiled = compileScenario(scenario);
        const config = configFor(scenario, strategies, s);
        const run = simulate(compiled, config, { strategies: [rogue] });

        // Deadlines: nothing happens at or after round `rounds`.
        expect(run.outcome.round).toBeLessThan(s.rounds);
        for (const e of run.events ?? []) expect(e.round).toBeLessThan(s.rounds);

        // Every agreement respects every signatory's red lines and current BATNA (recomputed here from the scenario).
        if (run.outcome.agreement) {
          const outcome = run.outcome.outcome as number[];
          const round = run.outcome.round;
          compiled.models.forEach((model) => {
            expect(model.redLines.some((r) => holds(r.crossedWhen, outcome))).toBe(false);
            const preferences = scenario.preferences.find((p) => p.party === model.party);
            const batna = config.timeline
              ? batnaAt(preferences?.batna ?? 0, dateAtRound(config.timeline, round)).value.estimate
              : model.batna.estimate;
            const u = utilityOf(realiseUtility(model), outcome);
            expect(u * s.discount ** round).toBeGreaterThanOrEqual(batna - 1e-9);
          });
        }
        // Built-in strategies keep to their constraints themselves: the protocol never has to refuse them.
        if (!withRogue) expect(run.faults).toEqual([]);

        // Same seed, same run (the second call also reuses the cached precomputation).
        expect(simulate(compiled, config, { strategies: [rogue] })).toEqual(run);
        expect(JSON.parse(JSON.stringify(run))).toEqual(run);
      },
    );

  it('built-in strategies', () => {
    fc.assert(check(false), { numRuns: 150 });
  });

  it('with a rogue strategy, the protocol still enforces red lines and BATNAs', () => {
    fc.assert(check(true), { numRuns: 150 });
  });

  it('heuristic offer search (forced by a zero exact limit): invariants hold and the run says it is heuristic', () => {
    fc.assert(
      fc.property(scenarios, setting, fc.constantFrom(...builtIns), (scenario, s, strategy) => {
        const compiled = compileScenario(scenario);
        const config: SimulationConfig = {
          ...configFor(scenario, [strategy, 'conceder'], s),
          exactLimit: 0,
          nodeBudget: 50,
        };
        const run = simulate(compiled, config);
        expect(run.faults).toEqual([]);
        expect(run.notes.some((n) => n.startsWith('offer search is heuristic (branch and bound)'))).toBe(
          true,
        );
        if (run.outcome.agreement) {
          for (const model of compiled.models) {
            expect(model.redLines.some((r) => holds(r.crossedWhen, run.outcome.outcome as number[]))).toBe(
              false,
            );
          }
          for (const r of run.results) expect(r.discountedUtility).toBeGreaterThanOrEqual(r.batna - 1e-9);
        }
        expect(simulate(compiled, config)).toEqual(run);
      }),
      { numRuns: 80 },
    );
  });

  it('sampled preferences: red lines hold and the run is reproducible', () => {
    fc.assert(
      fc.property(scenarios, setting, fc.constantFrom(...builtIns, 'rogue'), (scenario, s, strategy) => {
        const compiled = compileScenario(scenario);
        const config: SimulationConfig = {
          ...configFor(scenario, [strategy, 'linear'], s),
          preferences: 'sampled',
        };
        const run = simulate(compiled, config, { strategies: [rogue] });
        if (run.outcome.agreement) {
          for (const model of compiled.models) {
            expect(model.redLines.some((r) => holds(r.crossedWhen, run.outcome.outcome as number[]))).toBe(
              false,
            );
          }
          run.results.forEach((r) => {
            expect(r.discountedUtility).toBeGreaterThanOrEqual(r.batna - 1e-9);
          });
        }
        expect(simulate(compiled, config, { strategies: [rogue] })).toEqual(run);
      }),
      { numRuns: 80 },
    );
  });
});
