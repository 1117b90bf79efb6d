import { join } from 'node:path';
import { loadScenarioFile } from '../../../src/adapters/load/load-scenario.js';
import { createHighsSolver } from '../../../src/adapters/solver/highs-solver.js';
import type { ComputePorts } from '../../../src/app/ports.js';
import { type ReportData, type ReportInput, report } from '../../../src/app/report.js';
import { serialMap } from '../../../src/app/serial-map.js';
import { NEVER_CANCELLED, NO_PROGRESS } from '../../../src/core/ports.js';

const ports: ComputePorts = {
  solver: createHighsSolver(),
  parallel: serialMap(),
  clock: { now: () => 0 },
  progress: NO_PROGRESS,
  cancel: NEVER_CANCELLED,
};

/** The report data of a scenario shipped in `scenarios/`, computed by the report use case. */
export async function scenarioReport(
  file: string,
  choices: Omit<ReportInput, 'scenario'> = {},
): Promise<ReportData> {
  const loaded = loadScenarioFile(join(import.meta.dirname, '../../../scenarios', file));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return report({ scenario: loaded.scenario, ...choices }, ports);
}
