import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/adapters/load/load-scenario.js';
import { summarySection } from '../../src/adapters/report/sections/summary-section.js';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import type { ComputePorts } from '../../src/app/ports.js';
import { report } from '../../src/app/report.js';
import { bestPackage } from '../../src/app/report-summary.js';
import { serialMap } from '../../src/app/serial-map.js';
import { NEVER_CANCELLED, NO_PROGRESS } from '../../src/core/ports.js';
import { repoRoot } from '../support/run-cli.js';

let tick = 0;
const ports: ComputePorts = {
  solver: createHighsSolver(),
  parallel: serialMap(),
  clock: { now: () => tick++ },
  progress: NO_PROGRESS,
  cancel: NEVER_CANCELLED,
};

const loaded = loadScenarioFile(join(repoRoot, 'scenarios', 'ukraine-2025.yaml'));
if (!loaded.ok) throw new Error('the flagship scenario does not load');
const flagship = loaded.scenario;
// One report of the flagship serves every test here.
let flagshipReport: ReturnType<typeof report> | undefined;
const flagshipData = () => {
  flagshipReport ??= report({ scenario: flagship, samples: 0 }, ports);
  return flagshipReport;
};

describe('executive summary of the flagship scenario', () => {
  it('states the empty zone, the two conflicts and the relaxation that opens it', async () => {
    const data = await flagshipData();
    const { summary } = data;
    expect(summary.deal.exists).toBe(false);
    expect(summary.conflicts).toHaveLength(2);
    expect(summary.conflictsComplete).toBe(true);
    const conflicts = summary.conflicts.map((c) => c.text).join('\n');
    for (const redLine of [
      'no-unilateral-withdrawal',
      'donbas-withdrawal',
      'no-handover-of-unoccupied-territory',
    ])
      expect(conflicts).toContain(redLine);
    expect(summary.opening?.labels).toEqual(['Russian Federation: donbas-withdrawal']);

    const words = summarySection(summary).replace(/<[^>]+>/g, '');
    expect(words).toContain('No deal exists as modelled');
    expect(words).toContain('2 conflicts of red lines');
    expect(words).toContain('Smallest change that opens it: drop Russian Federation: donbas-withdrawal');
    expect(words).toContain('Best tabled package');
    expect(words).toContain('How robust');
    expect(words).toContain('Who gained from the last revision');

    // The robustness line is about the best package, and its draws are the stated number with the stated seed.
    expect(summary.robustness?.package).toBe(summary.best?.id);
    expect(summary.robustness?.samples).toBe(1000);
    expect(summary.robustness?.seed).toBe(1);
  }, 300_000);
});

describe('best package', () => {
  it('prefers a package every signatory accepts, whatever the others', async () => {
    const data = await flagshipData();
    const packages = data.analysis.packages;
    const accepted = {
      ...packages[0],
      id: 'accepted',
      evaluation: {
        ...packages[0].evaluation,
        verdict: 'yes' as const,
        parties: packages[0].evaluation.parties.map((p) => ({ ...p, acceptable: 'yes' as const })),
      },
    };
    expect(bestPackage([...packages, accepted])?.id).toBe('accepted');
    expect(bestPackage([...packages, accepted])?.blockers).toEqual([]);
    // Every blocker of the chosen package is a signatory that does not accept it for sure.
    const best = bestPackage(packages);
    const chosen = packages.find((p) => p.id === best?.id);
    const expected = chosen?.evaluation.parties
      .filter((p) => p.role === 'signatory' && p.acceptable !== 'yes')
      .map((p) => p.party);
    expect(best?.blockers.map((b) => b.party)).toEqual(expected);
  }, 300_000);
});
