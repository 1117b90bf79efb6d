import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

// The script docs/guide/library.md shows, with its output: it imports 'parley' by name (the package refers
// to itself through its exports), so it runs against the build.
describe.skipIf(!existsSync(join(ROOT, 'dist/index.js')))('examples/library.mjs', () => {
  it('runs and prints what the library guide shows', () => {
    const run = spawnSync(process.execPath, ['examples/library.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("preferences[0].batan: unknown field 'batan' (did you mean 'batna'?)");
    expect(run.stdout).toContain('outcomes 744, agreement zone 244, frontier 81');
    expect(run.stdout).toContain("imported 'lunch' (geniusweb): parties ann, bob");
  });
});
