import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/adapters/simulation/run-simulation.js';
import { SandboxedStrategies } from '../../src/adapters/simulation/sandbox.js';
import { runTournament } from '../../src/adapters/simulation/tournament.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { splitTheDifference } from '../simulation/support/domains.js';

// Strategies that try to leave the sandbox, each as a user would upload it. Every attempt must end as a
// recorded fault (or, when the module cannot even load, a clear load error), with this process still alive.
const dir = mkdtempSync(join(tmpdir(), 'parley-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const planted = join(dir, 'planted.txt');

function strategy(
  name: string,
  init: string,
  propose = 'return ctx.bidAtLeast(ctx.maxUtility) ?? null;',
): string {
  const path = join(dir, `${name}.js`);
  writeFileSync(
    path,
    `let ctx;
export default {
  name: '${name}',
  create() {
    return {
      name: '${name}',
      init(c) { ctx = c; ${init} },
      propose(state) { ${propose} },
      respond() { return 'reject'; },
    };
  },
};
`,
  );
  return path;
}

const compiled = compileScenario(splitTheDifference());

async function play(path: string, name: string, limits = {}) {
  return runSimulation(
    compiled,
    { agents: { a: name, b: 'linear' }, deadline: { rounds: 6 }, seed: 3, decisionTimeLimitMs: 300 },
    { strategyModules: [path], sandbox: { initTimeoutMs: 500, memoryLimitMiB: 32, ...limits } },
  );
}

const attempts: Array<[string, string, string, RegExp]> = [
  [
    'read-passwd',
    'init',
    "require('node:fs').readFileSync('/etc/passwd', 'utf8');",
    /'require' is not defined/,
  ],
  [
    'spawn',
    'init',
    "process.mainModule.require('child_process').execSync('id -u');",
    /'process' is not defined/,
  ],
  ['read-env', 'init', 'ctx.party = Object.keys(process.env).length;', /'process' is not defined/],
  ['write-file', 'init', `Deno.writeTextFileSync(${JSON.stringify(planted)}, 'x');`, /'Deno' is not defined/],
  [
    'listen',
    'init',
    "fetch('http://127.0.0.1:9/'); new WebSocket('ws://127.0.0.1:9');",
    /'fetch' is not defined/,
  ],
  ['kill-parent', 'init', 'process.kill(process.ppid, "SIGKILL");', /'process' is not defined/],
  ['exit', 'init', 'process.exit(0);', /'process' is not defined/],
  [
    'constructor-escape',
    'init',
    "(function(){}).constructor('return process')().exit(1);",
    /'process' is not defined/,
  ],
  ['loop-init', 'init', 'for (;;) {}', /init: no answer within 500 ms/],
  ['loop-propose', 'propose', 'for (;;) {}', /propose: no answer within 300 ms/],
  ['allocate-10GiB', 'init', 'globalThis.keep = new ArrayBuffer(10 * 1024 ** 3);', /RangeError/],
  [
    'allocate-slowly',
    'init',
    'const keep = []; for (;;) keep.push(new Uint8Array(1024 * 1024));',
    /init: exceeded its memory limit of 32 MiB/,
  ],
  [
    'grow-string',
    'propose',
    "let s = 'x'; for (;;) s += s;",
    /propose: exceeded its memory limit|string too long/,
  ],
  [
    'recurse',
    'init',
    'const f = (n) => f(n + 1) + 1; f(0);',
    /stack overflow|Maximum call stack size exceeded/,
  ],
  [
    'bad-host-call',
    'init',
    'ctx.utility([1e9]);',
    /RangeError: expected 1 option indices|not an option index/,
  ],
];

describe('a strategy that tries to escape the sandbox', () => {
  it.each(attempts)(
    '%s (in %s) is recorded as a fault and the run completes',
    async (name, where, code, message) => {
      const path = where === 'init' ? strategy(name, code) : strategy(name, '', code);
      const run = await play(path, name);
      expect(run.outcome).toMatchObject({ agreement: false, endedBy: 'disqualified', by: 'a' });
      expect(run.faults).toHaveLength(1);
      expect(run.faults[0].party).toBe('a');
      expect(run.faults[0].message).toMatch(message);
      expect(existsSync(planted)).toBe(false);
    },
  );

  it('a module that exits, loops or imports Node while loading fails to load with the reason', async () => {
    const exits = join(dir, 'exits-on-load.js');
    writeFileSync(exits, 'process.exit(0);\nexport default {};\n');
    await expect(SandboxedStrategies.load([exits])).rejects.toThrow(
      /cannot load strategy module .*exits-on-load\.js: ReferenceError: 'process' is not defined/,
    );
    const loops = join(dir, 'loops-on-load.js');
    writeFileSync(loops, 'for (;;) {}\nexport default {};\n');
    await expect(SandboxedStrategies.load([loops], { initTimeoutMs: 200 })).rejects.toThrow(
      /loops-on-load\.js: no answer within 200 ms/,
    );
    const imports = join(dir, 'imports-fs.js');
    writeFileSync(imports, "import { readFileSync } from 'node:fs';\nexport default readFileSync;\n");
    await expect(SandboxedStrategies.load([imports])).rejects.toThrow(/cannot import 'node:fs'/);
    const outside = join(dir, 'imports-passwd.js');
    writeFileSync(outside, "import secret from '../../../../../../etc/passwd';\nexport default secret;\n");
    await expect(SandboxedStrategies.load([outside])).rejects.toThrow(
      /only files in the strategy module's folder/,
    );
  });

  it('a dynamic import never reaches Node: no file is written', async () => {
    const path = strategy(
      'dynamic-import',
      `import('node:fs').then((fs) => fs.writeFileSync(${JSON.stringify(planted)}, 'x')).catch(() => {});`,
    );
    const run = await play(path, 'dynamic-import');
    expect(existsSync(planted)).toBe(false);
    expect(run.outcome.endedBy).not.toBe('disqualified');
  });

  it('relative imports inside the module folder work', async () => {
    const folder = join(dir, 'split');
    mkdirSync(folder);
    writeFileSync(join(folder, 'target.js'), 'export const start = (ctx) => ctx.maxUtility;\n');
    writeFileSync(
      join(folder, 'main.js'),
      `import { start } from './target.js';
let ctx;
export const strategy = { name: 'split-module', create: () => ({
  name: 'split-module',
  init(c) { ctx = c; },
  propose() { return ctx.bidAtLeast(start(ctx)) ?? null; },
  respond() { return 'reject'; },
}) };
`,
    );
    const run = await play(join(folder, 'main.js'), 'split-module');
    expect(run.faults).toEqual([]);
  });

  it('a tournament with hostile strategies plays every match (no worker threads)', async () => {
    const killer = strategy('killer', 'process.kill(process.ppid, "SIGKILL");');
    const hog = strategy('hog', 'const keep = []; for (;;) keep.push(new Uint8Array(1 << 20));');
    const result = await runTournament(
      {
        scenarios: [{ scenario: splitTheDifference(11) }],
        strategies: [{ module: killer }, { module: hog }, 'linear'],
        repetitions: 1,
        seed: 5,
        simulation: { deadline: { rounds: 6 } },
      },
      { threads: 0 },
    );
    expect(result.complete).toBe(true);
    expect(result.matches).toHaveLength(9);
    // Every match but linear against linear has a hostile strategy in it, and each of those ends in a fault.
    const faulty = result.matches.filter((m) => m.endedBy === 'disqualified');
    expect(faulty).toHaveLength(8);
    expect(faulty.every((m) => m.faults >= 1)).toBe(true);
  });
});
