import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basicUtilities } from '../../../src/core/forecast/bdm/basic-utilities.js';
import { expectedUtilities } from '../../../src/core/forecast/bdm/expected-utility.js';
import { probabilityOfSuccess } from '../../../src/core/forecast/bdm/probability-of-success.js';
import { resolveOffers } from '../../../src/core/forecast/bdm/resolve-offers.js';
import { riskExponents } from '../../../src/core/forecast/bdm/risk-exponents.js';
import { type BdmActor, runBdm } from '../../../src/core/forecast/bdm/run-bdm.js';
import { BdmOptions, type BdmOptionsInput } from '../../../src/schema/forecast.js';
import { readSharedTestCase } from '../../support/shared-test-cases.js';

const csv = readSharedTestCase('bdm-eu-car-emissions.csv');
const roundsText = readSharedTestCase('bdm-eu-car-emissions-rounds.json');

/** The two named variants of the shared test case, as Parley options. */
const VARIANTS: Record<string, BdmOptionsInput> = {
  dmasad: { probabilityRule: 'net-clamped', muRule: 'largest-margin', muRuleSecondPass: 'mean' },
  scholz_as_specified: { probabilityRule: 'positive-part', muRule: 'condorcet' },
};

const KINDS = {
  conflict: 'loses confrontation to',
  compromise: 'compromises with',
  capitulation: 'capitulates to',
};

describe.skipIf(!csv || !roundsText)('BDM on the EU car-emissions case (shared test case)', () => {
  // Vitest still runs the body of a skipped suite to collect its tests: read nothing when the data is absent.
  if (!csv || !roundsText) return;
  const rows = (csv as string)
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const names = rows.map((r) => r[0]);
  const actors: BdmActor[] = rows.map((r) => ({
    capability: Number(r[1]),
    position: Number(r[2]),
    salience: Number(r[3]) / 100,
  }));
  const data = JSON.parse(roundsText as string);
  const width: number = data.positionRange;
  const byName = (values: number[]) => Object.fromEntries(names.map((n, i) => [n, values[i]]));

  it('gives both probability-of-success tables at the initial positions', () => {
    const positions = actors.map((a) => a.position);
    const weights = actors.map((a) => a.capability * a.salience);
    const tables = data.probabilityOfSuccess_initialPositions_P_i_beats_j;
    for (const [rule, key] of [
      ['net-clamped', 'net_clamped'],
      ['positive-part', 'positive_part'],
    ] as const) {
      names.forEach((ni, i) => {
        names.forEach((nj, j) => {
          if (i === j) return;
          expect(probabilityOfSuccess(rule, i, j, positions, weights)).toBeCloseTo(tables[key][ni][nj], 9);
        });
      });
    }
  });

  for (const [variant, options] of Object.entries(VARIANTS)) {
    it(`reproduces every round of variant '${variant}': μ, risk exponents, moves, positions and baselines after`, () => {
      const expected = data.rounds[variant] as Array<Record<string, unknown>>;
      const run = runBdm(actors, width, BdmOptions.parse({ ...options, maxRounds: expected.length }));
      expect(run.rounds.length).toBeGreaterThanOrEqual(expected.length - 1);
      expected.forEach((e, k) => {
        const round = run.rounds[k];
        if (!round) {
          // The run stopped: the expected round must be the one where nobody moves.
          expect(e.moves).toEqual([]);
          return;
        }
        expect(round.muFirstPass).toBeCloseTo(e.muUsedInPass0 as number, 9);
        expect(round.muSecondPass).toBeCloseTo(e.muUsedInPass1 as number, 9);
        for (const [name, r] of Object.entries(e.riskExponent_r as Record<string, number>)) {
          expect(byName(round.riskExponents)[name]).toBeCloseTo(r, 9);
        }
        const moves = round.moves.map((m) => `${names[m.receiver]} ${KINDS[m.kind]} ${names[m.sender]}`);
        expect(moves).toEqual(e.moves);
        for (const [name, x] of Object.entries(e.positionsAfter as Record<string, number>)) {
          expect(byName(round.positionsAfter)[name]).toBeCloseTo(x, 8);
        }
        expect(round.meanAfter).toBeCloseTo(e.weightedMeanAfter as number, 8);
        expect(round.medianAfter).toBeCloseTo(e.weightedMedianAfter as number, 8);
        expect(round.condorcetAfter).toBeCloseTo(e.condorcetWinnerAfter as number, 8);
        const eu = e.EU_pass1_challengerRow_targetColumn as
          | Record<string, Record<string, number>>
          | undefined;
        if (eu) {
          for (const [ni, row] of Object.entries(eu)) {
            for (const [nj, value] of Object.entries(row)) {
              expect(round.expectedUtility[names.indexOf(ni)][names.indexOf(nj)]).toBeCloseTo(value, 9);
            }
          }
        }
      });
    });
  }

  it("matches the replication notebook's verified numbers (Belgium's expected utilities, mean after round 1)", () => {
    const v = data.verifiedAgainstNotebook;
    const run = runBdm(actors, width, BdmOptions.parse({ ...VARIANTS.dmasad, maxRounds: 1 }));
    const belgium = names.indexOf('Belgium');
    for (const [nj, value] of Object.entries(v.Belgium_EU_row as Record<string, number>)) {
      expect(run.rounds[0].expectedUtility[belgium][names.indexOf(nj)]).toBeCloseTo(value, 12);
    }
    expect(run.rounds[0].meanAfter).toBeCloseTo(v.meanAfterRound1, 12);
  });
});

