import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.js';
import { cli } from './support/cli-in-process.js';

// Imports from folders holding broken links and files the reader cannot recognise: no crash, and never a
// silently smaller negotiation.

const lunch = resolve(repoRoot, 'examples/domains/genius-lunch');
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function lunchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-hostile-import-'));
  folders.push(dir);
  cpSync(lunch, dir, { recursive: true });
  return dir;
}

const partiesOf = (stdout: string) =>
  (JSON.parse(stdout) as { parties: Array<{ id: string }> }).parties.map((p) => p.id);

describe('hostile import folders', () => {
  it('a symbolic link loop without the format extension is noted; the import succeeds', async () => {
    const dir = lunchCopy();
    symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
    const run = await cli('import', join(dir, 'lunch_domain.xml'), '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(partiesOf(run.stdout)).toEqual(['lunch_alex', 'lunch_bea']);
    expect(JSON.parse(run.stdout).notes).toContain('ignored loop: a symbolic link that loops');
  });

  it('a dangling .xml link makes the import partial: exit 2 naming it, or --allow-partial says so loudly', async () => {
    const dir = lunchCopy();
    symlinkSync(join(dir, 'gone.xml'), join(dir, 'carla.xml'));
    symlinkSync(join(dir, 'self.xml'), join(dir, 'self.xml'));
    const refused = await cli('import', dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '2 files of the format could not be read, so the import would be partial',
    );
    expect(refused.stderr).toContain('carla.xml (a symbolic link to nothing (its target does not exist))');
    expect(refused.stderr).toContain('self.xml (a symbolic link that loops)');
    expect(refused.stderr).toContain('--allow-partial');
    expect(refused.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);

    const accepted = await cli('import', dir, '--allow-partial', '-o', join(dir, 'out.yaml'));
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toContain('PARTIAL IMPORT: 2 files dropped');
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toContain('DROPPED carla.xml (partial import)');
  });

  it('a GENIUS profile with a DOCTYPE is read, not skipped (both parties are there)', async () => {
    const dir = lunchCopy();
    const bea = join(dir, 'lunch_bea.xml');
    writeFileSync(bea, `<!DOCTYPE utility_space>\n${readFileSync(bea, 'utf8')}`);
    const run = await cli('import', dir, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(partiesOf(run.stdout)).toEqual(['lunch_alex', 'lunch_bea']);
  });

  it('a GENIUS profile whose root cannot be found is dropped: exit 2 unless accepted', async () => {
    const dir = lunchCopy();
    writeFileSync(join(dir, 'lunch_carla.xml'), '<<utility_space> broken');
    const run = await cli('import', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'lunch_carla.xml (names GENIUS elements but its root element cannot be found)',
    );
  });

  it('an external entity in a profile is refused with the file named, not a crash', async () => {
    const dir = lunchCopy();
    const bea = join(dir, 'lunch_bea.xml');
    const text = readFileSync(bea, 'utf8').replace('<utility_space', '<utility_space name="&x;"');
    writeFileSync(bea, `<!DOCTYPE utility_space [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${text}`);
    const run = await cli('import', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('lunch_bea.xml: XML that cannot be read safely');
    expect(run.stderr).not.toContain('root:');
  });
});
