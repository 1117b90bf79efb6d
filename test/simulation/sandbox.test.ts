import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/adapters/simulation/config-schema.js';
import { runSimulation } from '../../src/adapters/simulation/run-simulation.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { simulate } from '../../src/core/simulation/simulate.js';
import type { StrategyModule } from '../../src/core/simulation/strategy.js';
import { logRolling, splitTheDifference } from './support/domains.js';

// Strategy modules are plain JavaScript files, as users would write them (or compile them to).
const dir = mkdtempSync(join(tmpdir(), 'parley-strategies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function module(name: string, body: string): string {
  const path = join(dir, `${name}.js`);
  writeFileSync(path, body);
  return path;
}

const steady = module(
  'steady',
  `export default {
  name: 'steady',
  create(params) {
    const step = params?.step ?? 5;
    let ctx;
    let target;
    return {
      name: 'steady',
      init(c) { ctx = c; target = c.maxUtility; },
      propose(state) {
        target = Math.max(ctx.floor(state.round), target - step * ctx.random());
        return ctx.bidAtLeast(target) ?? null;
      },
      respond(state, offer) {
        return ctx.utility(offer) >= target && !ctx.crossesRedLine(offer) ? 'accept' : 'reject';
      },
      criticise(state, text) { return ctx.issues.filter((issue, i) => text[i] === 0).map((issue) => issue.id); },
    };
  },
};
`,
);
const looping = module(
  'looping',
  `export const strategy = {
  name: 'looping',
  create() {
    return { name: 'looping', init() {}, propose() { for (;;) {} }, respond() { return 'reject'; } };
  },
};
`,
);
const throwing = module(
  'throwing',
  `export default { name: 'throwing', create() { return { name: 'throwing', init() { throw new Error('no way'); }, propose() {}, respond() {} }; } };`,
);
const shapeless = module('shapeless', 'export default 42;');

const compiled = compileScenario(splitTheDifference());

describe('user strategies in the sandbox', () => {
  it('a sandboxed strategy gives exactly the same run as the same module in-process', async () => {
    const config = {
      agents: { a: { name: 'steady', params: { step: 7 } }, b: 'conceder' },
      deadline: { rounds: 30 },
      seed: 11,
      // Far above any decision's duration on a loaded machine: the runs must not depend on timing.
      decisionTimeLimitMs: 600_000,
    };
    const sandboxed = await runSimulation(compiled, config, { strategyModules: [steady] });
    const inProcess = simulate(compiled, config, {
      strategies: [(await import(pathToFileURL(steady).href)).default as StrategyModule],
    });
    expect(sandboxed.faults).toEqual([]);
    expect(sandboxed).toEqual(inProcess);
    expect(sandboxed.outcome.agreement).toBe(true);
  });

  it('criticise runs in the worker too (single text)', async () => {
    const logs = compileScenario(logRolling(30));
    const config = {
      protocol: 'single-text',
      agents: { a: 'steady', b: 'linear' },
      deadline: { rounds: 12 },
      seed: 2,
      decisionTimeLimitMs: 600_000,
      mediator: { strategy: 'hill-climb', initial: { x: 'o0', y: 'o2', z: 'o0' } },
    };
    const sandboxed = await runSimulation(logs, config, { strategyModules: [steady] });
    const inProcess = simulate(logs, config as never, {
      strategies: [(await import(pathToFileURL(steady).href)).default as StrategyModule],
    });
    expect(sandboxed).toEqual(inProcess);
    const first = sandboxed.events?.find((e) => e.party === 'a' && e.action === 'reject');
    expect(first?.objections).toEqual(['x', 'z']);
  });

  it('an endless loop is cut off by the hard time limit and the agent is disqualified', async () => {
    const run = await runSimulation(
      compiled,
      {
        agents: { a: 'looping', b: 'linear' },
        deadline: { rounds: 10 },
        seed: 1,
        // The measured limit stays far away, so a slow start (init) on a loaded machine is no fault;
        // the worker's hard limit below is what stops the loop.
        decisionTimeLimitMs: 600_000,
      },
      { strategyModules: [looping], sandbox: { decisionTimeoutMs: 200 } },
    );
    expect(run.outcome).toMatchObject({ agreement: false, endedBy: 'disqualified', by: 'a', round: 0 });
    expect(run.faults).toEqual([
      {
        party: 'a',
        round: 0,
        kind: 'time-limit',
        message: 'propose: no answer within 200 ms; the strategy was stopped',
      },
    ]);
  });

  it('an exception in init is a fault, not a crash', async () => {
    const run = await runSimulation(
      compiled,
      { agents: { a: 'throwing', b: 'linear' }, deadline: { rounds: 5 }, seed: 1 },
      { strategyModules: [throwing] },
    );
    expect(run.outcome).toMatchObject({ endedBy: 'disqualified', by: 'a' });
    expect(run.faults[0]).toMatchObject({ kind: 'exception', message: 'init threw: no way' });
  });

  it('a module without a strategy export is rejected with a clear message', async () => {
    await expect(
      runSimulation(
        compiled,
        { agents: { a: 'x', b: 'linear' }, deadline: { rounds: 5 }, seed: 1 },
        { strategyModules: [shapeless] },
      ),
    ).rejects.toThrow(
      /cannot load strategy module .*shapeless\.js: .*must export a strategy module \{ name: string, create\(params\) \}/,
    );
  });

  it('a malformed configuration lists every problem with its path', async () => {
    await expect(
      runSimulation(compiled, {
        agents: { a: 'linear' },
        deadline: { rounds: -1 },
        seed: 1.5,
        colour: 'red',
      }),
    ).rejects.toThrow(ConfigError);
    try {
      await runSimulation(compiled, { agents: { a: 'linear' }, deadline: { rounds: -1 }, seed: 1.5 });
    } catch (error) {
      expect((error as Error).message).toMatch(
        /^invalid simulation configuration:\n {2}deadline\.rounds: .*\n {2}seed: /,
      );
    }
  });
});
