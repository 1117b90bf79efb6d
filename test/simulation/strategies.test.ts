import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/model/compile.js';
import type { AgentConfig, SimulationConfig } from '../../src/core/simulation/config.js';
import { simulate } from '../../src/core/simulation/simulate.js';
import type { StrategySpec } from '../../src/core/simulation/strategy.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { splitTheDifference } from './support/domains.js';

/*
 * Split domain: u_A(k) = k, u_B(k) = 100 - k, BATNAs 0 unless stated. A bids the smallest k with k >= its
 * target (best for B within the band); the hardliner B always bids k = 0 and accepts only offers worth 100 to it,
 * except on its last chance (the final turn), where it accepts anything worth at least its BATNA.
 */
const compiled = compileScenario(splitTheDifference());

function offersOf(run: ReturnType<typeof simulate>, party: string): number[] {
  return (run.events ?? [])
    .filter((e) => e.party === party && e.action === 'offer')
    .map((e) => e.outcome?.[0] ?? -1);
}

const versus = (
  a: StrategySpec | AgentConfig,
  b: StrategySpec | AgentConfig,
  rounds: number,
  scenario = compiled,
): ReturnType<typeof simulate> =>
  simulate(scenario, { agents: { a, b }, deadline: { rounds }, seed: 1 } satisfies SimulationConfig);

describe('built-in strategies bid where their formulas say', () => {
  it('Boulware (e = 0.2): τ_r = 100 - 100 (r/5)^5 = 100, 99.97, 98.98, 92.22, 67.23, 0', () => {
    const run = versus('boulware', 'hardliner', 6);
    expect(offersOf(run, 'a')).toEqual([100, 100, 99, 93, 68]);
    // In round 5 (t = 1) A's target is 0: B's standing k = 0 is as good as A's own next bid, so A accepts.
    expect(run.outcome).toMatchObject({ agreement: true, round: 5, outcome: [0] });
  });

  it('conceder (e = 2): τ_r = 100 - 100 √(r/5) = 100, 55.28, 36.75, 22.54, 10.56, 0', () => {
    expect(offersOf(versus('conceder', 'hardliner', 6), 'a')).toEqual([100, 56, 37, 23, 11]);
  });

  it('time-dependent with a reservation value never bids below it', () => {
    const run = versus({ name: 'time-dependent', params: { e: 1, reservation: 35 } }, 'hardliner', 6);
    // τ_r = 100 - 65 r/5 = 100, 87, 74, 61, 48, 35; the hardliner accepts 35 on its last chance.
    expect(offersOf(run, 'a')).toEqual([100, 87, 74, 61, 48, 35]);
    expect(run.outcome).toMatchObject({ agreement: true, round: 5, outcome: [35] });
  });

  it('tit for tat mirrors a hardliner: one opening concession, then nothing', () => {
    // Round 1: B has made one offer, nothing to mirror: concede 5% of (100 - 0). Then B's concessions are 0.
    const run = versus({ name: 'tit-for-tat', params: { mode: 'absolute' } }, 'hardliner', 6);
    expect(offersOf(run, 'a')).toEqual([100, 95, 95, 95, 95, 95]);
    expect(run.outcome).toMatchObject({ agreement: true, round: 5, outcome: [95] });
  });

  it('two absolute tit-for-tat agents concede 5 points a round each and meet in the middle', () => {
    /*
     * A: 100, then 95 (opening), then mirrors B's concession of 5: A bids k = 100 - 5r from round 1.
     * B: k = 0, then mirrors A's 5 each round: k = 5r. In round 10 A bids 50; B's own next bid would also be worth
     * 50 to it, so it accepts (AC_next).
     */
    const run = versus(
      { name: 'tit-for-tat', params: { mode: 'absolute' } },
      { name: 'tit-for-tat', params: { mode: 'absolute' } },
      20,
    );
    expect(offersOf(run, 'a')).toEqual([100, 95, 90, 85, 80, 75, 70, 65, 60, 55, 50]);
    expect(offersOf(run, 'b')).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    expect(run.outcome).toMatchObject({ agreement: true, round: 10, outcome: [50] });
  });

  it('relative tit for tat concedes the same share of its room as the other closed of the gap', () => {
    /*
     * Against a linear B over 6 rounds (B bids k = 20 r, u_A = 20 r): A opens at 100, then 95. In round 2, B moved
     * from u_A 0 to 20, closing 20 / (100 - 0) = 0.2 of the gap, so A concedes 0.2 of (95 - 0): 76. Round 3: B
     * moved 20 -> 40, closing 20/80 = 0.25: 76 - 19 = 57. B's own round-3 bid (k = 60) is worth 40 to it, A's
     * offer of 57 is worth 43: B accepts (AC_next).
     */
    const run = versus({ name: 'tit-for-tat', params: { mode: 'relative' } }, 'linear', 6);
    expect(offersOf(run, 'a')).toEqual([100, 95, 76, 57]);
    expect(offersOf(run, 'b')).toEqual([0, 20, 40]);
    expect(run.outcome).toMatchObject({ agreement: true, round: 3, outcome: [57] });
  });

  it('aspiration decays by 5% of the room a turn against a hardliner: 100 · 0.95^r', () => {
    // 100, 95, 90.25, 85.74, 81.45, 77.38 -> bids 100, 95, 91, 86, 82, 78; the hardliner takes 78 at the end.
    const run = versus('aspiration', 'hardliner', 6);
    expect(offersOf(run, 'a')).toEqual([100, 95, 91, 86, 82, 78]);
  });
});

