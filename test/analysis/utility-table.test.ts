import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptableMask,
  EnumerationLimitError,
  enumerateUtilities,
  layoutOf,
  maskIndices,
  outcomeAt,
  ruleMask,
} from '../../src/core/analysis/utility-table.js';
import { evaluateSubspace } from '../../src/core/evaluate/evaluate.js';
import { realiseUtility, type UtilityFunction, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { buildOutcomeSpace, decodeOutcome, encodeOutcome } from '../../src/core/model/outcome-space.js';
import { holds } from '../../src/core/model/rule.js';
import { forEachCompletion, type Subspace, subspaceOfOutcome } from '../../src/core/model/subspace.js';
import { arbitraryScenario } from '../support/random-scenario.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const scenarios = arbitraryScenario({
  parties: 4,
  issues: 5,
  maxOptions: 4,
  adjustments: true,
  redLines: true,
});

/** A scenario with a random sub-space: a non-empty subset of each issue's options. */
const scenarioAndSubspace = scenarios.chain((scenario) =>
  fc
    .tuple(
      ...scenario.issues.map((issue) =>
        fc.subarray(
          (issue.options ?? []).map((_, k) => k),
          { minLength: 1 },
        ),
      ),
    )
    .map((allowed): [typeof scenario, Subspace] => [
      scenario,
      { allowed: allowed.map((a) => Int32Array.from(a)) },
    ]),
);

