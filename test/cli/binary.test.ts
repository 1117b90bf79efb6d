import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, writeTemp } from '../support/run-cli.js';

/**
 * The few checks that need a real process: the bin shim, the exit status the shell sees, and that a whole
 * process prints exactly what the in-process runner (used by the other CLI tests) returns.
 */
describe('the parley binary, end to end', () => {
  it('prints help with examples and exits 0', () => {
    const run = spawnCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stderr).toBe('');
  });

  it('prints the help text the build wrote, the same as commander prints it at 80 columns', async () => {
    const { topLevelHelp } = await import('../../src/adapters/cli/write-top-help.js');
    const spawned = spawnCli(['--help']);
    expect(spawned.stdout).toBe(topLevelHelp());
    expect(spawnCli(['-h']).stdout).toBe(spawned.stdout);
  });

  it('exits 2 on invalid input, with the located message and no stack trace', () => {
    const file = writeTemp('broken.yaml', 'parley: 1\nparties: [unclosed\n');
    const run = spawnCli(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).toMatch(/broken\.yaml:\d+:\d+/);
    expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('exits 1 when a package is not acceptable, as evaluate documents', () => {
    const run = spawnCli([
      'evaluate',
      'scenarios/teaching-used-car.yaml',
      '--outcome',
      'price=8000,warranty=none,preparation=as-is,payment=cash',
    ]);
    expect(run.code).toBe(1);
    const unknown = spawnCli(['evaluate', 'scenarios/teaching-used-car.yaml', '--package', 'nope']);
    expect(unknown.code).toBe(2);
  });

  it('a whole process prints exactly what the in-process run returns', async () => {
    const args = ['show', 'scenarios/teaching-used-car.yaml', '--json'];
    const spawned = spawnCli(args);
    const inProcess = await runCli(args);
    expect(spawned.code).toBe(0);
    expect(inProcess).toEqual(spawned);
  });
});
