import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { explainEmptyZone } from '../../src/core/analysis/explain/explain-empty-zone.js';
import { bitsOf, minimalHittingSets, setOf } from '../../src/core/analysis/explain/minimal-hitting-sets.js';
import {
  estimateUtilities,
  satisfies,
  zoneConstraints,
} from '../../src/core/analysis/zone/zone-constraints.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { forEachCompletion, fullSubspace } from '../../src/core/model/subspace.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { arbitraryScenario } from '../support/random-scenario.js';

const solver = createHighsSolver();

/** Every minimal infeasible subset by brute force over all 2^n subsets of the constraints. */
function bruteForceMis(scenario: Scenario): string[] {
  const compiled = compileScenario(scenario);
  const utilities = estimateUtilities(compiled);
  const constraints = zoneConstraints(compiled);
  const n = constraints.length;
  const satisfiedSets = new Set<number>();
  forEachCompletion(fullSubspace(compiled.space), (o) => {
    let mask = 0;
    constraints.forEach((c, k) => {
      if (satisfies(compiled, utilities, c, o)) mask |= 1 << k;
    });
    satisfiedSets.add(mask);
  });
  const feasible = (subset: number) => [...satisfiedSets].some((s) => (s & subset) === subset);
  const out: string[] = [];
  for (let subset = 0; subset < 1 << n; subset++) {
    if (feasible(subset)) continue;
    let minimal = true;
    for (let k = 0; k < n; k++) if (subset & (1 << k) && !feasible(subset & ~(1 << k))) minimal = false;
    if (minimal) {
      out.push(
        constraints
          .filter((_, k) => subset & (1 << k))
          .map((c) => c.id)
          .join('+'),
      );
    }
  }
  return out.sort();
}

const scenarios = arbitraryScenario({
  parties: 3,
  issues: 3,
  maxOptions: 4,
  adjustments: true,
  redLines: true,
});

describe('minimal hitting sets', () => {
  it('matches brute force on random small families', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 63 }), { minLength: 1, maxLength: 6 }), (family) => {
        const fast = minimalHittingSets(family.map((f) => BigInt(f)))
          .map((h) => Number(h))
          .sort((a, b) => a - b);
        const hits = (h: number) => family.every((f) => (f & h) !== 0);
        const brute: number[] = [];
        for (let h = 0; h < 64; h++) {
          if (!hits(h)) continue;
          let minimal = true;
          for (let k = 0; k < 6; k++) if (h & (1 << k) && hits(h & ~(1 << k))) minimal = false;
          if (minimal) brute.push(h);
        }
        expect(fast).toEqual(brute);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(bitsOf(setOf([0, 3, 5]))).toEqual([0, 3, 5]);
  });
});

describe('explaining an empty zone', () => {
  it('enumeration lists exactly the brute-force minimal infeasible subsets', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (scenario) => {
        const compiled = compileScenario(scenario);
        fc.pre(zoneConstraints(compiled).length <= 8);
        const explanation = await explainEmptyZone(compiled, { method: 'enumerate' });
        const expected = bruteForceMis(scenario);
        expect(explanation.zoneEmpty).toBe(expected.length > 0);
        expect(explanation.complete).toBe(true);
        expect(explanation.subsets.map((s) => s.constraints.join('+')).sort()).toEqual(expected);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('MARCO with the MILP oracle finds the same complete list', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (scenario) => {
        const compiled = compileScenario(scenario);
        fc.pre(zoneConstraints(compiled).length <= 8);
        const byMilp = await explainEmptyZone(compiled, { method: 'milp', solver });
        const expected = bruteForceMis(scenario);
        expect(byMilp.zoneEmpty).toBe(expected.length > 0);
        expect(byMilp.complete).toBe(true);
        expect(byMilp.subsets.map((s) => s.constraints.join('+')).sort()).toEqual(expected);
      }),
      { numRuns: 80, seed: 12 },
    );
  });

  it('writes readable text and names the issues involved', async () => {
    const scenario: Scenario = {
      parley: 1,
      id: 'clash',
      title: 'clash',
      sources: [],
      parties: [
        { id: 'u', name: 'Ukraine', kind: 'state', role: 'signatory' },
        { id: 'r', name: 'Russia', kind: 'state', role: 'signatory' },
      ],
      issues: [
        {
          id: 'donbas',
          title: 'Donbas',
          category: 'territory',
          options: [
            { id: 'ua', label: 'Ukrainian' },
            { id: 'ru', label: 'Russian' },
          ],
        },
        {
          id: 'aid',
          title: 'Aid',
          category: 'economy',
          options: [
            { id: 'no', label: 'No' },
            { id: 'yes', label: 'Yes' },
          ],
        },
      ],
      documents: [],
      packages: [],
      events: [],
      positions: [],
      preferences: [
        {
          party: 'u',
          source: 't',
          basis: 'analyst-estimate',
          weights: { donbas: 1, aid: 1 },
          values: { donbas: { ua: 100, ru: 0 }, aid: { no: 0, yes: 100 } },
          adjustments: [],
          redLines: [
            {
              id: 'no-cession',
              description: 'no cession',
              source: 't',
              crossedWhen: { issue: 'donbas', in: ['ru'] },
            },
          ],
          batna: 0,
        },
        {
          party: 'r',
          source: 't',
          basis: 'analyst-estimate',
          weights: { donbas: 1, aid: 1 },
          values: { donbas: { ua: 0, ru: 100 }, aid: { no: 100, yes: 0 } },
          adjustments: [],
          redLines: [
            {
              id: 'donbas-withdrawal',
              description: 'Ukraine leaves Donbas',
              source: 't',
              requires: { issue: 'donbas', in: ['ru'] },
            },
          ],
          batna: 0,
        },
      ],
    };
    const explanation = await explainEmptyZone(compileScenario(scenario), { method: 'enumerate' });
    expect(explanation.subsets.map((s) => s.text)).toEqual([
      'Ukraine: no-cession and Russia: donbas-withdrawal cannot both hold',
    ]);
    expect(explanation.subsets[0].issues.map((i) => i.id)).toEqual(['donbas']);
  });
});
