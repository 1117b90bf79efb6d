import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, writeTemp } from '../support/run-cli.js';

describe('parley validate', () => {
  it('accepts every bundled scenario', async () => {
    const run = await runCli([
      'validate',
      'scenarios/ukraine-2025.yaml',
      'scenarios/teaching-used-car.yaml',
      'scenarios/river-water-sharing.yaml',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ok {2}scenarios\/ukraine-2025\.yaml {2}\(5 parties, 22 issues/);
    expect(run.stdout).not.toContain('warning');
  });

  it('reports every error with file, line, column and path, and exits 2', async () => {
    const run = await runCli([
      'validate',
      'test/fixtures/bad/three-errors.yaml',
      'test/fixtures/minimal.yaml',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('invalid  test/fixtures/bad/three-errors.yaml  (3 errors)');
    expect(run.stdout).toContain(
      "test/fixtures/bad/three-errors.yaml:5:37: error: expected one of 'state', 'bloc', 'organisation', 'coalition', 'group', 'person', 'firm', 'other', got string \"stat\" (did you mean 'state'?)",
    );
    expect(run.stdout).toContain('at events[0].colour');
    expect(run.stdout).toContain('ok  test/fixtures/minimal.yaml');
  });

  it('gives a stable JSON shape with suggestions', async () => {
    const run = await runCli(['validate', 'test/fixtures/bad/unresolved-ids.yaml', '--json']);
    expect(run.code).toBe(2);
    const data = JSON.parse(run.stdout);
    expect(data.ok).toBe(false);
    const party = data.files[0].diagnostics.find((d: { path: string }) => d.path === 'preferences[0].party');
    expect(party).toMatchObject({ line: 14, column: 12, suggestion: 'north', severity: 'error' });
  });

  it('handles a missing file and a malformed file without a stack trace', async () => {
    const missing = await runCli(['validate', 'does/not/exist.yaml']);
    expect(missing.code).toBe(2);
    const broken = await runCli(['validate', writeTemp('broken.yaml', 'parley: 1\nparties: [unclosed\n')]);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toMatch(/broken\.yaml:\d+:\d+: error/);
    for (const run of [missing, broken])
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('explains usage errors', async () => {
    const run = await runCli(['validate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing required argument 'files'");
  });
});

describe('parley show', () => {
  it('summarises the teaching scenario as tables', async () => {
    const run = await runCli(['show', 'scenarios/teaching-used-car.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('744 possible complete outcomes');
    expect(run.stdout).toMatch(/│ price\s+│ Price\s+│ economy\s+│ 8000\.\.11000 step 100 EUR/);
    expect(run.stdout).toMatch(/│ sam\s+│ budget/);
  });

  it('reports package coverage and red lines in JSON', async () => {
    const run = await runCli(['show', 'scenarios/ukraine-2025.yaml', '--json']);
    const data = JSON.parse(run.stdout);
    const december = data.packages.find((p: { id: string }) => p.id === 'december');
    expect(december.openIssues).toContain('donbas');
    expect(december.openIssues).toContain('znpp');
    const ukraine = data.preferences.find((p: { party: string }) => p.party === 'ukraine');
    expect(ukraine.basis).toBe('analyst-estimate');
    expect(ukraine.redLines.length).toBeGreaterThan(0);
    expect(BigInt(data.outcomes.count)).toBeGreaterThan(1_000_000_000n);
  });

  it('rejects a date that does not exist', async () => {
    const run = await runCli(['show', 'scenarios/teaching-used-car.yaml', '--at', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'soon' is not a date");
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    const run = spawnSync(
      'bash',
      ['-c', 'set -o pipefail; node bin/parley.js show scenarios/ukraine-2025.yaml | head -1'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(run.stdout).toMatch(/^Russia–Ukraine peace talks/);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
