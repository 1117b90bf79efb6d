import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentationFiles, typeScriptExamples } from '../docs/markdown-blocks.js';

/**
 * The published package as an outside user gets it: `npm pack`, installed into an empty folder, imported by
 * name and type-checked against its declarations. Needs the build (`npm test` builds first).
 */
const ROOT = join(import.meta.dirname, '../..');
const built = existsSync(join(ROOT, 'dist/index.js'));
const consumer = mkdtempSync(join(tmpdir(), 'parley-consumer-'));

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, out: result.stdout ?? '', err: result.stderr ?? '' };
}

/**
 * Installs the tarball: with npm, offline, when every dependency is in npm's cache; otherwise by unpacking it
 * into node_modules/parley and lending it this checkout's installed dependencies (the same versions that
 * package-lock.json pins), since tests must not need the network.
 */
function install(tarball: string): string {
  const npm = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], consumer);
  if (npm.status === 0) return 'npm install --offline';
  const target = join(consumer, 'node_modules/parley');
  mkdirSync(target, { recursive: true });
  const untar = run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], consumer);
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.err}`);
  symlinkSync(join(ROOT, 'node_modules'), join(target, 'node_modules'), 'dir');
  return 'unpacked, with the checkout’s dependencies';
}

let how = '';

/** Node's type declarations for the consumer's compiler, lent from this checkout. */
function lendNodeTypes(): void {
  mkdirSync(join(consumer, 'node_modules/@types'), { recursive: true });
  if (!existsSync(join(consumer, 'node_modules/@types/node'))) {
    symlinkSync(join(ROOT, 'node_modules/@types/node'), join(consumer, 'node_modules/@types/node'), 'dir');
  }
}

beforeAll(() => {
  if (!built) return;
  writeFileSync(
    join(consumer, 'package.json'),
    '{ "name": "consumer", "private": true, "type": "module" }\n',
  );
  const pack = run('npm', ['pack', '--json', '--pack-destination', consumer], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.err}`);
  const [{ filename }] = JSON.parse(pack.out) as Array<{ filename: string }>;
  how = install(join(consumer, filename));
}, 240_000);

afterAll(() => rmSync(consumer, { recursive: true, force: true }));

describe.skipIf(!built)('the packed package, installed in an empty folder', () => {
  it('imports by name in Node (ESM) and runs: parse, analyse, diff, simulate', () => {
    writeFileSync(
      join(consumer, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { analyze, diffVersions, importDomain, parseScenario, runTournament, simulate } from 'parley';
import * as browser from 'parley/browser';
const file = new URL('./node_modules/parley/scenarios/teaching-used-car.yaml', import.meta.url);
const parsed = parseScenario(readFileSync(file), { fileName: 'teaching-used-car.yaml' });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
const report = await analyze(parsed.scenario);
const run = simulate(parsed.scenario, { seed: 1, deadline: { rounds: 20 }, agents: { default: 'conceder' }, parties: ['dealer', 'sam'] });
console.log(JSON.stringify({
  id: parsed.scenario.id,
  outcomes: report.space.outcomes,
  agreed: run.outcome !== undefined,
  functions: [typeof diffVersions, typeof importDomain, typeof runTournament, typeof browser.parseScenario, typeof browser.analyze],
}));
`,
    );
    const result = run(process.execPath, ['use.mjs'], consumer);
    expect(result.err, how).toBe('');
    const printed = JSON.parse(result.out);
    expect(printed).toMatchObject({
      id: 'teaching-used-car',
      functions: ['function', 'function', 'function', 'function', 'undefined'],
    });
    expect(printed.outcomes).toBeGreaterThan(1);
  });

  it('type-checks a TypeScript consumer against the published declarations', () => {
    lendNodeTypes();
    writeFileSync(
      join(consumer, 'use.ts'),
      `import { type AnalysisReport, analyze, type ParseResult, parseScenario, type Scenario } from 'parley';
import { parseScenario as parseInBrowser } from 'parley/browser';
const parsed: ParseResult = parseScenario('parley: 1', { fileName: 'x.yaml' });
const again: ParseResult = parseInBrowser(new Uint8Array([0x70]), { fileName: 'x.yaml' });
export async function outcomes(scenario: Scenario): Promise<number> {
  const report: AnalysisReport = await analyze(scenario);
  return report.space.outcomes;
}
// @ts-expect-error: a scenario is not a string; the declarations must say so
analyze('not a scenario');
export const ok = parsed.ok && again.ok;
`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2023',
          strict: true,
          noEmit: true,
          types: ['node'],
        },
        files: ['use.ts'],
      }),
    );
    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], consumer);
    expect(tsc.out + tsc.err).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('type-checks the TypeScript examples of the docs and of examples/ against the published declarations', () => {
    lendNodeTypes();
    const folder = join(consumer, 'doc-examples');
    mkdirSync(folder, { recursive: true });
    const files: string[] = [];
    for (const doc of documentationFiles(ROOT)) {
      for (const example of typeScriptExamples(readFileSync(join(ROOT, doc), 'utf8'))) {
        // The file name says where the example stands, so a compiler error points at the docs.
        const name = `${doc.replaceAll('/', '__')}__line-${example.line}.ts`;
        writeFileSync(join(folder, name), example.code);
        files.push(`doc-examples/${name}`);
      }
    }
    for (const name of readdirSync(join(ROOT, 'examples')).filter((file) => file.endsWith('.ts'))) {
      copyFileSync(join(ROOT, 'examples', name), join(folder, name));
      files.push(`doc-examples/${name}`);
    }
    expect(files.length).toBeGreaterThan(2);
    writeFileSync(
      join(consumer, 'tsconfig.examples.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2023',
          strict: true,
          noEmit: true,
          types: ['node'],
        },
        files,
      }),
    );
    const tsc = run(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.examples.json'],
      consumer,
    );
    expect(tsc.out + tsc.err).toBe('');
    expect(tsc.status).toBe(0);
  });
});
