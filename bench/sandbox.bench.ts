import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SandboxedStrategies } from '../src/adapters/simulation/sandbox.js';
import { compileScenario } from '../src/core/model/compile.js';
import type { SimulationConfig } from '../src/core/simulation/config.js';
import { simulate } from '../src/core/simulation/simulate.js';
import type { StrategyModule } from '../src/core/simulation/strategy.js';
import type { BenchResult, BenchSuite } from './bench-result.js';
import { benchScenario } from './simulation-core.bench.js';

/**
 * A user strategy as a file: concedes on a schedule through bidAtLeast and checks each offer's utility, but
 * never accepts, so every negotiation runs to the deadline and the count of decisions is fixed.
 */
const STRATEGY = `export default {
  name: 'bench-steady',
  create() {
    let ctx;
    let target;
    return {
      name: 'bench-steady',
      init(c) { ctx = c; target = c.maxUtility; },
      propose(state) {
        target = Math.max(ctx.floor(state.round), ctx.maxUtility * (1 - 0.5 * state.time));
        return ctx.bidAtLeast(target) ?? null;
      },
      respond(state, offer) { return ctx.utility(offer) > 1000 ? 'accept' : 'reject'; },
    };
  },
};
`;

/**
 * Decisions per second of a user strategy sandboxed against the same module in-process: both negotiators play
 * the module, so every decision of the run (every trace event) is a user decision.
 */
export const sandboxBench: BenchSuite = {
  name: 'sandbox',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
    try {
      const path = join(dir, 'bench-steady.js');
      writeFileSync(path, STRATEGY);
      const compiled = compileScenario(benchScenario());
      const [a, b] = compiled.signatories.map((i) => compiled.models[i].party);
      const config = (seed: number): SimulationConfig => ({
        parties: [a, b],
        agents: { [a]: 'bench-steady', [b]: 'bench-steady' },
        deadline: { rounds: 200 },
        seed,
      });
      const measure = async (name: string, play: (seed: number) => number): Promise<BenchResult> => {
        play(0);
        let decisions = 0;
        let runs = 0;
        const start = performance.now();
        while (performance.now() - start < 1500 || runs < 3) decisions += play(++runs);
        return {
          suite: 'sandbox',
          case: `user-strategy/${name}`,
          metric: 'decisions per second',
          value: (1000 * decisions) / (performance.now() - start),
          unit: '1/s',
          better: 'higher',
          notes: `${runs} negotiations of up to 200 rounds, both negotiators a user strategy module; simulation core included`,
        };
      };
      const inProcess = (await import(pathToFileURL(path).href)).default as StrategyModule;
      const direct = await measure(
        'in-process',
        (seed) => simulate(compiled, config(seed), { strategies: [inProcess] }).events?.length ?? 0,
      );
      const sandbox = await SandboxedStrategies.load([path]);
      try {
        await sandbox.prepare(compiled, config(0));
        const modules = sandbox.strategyModules();
        const sandboxed = await measure(
          'quickjs-sandbox',
          (seed) => simulate(compiled, config(seed), { strategies: modules }).events?.length ?? 0,
        );
        const start = performance.now();
        const opened = await SandboxedStrategies.load([path]);
        opened.close();
        return [
          direct,
          sandboxed,
          {
            suite: 'sandbox',
            case: 'user-strategy/quickjs-load',
            metric: 'time to open an isolate and load a module',
            value: performance.now() - start,
            unit: 'ms',
            better: 'lower',
          },
        ];
      } finally {
        sandbox.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
