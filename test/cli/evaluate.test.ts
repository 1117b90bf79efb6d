import { describe, expect, it } from 'vitest';
import { runCli, writeTemp } from '../support/run-cli.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const file = writeTemp('tiny.yaml', tinyScenario());

describe('parley evaluate', () => {
  it('reports a crossed red line with the point that crosses it, and exits 1', async () => {
    const run = await runCli(['evaluate', file, '--package', 'p1', '--at', '2025-02-15']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("package 'p1' (plan:v1)");
    expect(run.stdout).toMatch(/Alpha \/ no-cede: crossed by plan:v1#1/);
    expect(run.stdout).toMatch(/acceptable to every signatory\? no/);
  });

  it('gives utility ranges for open issues in JSON, matching hand computation', async () => {
    const run = await runCli(['evaluate', file, '--outcome', 'land=share', '--json', '--at', '2025-02-15']);
    const data = JSON.parse(run.stdout);
    expect(data.open).toEqual(['troops', 'money']);
    const alpha = data.parties.find((p: { party: string }) => p.party === 'a');
    expect(alpha.utility).toEqual({ min: 45, max: 80, exact: true });
    expect(alpha.batna.estimate).toBe(30);
    expect(data.verdict).toBe('depends');
  });

  it('accepts a complete outcome that every signatory prefers to its BATNA, and exits 0', async () => {
    // Alpha: 0.75*60 + 0.25*75 + 10 = 73.75 >= 30; Beta: (1*50 + 1*25 + 2*100)/4 = 68.75 >= 40
    const run = await runCli([
      'evaluate',
      file,
      '--outcome',
      'land=share,troops=75,money=none',
      '--json',
      '--at',
      '2025-02-15',
    ]);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout);
    expect(data.parties[0].utility.min).toBeCloseTo(73.75, 9);
    expect(data.parties[1].utility.min).toBeCloseTo(68.75, 9);
    expect(data.verdict).toBe('yes');
  });

  it('reports a conflict between documents instead of overwriting', async () => {
    const run = await runCli(['evaluate', file, '--package', 'clash']);
    expect(run.stdout).toMatch(
      /Conflict: 'land' is settled differently by plan:v2#1 \(Shared \(share\)\) and annex:x1#1 \(Alpha keeps \(keep\)\)/,
    );
  });

  it('rejects bad arguments with a clear message and exit code 2', async () => {
    const unknownPackage = await runCli(['evaluate', file, '--package', 'nope']);
    expect(unknownPackage.code).toBe(2);
    expect(unknownPackage.stderr).toContain("unknown package 'nope' (packages: p1, clash)");
    const badOption = await runCli(['evaluate', file, '--outcome', 'land=sahre']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("issue 'land' has no option 'sahre'");
    const badDate = await runCli(['evaluate', file, '--package', 'p1', '--at', '2025-13-01']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('expected YYYY-MM-DD');
    const malformed = await runCli(['evaluate', file, '--outcome', 'land']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('not of the form issue=option');
    expect(`${badOption.stderr}${malformed.stderr}`).not.toMatch(/\n\s+at .*\.js:\d+/);
  });
});
