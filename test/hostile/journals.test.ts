import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, writeTemp } from '../support/run-cli.js';
import { syntheticScenario } from '../support/synthetic-scenario.js';
import { cli } from './support/cli-in-process.js';

// Damaged, edited and foreign tournament journals: each is refused with the line and the field, never a crash
// and never a silently different result; and a resumed run prints exactly what an uninterrupted one prints.

const car = resolve(repoRoot, 'scenarios/teaching-used-car.yaml');
const dir = mkdtempSync(join(tmpdir(), 'parley-hostile-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = (journal: string, scenarios = car) => [
  'tournament',
  '--scenarios',
  scenarios,
  '--strategies',
  'boulware,linear',
  '--rounds',
  '10',
  '--repetitions',
  '1',
  '--threads',
  '0',
  '--no-progress',
  '--journal',
  journal,
];
const complete = join(dir, 'complete.jsonl');
let lines: string[];

beforeAll(async () => {
  const run = await cli(...args(complete));
  expect(run.code, run.stderr).toBe(0);
  lines = readFileSync(complete, 'utf8').trimEnd().split('\n');
}, 60_000);

/** A copy of the complete journal with line `at` (1-based) replaced by `line`. */
function damaged(name: string, at: number, line: string): string {
  const path = join(dir, name);
  const copy = [...lines];
  copy[at - 1] = line;
  writeFileSync(path, `${copy.join('\n')}\n`);
  return path;
}

const editRecord = (edit: (record: Record<string, unknown>) => void): string => {
  const entry = JSON.parse(lines[2]) as { record: Record<string, unknown> };
  edit(entry.record);
  return JSON.stringify(entry);
};

async function refused(path: string, expected: string): Promise<void> {
  const run = await cli(...args(path));
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toContain(`${path}:${expected}`);
  expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
}

describe('damaged tournament journals', () => {
  it('a null line and a bare {"kind":"match"} are named, not a crash', async () => {
    await refused(damaged('null.jsonl', 3, 'null'), '3: expected a journal entry');
    await refused(damaged('bare.jsonl', 2, '{"kind":"match"}'), '2: record: ');
  });

  it('garbage utilities and 1e308 values are refused at their field', async () => {
    const garbage = editRecord((r) => {
      r.utilities = 'garbage';
    });
    await refused(damaged('garbage.jsonl', 3, garbage), '3: record.utilities: ');
    const huge = editRecord((r) => {
      r.socialWelfare = 1e308;
    });
    await refused(damaged('huge.jsonl', 3, huge), '3: record.socialWelfare: ');
  });

  it('an unknown strategy name is refused against the plan', async () => {
    const renamed = editRecord((r) => {
      r.strategies = ['sneaky', 'linear'];
    });
    await refused(
      damaged('strategy.jsonl', 3, renamed),
      '3: record.strategies: sneaky, linear; the plan has',
    );
  });

  it('a plausible edit of a number is caught by the line checksum', async () => {
    const edited = editRecord((r) => {
      (r.utilities as number[])[0] = 99;
    });
    await refused(damaged('edited.jsonl', 3, edited), '3: check: the checksum does not match');
  });

  it('a journal of another scenario is refused by the header checksum', async () => {
    const other = writeTemp(
      'car.yaml',
      readFileSync(car, 'utf8').replace(/^title: .*$/m, 'title: A changed title'),
    );
    const journal = join(dir, 'foreign.jsonl');
    copyFileSync(complete, journal);
    const run = await cli(...args(journal, other));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('its checksum differs');
  });
});

describe('a resumed tournament prints what an uninterrupted one prints', () => {
  it('byte for byte, notes included (a scenario too large for a reference)', async () => {
    // 8 issues × 8 options = 16.8 million outcomes: no Pareto reference, so the output carries a note.
    const big = writeTemp('big.yaml', syntheticScenario({ parties: 2, issues: 8, options: 8, seed: 3 }));
    const common = [
      'tournament',
      '--scenarios',
      `${big},${car}`,
      '--strategies',
      'boulware,linear',
      '--rounds',
      '10',
      '--repetitions',
      '1',
      '--threads',
      '0',
      '--no-progress',
      '--json',
    ];
    const whole = await cli(...common);
    expect(whole.code, whole.stderr).toBe(0);
    expect(JSON.parse(whole.stdout).notes).toHaveLength(1);
    const journal = join(dir, 'resume.jsonl');
    // Stop after the big scenario's matches: its note must still appear on the rerun, which runs none of them.
    const stopped = await cli(...common, '--journal', journal, '--stop-after', '4');
    expect(stopped.code).toBe(0);
    const resumed = await cli(...common, '--journal', journal);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe(whole.stdout);
    // And a rerun on a finished journal, which runs nothing, too.
    const again = await cli(...common, '--journal', journal);
    expect(again.stdout).toBe(whole.stdout);
  }, 120_000);
});
