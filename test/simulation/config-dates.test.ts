import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  parseSimulationConfig,
  parseTournamentConfig,
} from '../../src/adapters/simulation/config-schema.js';

const tournament = (start: string) => ({
  scenarios: [{ scenario: {} }],
  strategies: ['linear'],
  seed: 1,
  simulation: { deadline: { rounds: 10 }, timeline: { start, daysPerRound: 7 } },
});

describe('dates in simulation and tournament configurations', () => {
  // Regression: the configuration checked only the shape YYYY-MM-DD, so 2025-02-30 was accepted and the
  // simulation ran from 2025-03-02, while the scenario loader rejected the same date.
  it('a tournament with simulation.timeline.start 2025-02-30 is rejected, as the scenario loader would', () => {
    expect(() => parseTournamentConfig(tournament('2025-02-30'))).toThrow(ConfigError);
    expect(() => parseTournamentConfig(tournament('2025-02-30'))).toThrow(
      /simulation\.timeline\.start: a real calendar date/,
    );
    expect(parseTournamentConfig(tournament('2025-02-28')).simulation.timeline?.start).toBe('2025-02-28');
  });

  it('a simulation timeline and a scenario date are checked alike', () => {
    expect(() => parseSimulationConfig({ timeline: { start: '2024-02-30', daysPerRound: 1 } })).toThrow(
      /timeline\.start: a real calendar date/,
    );
    expect(() =>
      parseTournamentConfig({ ...tournament('2025-01-01'), scenarios: [{ scenario: {}, at: '2025-04-31' }] }),
    ).toThrow(/scenarios\[0\]\.at: a real calendar date/);
  });
});