describe('BDM building blocks (own cases)', () => {
  it('basic utilities by hand: d = 1/2, μ at the challenger, r = 1', () => {
    const u = basicUtilities(0.5, 0, 1);
    expect(u.success).toBeCloseTo(2 - 4 * 0.25, 12);
    expect(u.failure).toBeCloseTo(2 - 4 * 0.75, 12);
    expect(u.better).toBeCloseTo(2 - 4 * 0.375, 12);
    expect(u.worse).toBeCloseTo(2 - 4 * 0.625, 12);
    expect(u.statusQuo).toBe(0);
  });

  it('EU is zero between actors at the same position, and r lies in [0.5, 2] with r = 1 when all are equally secure', () => {
    const input = {
      positions: [0, 0, 10],
      saliences: [0.5, 0.5, 0.5],
      weights: [1, 1, 1],
      width: 10,
      mu: 0,
      riskExponents: [1, 1, 1],
      q: 1,
      t: 1,
      probabilityRule: 'net-clamped' as const,
    };
    const { eu } = expectedUtilities(input);
    expect(eu[0][1]).toBe(0);
    for (const r of riskExponents(eu)) expect(r).toBeGreaterThanOrEqual(0.5 - 1e-12);
    expect(
      riskExponents([
        [0, 1],
        [1, 0],
      ]),
    ).toEqual([1, 1]);
  });

  it('under positive-part, P(i beats j) + P(j beats i) = 1 whenever someone leans (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: fc.integer({ min: 0, max: 10 }), w: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
          { minLength: 2, maxLength: 8 },
        ),
        (rows) => {
          const positions = rows.map((r) => r.x);
          const weights = rows.map((r) => r.w);
          if (positions[0] === positions[1]) return;
          const sum =
            probabilityOfSuccess('positive-part', 0, 1, positions, weights) +
            probabilityOfSuccess('positive-part', 1, 0, positions, weights);
          expect(sum).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('a two-actor case: the weaker, less committed actor capitulates or loses, and the run converges', () => {
    const run = runBdm(
      [
        { capability: 3, position: 0, salience: 0.9 },
        { capability: 1, position: 10, salience: 0.3 },
      ],
      10,
      BdmOptions.parse({}),
    );
    expect(run.stop).toBe('converged');
    expect(run.rounds[0].moves).toHaveLength(1);
    expect(run.rounds[0].moves[0].receiver).toBe(1);
    expect(run.finalPositions).toEqual([0, 0]);
  });

  it('detects an oscillation and reports both ends', () => {
    // C (strong, indifferent) is pulled to B's 5 in round 1 and back to 0 in round 2: the start recurs.
    const run = runBdm(
      [
        { capability: 1, position: 0, salience: 0.9 },
        { capability: 2, position: 5, salience: 0.7 },
        { capability: 4, position: 0, salience: 0.3 },
      ],
      10,
      BdmOptions.parse({ maxRounds: 30 }),
    );
    expect(run.stop).toBe('oscillating');
    expect(run.rounds).toHaveLength(2);
    expect(run.cycle).toEqual([
      [0, 5, 0],
      [0, 5, 5],
    ]);
    // Weights 0.9, 1.4, 1.2: means 1.4 × 5 / 3.5 and (1.4 + 1.2) × 5 / 3.5.
    expect(run.cycleMeans?.[0]).toBeCloseTo(7 / 3.5, 12);
    expect(run.cycleMeans?.[1]).toBeCloseTo(13 / 3.5, 12);
  });
});

describe('the all-triples probability rule', () => {
  it('sums to 1/2 over all ordered pairs and never exceeds the positive-part rule (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: fc.integer({ min: 0, max: 10 }), w: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
          {
            minLength: 2,
            maxLength: 7,
          },
        ),
        (rows) => {
          const positions = rows.map((r) => r.x);
          const weights = rows.map((r) => r.w);
          if (new Set(positions).size < 2) return;
          let sum = 0;
          for (let i = 0; i < rows.length; i++) {
            for (let j = 0; j < rows.length; j++) {
              if (i === j) continue;
              const p = probabilityOfSuccess('all-triples', i, j, positions, weights);
              expect(p).toBeLessThanOrEqual(
                probabilityOfSuccess('positive-part', i, j, positions, weights) + 1e-12,
              );
              sum += p;
            }
          }
          expect(sum).toBeCloseTo(0.5, 12);
        },
      ),
    );
  });
});

describe('offer ranking', () => {
  // Receiver 0 gets offers from 1 (EU 0.9; 0 answers 0.5: conflict) and 2 (EU 1.0; 0 answers -0.2: compromise).
  const eu = [
    [0, 0.5, -0.2],
    [0.9, 0, 0],
    [1.0, 0, 0],
  ];
  const positions = [0, 10, 4];

  it('sender-eu takes the highest sender EU: a compromise with 2, a fifth of the way', () => {
    const [move] = resolveOffers(positions, eu, 'sender-eu');
    expect(move).toMatchObject({ receiver: 0, sender: 2, kind: 'compromise', from: 0 });
    expect(move.to).toBeCloseTo(4 * 0.2, 12);
  });

  it('type ranks a conflict above a compromise, whatever the EUs', () => {
    const [move] = resolveOffers(positions, eu, 'type');
    expect(move).toMatchObject({ receiver: 0, sender: 1, kind: 'conflict', to: 10 });
  });
});
