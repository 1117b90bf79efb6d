import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('parley analyze --package: the frontier of what the package leaves open', () => {
  it('lists it over the completions, and under the relaxation over the acceptable ones (flagship)', async () => {
    const run = await runCli(['analyze', 'scenarios/ukraine-2025.yaml', '--package', 'december', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const [all, relaxed] = report.packageFrontiers;
    expect(all).toMatchObject({ package: 'december', completions: 110_592, dropped: [] });
    expect(all.frontier).toMatchObject({ method: 'enumerate', exact: true, over: 'all-outcomes' });
    expect(all.frontier.distinctVectors).toBeGreaterThan(0);
    expect(relaxed).toMatchObject({ dropped: report.relaxation.dropped });
    expect(relaxed.frontier.over).toBe('acceptable-outcomes');
    const text = await runCli(['analyze', 'scenarios/ukraine-2025.yaml', '--package', 'december']);
    expect(text.stdout).toContain("Frontier of what 'december' leaves open: ");
    expect(text.stdout).toContain(`over its 110,592 completions`);
  }, 120_000);

  it('counts the outcomes that share each MILP frontier vector with --count-ties, and checks the flag', async () => {
    const run = await runCli([
      'analyze',
      'scenarios/teaching-used-car.yaml',
      '--parties',
      'dealer,sam',
      '--method',
      'milp',
      '--count-ties',
      '100',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const { frontier } = JSON.parse(run.stdout);
    expect(frontier.outcomes).toBe(
      frontier.points.reduce((n: number, p: { count: number }) => n + p.count, 0),
    );
    const bad = await runCli(['analyze', 'scenarios/teaching-used-car.yaml', '--count-ties', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--count-ties');
  }, 120_000);
});
