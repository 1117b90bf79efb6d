import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/model/compile.js';
import { holds, truthExact, truthKleene } from '../../src/core/model/rule.js';
import { forEachCompletion, fullSubspace } from '../../src/core/model/subspace.js';
import { arbitraryScenario } from '../support/random-scenario.js';

describe('red-line rules over partial outcomes', () => {
  it('exact truth equals brute force; Kleene truth is sound', () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ parties: 2, issues: 4, maxOptions: 3, redLines: true }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (scenario, cuts) => {
          const compiled = compileScenario(scenario);
          const sub = fullSubspace(compiled.space);
          sub.allowed.forEach((a, i) => {
            const keep = 1 + (cuts[i] % a.length);
            sub.allowed[i] = a.slice(a.length - keep);
          });
          for (const model of compiled.models) {
            for (const line of model.redLines) {
              let anyTrue = false;
              let anyFalse = false;
              forEachCompletion(sub, (o) => {
                if (holds(line.crossedWhen, o)) anyTrue = true;
                else anyFalse = true;
              });
              const brute = anyTrue && anyFalse ? 'depends' : anyTrue ? 'true' : 'false';
              expect(truthExact(line.crossedWhen, sub)).toBe(brute);
              const kleene = truthKleene(line.crossedWhen, sub);
              if (kleene !== 'depends') expect(kleene).toBe(brute);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Kleene logic leaves a tautology undecided, exact evaluation decides it', () => {
    const compiled = compileScenario({
      parley: 1,
      id: 't',
      title: 't',
      sources: [],
      parties: [{ id: 'p', name: 'P', kind: 'other', role: 'signatory' }],
      issues: [
        {
          id: 'x',
          title: 'x',
          category: 'other',
          options: [
            { id: 'a', label: 'a' },
            { id: 'b', label: 'b' },
          ],
        },
      ],
      documents: [],
      packages: [],
      events: [],
      positions: [],
      preferences: [
        {
          party: 'p',
          source: 's',
          basis: 'analyst-estimate',
          weights: { x: 1 },
          values: { x: { a: 0, b: 100 } },
          adjustments: [],
          redLines: [
            {
              id: 'r',
              description: 'r',
              source: 's',
              crossedWhen: {
                any: [
                  { issue: 'x', in: ['a'] },
                  { issue: 'x', notIn: ['a'] },
                ],
              },
            },
          ],
          batna: 0,
        },
      ],
    });
    const line = compiled.models[0].redLines[0].crossedWhen;
    const full = fullSubspace(compiled.space);
    expect(truthKleene(line, full)).toBe('depends');
    expect(truthExact(line, full)).toBe('true');
  });
});
