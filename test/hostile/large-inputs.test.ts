import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BranchAndBoundSearch } from '../../src/core/simulation/branch-and-bound.js';
import { maxOf, minOf } from '../../src/core/statistics/extremes.js';
import { syntheticScenario } from '../support/synthetic-scenario.js';
import { useTempDirs } from '../support/temp-dir.js';
import { cli } from './support/cli-in-process.js';

const tempDir = useTempDirs('parley-large-');

/** A generated scenario written to a temporary file. */
function scenarioFile(parties: number, issues: number, options: number): string {
  const file = join(tempDir(), `synthetic-${parties}x${issues}x${options}.yaml`);
  writeFileSync(file, stringify(syntheticScenario({ parties, issues, options, seed: 3 })));
  return file;
}

describe('valid large input does not crash', () => {
  it('simulate on 6,000 issues finishes (the offer search used to recurse once per issue)', async () => {
    const run = await cli('simulate', scenarioFile(2, 6000, 3), '--rounds', '3', '--json');
    expect(run.stderr).not.toMatch(/call stack|internal error/);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).run.issues).toHaveLength(6000);
  }, 120_000);

  it('the offer search finds the exact maximum of 20,000 issues without recursion', () => {
    const issues = 20_000;
    const space = { radix: Int32Array.from({ length: issues }, () => 2) };
    const contribution = Array.from({ length: issues }, (_, i) => Float64Array.of(i % 3, 1));
    const utility = { contribution, adjustments: [] };
    const search = new BranchAndBoundSearch(space as never, utility as never, [], []);
    const best = search.maximum();
    // Brute force is the issue-by-issue maximum of an additive utility.
    const expected = contribution.reduce((sum, row) => sum + maxOf(row), 0);
    expect(best?.utility).toBe(expected);
  });

  it('extremes of a million values do not spread them as arguments', () => {
    const values = Array.from({ length: 1_000_000 }, (_, k) => (k * 7919) % 1_000_003);
    expect(maxOf(values)).toBe(values.reduce((a, b) => Math.max(a, b)));
    expect(minOf(values)).toBe(0);
    expect(maxOf([])).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('a time limit gives a prompt, labelled partial answer', () => {
  it('analyze of 10^30 outcomes and 12 parties returns within a 1 s limit, saying what is not proven', async () => {
    // 12 parties × 43 issues × 5 options: about 1.1e30 outcomes, far beyond enumeration.
    const run = await cli('analyze', scenarioFile(12, 43, 5), '--time-limit', '1', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.space.outcomes).toBeGreaterThan(1e30);
    expect(report.completeness.timeLimitSeconds).toBe(1);
    expect(report.completeness.limitReached).toBe(true);
    expect(report.completeness.partial).toBe(true);
    expect(report.completeness.unproven.length).toBeGreaterThan(0);
    expect(run.stderr).toContain('partial answer');
    expect(run.stderr).toContain('not proven');
  }, 120_000);

  it('a tournament stops starting matches at its time limit and says the result is partial', async () => {
    const run = await cli(
      'tournament',
      '--scenarios',
      'scenarios/teaching-used-car.yaml',
      '--strategies',
      'boulware,linear,conceder',
      '--repetitions',
      '10000',
      '--threads',
      '0',
      '--time-limit',
      '1',
      '--no-progress',
      '--json',
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.complete).toBe(false);
    expect(result.matches.length).toBeLessThan(270_000);
    expect(run.stderr).toMatch(/partial tournament: the time limit of 1 s was reached after \d+ matches/);
  }, 120_000);

  it('a generous limit on a small scenario changes nothing: complete, nothing unproven', async () => {
    const run = await cli('analyze', 'scenarios/teaching-used-car.yaml', '--time-limit', '600', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.completeness).toEqual({
      timeLimitSeconds: 600,
      limitReached: false,
      partial: false,
      unproven: [],
    });
    expect(run.stderr).not.toContain('partial answer');
  });
});

describe('big outcome counts are exact', () => {
  it('show past 1.8e308 outcomes gives the exact count as a decimal string and a power of ten in text', async () => {
    // 3^700 is about 10^334: Infinity as a double, which `show` used to print as "about Infinity".
    const file = scenarioFile(2, 700, 3);
    const json = await cli('show', file, '--json');
    expect(json.code).toBe(0);
    const outcomes = JSON.parse(json.stdout).outcomes;
    expect(outcomes.count).toBe((3n ** 700n).toString());
    expect(outcomes.log10).toBeCloseTo(700 * Math.log10(3), 6);
    const text = await cli('show', file);
    expect(text.stdout).toContain('10^333.98 (334 digits) possible complete outcomes');
    expect(text.stdout).not.toContain('Infinity');
  }, 60_000);
});
