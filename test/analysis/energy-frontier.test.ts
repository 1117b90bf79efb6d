import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { paretoFrontier } from '../../src/core/analysis/pareto/pareto-frontier.js';
import { enumerateUtilities } from '../../src/core/analysis/utility-table.js';
import { realiseUtility, type UtilityFunction, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { type CompiledScenario, compileScenario } from '../../src/core/model/compile.js';
import { decodeOutcome } from '../../src/core/model/outcome-space.js';
import { DOMAINS_DIR, SKIP_MESSAGE } from '../interop/negotiation-domains.js';
import { readGeniusAdditive } from '../support/genius-additive.js';

// DOMAINS_DIR also finds the shared folder from a git worktree (see negotiation-domains.ts).
const energy = join(DOMAINS_DIR ?? '../shared/negotiation-domains', 'Energy');
const found = DOMAINS_DIR !== undefined && existsSync(energy);

const title = 'Energy (ANAC 2011, 8 issues × 5 options, 390,625 outcomes)';
describe.skipIf(!found)(found ? title : `${title}: ${SKIP_MESSAGE}`, () => {
  // Loaded lazily: the describe body runs even when the folder is absent and the tests are skipped.
  let compiled: CompiledScenario;
  let fns: UtilityFunction[];
  beforeAll(() => {
    const scenario = readGeniusAdditive(join(energy, 'energy_domain.xml'), [
      join(energy, 'energy_consumer.xml'),
      join(energy, 'energy_distributor.xml'),
    ]);
    compiled = compileScenario(scenario);
    fns = compiled.models.map((m) => realiseUtility(m));
  });

  it('reads the domain', () => {
    expect(compiled.space.size).toBe(390_625);
    expect(compiled.models.map((m) => m.party)).toEqual(['energy_consumer', 'energy_distributor']);
  });

  it('frontier by enumeration equals frontier by issue decomposition', () => {
    const byEnumeration = paretoFrontier(compiled, { method: 'enumerate', maxListed: 1e6 });
    const byDecomposition = paretoFrontier(compiled, { method: 'decompose', maxListed: 1e6 });
    expect(byDecomposition.size).toBe(byEnumeration.size);
    expect(byDecomposition.points.map((p) => p.index)).toEqual(byEnumeration.points.map((p) => p.index));
    expect(byDecomposition.points.map((p) => p.utilities)).toEqual(
      byEnumeration.points.map((p) => p.utilities),
    );
  });

  it('and both equal a plain sort-and-scan over utilityOf', () => {
    // Independent reference: every outcome's utilities from utilityOf, sorted with Array.prototype.sort by
    // (u0 desc, u1 desc); a point is on the frontier when its u1 beats every earlier point with a larger u0,
    // and it is the best u1 among those with its u0.
    const n = compiled.space.size;
    const u0 = new Float64Array(n);
    const u1 = new Float64Array(n);
    const outcome = new Int32Array(compiled.space.radix.length);
    for (let i = 0; i < n; i++) {
      decodeOutcome(compiled.space, i, outcome);
      u0[i] = utilityOf(fns[0], outcome);
      u1[i] = utilityOf(fns[1], outcome);
    }
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => u0[b] - u0[a] || u1[b] - u1[a]);
    const frontier: number[] = [];
    let best = Number.NEGATIVE_INFINITY;
    let i = 0;
    while (i < n) {
      let j = i;
      while (j < n && u0[order[j]] === u0[order[i]]) j++;
      const top = u1[order[i]];
      if (top > best) {
        for (let k = i; k < j && u1[order[k]] === top; k++) frontier.push(order[k]);
        best = top;
      }
      i = j;
    }
    frontier.sort((a, b) => a - b);
    const result = paretoFrontier(compiled, { maxListed: 1e6 });
    expect(result.method).toBe('decompose');
    expect(result.points.map((p) => p.index!).sort((a, b) => a - b)).toEqual(frontier);
    const table = enumerateUtilities(fns, compiled.space);
    for (let k = 0; k < n; k += 997) {
      expect(table.utilities[0][k]).toBe(u0[k]);
      expect(table.utilities[1][k]).toBe(u1[k]);
    }
  });
});
