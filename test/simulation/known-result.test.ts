import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/model/compile.js';
import { simulate } from '../../src/core/simulation/simulate.js';
import { splitTheDifference } from './support/domains.js';

/*
 * Two linear concession agents (e = 1) on the symmetric one-issue domain u_A(k) = k, u_B(k) = 100 - k,
 * k = 0..100, BATNAs 0, no discount, alternating offers with A first, deadline R rounds.
 *
 * Normalised time in round r is t = r/(R-1), so both targets are τ_r = 100 - 100·r/(R-1) (Pmax = 100, Pmin = 0).
 * A bids the outcome with u_A >= τ_r that is best for B: the smallest such k, a_r = ceil(τ_r).
 * B bids the outcome with u_B >= τ_r best for A: the largest k with 100 - k >= τ_r, b_r = floor(100 r/(R-1)).
 * AC_next: in round r, A accepts B's round r-1 offer iff u_A(b_{r-1}) >= u_A(a_r), i.e. b_{r-1} >= a_r;
 * B accepts A's round r offer iff u_B(a_r) >= u_B(b_r), i.e. a_r <= b_r.
 *
 * R = 8: τ = 100, 85.71, 71.43, 57.14, 42.86, ... so a = 100, 86, 72, 58, 43, ... and b = 0, 14, 28, 42, 57, ...
 *   round 3: A: 28 >= 58? no, bids 58; B: 58 <= 42? no, bids 42.
 *   round 4: A: 42 >= 43? no, bids 43; B: 43 <= 57? yes: agreement on k = 43 in round 4 (u_A 43, u_B 57).
 * R = 11: τ_r = 100 - 10r, a_r = 100 - 10r, b_r = 10r.
 *   round 5: A: b_4 = 40 >= 50? no, bids 50; B: 50 <= 50? yes: agreement on k = 50 in round 5.
 * R = 2: round 0: A bids 100, B rejects (100 <= 0? no) and bids 0; round 1: A's last turn: A accepts B's offer
 *   only if it is no worse than its own bid, 0 >= 0 (a_1 = 0): yes, agreement on k = 0 in round 1.
 */
describe('two linear agents on a symmetric one-issue domain', () => {
  const compiled = compileScenario(splitTheDifference());
  const run = (rounds: number) =>
    simulate(compiled, {
      agents: { a: 'linear', b: 'linear' },
      deadline: { rounds },
      seed: 7,
    });

  it('meet at k = 43 in round 4 with an 8-round deadline', () => {
    const r = run(8);
    expect(r.outcome).toMatchObject({ agreement: true, round: 4, outcome: [43] });
    expect(r.metrics.utilities).toEqual([43, 57]);
    const offers = r.events?.filter((e) => e.action === 'offer').map((e) => `${e.party}${e.outcome?.[0]}`);
    expect(offers).toEqual(['a100', 'b0', 'a86', 'b14', 'a72', 'b28', 'a58', 'b42', 'a43']);
  });

  it('meet at k = 50 in round 5 with an 11-round deadline', () => {
    const r = run(11);
    expect(r.outcome).toMatchObject({ agreement: true, round: 5, outcome: [50] });
    expect(r.metrics.socialWelfare).toBe(100);
  });

  it('with two rounds, the first mover concedes everything in the last round', () => {
    const r = run(2);
    expect(r.outcome).toMatchObject({ agreement: true, round: 1, outcome: [0] });
  });
});
