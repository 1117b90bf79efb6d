import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.js';
import { cli } from './support/cli-in-process.js';

// The same input and seed give the same bytes, text and --json alike: nothing in the default output depends
// on the clock, the thread count's scheduling or the order in which parallel work finishes.

const car = resolve(repoRoot, 'scenarios/teaching-used-car.yaml');
const river = resolve(repoRoot, 'scenarios/river-water-sharing.yaml');
const dir = mkdtempSync(join(tmpdir(), 'parley-same-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const commands: string[][] = [
  ['validate', car, '--json'],
  ['show', car, '--json'],
  ['evaluate', car, '--package', 'revised', '--json'],
  ['analyze', car, '--samples', '40', '--seed', '5', '--threads', '2', '--json'],
  ['analyze', car, '--samples', '40', '--seed', '5', '--threads', '2'],
  ['diff', car, 'offer:opening', 'offer:revised', '--json'],
  ['timeline', car, '--document', 'offer', '--json'],
  ['simulate', car, '--seed', '3', '--json'],
  ['simulate', car, '--seed', '3'],
  ['forecast', river, '--json'],
  [
    'tournament',
    '--scenarios',
    car,
    '--strategies',
    'boulware,linear,conceder',
    '--rounds',
    '10',
    '--seed',
    '4',
    '--threads',
    '2',
    '--no-progress',
    '--json',
  ],
];

describe('the same seed gives the same bytes', () => {
  it.each(
    commands.map((args) => [args.map((a) => (a.startsWith(repoRoot) ? basename(a) : a)).join(' '), args]),
  )(
    'parley %s',
    async (_name, args) => {
      const first = await cli(...args);
      expect(first.code, first.stderr).toBeLessThan(2);
      const second = await cli(...args);
      expect(second.stdout).toBe(first.stdout);
      expect(second.code).toBe(first.code);
    },
    60_000,
  );

  it('analyze --timings adds the timings; without it there are none', async () => {
    const plain = JSON.parse((await cli('analyze', car, '--json')).stdout);
    expect(plain).not.toHaveProperty('timings');
    const timed = JSON.parse((await cli('analyze', car, '--json', '--timings')).stdout);
    expect(Object.keys(timed.timings)).toContain('agreement zone');
  });

  it('export writes the same files twice', async () => {
    const contents = async (out: string) => {
      expect((await cli('export', car, '--format', 'genius', '-o', out)).code).toBe(0);
      return readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]);
    };
    expect(await contents(join(dir, 'b'))).toEqual(await contents(join(dir, 'a')));
  });
});
