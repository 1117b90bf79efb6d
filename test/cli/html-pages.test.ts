import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs('parley-html-pages-');
const words = (html: string) => html.replace(/<[^>]+>/g, ' ');

describe('diff --html and timeline --html', () => {
  it('writes the diff with who gains before the clause diff', async () => {
    const file = join(tempDir(), 'diff.html');
    const run = await runCli([
      'diff',
      'scenarios/teaching-used-car.yaml',
      '--packages',
      'opening',
      'revised',
      '--html',
      file,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html.indexOf('id="who-gains"')).toBeGreaterThan(0);
    expect(html.indexOf('id="who-gains"')).toBeLessThan(html.indexOf('id="diff"'));
    expect(words(html)).toContain('deferrals are shown apart');
  });

  it('refuses to replace a file without --force, before any work, with exit 2', async () => {
    const file = join(tempDir(), 'taken.html');
    writeFileSync(file, 'keep me');
    for (const args of [
      ['diff', 'scenarios/teaching-used-car.yaml', '--packages', 'opening', 'revised', '--html', file],
      ['timeline', 'scenarios/ukraine-2025.yaml', '--html', file],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('add --force to replace it');
      expect(readFileSync(file, 'utf8')).toBe('keep me');
    }
    const forced = await runCli(['timeline', 'scenarios/ukraine-2025.yaml', '--html', file, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('<!doctype html>');
  });

  it('refuses a folder that does not exist', async () => {
    const file = join(tempDir(), 'missing', 'timeline.html');
    const run = await runCli(['timeline', 'scenarios/ukraine-2025.yaml', '--html', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does not exist');
    expect(existsSync(file)).toBe(false);
  });

  it('writes the timeline with every version and the gaps per document', async () => {
    const file = join(tempDir(), 'timeline.html');
    const run = await runCli(['timeline', 'scenarios/ukraine-2025.yaml', '--html', file, '--json']);
    expect(run.code, run.stderr).toBe(0);
    // With --json the standard output stays pure JSON.
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    const text = words(readFileSync(file, 'utf8'));
    for (const version of ['framework:plan-28', 'framework:plan-20', 'guarantees:v2'])
      expect(text).toContain(version);
    expect(text).toContain('Settlement gap per issue: framework');
  });
});