describe('time-varying BATNA and walking away', () => {
  /** A's BATNA is 0 until 2025-01-04 and 60 from then on. */
  const rising = (): Scenario => {
    const s = splitTheDifference();
    s.preferences[0].batna = {
      series: [
        { date: '2025-01-01', value: 0 },
        { date: '2025-01-04', value: 60 },
      ],
      interpolation: 'step',
    };
    return s;
  };
  const dated = compileScenario(rising());
  const timeline = { start: '2025-01-01', daysPerRound: 1 };

  it('bids never fall below the BATNA of the round in which they could be accepted', () => {
    /*
     * Linear over 8 rounds with Pmin(r) = max(BATNA(r), BATNA(r + 1)) (an offer made in round r can be accepted
     * in round r + 1): Pmin = 0, 0, then 60 from round 2. τ_r = 100 - (100 - Pmin(r)) r/7:
     * 100, 85.71, 88.57, 82.86, 77.14, 71.43, 65.71, 60 -> bids 100, 86, 89, 83, 78, 72, 66, 60.
     */
    const run = simulate(dated, {
      agents: { a: 'linear', b: 'hardliner' },
      deadline: { rounds: 8 },
      timeline,
      seed: 1,
    });
    expect(offersOf(run, 'a')).toEqual([100, 86, 89, 83, 78, 72, 66, 60]);
    // The hardliner takes k = 60 on its last chance: exactly A's BATNA then, still acceptable to A.
    expect(run.outcome).toMatchObject({ agreement: true, round: 7, outcome: [60] });
    expect(run.results[0]).toMatchObject({ utility: 60, batna: 60 });
  });

  it('walks away once its BATNA beats the best offer it has received', () => {
    const run = simulate(dated, {
      agents: { a: { strategy: 'linear', walkAway: { after: 0 } }, b: 'hardliner' },
      deadline: { rounds: 8 },
      timeline,
      seed: 1,
    });
    // Best received is B's k = 0 (worth 0); the BATNA reaches 60 in round 3 (2025-01-04).
    expect(run.outcome).toMatchObject({
      agreement: false,
      endedBy: 'walk-away',
      by: 'a',
      round: 3,
      date: '2025-01-04',
    });
    expect(run.metrics.utilities).toEqual([60, 0]);
  });
});
