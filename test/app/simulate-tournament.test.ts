import { describe, expect, it } from 'vitest';
import { sandboxedSimulator } from '../../src/adapters/simulation/run-simulation.js';
import { nodeTournamentRunner } from '../../src/adapters/simulation/tournament.js';
import type { ProgressUpdate } from '../../src/app/ports.js';
import { simulate } from '../../src/app/simulate.js';
import { runTournament } from '../../src/app/tournament.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { NEVER_CANCELLED } from '../../src/core/ports.js';
import { simulate as simulateInCore } from '../../src/core/simulation/simulate.js';
import { splitTheDifference } from '../simulation/support/domains.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('the simulate use case', () => {
  it('runs the same negotiation as the core engine, as plain data, with its steps and the reference', async () => {
    const scenario = splitTheDifference();
    const compiled = compileScenario(scenario);
    const parties = compiled.models.map((m) => m.party);
    const config = {
      protocol: 'alternating-offers' as const,
      parties,
      agents: Object.fromEntries(parties.map((p, k) => [p, { strategy: k === 0 ? 'boulware' : 'conceder' }])),
      deadline: { rounds: 40 },
      seed: 9,
    };
    const updates: ProgressUpdate[] = [];
    const ports = {
      simulator: sandboxedSimulator,
      clock: { now: () => 0 },
      progress: { report: (u: ProgressUpdate) => updates.push(u) },
      cancel: NEVER_CANCELLED,
    };
    const result = await simulate({ scenario, config }, ports);
    expect(updates.map((u) => u.step)).toEqual(['compile', 'reference', 'negotiate']);
    expect(plain(result)).toEqual(result);
    expect(result.reference.available).toBe(true);
    const direct = simulateInCore(compiled, config, { strategies: [], clock: () => 0 });
    expect(result.run.outcome).toEqual(direct.outcome);
    expect(result.run.results.map((r) => r.utility)).toEqual(direct.results.map((r) => r.utility));
    const again = await simulate({ scenario, config }, ports);
    expect(again.run.outcome).toEqual(result.run.outcome);
  });
});

describe('the tournament use case', () => {
  const config = {
    scenarios: [{ scenario: tinyScenario(), at: '2025-02-15' }, { scenario: splitTheDifference() }],
    strategies: ['boulware', 'conceder'],
    repetitions: 1,
    seed: 5,
    simulation: { deadline: { rounds: 20 } },
  };

  it('stops after the matches asked for, reports each one, and scores what finished', async () => {
    const updates: ProgressUpdate[] = [];
    const { result, notes } = await runTournament(
      { config, threads: 0, stopAfter: 3 },
      {
        tournaments: nodeTournamentRunner,
        progress: { report: (u) => updates.push(u) },
        cancel: NEVER_CANCELLED,
      },
    );
    expect(result.complete).toBe(false);
    expect(result.matches).toHaveLength(3);
    expect(updates).toEqual([1, 2, 3].map((done) => ({ step: 'matches', done })));
    expect(notes).toEqual([]);
    expect(plain(result)).toEqual(result);
  });

  it('stops at once when the caller has already cancelled', async () => {
    const cancel = new AbortController();
    cancel.abort();
    const { result } = await runTournament(
      { config, threads: 0 },
      { tournaments: nodeTournamentRunner, progress: { report() {} }, cancel: cancel.signal },
    );
    expect(result.matches).toHaveLength(0);
    expect(result.complete).toBe(false);
  });
});
