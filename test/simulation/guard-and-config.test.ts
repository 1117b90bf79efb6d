import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/model/compile.js';
import type { SimulationConfig } from '../../src/core/simulation/config.js';
import { SimulationConfigError } from '../../src/core/simulation/config.js';
import { simulate } from '../../src/core/simulation/simulate.js';
import type { Strategy, StrategyContext, StrategyModule } from '../../src/core/simulation/strategy.js';
import { tinyScenario } from '../support/tiny-scenario.js';
import { splitTheDifference } from './support/domains.js';

const compiled = compileScenario(splitTheDifference());

/** A strategy whose `propose` returns whatever the test says, and which rejects everything. */
function scripted(
  name: string,
  propose: (ctx: StrategyContext) => unknown,
  respond: () => unknown = () => 'reject',
): StrategyModule {
  return {
    name,
    create(): Strategy {
      let ctx: StrategyContext;
      return {
        name,
        init(c) {
          ctx = c;
        },
        propose: () => propose(ctx) as ReturnType<Strategy['propose']>,
        respond: () => respond() as ReturnType<Strategy['respond']>,
      };
    },
  };
}

const config = (a: string): SimulationConfig => ({
  agents: { a, b: 'linear' },
  deadline: { rounds: 10 },
  seed: 3,
});

describe('a misbehaving strategy cannot crash the run', () => {
  it.each([
    [
      'throws',
      () => {
        throw new Error('boom');
      },
      'exception',
      'propose threw: boom',
    ],
    ['wrong length', () => [1, 2], 'malformed-offer', 'expected 1 option indices (one per issue), got 2'],
    ['out of range', () => [101], 'malformed-offer', "issue 'share': 101 is not an option index in 0..100"],
    ['not an integer', () => [1.5], 'malformed-offer', "issue 'share': 1.5 is not an option index in 0..100"],
    ['unknown option', () => ({ share: 'k500' }), 'malformed-offer', "issue 'share' has no option 'k500'"],
    [
      'unknown issue',
      () => ({ share: 'k5', land: 'x' }),
      'malformed-offer',
      "the offer names an unknown issue 'land'",
    ],
    ['a string', () => 'k5', 'malformed-offer', 'expected an offer, got k5'],
  ])('%s: recorded as a fault, the agent breaks off', (name, propose, kind, message) => {
    const run = simulate(compiled, config(name), { strategies: [scripted(name, propose)] });
    expect(run.outcome).toMatchObject({ agreement: false, endedBy: 'disqualified', by: 'a', round: 0 });
    expect(run.faults).toEqual([{ party: 'a', round: 0, kind, message }]);
    expect(run.metrics.utilities).toEqual([0, 0]);
  });

  it('offers by option id are accepted and converted', () => {
    const run = simulate(compiled, config('by-id'), {
      strategies: [scripted('by-id', () => ({ share: 'k60' }))],
    });
    expect(run.faults).toEqual([]);
    expect(run.events?.[0]).toMatchObject({
      party: 'a',
      action: 'offer',
      outcome: [60],
      utilities: [60, 40],
    });
  });

  it('an invalid answer to an offer is a fault', () => {
    const module = scripted(
      'mumbles',
      () => [50],
      () => 'maybe',
    );
    const run = simulate(
      compiled,
      { ...config('linear'), agents: { a: 'linear', b: 'mumbles' } },
      { strategies: [module] },
    );
    expect(run.outcome).toMatchObject({ endedBy: 'disqualified', by: 'b' });
    expect(run.faults[0].message).toBe('respond returned "maybe", not accept/reject/end');
  });

  it('a decision over the time limit disqualifies the agent after the fact (measured with the given clock)', () => {
    let now = 0;
    const slow = scripted('slow', () => {
      now += 250;
      return [50];
    });
    const run = simulate(
      compiled,
      { ...config('slow'), decisionTimeLimitMs: 100 },
      { strategies: [slow], clock: () => now },
    );
    expect(run.outcome).toMatchObject({ endedBy: 'disqualified', by: 'a' });
    expect(run.faults).toEqual([
      { party: 'a', round: 0, kind: 'time-limit', message: 'propose took 250.0 ms, over the 100 ms limit' },
    ]);
    // Without a clock nothing is measured.
    const unmeasured = simulate(
      compiled,
      { ...config('slow'), decisionTimeLimitMs: 100 },
      { strategies: [slow] },
    );
    expect(unmeasured.faults).toEqual([]);
  });

  it('an offer crossing the proposer’s own red line is refused and counts as a pass', () => {
    const tiny = compileScenario(tinyScenario(), { at: '2025-02-15' });
    // Alpha's red line: land = cede (index 2). The first offer is refused; the agent then passes.
    const suicidal = scripted('suicidal', () => [2, 0, 0]);
    const run = simulate(
      tiny,
      { agents: { a: 'suicidal', b: 'hardliner' }, deadline: { rounds: 2 }, seed: 1 },
      { strategies: [suicidal] },
    );
    expect(run.faults[0]).toMatchObject({
      party: 'a',
      kind: 'vetoed-offer',
      message: "crosses red line 'no-cede' of a",
    });
    expect(run.outcome.agreement).toBe(false);
  });
});

