import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { useTempDirs } from '../support/temp-dir.js';

const scenario = 'scenarios/teaching-used-car.yaml';
const tempDir = useTempDirs();

interface Frontier {
  method: string;
  over: string;
  exact: boolean;
  outcomes?: number;
  distinctVectors: number;
  listed: number;
  truncated: boolean;
  points: Array<{ utilities: number[] }>;
  note: string;
}

async function frontierOf(args: string[]): Promise<Frontier> {
  const run = await runCli(['analyze', scenario, '--json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { frontier: Frontier }).frontier;
}

describe('analyze: frontier listing, scope and method', () => {
  it('says when the list is cut, lists all on request, and labels what it is over', async () => {
    const all = await frontierOf(['--max-frontier', 'all']);
    expect(all.over).toBe('all-outcomes');
    expect(all.exact).toBe(true);
    expect(all.truncated).toBe(false);
    expect(all.listed).toBe(all.outcomes);
    const cut = await frontierOf(['--max-frontier', '2']);
    expect(cut.truncated).toBe(true);
    expect(cut.listed).toBe(2);
    expect(cut.note).toMatch(/The list is cut/);
    const acceptable = await frontierOf(['--max-frontier', 'all', '--frontier-over', 'acceptable']);
    expect(acceptable.over).toBe('acceptable-outcomes');
    expect(acceptable.distinctVectors).toBeLessThanOrEqual(all.distinctVectors + acceptable.distinctVectors);
  }, 60_000);

  it('--method milp gives the same distinct vectors as enumeration (two parties)', async () => {
    const two = ['--parties', 'dealer,sam'];
    const enumerated = await frontierOf(['--max-frontier', 'all', '--method', 'enumerate', ...two]);
    const milp = await frontierOf(['--max-frontier', 'all', '--method', 'milp', ...two]);
    expect(milp.method).toBe('milp');
    expect(milp.exact).toBe(true);
    const key = (f: Frontier) =>
      [...new Set(f.points.map((p) => p.utilities.map((u) => u.toFixed(8)).join('/')))].sort();
    expect(key(milp)).toEqual(key(enumerated));
  }, 60_000);

  it('--frontier-out streams every point as JSON lines, with a summary line last', async () => {
    const file = join(tempDir(), 'frontier.jsonl');
    const listed = await frontierOf(['--max-frontier', '1', '--frontier-out', file]);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const summary = lines.pop();
    expect(lines.length).toBe(listed.outcomes);
    expect(summary.summary).toMatchObject({
      method: listed.method,
      over: 'all-outcomes',
      exact: true,
      points: lines.length,
    });
    expect(lines[0]).toHaveProperty('utilities');
  }, 60_000);

  it('rejects a bad --max-frontier with exit 2', async () => {
    const run = await runCli(['analyze', scenario, '--max-frontier', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--max-frontier/);
  });
});
