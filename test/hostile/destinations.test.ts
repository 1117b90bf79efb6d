import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.js';
import { cli } from './support/cli-in-process.js';

// Every output is checked before the work (a cheap probe in the target folder), and every file-system failure
// is exit 2 with the path and the reason in words, never exit 70 or a hang.

const car = resolve(repoRoot, 'scenarios/teaching-used-car.yaml');
const dir = mkdtempSync(join(tmpdir(), 'parley-destinations-'));
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const aFile = join(dir, 'plain-file');
writeFileSync(aFile, 'not a folder');
const loop = join(dir, 'loop');
symlinkSync(loop, loop);
// Root ignores mode bits, so a read-only folder is tested as the unprivileged user `nobody`.
const readOnly = join(dir, 'read-only');
mkdirSync(readOnly, { mode: 0o555 });
chmodSync(readOnly, 0o555);
const asNobody = process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0;

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .*\.js:\d+/);
const trackDriver = [
  '--strategies',
  'boulware,linear',
  '--rounds',
  '5',
  '--repetitions',
  '1',
  '--no-progress',
];

function runAsNobody(args: string[]) {
  const result = spawnSync(
    'runuser',
    ['-u', 'nobody', '--', process.execPath, join(repoRoot, 'bin/parley.js'), ...args],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('outputs are checked before the work', () => {
  it('export into /proc exits 2 at once instead of hanging', async () => {
    const run = await cli('export', car, '--format', 'negmas', '-o', '/proc/parley-export');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot write into '/proc': the folder does not accept new files");
    noStack(run.stderr);
  });

  it('report -o under a file is refused before the analysis starts', async () => {
    const run = await cli('report', car, '-o', join(aFile, 'report.html'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a part of the path is a file, not a folder|does not exist/);
    // The analysis reports each step on stderr as it starts: none did.
    expect(run.stderr).not.toContain('…');
  });

  it('an output path that is a symbolic link loop is exit 2 with the reason', async () => {
    const run = await cli('simulate', car, '--rounds', '5', '--html', loop);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('symbolic links loop');
    noStack(run.stderr);
  });

  it('export -o a file, import -o under a file, tournament --out a file: exit 2 naming the path', async () => {
    const exported = await cli('export', car, '--format', 'genius', '-o', aFile);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toContain(aFile);
    const imported = await cli(
      'import',
      join(repoRoot, 'examples/domains/genius-lunch'),
      '-o',
      join(aFile, 'x.yaml'),
    );
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain(aFile);
    const tournament = await cli('tournament', '--scenarios', car, ...trackDriver, '--out', aFile);
    expect(tournament.code).toBe(2);
    expect(tournament.stderr).toContain('it is a file; --out takes a folder');
  });

  it.runIf(asNobody)('report -o and a tournament journal in a read-only folder exit 2 (as nobody)', () => {
    const report = runAsNobody(['report', car, '-o', join(readOnly, 'r.html')]);
    expect(report.code, report.stderr).toBe(2);
    expect(report.stderr).toContain(`cannot write into '${readOnly}': permission denied (EACCES)`);
    expect(report.stderr).not.toContain('…');
    const journal = runAsNobody([
      'tournament',
      '--scenarios',
      car,
      ...trackDriver,
      '--journal',
      join(readOnly, 'j.jsonl'),
    ]);
    expect(journal.code, journal.stderr).toBe(2);
    expect(journal.stderr).toContain('permission denied');
    noStack(journal.stderr);
  });
});

describe('nothing is replaced without --force', () => {
  it('simulate --html, analyze --frontier-out, tournament --out, report -o', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(page, 'keep me');
    const simulate = await cli('simulate', car, '--rounds', '5', '--html', page);
    expect(simulate.code).toBe(2);
    expect(simulate.stderr).toContain('exists; add --force');
    expect(readFileSync(page, 'utf8')).toBe('keep me');
    expect((await cli('simulate', car, '--rounds', '5', '--html', page, '--force')).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('<html');

    const frontier = join(dir, 'frontier.jsonl');
    writeFileSync(frontier, 'keep me');
    expect((await cli('analyze', car, '--frontier-out', frontier)).code).toBe(2);
    expect(readFileSync(frontier, 'utf8')).toBe('keep me');
    expect((await cli('analyze', car, '--frontier-out', frontier, '--force')).code).toBe(0);
    expect(readFileSync(frontier, 'utf8')).toMatch(/"summary"/);

    const out = join(dir, 'results');
    expect((await cli('tournament', '--scenarios', car, ...trackDriver, '--out', out)).code).toBe(0);
    const again = await cli('tournament', '--scenarios', car, ...trackDriver, '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('add --force to replace the results');
    expect((await cli('tournament', '--scenarios', car, ...trackDriver, '--out', out, '--force')).code).toBe(
      0,
    );
    expect(existsSync(join(out, 'comparisons.csv'))).toBe(true);
  });
});