describe('the protocol refuses acceptances that break the acceptor’s own limits', () => {
  it('an acceptance across the acceptor’s red line is vetoed and recorded', () => {
    const tiny = compileScenario(tinyScenario(), { at: '2025-02-15' });
    // Alpha (hardliner) asks for land = keep, which crosses Beta's red line 'not-keep'; Beta accepts anything.
    const yesMan = scripted(
      'yes-man',
      () => [1, 2, 0],
      () => 'accept',
    );
    const run = simulate(
      tiny,
      { agents: { a: 'hardliner', b: 'yes-man' }, deadline: { rounds: 3 }, seed: 1 },
      { strategies: [yesMan] },
    );
    expect(run.faults[0]).toEqual({
      party: 'b',
      round: 0,
      kind: 'vetoed-acceptance',
      message: "crosses red line 'not-keep' of b",
    });
    expect(run.events?.[1]).toMatchObject({
      party: 'b',
      action: 'fault',
      note: "acceptance refused: crosses red line 'not-keep' of b",
    });
    // The refused acceptance counts as a rejection: Beta is asked for an offer instead.
    expect(run.events?.[2]).toMatchObject({ party: 'b', action: 'offer', outcome: [1, 2, 0] });
    if (run.outcome.agreement) expect(run.outcome.options?.land).not.toBe('keep');
  });
});

describe('configuration errors name the field', () => {
  const bad = (patch: Partial<SimulationConfig>, message: string) => {
    const c = {
      agents: { a: 'linear', b: 'linear' },
      deadline: { rounds: 5 },
      seed: 1,
      ...patch,
    } as SimulationConfig;
    expect(() => simulate(compiled, c)).toThrow(SimulationConfigError);
    expect(() => simulate(compiled, c)).toThrow(message);
  };

  it('unknown strategy, party, parameter', () => {
    bad(
      { agents: { a: 'linaer', b: 'linear' } },
      "agents.a.strategy: unknown strategy 'linaer' (known: linear)",
    );
    bad(
      { agents: { a: 'frobnicate', b: 'linear' } },
      "agents.a.strategy: unknown strategy 'frobnicate' (known: boulware, linear, conceder, time-dependent, hardliner, tit-for-tat, aspiration)",
    );
    bad({ agents: { a: 'linear', c: 'linear' } }, "agents.c: 'c' is not a negotiating party");
    bad({ parties: ['a', 'z'] }, "parties[1]: unknown party 'z'");
    bad({ agents: { a: 'linear' } }, "agents.b: no agent for party 'b'; give one, or an agents.default");
    bad(
      { agents: { a: { name: 'time-dependent', params: { e: -1 } }, b: 'linear' } },
      "agents.a.strategy: parameter 'e': expected a positive number, got -1",
    );
    bad(
      { agents: { a: { name: 'linear', params: { speed: 2 } }, b: 'linear' } },
      "agents.a.strategy: strategy 'linear' has no parameter 'speed' (parameters: reservation, time, floor, offer, band, accept)",
    );
  });

  it('deadline, timeline, discount', () => {
    bad({ deadline: {} }, 'deadline: give deadline.rounds, deadline.days (with a timeline), or both');
    bad({ deadline: { days: 30 } }, 'deadline.days: a deadline in days needs a timeline');
    bad({ deadline: { rounds: 0 } }, 'deadline.rounds: expected a whole number >= 1, got 0');
    bad(
      { timeline: { start: '2025-13-01', daysPerRound: 1 } },
      "timeline.start: expected a real calendar date as YYYY-MM-DD, got '2025-13-01'",
    );
    bad(
      { timeline: { start: '2025-02-30', daysPerRound: 1 } },
      "timeline.start: expected a real calendar date as YYYY-MM-DD, got '2025-02-30'",
    );
    bad(
      { agents: { a: { strategy: 'linear', discount: 1.5 }, b: 'linear' } },
      'agents.a.discount: expected a number in (0, 1], got 1.5',
    );
  });

  it('a party without preferences cannot negotiate', () => {
    const tiny = compileScenario(tinyScenario());
    expect(() =>
      simulate(tiny, {
        parties: ['a', 'm'],
        agents: { default: 'linear' },
        deadline: { rounds: 3 },
        seed: 1,
      }),
    ).toThrow("parties[1]: party 'm' has no preferences in the scenario, so it cannot negotiate");
  });

  it('a deadline in days follows the timeline', () => {
    // Hardliners with BATNAs 30 and 40 never agree: A always asks for k = 100, worth 0 to B.
    const run = simulate(compileScenario(splitTheDifference(101, [30, 40])), {
      agents: { a: 'hardliner', b: 'hardliner' },
      deadline: { days: 30 },
      timeline: { start: '2025-01-01', daysPerRound: 7 },
      seed: 1,
    });
    expect(run.deadlineRounds).toBe(4);
    expect(run.outcome).toMatchObject({ endedBy: 'deadline', round: 3, date: '2025-01-22' });
  });
});
