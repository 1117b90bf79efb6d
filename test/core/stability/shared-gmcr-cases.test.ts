import { describe, expect, it } from 'vitest';
import { buildGraphModel } from '../../../src/core/stability/graph-model.js';
import type { SequenceRule } from '../../../src/core/stability/move-sequences.js';
import { stabilityTable } from '../../../src/core/stability/stability-table.js';
import { sharedTestCasesDir } from '../../support/shared-test-cases.js';
import { CONCEPT_NAMES, conflictOf, readGmcrTestCase } from './gmcr-test-case.js';

const dir = sharedTestCasesDir();
const FILES = ['gmcr-prisoners-dilemma.json', 'gmcr-syria-iraq.json'];
const states = (list: number[]) => list.map((s) => s + 1);

describe.skipIf(dir === undefined)('the shared GMCR worked examples (../shared/test-cases)', () => {
  // vitest still runs a skipped describe's body to collect its tests, so nothing may be read without the folder.
  for (const file of dir === undefined ? [] : FILES) {
    describe(file, () => {
      const testCase = readGmcrTestCase(dir as string, file);
      const conflict = conflictOf(testCase);
      const model = buildGraphModel(conflict);
      const names = testCase.decisionMakers.map((dm) => dm.name);

      it('numbers the states by option code, as the file does', () => {
        const expected = Object.values(testCase.states).map((s) => s.decimal);
        expect(Array.from(model.space.codes)).toEqual(expected);
      });

      it("derives each decision maker's payoffs and unilateral moves", () => {
        names.forEach((name, d) => {
          expect(Array.from(model.scores[d])).toEqual(testCase.derived_payoffs_higherIsBetter[name]);
          const moves = testCase.derived_unilateralMoves[name];
          for (const [state, targets] of Object.entries(moves)) {
            expect(states(Array.from(model.moves[d][Number(state) - 1]))).toEqual(
              [...targets].sort((a, b) => a - b),
            );
          }
        });
      });

      for (const rule of ['legalSequence', 'atMostOnce'] as SequenceRule[]) {
        const table = stabilityTable(model, { sequenceRule: rule });
        it(`gives every stable state per decision maker and concept (${rule})`, () => {
          // The files list per-DM results for the standard rule and say the other rule differs nowhere.
          for (const [fileConcept, perDm] of Object.entries(
            testCase.expected_standardRule.stableStatesPerDM,
          )) {
            const concept = CONCEPT_NAMES[fileConcept as keyof typeof CONCEPT_NAMES];
            names.forEach((name, d) => {
              const ours = table.stable[concept][d].flatMap((x, s) => (x ? [s + 1] : []));
              expect(ours, `${fileConcept} for ${name}`).toEqual(perDm[name]);
            });
          }
        });
        it(`gives every equilibrium per concept (${rule})`, () => {
          const expected =
            rule === 'legalSequence'
              ? testCase.expected_standardRule.equilibria
              : testCase.expected_atMostOncePerOpponentRule.equilibria;
          for (const [fileConcept, list] of Object.entries(expected)) {
            const concept = CONCEPT_NAMES[fileConcept as keyof typeof CONCEPT_NAMES];
            expect(states(table.equilibria[concept]), fileConcept).toEqual(list);
          }
        });
      }
    });
  }
});
