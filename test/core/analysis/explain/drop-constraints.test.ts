import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../../../src/adapters/solver/highs-solver.js';
import { bargainingSolutions } from '../../../../src/core/analysis/bargaining/bargaining-solutions.js';
import {
  utilityLowerBound,
  withoutZoneConstraints,
} from '../../../../src/core/analysis/explain/drop-constraints.js';
import { explainEmptyZone } from '../../../../src/core/analysis/explain/explain-empty-zone.js';
import {
  bitsOf,
  minimalHittingSets,
  setOf,
} from '../../../../src/core/analysis/explain/minimal-hitting-sets.js';
import { agreementZone } from '../../../../src/core/analysis/zone/agreement-zone.js';
import type { MethodChoice } from '../../../../src/core/analysis/zone/analysis-options.js';
import {
  estimateUtilities,
  satisfies,
  zoneConstraints,
} from '../../../../src/core/analysis/zone/zone-constraints.js';
import { utilityOf } from '../../../../src/core/evaluate/utility-function.js';
import { type CompiledScenario, compileScenario } from '../../../../src/core/model/compile.js';
import { forEachCompletion, fullSubspace } from '../../../../src/core/model/subspace.js';
import { arbitraryScenario } from '../../../support/random-scenario.js';

const solver = createHighsSolver();

const scenarios = arbitraryScenario({
  parties: 3,
  issues: 3,
  maxOptions: 3,
  adjustments: true,
  redLines: true,
});

/** Every smallest-or-not minimal set of constraint ids whose removal the explanation says opens the zone. */
function proposedRelaxations(subsets: string[][]): string[][] {
  const universe = [...new Set(subsets.flat())].sort();
  const family = subsets.map((s) => setOf(s.map((id) => universe.indexOf(id))));
  return minimalHittingSets(family).map((h) => bitsOf(h).map((i) => universe[i]));
}

/** Brute force, on the original model: outcomes meeting every zone constraint except the dropped ones. */
function bruteForceZoneSize(compiled: CompiledScenario, dropped: string[]): number {
  const utilities = estimateUtilities(compiled);
  const kept = zoneConstraints(compiled).filter((c) => !dropped.includes(c.id));
  let count = 0;
  forEachCompletion(fullSubspace(compiled.space), (o) => {
    if (kept.every((c) => satisfies(compiled, utilities, c, o))) count++;
  });
  return count;
}

async function checkRelaxations(scenario: Parameters<typeof compileScenario>[0], method: MethodChoice) {
  const compiled = compileScenario(scenario);
  fc.pre(zoneConstraints(compiled).length <= 8);
  const explanation = await explainEmptyZone(compiled, { method: 'enumerate' });
  fc.pre(explanation.zoneEmpty && explanation.complete && explanation.subsets.length > 0);
  for (const dropped of proposedRelaxations(explanation.subsets.map((s) => s.constraints))) {
    const relaxed = withoutZoneConstraints(compiled, dropped);
    const remaining = zoneConstraints(relaxed).map((c) => c.id);
    for (const id of dropped) expect(remaining).not.toContain(id);
    const zone = await agreementZone(relaxed, { solver, method });
    expect(zone.empty).toBe(false);
    if (zone.method === 'enumerate') expect(zone.size).toBe(bruteForceZoneSize(compiled, dropped));
    const bargaining = await bargainingSolutions(relaxed, { solver, method });
    expect(bargaining.empty).toBe(false);
    for (const party of bargaining.parties) {
      expect(Number.isFinite(party.disagreement)).toBe(true);
      expect(Math.abs(party.disagreement)).toBeLessThan(1000);
    }
    for (const solution of bargaining.solutions) expect(solution.status).not.toBe('empty-zone');
  }
}

describe('dropping zone constraints (the smallest relaxation)', () => {
  it('every relaxation the explanation proposes opens the zone and can be analysed (enumeration)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, (scenario) => checkRelaxations(scenario, 'enumerate')),
      { numRuns: 50, seed: 21 },
    );
  });

  it('and the same through the MILP encoding (no row for a dropped BATNA, no huge coefficient)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, (scenario) => checkRelaxations(scenario, 'milp')),
      { numRuns: 15, seed: 22 },
    );
  });

  it('a dropped BATNA becomes a floor no outcome falls below, and other parties are untouched', () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const compiled = compileScenario(scenario);
        const party = compiled.models[0].party;
        const relaxed = withoutZoneConstraints(compiled, [`${party}:batna`]);
        const floor = relaxed.models[0].batna.estimate;
        const u = estimateUtilities(compiled)[0];
        expect(floor).toBe(utilityLowerBound(u));
        forEachCompletion(fullSubspace(compiled.space), (o) => {
          expect(utilityOf(u, o)).toBeGreaterThanOrEqual(floor - 1e-9);
        });
        expect(relaxed.models[0].batnaDropped).toBe(true);
        expect(relaxed.models.slice(1)).toEqual(compiled.models.slice(1));
        expect(compiled.models[0].batnaDropped).toBeUndefined();
      }),
      { numRuns: 100, seed: 23 },
    );
  });
});
