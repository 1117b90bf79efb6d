import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/adapters/load/load-scenario.js';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import { analyze } from '../../src/app/analyze.js';
import type { FrontierReport } from '../../src/app/frontier.js';
import { relaxedZoneFrontier } from '../../src/app/frontier-relaxed.js';
import type { ComputePorts } from '../../src/app/ports.js';
import { serialMap } from '../../src/app/serial-map.js';
import { NEVER_CANCELLED, NO_PROGRESS } from '../../src/core/ports.js';
import { repoRoot } from '../support/run-cli.js';
import { bruteForce, keys, riverClash } from './river-clash.js';

const solver = createHighsSolver();
let tick = 0;
const ports: ComputePorts = {
  solver,
  parallel: serialMap(),
  clock: { now: () => tick++ },
  progress: NO_PROGRESS,
  cancel: NEVER_CANCELLED,
};

const { scenario, compiled } = riverClash();

const report = (f: FrontierReport | { skipped: string }): FrontierReport => {
  if ('skipped' in f) throw new Error(`not computed: ${f.skipped}`);
  return f;
};

describe('the frontier of the zone under the smallest relaxation', () => {
  it('equals brute force on the river-clash fixture, by enumeration and by MILP, for either dropped red line', async () => {
    for (const [party, id] of [
      ['northland', 'northland:max-release'],
      ['southport', 'southport:min-release'],
    ] as const) {
      const expected = bruteForce(compiled, party);
      expect(expected.length).toBeGreaterThan(1);
      const enumerated = report(
        (await relaxedZoneFrontier(compiled, { dropped: [id] }, { solver })).frontier,
      );
      expect(enumerated).toMatchObject({ method: 'enumerate', exact: true, over: 'acceptable-outcomes' });
      expect(keys(enumerated)).toEqual(expected);
      const byMilp = report(
        (await relaxedZoneFrontier(compiled, { dropped: [id], method: 'milp' }, { solver })).frontier,
      );
      expect(byMilp).toMatchObject({ method: 'milp', exact: true });
      expect(keys(byMilp)).toEqual(expected);
    }
  });

  it('is part of the analysis when the zone is empty, under the relaxation the analysis found', async () => {
    const analysis = await analyze({ scenario }, ports);
    expect(analysis.zone.empty).toBe(true);
    const relaxed = analysis.relaxedFrontier;
    expect(relaxed?.dropped).toEqual(analysis.relaxation?.dropped);
    const dropped = analysis.relaxation?.dropped[0] === 'northland:max-release' ? 'northland' : 'southport';
    expect(keys(report(relaxed?.frontier ?? { skipped: 'absent' }))).toEqual(bruteForce(compiled, dropped));
    const off = await analyze({ scenario, relaxedFrontier: 'off' }, ports);
    expect(off.relaxedFrontier).toBeUndefined();
  });

  it('keeps a bounded frontier of four parties out of the default analysis above the enumeration limit, and says how to ask', async () => {
    const flagship = loadScenarioFile(join(repoRoot, 'scenarios', 'ukraine-2025.yaml'));
    if (!flagship.ok) throw new Error('the flagship does not load');
    const analysis = await analyze({ scenario: flagship.scenario }, ports);
    const frontier = analysis.relaxedFrontier?.frontier;
    expect(frontier && 'skipped' in frontier ? frontier.skipped : '').toContain(
      '--relaxed-frontier <points>',
    );
  }, 300_000);
});
