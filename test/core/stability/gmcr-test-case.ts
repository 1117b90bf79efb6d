import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Conflict, Conjunction, Literal } from '../../../src/core/stability/conflict.js';

/** The shape of the shared `gmcr-*.json` worked examples (only the parts the tests read). */
export interface GmcrTestCase {
  options: Array<{ index: number; name: string; dm: string; direction: 'both' | 'fwd' | 'back' }>;
  decisionMakers: Array<{ name: string; options: number[] }>;
  infeasiblePatterns: Array<Array<[number, 'Y' | 'N']>>;
  preferences: Record<
    string,
    {
      kind: 'optionPrioritization';
      statementsMostImportantFirst: Array<{
        allOf?: Array<[number, 'Y' | 'N']>;
        anyOf?: Array<Array<[number, 'Y' | 'N']>>;
      }>;
    }
  >;
  states: Record<string, { decimal: number; options_YN: string }>;
  derived_payoffs_higherIsBetter: Record<string, number[]>;
  derived_unilateralMoves: Record<string, Record<string, number[]>>;
  expected_standardRule: {
    stableStatesPerDM: Record<string, Record<string, number[]>>;
    equilibria: Record<string, number[]>;
  };
  expected_atMostOncePerOpponentRule: { equilibria: Record<string, number[]> };
  inverseGMCR_bruteForce?: { totalPairs: number; countsByState: Record<string, Record<string, number>> };
}

export function readGmcrTestCase(dir: string, file: string): GmcrTestCase {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as GmcrTestCase;
}

const literal = ([option, value]: [number, 'Y' | 'N']): Literal => [option, value === 'Y'];

/** Builds our conflict from a test case, independently of the scenario and `.gmcr` readers. */
export function conflictOf(testCase: GmcrTestCase): Conflict {
  const dmIndex = new Map(testCase.decisionMakers.map((dm, d) => [dm.name, d]));
  return {
    options: testCase.options.map((o) => ({
      name: o.name,
      decisionMaker: dmIndex.get(o.dm)!,
      direction: o.direction === 'fwd' ? 'forward' : o.direction === 'back' ? 'backward' : 'both',
    })),
    decisionMakers: testCase.decisionMakers.map((dm) => ({ name: dm.name, options: dm.options })),
    infeasible: testCase.infeasiblePatterns.map((pattern) => pattern.map(literal)),
    preferences: testCase.decisionMakers.map((dm) => ({
      kind: 'statements' as const,
      statements: testCase.preferences[dm.name].statementsMostImportantFirst.map(
        (statement): Conjunction[] =>
          statement.anyOf
            ? statement.anyOf.map((c) => c.map(literal))
            : [(statement.allOf ?? []).map(literal)],
      ),
    })),
  };
}

/** Test-file concept names → ours. */
export const CONCEPT_NAMES = {
  Nash: 'nash',
  GMR: 'gmr',
  SMR: 'smr',
  SEQ: 'seq',
  SIM: 'sim',
  'SEQ&SIM': 'seqAndSim',
  'SEQ|SIM': 'seqOrSim',
  SEQorSIM_perUI: 'seqOrSimPerMove',
} as const;
