import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-tournament-'));
const car = resolve(repoRoot, 'scenarios/teaching-used-car.yaml');
const strategies = 'boulware,linear,conceder,hardliner,tit-for-tat';
const base = [
  'tournament',
  '--scenarios',
  car,
  '--strategies',
  strategies,
  '--rounds',
  '30',
  '--no-progress',
];

interface Match {
  strategies: string[];
  agreement: boolean;
  utilities: number[];
  socialWelfare: number;
}

describe('parley tournament', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an interrupted run resumed from its journal ends exactly like an uninterrupted one', async () => {
    const journal = join(dir, 'resume.jsonl');
    const stopped = await runCli([...base, '--threads', '2', '--journal', journal, '--stop-after', '20']);
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('Stopped: rerun the same command');
    const journaled = readFileSync(journal, 'utf8').trim().split('\n').length - 1;
    expect(journaled).toBeGreaterThanOrEqual(20);
    expect(journaled).toBeLessThan(125);
    const resumed = await runCli([
      ...base,
      '--threads',
      '2',
      '--journal',
      journal,
      '--out',
      join(dir, 'resumed'),
    ]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).not.toContain('Stopped');
    // Uninterrupted, and in this thread without workers.
    const whole = await runCli([...base, '--threads', '0', '--out', join(dir, 'whole')]);
    expect(whole.code).toBe(0);
    const a = readFileSync(join(dir, 'resumed', 'result.json'), 'utf8');
    const b = readFileSync(join(dir, 'whole', 'result.json'), 'utf8');
    expect(a).toBe(b);
    expect(JSON.parse(a).matches).toHaveLength(125);
    expect(readFileSync(join(dir, 'resumed', 'matches.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'whole', 'matches.csv'), 'utf8'),
    );
  });

  it('a configuration file: relative paths, labels, counts, and scores that agree with the matches', async () => {
    const config = join(dir, 'config.yaml');
    writeFileSync(
      config,
      `scenarios:
  - file: ${JSON.stringify(relative(dir, car))}
    parties: [dealer, sam]
strategies:
  - linear
  - hardliner
  - { name: time-dependent, params: { e: 0.5 }, label: td }
repetitions: 2
seed: 7
simulation:
  deadline: { rounds: 40 }
  preferences: sampled
`,
    );
    const run = await runCli(['tournament', config, '--threads', '0', '--json', '--no-progress']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.strategies).toEqual(['linear', 'hardliner', 'td']);
    // 3 strategies in 2 roles, every assignment, 2 repetitions.
    expect(result.matches).toHaveLength(3 * 3 * 2);
    for (const score of result.summary.strategies) {
      const seen = result.matches.flatMap((m: Match) =>
        m.strategies.flatMap((s, k) => (s === score.strategy ? [{ m, k }] : [])),
      );
      expect(score.observations).toBe(seen.length);
      const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
      expect(score.agreementRate.mean).toBeCloseTo(
        mean(seen.map(({ m }: { m: Match }) => (m.agreement ? 1 : 0))),
        12,
      );
      expect(score.utility.mean).toBeCloseTo(
        mean(seen.map(({ m, k }: { m: Match; k: number }) => m.utilities[k])),
        9,
      );
      expect(score.paretoDistance.n).toBe(seen.length);
    }
    expect(result.summary.comparisons).toHaveLength(3);
    expect(result.notes).toEqual([]);
  });

  it('prints a summary table with confidence intervals and the pairwise tests', async () => {
    const run = await runCli([...base, '--threads', '1', '--seed', '3']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tournament: 125 matches over teaching-used-car; seed 3');
    expect(run.stdout).toMatch(/│ boulware +│ 75 +│ \d\.\d\d \[\d\.\d\d, \d\.\d\d\] │ \d+\.\d \[/);
    expect(run.stdout).toMatch(/│ hardliner +│ tit-for-tat +│ 75 +│ -?\d+\.\d\d +│ \d/);
    expect(run.stdout).toContain('no correction for multiple comparisons');
  });

  it('rejects bad input with a clear message and exit code 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['--scenarios', car, '--strategies', 'boulware,linaer'],
        /unknown strategy 'linaer'; did you mean 'linear'\?/,
      ],
      [
        ['--scenarios', car, '--strategies', 'linear', '--repetitions', '0'],
        /--repetitions: expected an integer from 1 to 10,000/,
      ],
      [
        ['--scenarios', car, '--strategies', 'linear', '--threads', 'many'],
        /--threads: expected an integer from 0 to 1,024/,
      ],
      [['--strategies', 'linear'], /no scenarios: give a configuration file or --scenarios/],
      [['--scenarios', car], /no strategies/],
      [
        ['--scenarios', car, '--strategies', 'linear', '--protocol', 'txt'],
        /unknown protocol 'txt'; did you mean 'text'\?/,
      ],
      [[join(dir, 'missing.yaml')], /cannot read .*missing\.yaml: ENOENT/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['tournament', ...args, '--no-progress']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    }
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'scenarios: [a.yaml\nstrategies: linear\n');
    const yamlError = await runCli(['tournament', broken]);
    expect(yamlError.code).toBe(2);
    expect(yamlError.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    // A journal written for another configuration is refused rather than mixed in.
    const journal = join(dir, 'other.jsonl');
    expect((await runCli([...base, '--threads', '0', '--journal', journal, '--stop-after', '1'])).code).toBe(
      0,
    );
    const other = await runCli([...base, '--threads', '0', '--journal', journal, '--seed', '99']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/written for a different tournament configuration/);
  });
});
