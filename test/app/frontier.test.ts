import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/adapters/load/parse-scenario.js';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { computeFrontier, type FrontierReport } from '../../src/app/frontier.js';
import { compileScenario } from '../../src/core/model/compile.js';

const ROOT = join(import.meta.dirname, '../..');

function usedCar() {
  const parsed = parseScenario(readFileSync(join(ROOT, 'scenarios/teaching-used-car.yaml'), 'utf8'), {
    fileName: 'teaching-used-car.yaml',
  });
  if (!parsed.ok) throw new Error('the shipped scenario does not parse');
  return compileScenario(parsed.scenario);
}

describe('frontier use case: outcomes sharing a vector under MILP', () => {
  it('counts as many Pareto-optimal outcomes as enumeration, and says so in the note', async () => {
    const compiled = usedCar();
    const ports = { solver: createHighsSolver() };
    const request = { parties: ['dealer', 'sam'], maxListed: Number.POSITIVE_INFINITY };
    const enumerated = (await computeFrontier(
      compiled,
      { ...request, method: 'enumerate' },
      ports,
    )) as FrontierReport;
    const byMilp = (await computeFrontier(
      compiled,
      { ...request, method: 'milp', countTies: 10_000 },
      ports,
    )) as FrontierReport;
    expect(byMilp.distinctVectors).toBe(enumerated.distinctVectors);
    expect(byMilp.outcomes).toBe(enumerated.outcomes);
    expect(byMilp.points.every((p) => p.countExact === true && (p.count ?? 0) >= 1)).toBe(true);
    expect(byMilp.note).toContain(`${enumerated.outcomes} Pareto-optimal outcomes`);
  }, 120_000);

  it('leaves the count out when not asked', async () => {
    const byMilp = (await computeFrontier(
      usedCar(),
      { parties: ['dealer', 'sam'], method: 'milp' },
      { solver: createHighsSolver() },
    )) as FrontierReport;
    expect(byMilp.outcomes).toBeUndefined();
    expect(byMilp.note).toContain('how many outcomes share a vector is not counted');
  }, 120_000);
});
