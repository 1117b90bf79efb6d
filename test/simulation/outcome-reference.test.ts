import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { holds } from '../../src/core/model/rule.js';
import { euclidean } from '../../src/core/simulation/metrics.js';
import { buildOutcomeReference } from '../../src/core/simulation/outcome-reference.js';
import { forEachOutcome } from '../../src/core/simulation/outcome-tables.js';
import { arbitraryScenario } from '../support/random-scenario.js';

/** The definitions, by brute force over every outcome (O(n²) frontier). */
function bruteForce(vectors: number[][], batnas: number[]) {
  const dominates = (a: number[], b: number[]) => a.every((x, j) => x >= b[j]) && a.some((x, j) => x > b[j]);
  const frontier = vectors.filter((v) => !vectors.some((w) => dominates(w, v)));
  const zone = vectors.filter((v) => v.every((x, j) => x >= batnas[j]));
  const positive = zone.filter((v) => v.every((x, j) => x > batnas[j]));
  const product = (v: number[]) => v.reduce((p, x, j) => p * (x - batnas[j]), 1);
  const ideal = batnas.map((_, j) => Math.max(...zone.map((v) => v[j])));
  const ratio = (v: number[]) => Math.min(...v.map((x, j) => (x - batnas[j]) / (ideal[j] - batnas[j])));
  return {
    frontier,
    zone: zone.length,
    nashProduct: positive.length ? Math.max(...positive.map(product)) : undefined,
    kalaiRatio: positive.length ? Math.max(...positive.map(ratio)) : undefined,
    product,
    ratio,
  };
}

describe('outcome reference', () => {
  it('matches brute force: frontier, agreement zone, distances, Nash product and Kalai ratio', () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ parties: 3, issues: 3, maxOptions: 4, adjustments: true, redLines: true }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (scenario, probe) => {
          const compiled = compileScenario(scenario);
          const models = compiled.models;
          const utilities = models.map((m) => realiseUtility(m, 'estimate'));
          const batnas = models.map((m) => m.batna.estimate);
          const built = buildOutcomeReference({
            compiled,
            parties: models.map((m) => m.party),
            utilities,
            batnas,
          });
          expect(built.available).toBe(true);
          if (!built.available) return;
          const vectors: number[][] = [];
          forEachOutcome(compiled.space, (_, digits) => {
            if (models.some((m) => m.redLines.some((r) => holds(r.crossedWhen, digits)))) return;
            vectors.push(utilities.map((u) => utilityOf(u, digits)));
          });
          const expected = bruteForce(vectors, batnas);
          expect(built.withinRedLines).toBe(vectors.length);
          expect(built.frontierSize).toBe(expected.frontier.length);
          expect(built.agreementZone).toBe(expected.zone);
          const u = probe.slice(0, models.length);
          if (expected.frontier.length > 0) {
            const distance = Math.min(...expected.frontier.map((f) => euclidean(u, f)));
            expect(built.reference?.paretoDistance(u)).toBeCloseTo(distance, 9);
          }
          if (expected.nashProduct === undefined) {
            expect(built.nash).toBeUndefined();
            expect(built.kalai).toBeUndefined();
          } else {
            expect(expected.product(built.nash?.utilities as number[])).toBeCloseTo(expected.nashProduct, 6);
            expect(expected.ratio(built.kalai?.utilities as number[])).toBeCloseTo(
              expected.kalaiRatio as number,
              9,
            );
            // The points are outcomes with exactly those utilities.
            const nash = built.nash as { outcome: number[]; utilities: number[] };
            expect(utilities.map((fn) => utilityOf(fn, Int32Array.from(nash.outcome)))).toEqual(
              nash.utilities,
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses to approximate on a space above the limit and says why', () => {
    fc.assert(
      fc.property(arbitraryScenario({ parties: 2, issues: 3, maxOptions: 4 }), (scenario) => {
        const compiled = compileScenario(scenario);
        const built = buildOutcomeReference({
          compiled,
          parties: compiled.models.map((m) => m.party),
          utilities: compiled.models.map((m) => realiseUtility(m, 'estimate')),
          batnas: compiled.models.map((m) => m.batna.estimate),
          maxOutcomes: compiled.space.size - 1,
        });
        expect(built.available).toBe(false);
        if (!built.available) expect(built.reason).toMatch(/too large to enumerate/);
      }),
      { numRuns: 20 },
    );
  });
});
