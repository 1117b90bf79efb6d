import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convergence } from '../../../../src/core/analysis/gaps/convergence.js';
import { issueGaps, lossesOn } from '../../../../src/core/analysis/gaps/issue-gaps.js';
import { realiseUtility, utilityOf } from '../../../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../../../src/core/model/compile.js';
import type { Scenario } from '../../../../src/schema/scenario.js';
import { arbitraryScenario } from '../../../support/random-scenario.js';
import { tinyScenario } from '../../../support/tiny-scenario.js';

describe('issue gaps on the hand-checked scenario', () => {
  // Saliences: Alpha land 0.75, troops 0.25, money 0; Beta land 0.25, troops 0.25, money 0.5.
  const gaps = issueGaps(compileScenario(tinyScenario()));
  const byIssue = Object.fromEntries(gaps.map((g) => [g.issue, g]));

  it('land: Alpha loses 0.75 * 100 at cede, Beta 0.25 * 100 at keep', () => {
    const land = byIssue.land;
    expect(land.sides).toEqual([
      { party: 'a', favourites: ['keep'], salience: 0.75 },
      { party: 'b', favourites: ['cede'], salience: 0.25 },
    ]);
    expect(land.pairs).toEqual([{ parties: ['a', 'b'], losses: [75, 25], gap: 100 }]);
    expect(land.total).toBe(100);
    // Total losses by option: keep 0 + 25, share 30 + 12.5, cede 75 + 0, later 45 + 12.5.
    expect(land.leastCostly).toEqual({ options: ['keep'], loss: 25 });
  });

  it('troops: opposite linear values at equal salience, so every option costs the pair 25', () => {
    const troops = byIssue.troops;
    expect(troops.pairs[0].losses).toEqual([25, 25]);
    expect(troops.leastCostly).toEqual({ options: ['0', '25', '50', '75', '100'], loss: 25 });
  });

  it('money: Alpha is indifferent (all options favourite, weight 0), so there is no gap', () => {
    const money = byIssue.money;
    expect(money.sides[0].favourites).toEqual(['none', 'some']);
    expect(money.total).toBe(0);
  });

  it('mediators count only on request', () => {
    const all = issueGaps(compileScenario(tinyScenario()), { parties: 'all' });
    expect(all[0].sides.map((s) => s.party)).toEqual(['a', 'b']); // the mediator states no preferences
  });
});

describe('convergence of a document over its versions', () => {
  const compiled = compileScenario(tinyScenario());

  it('traces settlement gaps and classifies changes (hand-checked)', () => {
    const c = convergence(compiled, 'plan');
    expect(c.versions).toEqual([
      { id: 'v1', label: 'First', date: '2025-01-01', settled: 2, conflicts: [], totalGap: 100 },
      { id: 'v2', label: 'Second', date: '2025-02-01', settled: 1, conflicts: [], totalGap: 42.5 },
    ]);
    const land = c.perIssue.find((t) => t.issue === 'land')!;
    expect(land.steps.map((s) => [s.option, s.gap])).toEqual([
      ['cede', 75],
      ['share', 42.5],
    ]);
    expect(land.steps[1].losses).toEqual([
      { party: 'a', loss: 30 },
      { party: 'b', loss: 12.5 },
    ]);
    expect(c.narrowed).toEqual([{ issue: 'land', from: 'v1', to: 'v2', before: 75, after: 42.5 }]);
    expect(c.widened).toEqual([]);
    expect(c.settlementChanges).toEqual([{ issue: 'troops', from: 'v1', to: 'v2', kind: 'unsettled' }]);
  });

  it('orders versions by date whatever their order in the file', () => {
    const scenario = tinyScenario();
    scenario.documents[0].versions.reverse();
    const c = convergence(compileScenario(scenario), 'plan');
    expect(c.versions.map((v) => v.id)).toEqual(['v1', 'v2']);
    expect(c.narrowed.map((n) => n.issue)).toEqual(['land']);
  });

  it('rejects an unknown document with the known ones', () => {
    expect(() => convergence(compiled, 'nope')).toThrow("unknown document 'nope' (documents: plan, annex)");
  });
});

describe('gap properties', () => {
  const shape = { parties: 4, issues: 3, maxOptions: 4, uncertainty: true };

  it('a loss is exactly the utility a party gives up when the issue leaves its favourite', () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), fc.nat(), (scenario, pick) => {
        const compiled = compileScenario(scenario);
        const model = compiled.models[pick % compiled.models.length];
        const u = realiseUtility(model);
        const outcome = Int32Array.from(compiled.space.radix, (r) => pick % r);
        compiled.space.issues.forEach((_, i) => {
          const losses = lossesOn(model, i);
          const values = model.values[i].estimate;
          const favourite = values.indexOf(Math.max(...values));
          for (let x = 0; x < values.length; x++) {
            const at = (k: number) => utilityOf(u, Object.assign(Int32Array.from(outcome), { [i]: k }));
            expect(losses[x]).toBeCloseTo(at(favourite) - at(x), 9);
          }
        });
      }),
    );
  });

  it('is zero on every issue when all parties share a favourite', () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), fc.nat(), (scenario, pick) => {
        for (const prefs of scenario.preferences) {
          for (const [issue, values] of Object.entries(prefs.values)) {
            const table = values as Record<string, number>;
            const ids = Object.keys(table);
            table[ids[pick % ids.length]] = 100; // the top of the scale: a favourite of everyone (perhaps tied)
            prefs.values[issue] = table;
          }
        }
        for (const gap of issueGaps(compileScenario(scenario))) {
          expect(gap.total).toBe(0);
          expect(gap.leastCostly.loss).toBe(0);
        }
      }),
    );
  });

  it('does not depend on the order of the parties', () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), (scenario) => {
        const reversed: Scenario = {
          ...scenario,
          parties: [...scenario.parties].reverse(),
          preferences: [...scenario.preferences].reverse(),
        };
        const a = issueGaps(compileScenario(scenario));
        const b = issueGaps(compileScenario(reversed));
        a.forEach((gap, i) => {
          expect(b[i].total).toBeCloseTo(gap.total, 9);
          const key = (pairs: typeof gap.pairs) =>
            pairs
              .map((p) => {
                const byParty = new Map([
                  [p.parties[0], p.losses[0]],
                  [p.parties[1], p.losses[1]],
                ]);
                return [...p.parties]
                  .sort()
                  .map((q) => `${q}:${byParty.get(q)!.toFixed(9)}`)
                  .join(' ');
              })
              .sort();
          expect(key(b[i].pairs)).toEqual(key(gap.pairs));
        });
      }),
    );
  });

  it('is non-negative, and no settlement costs less than the least costly option', () => {
    fc.assert(
      fc.property(arbitraryScenario(shape), (scenario) => {
        const compiled = compileScenario(scenario);
        for (const gap of issueGaps(compiled)) {
          for (const pair of gap.pairs)
            for (const loss of pair.losses) expect(loss).toBeGreaterThanOrEqual(0);
          expect(gap.leastCostly.loss).toBeGreaterThanOrEqual(0);
          const i = compiled.space.issues.findIndex((s) => s.id === gap.issue);
          compiled.space.issues[i].optionIds.forEach((_, x) => {
            const total = compiled.models.reduce((sum, m) => sum + lossesOn(m, i)[x], 0);
            expect(total).toBeGreaterThanOrEqual(gap.leastCostly.loss - 1e-9);
          });
        }
      }),
    );
  });
});
