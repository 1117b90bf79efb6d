/**
 * Worker-thread entry for tournaments (loaded by piscina from dist/): plays the match with the given index.
 * The tournament setup is rebuilt once per worker from the configuration in workerData.
 */
import { workerData } from 'node:worker_threads';
import type { MatchRecord } from '../../core/simulation/tournament.js';
import type { TournamentConfig } from './config-schema.js';
import { MatchRunner, prepareTournament } from './match-runner.js';
import type { SandboxedModuleInfo } from './sandbox.js';

interface WorkerInput {
  config: TournamentConfig;
  modules: SandboxedModuleInfo[];
  decisionTimeoutMs?: number;
}

let runner: MatchRunner | undefined;

export default function playMatch(task: { index: number }): Promise<MatchRecord> {
  if (!runner) {
    const input = workerData as WorkerInput;
    runner = new MatchRunner(prepareTournament(input.config, input.modules), input.decisionTimeoutMs);
  }
  return runner.run(task.index);
}
