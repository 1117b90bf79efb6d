import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './temp-dir.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const vitestBin = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
const reporter = join(repoRoot, 'test', 'support', 'plain-summary-reporter.ts');
const tempDir = useTempDirs('parley-reporter-');

/** Runs vitest on a folder of the given test files with only the plain summary reporter; returns its output. */
function runVitest(files: Record<string, string>): { code: number | null; stdout: string } {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { include: ['*.test.mjs'], reporters: [${JSON.stringify(reporter)}] } };\n`,
  );
  const run = spawnSync(process.execPath, [vitestBin, 'run', '--root', dir], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout };
}

const passing = `import { it, expect } from 'vitest';
it('one', () => expect(1).toBe(1));
it('two', () => expect(2).toBe(2));
it.skip('three', () => {});
`;

const broken = `import { describe, it } from 'vitest';
describe('built from a missing path', () => {
  const path = undefined.length;
  it('never collected', () => {});
});
`;
const leaking = `import { it } from 'vitest';
it('passes but leaves an error behind', () => {
  setTimeout(() => { throw new Error('late failure'); }, 0);
});
it('waits for it', () => new Promise((resolve) => setTimeout(resolve, 50)));
`;

describe('plain summary line', () => {
  it('counts files that fail to collect or load, failed tests and unhandled errors as failures', () => {
    const run = runVitest({
      'good.test.mjs': passing,
      'broken.test.mjs': broken,
      'syntax.test.mjs': 'import { it } from "vitest";\nit("x", () => { ;\n',
      'red.test.mjs': `import { it, expect } from 'vitest';\nit('fails', () => expect(1).toBe(2));\n`,
      'leak.test.mjs': leaking,
    });
    expect(run.code).not.toBe(0);
    // good: 2 passed + 1 skipped; leak: 2 passed + 1 unhandled error; broken, syntax, red: 1 failure each.
    expect(run.stdout).toContain('tests: 4 passed, 4 failed, 1 skipped');
    expect(run.stdout).toMatch(/failed: broken\.test\.mjs: TypeError: .*undefined/);
    expect(run.stdout).toContain('failed: syntax.test.mjs');
    expect(run.stdout).toContain('failed: unhandled error: Error: late failure');
    expect(run.stdout).not.toContain('failed: red.test.mjs');
  });

  it('says 0 failed when everything passes, and the run succeeds', () => {
    const run = runVitest({ 'good.test.mjs': passing });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tests: 2 passed, 0 failed, 1 skipped');
    expect(run.stdout).not.toContain('failed:');
  });
});
