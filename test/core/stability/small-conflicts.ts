import fc from 'fast-check';
import type { Conflict } from '../../../src/core/stability/conflict.js';

/** The textbook prisoners dilemma: option i = "prisoner i cooperates"; both prefer the other to cooperate. */
export function prisonersDilemma(): Conflict {
  return {
    options: [
      { name: 'One cooperates', decisionMaker: 0, direction: 'both' },
      { name: 'Two cooperates', decisionMaker: 1, direction: 'both' },
    ],
    decisionMakers: [
      { name: 'One', options: [0] },
      { name: 'Two', options: [1] },
    ],
    infeasible: [],
    preferences: [
      { kind: 'statements', statements: [[[[1, true]]], [[[0, false]]]] },
      { kind: 'statements', statements: [[[[0, true]]], [[[1, false]]]] },
    ],
  };
}

/** A random conflict: 2..maxDms decision makers with 1..2 options each, some infeasible patterns, rankings. */
export function arbitraryConflict(options: { maxDms: number; strict: boolean }): fc.Arbitrary<Conflict> {
  return fc
    .record({
      optionCounts: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: options.maxDms }),
      directions: fc.array(fc.constantFrom('both', 'both', 'forward', 'backward'), {
        minLength: 8,
        maxLength: 8,
      }),
      infeasible: fc.array(fc.array(fc.tuple(fc.nat(7), fc.boolean()), { minLength: 2, maxLength: 3 }), {
        maxLength: 2,
      }),
      seeds: fc.array(fc.array(fc.nat(1000), { minLength: 64, maxLength: 64 }), {
        minLength: 4,
        maxLength: 4,
      }),
    })
    .map(({ optionCounts, directions, infeasible, seeds }): Conflict => {
      const decisionMakers: Conflict['decisionMakers'] = [];
      const conflictOptions: Conflict['options'] = [];
      optionCounts.forEach((count, d) => {
        const own: number[] = [];
        for (let k = 0; k < count; k++) {
          own.push(conflictOptions.length);
          conflictOptions.push({
            name: `o${conflictOptions.length}`,
            decisionMaker: d,
            direction: directions[conflictOptions.length] as 'both',
          });
        }
        decisionMakers.push({ name: `dm${d}`, options: own });
      });
      const total = conflictOptions.length;
      const patterns = infeasible
        .map((pattern) => pattern.filter(([o]) => o < total).map(([o, v]) => [o, v] as const))
        .filter((pattern) => pattern.length >= 2);
      // Rankings over all option codes; infeasible codes are dropped when states are numbered, so rank codes
      // through statements that single out each code (a conjunction fixing every option).
      const preferences = decisionMakers.map((_, d) => {
        const codes = Array.from({ length: 2 ** total }, (_, c) => c);
        const key = (c: number) => (options.strict ? seeds[d][c] * 64 + c : seeds[d][c] % 3);
        const sorted = [...codes].sort((a, b) => key(b) - key(a));
        const classes: number[][] = [];
        for (const code of sorted) {
          const last = classes[classes.length - 1];
          if (last && key(last[0]) === key(code)) last.push(code);
          else classes.push([code]);
        }
        return {
          kind: 'statements' as const,
          // Class k is worth more than every later class together, so the statements reproduce the order.
          statements: classes.map((cls) =>
            cls.map((code) =>
              Array.from({ length: total }, (_, o) => [o, ((code >>> o) & 1) === 1] as const),
            ),
          ),
        };
      });
      return { options: conflictOptions, decisionMakers, infeasible: patterns, preferences };
    });
}