describe('enumerateUtilities', () => {
  it('equals utilityOf for every outcome, bit for bit (adjustments included)', () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const compiled = compileScenario(scenario);
        const fns = compiled.models.map((m) => realiseUtility(m));
        const table = enumerateUtilities(fns, compiled.space);
        expect(table.size).toBe(compiled.space.size);
        const outcomes = Array.from({ length: table.size }, (_, index) => outcomeAt(table, index));
        expect(outcomes.map((o) => encodeOutcome(compiled.space, o))).toEqual(
          outcomes.map((_, index) => index),
        );
        fns.forEach((fn, p) => {
          expect(Array.from(table.utilities[p])).toEqual(outcomes.map((o) => utilityOf(fn, o)));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('on a sub-space, enumerates its completions in mixed-radix order', () => {
    fc.assert(
      fc.property(scenarioAndSubspace, ([scenario, subspace]) => {
        const compiled = compileScenario(scenario);
        const fns = compiled.models.map((m) => realiseUtility(m, 'low'));
        const table = enumerateUtilities(fns, compiled.space, { subspace });
        let index = 0;
        forEachCompletion(
          subspace,
          (outcome) => {
            expect(Array.from(outcomeAt(table, index))).toEqual(Array.from(outcome));
            fns.forEach((fn, p) => {
              expect(table.utilities[p][index]).toBe(utilityOf(fn, outcome));
            });
            index++;
          },
          subspace.allowed.map((_, i) => i),
        );
        expect(index).toBe(table.size);
      }),
      { numRuns: 200 },
    );
  });

  it('equals utilityOf on spaces with many options per issue (both inner-loop shapes)', () => {
    const shape = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        shape.chain((radix) =>
          fc.tuple(
            fc.constant(radix),
            fc.tuple(
              ...radix.map((r) =>
                fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: r, maxLength: r }),
              ),
            ),
          ),
        ),
        ([radix, tables]) => {
          const space = buildOutcomeSpace({
            issues: radix.map((r, i) => ({
              id: `i${i}`,
              title: `i${i}`,
              category: 'other',
              options: Array.from({ length: r }, (_, k) => ({ id: `o${k}`, label: `o${k}` })),
            })),
          });
          const fn: UtilityFunction = {
            party: 'p',
            contribution: tables.map((t) => Float64Array.from(t)),
            adjustments: [],
            batna: 0,
          };
          const table = enumerateUtilities([fn], space);
          const expected = Array.from({ length: space.size }, (_, index) =>
            utilityOf(fn, decodeOutcome(space, index)),
          );
          expect(Array.from(table.utilities[0])).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refills given arrays (whatever they held) with the same values', () => {
    fc.assert(
      fc.property(scenarioAndSubspace, ([scenario, subspace]) => {
        const compiled = compileScenario(scenario);
        const fns = compiled.models.map((m) => realiseUtility(m));
        const fresh = enumerateUtilities(fns, compiled.space, { subspace });
        const into = fresh.utilities.map((u) => new Float64Array(u.length).fill(Number.NaN));
        const refilled = enumerateUtilities(fns, compiled.space, { subspace, into });
        expect(refilled.utilities[0]).toBe(into[0]);
        expect(refilled.utilities.map((u) => Array.from(u))).toEqual(
          fresh.utilities.map((u) => Array.from(u)),
        );
        expect(() =>
          enumerateUtilities(fns, compiled.space, { subspace, into: [new Float64Array(fresh.size + 1)] }),
        ).toThrow(/'into' must hold/);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with hand-worked utilities of the tiny scenario', () => {
    const compiled = compileScenario(tinyScenario(), { at: '2025-02-15' });
    const table = enumerateUtilities([realiseUtility(compiled.models[0])], compiled.space);
    expect(table.utilities[0][encodeOutcome(compiled.space, [1, 2, 1])]).toBeCloseTo(57.5, 12);
    expect(table.utilities[0][encodeOutcome(compiled.space, [1, 3, 0])]).toBeCloseTo(73.75, 12);
  });

  it('refuses a space above the budget with an error that names the alternative', () => {
    const compiled = compileScenario(tinyScenario());
    const fns = compiled.models.map((m) => realiseUtility(m));
    expect(() => enumerateUtilities(fns, compiled.space, { maxCells: 10 })).toThrow(EnumerationLimitError);
    expect(() => enumerateUtilities(fns, compiled.space, { maxCells: 10 })).toThrow(/MILP/);
  });
});

describe('rule masks and the acceptance filter', () => {
  it('ruleMask equals holds() per outcome, by truth table and by combining parts', () => {
    fc.assert(
      fc.property(scenarioAndSubspace, ([scenario, subspace]) => {
        const compiled = compileScenario(scenario);
        const layout = layoutOf(compiled.space, subspace);
        const rules = compiled.models.flatMap((m) => [
          ...m.redLines.map((r) => r.crossedWhen),
          ...m.adjustments.map((a) => a.when),
        ]);
        for (const rule of rules) {
          const byTable = ruleMask(rule, layout);
          const byParts = ruleMask(rule, layout, 1);
          for (let index = 0; index < layout.size; index++) {
            const expected = holds(rule, outcomeAt(layout, index)) ? 1 : 0;
            expect(byTable[index]).toBe(expected);
            expect(byParts[index]).toBe(expected);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('acceptableMask marks the outcomes every signatory accepts, as evaluateSubspace judges them', () => {
    fc.assert(
      fc.property(scenarioAndSubspace, ([scenario, subspace]) => {
        const compiled = compileScenario(scenario);
        const fns = compiled.signatories.map((m) => realiseUtility(compiled.models[m]));
        const table = enumerateUtilities(fns, compiled.space, { subspace });
        const { mask, count } = acceptableMask(
          table,
          compiled.signatories.map((m, s) => ({
            utility: table.utilities[s],
            batna: fns[s].batna,
            crossedWhen: compiled.models[m].redLines.map((r) => r.crossedWhen),
          })),
        );
        expect(maskIndices(mask).length).toBe(count);
        for (let index = 0; index < table.size; index++) {
          const outcome = outcomeAt(table, index);
          const brute = compiled.signatories.every(
            (m, s) =>
              !compiled.models[m].redLines.some((r) => holds(r.crossedWhen, outcome)) &&
              utilityOf(fns[s], outcome) >= fns[s].batna,
          );
          expect(mask[index]).toBe(brute ? 1 : 0);
          const verdict = evaluateSubspace(compiled, subspaceOfOutcome(outcome)).verdict;
          expect(verdict === 'yes').toBe(brute);
        }
      }),
      { numRuns: 100 },
    );
  });
});
