import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/adapters/load/load-scenario.js';
import { repoRoot } from '../support/run-cli.js';
import { cli } from './support/cli-in-process.js';

// `validate` catches what a later command would refuse, and the YAML oddities a hostile file uses are
// located errors or warnings of ours, never a raw library warning.

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const noRawWarning = (text: string) => expect(text).not.toMatch(/\(node:\d+\)|Warning:/);

describe('validate refuses what later commands refuse', () => {
  it('a cycle through from: links is a located validation error, as diff and timeline refuse it', async () => {
    const run = await cli('validate', fixture('from-cycle.yaml'));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /from-cycle\.yaml:\d+:\d+: error: the versions of 'accord' form a cycle: 'v1' builds on 'v2', 'v2' builds on 'v1'/,
    );
    expect(run.stdout).toContain('at documents[0].versions[0]');
  });

  // The siblings: every file that validates must also be accepted by the commands that read its documents.
  const validFiles = [
    ...readdirSync(join(repoRoot, 'scenarios')).map((f) => join(repoRoot, 'scenarios', f)),
    join(repoRoot, 'test/fixtures/minimal.yaml'),
    ...readdirSync(fileURLToPath(new URL('./fixtures', import.meta.url))).map((f) => fixture(f)),
  ].filter((file) => parseScenarioText(readFileSync(file, 'utf8'), file).ok);

  const cases = validFiles.map((file) => [relative(repoRoot, file), file]);
  it.each(cases)('every document of %s is accepted by timeline and diff', async (_name, file) => {
    const loaded = parseScenarioText(readFileSync(file, 'utf8'), file);
    if (!loaded.ok) throw new Error('filtered above');
    for (const document of loaded.scenario.documents) {
      const timeline = await cli('timeline', file, '--document', document.id);
      expect(timeline.code, timeline.stderr).toBe(0);
      const [first, second] = document.versions;
      // The flagship's diff is slow (its speed is measured elsewhere); its timeline reads the same links.
      if (!second || file.endsWith('ukraine-2025.yaml')) continue;
      const diff = await cli('diff', file, `${document.id}:${first.id}`, `${document.id}:${second.id}`);
      expect(diff.code, diff.stderr).toBe(0);
    }
  });
});

describe('hostile YAML', () => {
  it('an alias used as a key is our located warning, not a raw (node:PID) warning', async () => {
    const run = await cli('validate', fixture('alias-key.yaml'));
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).toMatch(
      /alias-key\.yaml:\d+:\d+: warning: an alias \(\*price-id\) used as a key; it stands for 'price'/,
    );
    noRawWarning(run.stderr);
  });

  it('a list used as a key (through an alias) is a located error', async () => {
    const run = await cli('validate', fixture('collection-key.yaml'));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/collection-key\.yaml:\d+:\d+: error: a list or mapping used as a key/);
    noRawWarning(run.stderr);
  });

  it('CR-only line endings read as lines: the file validates like the original', async () => {
    const run = await cli('validate', fixture('cr-only.yaml'));
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('(3 parties, 4 issues, 1 documents, 2 packages)');
    expect(readFileSync(fixture('cr-only.yaml'), 'utf8')).not.toContain('\n');
  });

  it('a NUL in a title, raw or escaped, is a located error', async () => {
    const raw = await cli('validate', fixture('nul-raw.yaml'));
    expect(raw.code).toBe(2);
    expect(raw.stdout).toMatch(/nul-raw\.yaml:24:25: error: a raw control character U\+0000/);
    const escaped = await cli('validate', fixture('nul-escape.yaml'));
    expect(escaped.code).toBe(2);
    expect(escaped.stdout).toMatch(/nul-escape\.yaml:24:8: error: a NUL character \(\\0\) in a text/);
    expect(escaped.stdout).toContain('at title');
  });

  it('a !!js/function tag is a located error', async () => {
    const run = await cli('validate', fixture('js-function-tag.yaml'));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/js-function-tag\.yaml:24:8: error: unknown tag '!!js\/function'/);
  });
});
