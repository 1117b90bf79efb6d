import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONVENTION_SETS, type ConventionSet } from '../../src/core/conventions.js';
import { utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { holds } from '../../src/core/model/rule.js';
import { buildAgentContext } from '../../src/core/simulation/agent-context.js';
import { CONVENTION_SETTINGS } from '../../src/core/simulation/concession-settings.js';
import { resolveConfig, type SimulationConfig } from '../../src/core/simulation/config.js';
import { forEachOutcome } from '../../src/core/simulation/outcome-tables.js';
import { realiseTruths } from '../../src/core/simulation/realisation.js';
import { simulate } from '../../src/core/simulation/simulate.js';
import {
  builtInStrategies,
  createStrategy,
  strategyRegistry,
} from '../../src/core/simulation/strategies/registry.js';
import type { TargetStrategy } from '../../src/core/simulation/strategies/target-strategy.js';
import { arbitraryScenario } from '../support/random-scenario.js';

const scenarios = arbitraryScenario({
  parties: 3,
  issues: 3,
  maxOptions: 4,
  adjustments: true,
  redLines: true,
});
const conventions = fc.constantFrom(...CONVENTION_SETS);
const names = fc.constantFrom('boulware', 'linear', 'conceder');
const rounds = fc.integer({ min: 1, max: 25 });
const exactLimits = fc.constantFrom(1e6, 0);
const knownNames = builtInStrategies.map((m) => m.name);

function config(
  set: ConventionSet,
  name: string,
  deadline: number,
  exactLimit: number,
  seed = 1,
): SimulationConfig {
  return {
    agents: { default: name },
    deadline: { rounds: deadline },
    seed,
    conventions: set,
    exactLimit,
    nodeBudget: 1e6,
  };
}

/** The concession floor by brute force: the BATNA, or max(worst outcome outside own red lines, BATNA). */
function floors(
  compiled: ReturnType<typeof compileScenario>,
  cfg: SimulationConfig,
  set: ConventionSet,
): number[] {
  const truths = realiseTruths(compiled, resolveConfig(compiled, cfg, knownNames));
  return truths.map((truth) => {
    const batna = truth.batna[0];
    if (CONVENTION_SETTINGS[set].floor === 'batna') return batna;
    let worst = Number.POSITIVE_INFINITY;
    forEachOutcome(compiled.space, (_, digits) => {
      if (compiled.models[truth.model].redLines.some((r) => holds(r.crossedWhen, digits))) return;
      worst = Math.min(worst, utilityOf(truth.utility, digits));
    });
    return Math.max(worst, batna);
  });
}

describe('time-dependent agents under each convention set (properties)', () => {
  it('never offer below their floor, and the protocol never has to refuse one of their offers', () => {
    fc.assert(
      fc.property(
        scenarios,
        conventions,
        names,
        rounds,
        exactLimits,
        (scenario, set, name, deadline, limit) => {
          const compiled = compileScenario(scenario);
          const cfg = config(set, name, deadline, limit);
          const run = simulate(compiled, cfg);
          expect(run.conventions).toBe(set);
          expect(run.faults).toEqual([]);
          const floor = floors(compiled, cfg, set);
          for (const event of run.events ?? []) {
            if (event.action !== 'offer' || !event.utilities) continue;
            const k = run.parties.indexOf(event.party);
            expect(event.utilities[k]).toBeGreaterThanOrEqual(floor[k] - 1e-9);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('have a target that never rises over time and stays within [Pmin, Pmax]', () => {
    fc.assert(
      fc.property(
        scenarios,
        conventions,
        names,
        rounds,
        exactLimits,
        (scenario, set, name, deadline, limit) => {
          const compiled = compileScenario(scenario);
          const resolved = resolveConfig(compiled, config(set, name, deadline, limit), knownNames);
          const truths = realiseTruths(compiled, resolved);
          const { ctx } = buildAgentContext(compiled, resolved, truths, 0);
          const strategy = createStrategy(name, strategyRegistry(), set) as TargetStrategy;
          strategy.init(ctx);
          const floor = Math.max(
            ctx.floor(0),
            CONVENTION_SETTINGS[set].floor === 'reservation' ? ctx.minUtility : Number.NEGATIVE_INFINITY,
          );
          let previous = Number.POSITIVE_INFINITY;
          for (let round = 0; round < deadline; round++) {
            const turnsLeft = (deadline - round) * resolved.agents.length;
            const bid = strategy.propose({ round, time: 0, turnsLeft, lastChance: false, offers: [] });
            const target = strategy.plannedTargetUtility;
            if (ctx.maxUtility < floor) {
              expect(bid).toBeNull();
              continue;
            }
            expect(target).toBeLessThanOrEqual(previous + 1e-9);
            expect(target).toBeGreaterThanOrEqual(floor - 1e-9);
            expect(target).toBeLessThanOrEqual(ctx.maxUtility + 1e-9);
            expect(bid).not.toBeNull();
            if (bid) expect(ctx.utility(bid)).toBeGreaterThanOrEqual(ctx.floor(round) - 1e-9);
            previous = target;
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('play exactly the same negotiation again given the same seed', () => {
    fc.assert(
      fc.property(
        scenarios,
        conventions,
        names,
        rounds,
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom<'estimate' | 'sampled'>('estimate', 'sampled'),
        (scenario, set, name, deadline, seed, preferences) => {
          const compiled = compileScenario(scenario);
          const once = simulate(compiled, { ...config(set, name, deadline, 1e6, seed), preferences });
          const twice = simulate(compileScenario(scenario), {
            ...config(set, name, deadline, 1e6, seed),
            preferences,
          });
          expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
        },
      ),
      { numRuns: 40 },
    );
  });
});
