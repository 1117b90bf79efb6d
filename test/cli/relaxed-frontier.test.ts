import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const FIXTURE = 'test/fixtures/frontiers/river-clash.yaml';

describe('parley analyze --relaxed-frontier', () => {
  it('prints the frontier under the smallest relaxation, in JSON too, and leaves it out with off', async () => {
    const text = await runCli(['analyze', FIXTURE]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'Pareto frontier under the relaxation (dropping Northland: max-release): 7 Pareto-optimal outcomes',
    );
    const run = await runCli(['analyze', FIXTURE, '--relaxed-frontier', 'exact', '--json']);
    const { relaxedFrontier } = JSON.parse(run.stdout);
    expect(relaxedFrontier).toMatchObject({
      dropped: ['northland:max-release'],
      coverageTarget: 0,
      frontier: { method: 'enumerate', exact: true, over: 'acceptable-outcomes', distinctVectors: 7 },
    });
    const off = await runCli(['analyze', FIXTURE, '--relaxed-frontier', 'off', '--json']);
    expect(JSON.parse(off.stdout).relaxedFrontier).toBeUndefined();
  }, 120_000);

  it('refuses a bound that is not a number of utility points, with exit code 2 and an example', async () => {
    for (const bad of ['-1', 'ten', '101']) {
      const run = await runCli(['analyze', FIXTURE, '--relaxed-frontier', bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        '--relaxed-frontier: expected a coverage bound from 0 to 100 utility points',
      );
      expect(run.stderr).toContain('example: --relaxed-frontier 10');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
