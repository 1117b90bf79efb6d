import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/model/compile.js';
import {
  NAMED_EXPONENTS,
  readConcessionSettings,
  timeAt,
} from '../../src/core/simulation/concession-settings.js';
import type { SimulationConfig } from '../../src/core/simulation/config.js';
import { simulate } from '../../src/core/simulation/simulate.js';
import type { Run } from '../../src/core/simulation/trace.js';
import { sixOutcomes } from './support/domains.js';

/**
 * Hand-computed negotiations on the six-outcome fixture (support/domains.ts): A plays boulware, B conceder, 4
 * rounds, A opens. Utilities (A / B): (x0,y0) 100/0, (x0,y1) 70/40, (x1,y0) 65/30, (x1,y1) 35/70,
 * (x2,y0) 30/60, (x2,y1) 0/100; both BATNAs 20. Every target below is worked out from the formulas in
 * concession-settings.ts, target(t) = Pmin + (Pmax - Pmin)(1 - t^(1/e)) with Pmax = 100 and Pmin = 20 for both
 * (the worst outcome is worth 0 to each, so max(worst, BATNA) = BATNA = 20 too).
 * A rejection is not an event of its own: it is followed by the party's counter-offer.
 */
const compiled = compileScenario(sixOutcomes());

function play(conventions: SimulationConfig['conventions'], agents: SimulationConfig['agents']): Run {
  return simulate(compiled, { agents, deadline: { rounds: 4 }, seed: 1, conventions });
}

function account(run: Run): string[] {
  return (run.events ?? []).map((e) => {
    const outcome = e.outcome
      ? ` ${e.outcome.map((k, i) => compiled.space.issues[i].optionIds[k]).join(',')}`
      : '';
    return `${e.round} ${e.party} ${e.action}${outcome}`;
  });
}

describe('convention sets on a hand-computed negotiation', () => {
  it('parley: time r/3, floor BATNA, best for the other within 1 point above target, AC_next', () => {
    // Times 0, 1/3, 2/3, 1. A (e 0.2): 100, 99.67, 89.47, 20. B (e 2): 100, 53.81, 34.68, 20.
    // r0: A bids 100 (x0,y0); B: 0 < BATNA, rejects; bids 100 (x2,y1).
    // r1: A: 0 < BATNA; bids (x0,y0). B: rejects 0; nothing of B's in [53.81, 54.81], so the closest above:
    //     60 (x2,y0).
    // r2: A: 30 < its next bid 100 (nothing in [89.47, 90.47], closest above is 100); bids (x0,y0). B: rejects;
    //     nothing in [34.68, 35.68], closest above: 40 (x0,y1).
    // r3: A's target is 20; nothing in [20, 21], so its next bid would be 30 (x2,y0); 70 >= 30: accepts.
    const run = play('parley', { a: 'boulware', b: 'conceder' });
    expect(run.conventions).toBe('parley');
    expect(account(run)).toEqual([
      '0 a offer x0,y0',
      '0 b offer x2,y1',
      '1 a offer x0,y0',
      '1 b offer x2,y0',
      '2 a offer x0,y0',
      '2 b offer x0,y1',
      '3 a accept',
    ]);
    expect(run.outcome.options).toEqual({ x: 'x0', y: 'y1' });
  });

  it('negmas: time (r+1)/5, floor max(worst, BATNA), lowest bid at target - 0.01, accepts within the band', () => {
    // Times 0.2, 0.4, 0.6, 0.8. A boulware (x 4, e 0.25): 20 + 80(1 - t^4) = 99.872, 97.952, 89.632, 67.232.
    // B conceder (x 0.25, e 4): 20 + 80(1 - t^0.25) = 46.501, 36.378, 29.591, 24.341.
    // r0: A bids the lowest >= 99.862: 100 (x0,y0). B: 0 < BATNA; bids the lowest >= 46.491: 60 (x2,y0).
    // r1: A: 30 < 97.942, rejects; bids (x0,y0). B rejects; lowest >= 36.368: 40 (x0,y1).
    // r2: A: 70 < 89.622; bids (x0,y0). B rejects; lowest >= 29.581: 30 (x1,y0).
    // r3: A: 65 < 67.222; lowest >= 67.222: 70 (x0,y1). B: 40 >= 24.331: accepts.
    const run = play('negmas', { a: 'boulware', b: 'conceder' });
    expect(run.conventions).toBe('negmas');
    expect(account(run)).toEqual([
      '0 a offer x0,y0',
      '0 b offer x2,y0',
      '1 a offer x0,y0',
      '1 b offer x0,y1',
      '2 a offer x0,y0',
      '2 b offer x1,y0',
      '3 a offer x0,y1',
      '3 b accept',
    ]);
  });

  it('genius: time (r+1)/5, floor max(worst, BATNA), the bid nearest the target, AC_next without a last-turn rule', () => {
    // Times 0.2, 0.4, 0.6, 0.8. A boulware (e 0.2): 20 + 80(1 - t^5) = 99.974, 99.181, 93.779, 73.786.
    // B conceder (e 2): 20 + 80(1 - t^0.5) = 64.223, 49.403, 38.032, 28.446.
    // r0: A: nearest 99.974 is 100 (x0,y0). B: 0 < BATNA; nearest 64.223 among B's 30, 40, 60, 70, 100: 60 (x2,y0).
    // r1: A: 30 < its next bid 100; bids (x0,y0). B: nearest 49.403 is 40 (9.40 away; 60 is 10.60): (x0,y1).
    // r2: A: 70 < 100 (nearest 93.779); bids (x0,y0). B: nearest 38.032 is 40 again: (x0,y1).
    // r3: A: its next bid, nearest 73.786, is 70 (x0,y1) itself; 70 >= 70: accepts.
    const run = play('genius', { a: 'boulware', b: 'conceder' });
    expect(run.conventions).toBe('genius');
    expect(account(run)).toEqual([
      '0 a offer x0,y0',
      '0 b offer x2,y0',
      '1 a offer x0,y0',
      '1 b offer x0,y1',
      '2 a offer x0,y0',
      '2 b offer x0,y1',
      '3 a accept',
    ]);
  });

  it("every setting of a convention set is also a strategy option: Parley's defaults plus options play NegMAS", () => {
    const options = {
      time: 'step',
      floor: 'reservation',
      offer: 'lowest-in-band',
      band: 0.01,
      accept: 'in-band',
    };
    const run = play('parley', {
      a: { name: 'time-dependent', params: { e: NAMED_EXPONENTS.negmas.boulware, ...options } },
      b: { name: 'time-dependent', params: { e: NAMED_EXPONENTS.negmas.conceder, ...options } },
    });
    expect(account(run)).toEqual(account(play('negmas', { a: 'boulware', b: 'conceder' })));
  });

  it('a single option changes a single thing', () => {
    const negmas = account(play('negmas', { a: 'boulware', b: 'conceder' }));
    // A picks the bid nearest its target instead of the lowest above it: the same until r3, where its target
    // 67.232 is nearer 65 (x1,y0) than 70. It rejects B's (x1,y0) (65 < 67.222, outside its band), then
    // offers that very outcome, which B accepts (30 >= 24.331).
    const nearest = account(
      play('negmas', { a: { name: 'boulware', params: { offer: 'nearest' } }, b: 'conceder' }),
    );
    expect(nearest.slice(0, 6)).toEqual(negmas.slice(0, 6));
    expect(nearest.slice(6)).toEqual(['3 a offer x1,y0', '3 b accept']);
    // A reads time as r/3: targets 100, 99.012, 84.198 and, in the last round, 20, so it accepts B's (x1,y0).
    const roundTime = play('negmas', { a: { name: 'boulware', params: { time: 'round' } }, b: 'conceder' });
    expect(account(roundTime).slice(0, 6)).toEqual(negmas.slice(0, 6));
    expect(account(roundTime).slice(6)).toEqual(['3 a accept']);
    expect(roundTime.outcome.options).toEqual({ x: 'x1', y: 'y0' });
    // On this fixture the worst outcome is worth 0 < BATNA to both, so a BATNA floor changes nothing.
    expect(
      account(play('negmas', { a: { name: 'boulware', params: { floor: 'batna' } }, b: 'conceder' })),
    ).toEqual(negmas);
  });
});

