import { describe, expect, it } from 'vitest';
import { buildGraphModel } from '../../../src/core/stability/graph-model.js';
import {
  enumerateInverse,
  symbolicConditions,
  TooManyCombinationsError,
} from '../../../src/core/stability/inverse-gmcr.js';
import { sharedTestCasesDir } from '../../support/shared-test-cases.js';
import { conflictOf, readGmcrTestCase } from './gmcr-test-case.js';
import { prisonersDilemma } from './small-conflicts.js';

const dir = sharedTestCasesDir();

describe.skipIf(dir === undefined)('inverse GMCR on the shared prisoners dilemma', () => {
  it('counts, over all 576 pairs of strict rankings, the pairs that make each state an equilibrium', () => {
    const testCase = readGmcrTestCase(dir!, 'gmcr-prisoners-dilemma.json');
    const model = buildGraphModel(conflictOf(testCase));
    const brute = testCase.inverseGMCR_bruteForce!;
    for (const [state, counts] of Object.entries(brute.countsByState)) {
      const result = enumerateInverse(model, Number(state) - 1, { sequenceRule: 'legalSequence' });
      expect(result.combinations).toBe(brute.totalPairs);
      expect(result.equilibriumCounts, `state ${state}`).toEqual({
        nash: counts.Nash,
        gmr: counts.GMR,
        smr: counts.SMR,
        seq: counts.SEQ,
      });
    }
  });
});

describe('inverse GMCR', () => {
  const model = buildGraphModel(prisonersDilemma());

  it('refuses more combinations than the bound, saying how many there are', () => {
    expect(() => enumerateInverse(model, 0, { sequenceRule: 'legalSequence', maxCombinations: 100 })).toThrow(
      TooManyCombinationsError,
    );
  });

  it('permutes only the windows: a window of one position leaves the preferences as they are', () => {
    const fixed = enumerateInverse(model, 3, {
      sequenceRule: 'legalSequence',
      windows: [
        { from: 0, to: 1 },
        { from: 0, to: 1 },
      ],
    });
    expect(fixed.combinations).toBe(1);
    // Mutual cooperation (state 4) is GMR-stable but not Nash-stable in the prisoners dilemma.
    expect(fixed.equilibriumCounts).toMatchObject({ nash: 0, gmr: 1 });
  });

  it('gives the symbolic conditions: Nash needs the state above its one-move targets', () => {
    const conditions = symbolicConditions(model, 3, 'legalSequence');
    expect(conditions[0].nash).toEqual([2]);
    // From state 4 (YY) prisoner one moves to 3 (NY); prisoner 2 can answer with 1 (NN).
    expect(conditions[0].gmr).toEqual([{ move: 2, orOneOf: [0] }]);
  });
});
