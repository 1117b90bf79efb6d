import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interVectorBargain } from '../../../src/core/forecast/smp/bargain.js';
import { runSmp } from '../../../src/core/forecast/smp/run-smp.js';
import { riskUtility, salienceWeightedDistance } from '../../../src/core/forecast/smp/spatial-utility.js';
import { SmpOptions } from '../../../src/schema/forecast.js';
import { readSharedTestCase } from '../../support/shared-test-cases.js';

const reference = readSharedTestCase('ktab-smp-dummydata-3dim.json');

interface KtabActor {
  name: string;
  capability: number;
  position_0_100: number[];
  salience_0_100: number[];
}

describe.skipIf(!reference)("KTAB SMP on KTAB's reference run (shared test case)", () => {
  // Vitest still runs the body of a skipped suite to collect its tests: read nothing when the data is absent.
  if (!reference) return;
  const data = JSON.parse(reference as string);
  const actors: KtabActor[] = data.actors;
  const table = {
    capabilities: actors.map((a) => a.capability),
    saliences: actors.map((a) => a.salience_0_100.map((x) => x / 100)),
  };
  const start = actors.map((a) => a.position_0_100.map((x) => x / 100));
  const run = runSmp(table, start, SmpOptions.parse({}));
  const expected = data.expected_fromKtabReferenceRun;
  const history = [...run.turns.map((t) => t.positions), run.final.positions];
  const probabilities = [...run.turns.map((t) => t.winProbability), run.final.winProbability];

  it('stops at the same turn with the same fractional change', () => {
    expect(history).toHaveLength(expected.states);
    expect(run.turns).toHaveLength(expected.iterations);
    expect(run.stop).toBe('converged');
    const printed = /change compared to first step: ([\d.]+)/.exec(expected.finalFractionalChange)?.[1];
    expect(run.turns[run.turns.length - 1].fractionalChange.toFixed(4)).toBe(printed);
  });

  it('gives every position of every actor on every dimension at every turn (to the printed 0.1)', () => {
    actors.forEach((a, i) => {
      data.dimensions.forEach((dimension: string, k: number) => {
        const ours = history.map((p) => (p[i][k] * 100).toFixed(1));
        const theirs = expected.positionHistory_0_100_printedTo1dp[a.name][dimension].map((x: number) =>
          x.toFixed(1),
        );
        expect(ours, `${a.name} ${dimension}`).toEqual(theirs);
      });
    });
  });

  it("gives every actor's win probability at every turn (to the printed 4 decimals)", () => {
    actors.forEach((a, i) => {
      const ours = probabilities.map((p) => p[i].toFixed(4));
      const theirs = expected.positionProbabilityHistory_printedTo4dp[a.name].map((x: number) =>
        x.toFixed(4),
      );
      expect(ours, a.name).toEqual(theirs);
    });
  });

  it('gives the turn-0 details at full precision: risk attitudes, values, best challenges and bargains', () => {
    const details = data.turn0_details_fullPrecision_computedByOurReimplementation;
    const t0 = run.turns[0];
    details.riskAttitude_R_turn0.forEach((r: number, i: number) => {
      expect(t0.risk[i]).toBeCloseTo(r, 9);
    });
    details.riskNeutralValueMatrix_turn0_row_actor_col_position.forEach((row: number[], i: number) => {
      row.forEach((v, j) => {
        expect(1 - salienceWeightedDistance(start[i], start[j], table.saliences[i])).toBeCloseTo(v, 9);
      });
    });
    const names = actors.map((a) => a.name);
    expect(t0.challenges).toHaveLength(details.bestChallenges_turn0.length);
    details.bestChallenges_turn0.forEach((c: Record<string, unknown>, k: number) => {
      const ours = t0.challenges[k];
      expect(names[ours.initiator]).toBe(c.initiator);
      expect(names[ours.target]).toBe(c.target);
      expect(ours.probability).toBeCloseTo(c.initiatorEstimate_P_i_beats_j as number, 9);
      expect(ours.expectedGain).toBeCloseTo(c.expectedGain as number, 9);
      expect(ours.initiatorPosition.map((x) => Number((x * 100).toFixed(2)))).toEqual(
        c.bargain_initiatorPosition_0_100,
      );
      expect(ours.targetPosition.map((x) => Number((x * 100).toFixed(2)))).toEqual(
        c.bargain_targetPosition_0_100,
      );
    });
    for (const [name, position] of Object.entries(
      details.positionsAfterTurn1_0_100 as Record<string, number[]>,
    )) {
      expect(history[1][names.indexOf(name)].map((x) => Number((x * 100).toFixed(2)))).toEqual(position);
    }
  });
});

