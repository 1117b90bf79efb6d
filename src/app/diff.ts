import type { CompiledScenario } from '../core/model/compile.js';
import { compileScenario } from '../core/model/compile.js';
import {
  type DiffOptions,
  diffPackages,
  diffVersions,
  type PackageDiff,
  type VersionDiff,
} from '../core/versions/index.js';
import type { WordDiff } from '../core/versions/word-diff.js';
import type { Scenario } from '../schema/scenario.js';
import { frontierProbe } from './frontier-probe.js';
import { type ComputePorts, runStep } from './ports.js';

export interface DiffInput {
  scenario: Scenario;
  /** Two versions ("document:version") or, with `packages`, two package ids. */
  before: string;
  after: string;
  packages?: boolean;
  /** Shapley attribution by sampling: number of random orders and their seed (default: exact when small). */
  samples?: number;
  seed?: number;
  /** Measure each side's distance to the Pareto frontier and to the bargaining solutions (default true). */
  probeFrontier?: boolean;
}

export interface DiffPorts extends ComputePorts {
  /** Word-level text differ; without it, changed texts are reported whole. */
  wordDiff?: WordDiff;
}

export interface DiffResult {
  diff: VersionDiff | PackageDiff;
  /** Wall time of each step in milliseconds, from the clock port. */
  timings: Record<string, number>;
  /** Why the frontier was not probed, when it was not. */
  frontierSkipped?: string;
}

/** What changed between two versions or packages: texts, settled issues, and who gains, with attribution. */
export async function diff(input: DiffInput, ports: DiffPorts): Promise<DiffResult> {
  const timings: Record<string, number> = {};
  const compiled = await runStep(ports, timings, 'compile', () => compileScenario(input.scenario));
  const probe =
    input.probeFrontier === false
      ? undefined
      : await runStep(ports, timings, 'frontier', () => frontierProbe(compiled, ports.solver));
  const options: DiffOptions = {
    ...(probe && 'probe' in probe ? { frontier: probe.probe } : {}),
    ...(ports.wordDiff ? { wordDiff: ports.wordDiff } : {}),
    attribution: {
      method: 'auto',
      ...(input.samples === undefined ? {} : { samples: input.samples }),
      ...(input.seed === undefined ? {} : { seed: input.seed }),
    },
  };
  const found = await runStep(ports, timings, 'diff', () =>
    diffOf(compiled, input.before, input.after, input.packages === true, options),
  );
  return {
    diff: found,
    timings,
    ...(probe && 'skipped' in probe ? { frontierSkipped: probe.skipped } : {}),
  };
}

/** The diff itself, on a compiled scenario. */
export function diffOf(
  compiled: CompiledScenario,
  before: string,
  after: string,
  packages: boolean,
  options: DiffOptions,
): VersionDiff | PackageDiff {
  return packages
    ? diffPackages(compiled, before, after, options)
    : diffVersions(compiled, before, after, options);
}
