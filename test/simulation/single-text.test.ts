import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/model/compile.js';
import { simulate } from '../../src/core/simulation/simulate.js';
import { logRolling } from './support/domains.js';

/*
 * The log-rolling domain (support/domains.ts): u_A = 0.6 x_A + 0.1 y_A + 0.3 z, u_B = 0.1 x_B + 0.6 y_B + 0.3 z,
 * where A's values rise with the option index on every issue, B's fall on x and y and rise on z. BATNAs 30.
 * Every utility is a multiple of 5. The mediator starts from (x0, y2, z0): A gets 0 + 10 + 0 = 10, B 10 + 0 + 0 = 10.
 */
describe('single negotiating text', () => {
  const compiled = compileScenario(logRolling(30));

  it('hill climbing on objections reaches an agreement in the zone', () => {
    /*
     * Feedback on (x0, y2, z0): A objects to x (gain 60) and z (30); B to y (60) and z (30). Changing x or y
     * makes the party that was content with it object to it too (one more objection), so such revisions are
     * dropped; changing z is kept (z1: nobody objects more; z2: nobody objects to z any longer). The climb ends at
     * (x0, y2, z2), worth 0 + 10 + 30 = 40 to each party. Parties with e = 1000 concede to their BATNA after
     * round 0, so they accept the first text worth at least 30 to them: only texts with z2 qualify among those the
     * climb keeps, whatever order the seeded mediator tries options in.
     */
    for (const seed of [1, 2, 3, 4, 5]) {
      const run = simulate(compiled, {
        protocol: 'single-text',
        agents: { default: { strategy: { name: 'time-dependent', params: { e: 1000 } } } },
        deadline: { rounds: 30 },
        seed,
        mediator: {
          strategy: 'hill-climb',
          initial: { x: 'o0', y: 'o2', z: 'o0' },
          patience: 30,
          party: 'm',
        },
      });
      expect(run.outcome).toMatchObject({ agreement: true, options: { x: 'o0', y: 'o2', z: 'o2' } });
      expect(run.metrics.utilities).toEqual([40, 40]);
      expect(run.metrics.concessionRates).toEqual([null, null]);
      const texts = run.events?.filter((e) => e.action === 'text') ?? [];
      expect(texts.length).toBe(run.outcome.round + 1);
    }
  });

  it('the Nash-aiming mediator walks to the estimated Nash point, which linear parties accept', () => {
    /*
     * With estimates equal to the truth, the Nash point is (x2, y0, z2): surpluses 60 × 60 = 3600, the maximum
     * (e.g. (x2, y1, z2) gives 65 × 30). From (x0, y2, z0) the mediator changes one issue a round, the most
     * objected differing issue first (weight Σ 1/(rank + 1), ties by issue order). Linear parties over 20 rounds
     * have targets 100 - 70 t (Pmax 100, Pmin 30), so they reject everything below about 89 until round 3.
     *   round 0 (x0, y2, z0): A objects x, z; B objects y, z: weights x 1, y 1, z 1: x first -> x2.
     *   round 1 (x2, y2, z0) worth 70 / 0: A objects z; B objects y, z, x: z 1.5, y 1 -> z2.
     *   round 2 (x2, y2, z2) worth 100 / 30: A accepts; B objects y, x -> y0.
     *   round 3 (x2, y0, z2) worth 90 / 90: targets 100 - 70·3/19 ≈ 88.9, and the closest bid above is worth 90,
     *   so AC_next accepts: agreement.
     */
    const run = simulate(compiled, {
      protocol: 'single-text',
      agents: { default: 'linear' },
      deadline: { rounds: 20 },
      seed: 1,
      mediator: { strategy: 'nash', initial: { x: 'o0', y: 'o2', z: 'o0' }, party: 'm' },
    });
    const texts = run.events?.filter((e) => e.action === 'text').map((e) => e.outcome?.join('')) ?? [];
    expect(texts).toEqual(['020', '220', '222', '202']);
    expect(run.outcome).toMatchObject({ agreement: true, round: 3, options: { x: 'o2', y: 'o0', z: 'o2' } });
    expect(run.metrics.utilities).toEqual([90, 90]);
  });

  it('stops when no revision helps for `patience` rounds', () => {
    // Parties that never concede (hardliners) reject everything; the hill-climber runs out of patience.
    const run = simulate(compiled, {
      protocol: 'single-text',
      agents: { default: 'hardliner' },
      deadline: { rounds: 100 },
      seed: 1,
      mediator: { strategy: 'hill-climb', initial: { x: 'o0', y: 'o2', z: 'o0' }, patience: 5 },
    });
    expect(run.outcome.agreement).toBe(false);
    expect(run.outcome.endedBy).toBe('stalled');
    expect(run.outcome.round).toBeLessThan(99);
    const rejections = run.events?.filter((e) => e.action === 'reject') ?? [];
    expect(rejections.every((e) => (e.objections?.length ?? 0) > 0)).toBe(true);
  });
});