describe('KTAB SMP building blocks and small runs (own cases)', () => {
  it('distance and utility by hand', () => {
    // Saliences 0.3 and 0.4, gaps 0.5 and 0: sqrt((0.15)^2 / (0.09 + 0.16)) = 0.3.
    expect(salienceWeightedDistance([0.5, 0.2], [0, 0.2], [0.3, 0.4])).toBeCloseTo(0.3, 12);
    expect(riskUtility(0.3, 0)).toBeCloseTo(0.7, 12);
    expect(riskUtility(0.3, 1)).toBeCloseTo(0.7 * 1.3, 12);
    expect(riskUtility(1.2, 0.5)).toBeCloseTo(-0.2 * 1.5, 12);
  });

  it('an S2P2 bargain lies between the two positions, nearer the likelier winner', () => {
    const b = interVectorBargain('S2P2', [0], [1], [0.5], [0.5], 0.8);
    expect(b.initiator[0]).toBeGreaterThan(0);
    expect(b.initiator[0]).toBeLessThan(0.5);
    expect(b.receiver[0]).toBeGreaterThanOrEqual(b.initiator[0]);
  });

  const tables = fc.record({
    n: fc.integer({ min: 3, max: 5 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  });

  it('keeps positions on the scale and finite for every parameter setting (fast-check)', () => {
    const settings = [
      {},
      { VotingRule: 'Cubic' },
      { VotingRule: 'ASymProsp', VictoryProbModel: 'Square' },
      { PCEModel: 'MarkovUniform', BigRRange: 'Max' },
      { PCEModel: 'MarkovIncentive', BigRAdjust: 'Full', ThirdPartyCommit: 'FullCommit' },
      { InterVecBrgn: 'S1P1', BargnModel: 'InitRcvrInterp', ThirdPartyCommit: 'NoCommit' },
      {
        InterVecBrgn: 'S2PMax',
        BargnModel: 'PWCompInterp',
        VictoryProbModel: 'Binary',
        VotingRule: 'PropBin',
      },
      { StateTransitions: 'Stochastic', BigRRange: 'Min', VotingRule: 'Binary', VictoryProbModel: 'Octic' },
    ];
    fc.assert(
      fc.property(tables, fc.constantFrom(...settings), ({ n, seed }, setting) => {
        let x = seed + 1;
        const next = () => {
          x = (x * 16807) % 2147483647;
          return x / 2147483647;
        };
        const capabilities = Array.from({ length: n }, () => 1 + 99 * next());
        const saliences = Array.from({ length: n }, () => [0.4 * next(), 0.4 * next()]);
        const start = Array.from({ length: n }, () => [next(), next()]);
        const run = runSmp(
          { capabilities, saliences },
          start,
          SmpOptions.parse({ ...setting, maxTurns: 15 }),
        );
        for (const turn of run.turns) {
          for (const p of turn.positions)
            for (const v of p) expect(v >= 0 && v <= 1 && Number.isFinite(v)).toBe(true);
          for (const w of turn.winProbability) expect(w >= 0 && w <= 1).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic, and a stochastic run is reproducible from its seed', () => {
    const actors = {
      capabilities: [30, 50, 20, 40],
      saliences: [
        [0.5, 0.2],
        [0.3, 0.6],
        [0.9, 0.1],
        [0.4, 0.4],
      ],
    };
    const start = [
      [0.1, 0.9],
      [0.8, 0.2],
      [0.5, 0.5],
      [0.3, 0.3],
    ];
    const a = runSmp(actors, start, SmpOptions.parse({ StateTransitions: 'Stochastic', seed: 4 }));
    const b = runSmp(actors, start, SmpOptions.parse({ StateTransitions: 'Stochastic', seed: 4 }));
    expect(a.final.positions).toEqual(b.final.positions);
    const c = runSmp(actors, start, SmpOptions.parse({}));
    expect(runSmp(actors, start, SmpOptions.parse({})).turns).toEqual(c.turns);
  });

  it('moves nobody when every actor already shares one position', () => {
    const run = runSmp(
      { capabilities: [1, 2, 3], saliences: [[0.5], [0.5], [0.5]] },
      [[0.4], [0.4], [0.4]],
      SmpOptions.parse({}),
    );
    expect(run.turns[0].challenges).toEqual([]);
    expect(run.final.positions).toEqual([[0.4], [0.4], [0.4]]);
    expect(run.stop).toBe('converged');
  });
});
