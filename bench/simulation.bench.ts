import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPath } from '../src/adapters/interop/import-path.js';
import { findDomains } from '../src/adapters/interop/shared-domains.js';
import { loadScenarioFile } from '../src/adapters/load/load-scenario.js';
import { runTournament } from '../src/adapters/simulation/tournament.js';
import { compileScenario } from '../src/core/model/compile.js';
import type { SimulationConfig } from '../src/core/simulation/config.js';
import { simulate } from '../src/core/simulation/simulate.js';
import type { Scenario } from '../src/schema/scenario.js';
import type { BenchResult, BenchSuite } from './bench-result.js';
import { PACKAGE_ROOT, timeMedian } from './bench-result.js';
import { benchScenario, simulationCoreBench } from './simulation-core.bench.js';

interface Domain {
  name: string;
  scenario: Scenario;
  /** Two negotiators: the first plays Boulware, the second conceder. */
  parties: [string, string];
  notes: string;
}

const config = (domain: Domain, seed: number, recordTrace = true): SimulationConfig => ({
  parties: domain.parties,
  agents: { [domain.parties[0]]: 'boulware', [domain.parties[1]]: 'conceder' },
  deadline: { rounds: 100 },
  seed,
  recordTrace,
});

/** One 100-round negotiation including preprocessing, and repeated negotiations reusing it, on one core. */
function negotiationCases(domain: Domain, runsPerSample: number, targets: boolean): BenchResult[] {
  const suite = 'simulation';
  const first = timeMedian(() => simulate(compileScenario(domain.scenario), config(domain, 1)), 1000, 3);
  const compiled = compileScenario(domain.scenario);
  simulate(compiled, config(domain, 0));
  let seed = 0;
  const ms = timeMedian(() => {
    for (let k = 0; k < runsPerSample; k++) simulate(compiled, config(domain, seed++, false));
  }, 1000);
  return [
    {
      suite,
      case: `${domain.name}/first-negotiation`,
      metric: 'time incl. preprocessing',
      value: first,
      unit: 'ms',
      ...(targets ? { target: 100 } : {}),
      better: 'lower',
      notes: domain.notes,
    },
    {
      suite,
      case: `${domain.name}/repeated`,
      metric: 'negotiations per second (one core, metrics only)',
      value: (1000 * runsPerSample) / ms,
      unit: '1/s',
      ...(targets ? { target: 1000 } : {}),
      better: 'higher',
      notes: `${domain.notes}; precomputation reused`,
    },
  ];
}

/** Tournament throughput (matches per second, pool start-up included) with 1 and 2 worker threads. */
async function tournamentThroughput(
  name: string,
  scenario: Scenario,
  parties: string[] | undefined,
  threads: number,
  repetitions: number,
): Promise<BenchResult> {
  const tournament = {
    scenarios: [{ scenario, ...(parties ? { parties } : {}) }],
    strategies: ['boulware', 'linear', 'conceder', 'tit-for-tat'],
    repetitions,
    seed: 1,
    simulation: { deadline: { rounds: 100 } },
  };
  const start = performance.now();
  const result = await runTournament(tournament, { threads });
  const seconds = (performance.now() - start) / 1000;
  return {
    suite: 'simulation',
    case: `${name ? `${name}/` : ''}tournament/${threads}-worker${threads > 1 ? 's' : ''}`,
    metric: 'matches per second',
    value: result.matches.length / seconds,
    unit: '1/s',
    better: 'higher',
    notes: `${result.matches.length} matches of 100 rounds, 4 strategies, pool start-up and per-worker precomputation included`,
  };
}

function skipped(name: string, why: string): BenchResult {
  return {
    suite: 'simulation',
    case: `${name}/skipped`,
    metric: 'skipped',
    value: 0,
    unit: '',
    better: 'higher',
    notes: why,
  };
}

export const simulationBench: BenchSuite = {
  name: 'simulation',
  async run() {
    const results = [...simulationCoreBench()];
    for (const threads of [1, 2]) {
      results.push(await tournamentThroughput('', benchScenario(), undefined, threads, 50));
    }

    const shared = findDomains(PACKAGE_ROOT).dir;
    if (shared && existsSync(join(shared, 'Energy'))) {
      const energy = importPath(join(shared, 'Energy')).scenario;
      const parties = energy.preferences.map((p) => p.party) as [string, string];
      results.push(
        ...negotiationCases(
          {
            name: 'energy',
            scenario: energy,
            parties,
            notes:
              'Energy domain (GENIUS import, 2 parties, 8 issues × 5 options, 390,625 outcomes), 100 rounds, Boulware vs conceder',
          },
          300,
          true,
        ),
      );
      for (const threads of [1, 2])
        results.push(await tournamentThroughput('energy', energy, undefined, threads, 50));
    } else {
      results.push(
        skipped('energy', 'the shared negotiation domains (../shared/negotiation-domains/Energy) are absent'),
      );
    }

    const flagshipFile = fileURLToPath(new URL('../../scenarios/ukraine-2025.yaml', import.meta.url));
    const loaded = existsSync(flagshipFile) ? loadScenarioFile(flagshipFile) : undefined;
    if (loaded?.ok) {
      const notes =
        'ukraine-2025 (22 issues, 1.8e12 outcomes, heuristic branch-and-bound bids), Ukraine (Boulware) vs Russia (conceder), 100 rounds';
      results.push(
        ...negotiationCases(
          { name: 'flagship', scenario: loaded.scenario, parties: ['ukraine', 'russia'], notes },
          3,
          false,
        ),
      );
      for (const threads of [1, 2]) {
        results.push(
          await tournamentThroughput('flagship', loaded.scenario, ['ukraine', 'russia'], threads, 1),
        );
      }
    } else {
      results.push(skipped('flagship', 'scenarios/ukraine-2025.yaml is missing or does not load'));
    }
    return results;
  },
};