describe('concession settings', () => {
  it('time: round/(rounds-1) from 0 to 1, or (round+1)/(rounds+1) never reaching 1', () => {
    expect([0, 1, 2, 3].map((r) => timeAt('round', r, 4))).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect([0, 1, 2, 3].map((r) => timeAt('step', r, 4))).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(timeAt('round', 0, 1)).toBe(1);
    expect(timeAt('step', 0, 1)).toBe(0.5);
  });

  it('names: NegMAS aspiration 1 - t^x is e = 1/x (boulware x 4, conceder x 0.25); GENIUS e 0.2 and 2', () => {
    expect(NAMED_EXPONENTS.negmas).toEqual({ boulware: 1 / 4, linear: 1, conceder: 1 / 0.25 });
    expect(NAMED_EXPONENTS.genius).toEqual({ boulware: 0.2, linear: 1, conceder: 2 });
    expect(NAMED_EXPONENTS.parley).toEqual(NAMED_EXPONENTS.genius);
  });

  it('bad option values are refused with a suggestion', () => {
    expect(() => readConcessionSettings({ offer: 'nearst' }, 'parley')).toThrow(
      "parameter 'offer': unknown value \"nearst\"; did you mean 'nearest'?",
    );
    expect(() => readConcessionSettings({ floor: 'zero' }, 'parley')).toThrow(
      'parameter \'floor\': unknown value "zero" (expected batna or reservation)',
    );
    expect(() => readConcessionSettings({ band: -1 }, 'parley')).toThrow(
      "parameter 'band': expected a number >= 0",
    );
    expect(() =>
      simulate(compiled, {
        agents: { default: { name: 'boulware', params: { flor: 'batna' } } },
        deadline: { rounds: 4 },
        seed: 1,
      }),
    ).toThrow("agents.a.strategy: strategy 'boulware' has no parameter 'flor'; did you mean 'floor'?");
  });
});
