import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { InteropError } from '../../src/adapters/interop/interop-error.js';
import { nodeFiles } from '../../src/adapters/interop/node-files.js';
import { readGeniusDomain } from '../../src/adapters/interop/read-genius.js';

const root = mkdtempSync(join(tmpdir(), 'parley-interop-errors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function folder(files: Record<string, string>): string {
  const dir = join(root, `case-${++counter}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const DOMAIN = `<negotiation_template><utility_space><objective index="0" name="d">
  <issue index="1" name="Colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>
</objective></utility_space></negotiation_template>`;
const PROFILE = `<utility_space><objective index="0">
  <issue index="1" name="Colour" type="discrete"><item value="red" evaluation="1"/><item value="blue" evaluation="2"/></issue>
  <weight index="1" value="1"/>
</objective></utility_space>`;

/** Runs `action`, expecting an InteropError about `file` whose message contains every fragment. */
function expectInteropError(action: () => unknown, file: string, ...fragments: string[]): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InteropError);
  const error = caught as InteropError;
  expect(error.file).toBe(file);
  expect(error.message.startsWith(`${file}: `)).toBe(true);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

describe('interop errors name the file and what was expected', () => {
  it('a well-formed pair imports (the baseline the other cases break)', () => {
    const { scenario } = importPath(folder({ 'domain.xml': DOMAIN, 'alice.xml': PROFILE }));
    expect(scenario.preferences[0].values.Colour).toEqual({ red: 50, blue: 100 });
  });

  it('a missing path', () => {
    const missing = join(root, 'nowhere');
    expectInteropError(() => importPath(missing), missing, 'not found', 'GENIUS XML');
  });

  it('a missing domain or profile file', () => {
    const dir = folder({ 'alice.xml': PROFILE });
    expectInteropError(
      () => readGeniusDomain(nodeFiles, join(dir, 'domain.xml'), []),
      join(dir, 'domain.xml'),
      'file not found',
      'GENIUS domain',
    );
    const withDomain = folder({ 'domain.xml': DOMAIN });
    expectInteropError(
      () => readGeniusDomain(nodeFiles, join(withDomain, 'domain.xml'), [join(withDomain, 'bob.xml')]),
      join(withDomain, 'bob.xml'),
      'file not found',
      'GENIUS profile',
    );
  });

  it('malformed XML, with line and column', () => {
    const dir = folder({
      'domain.xml': DOMAIN,
      'alice.xml': '<utility_space>\n<objective>\n</utility_space>',
    });
    expectInteropError(
      () => importPath(dir),
      join(dir, 'alice.xml'),
      'malformed XML at line 3',
      'expected a GENIUS profile',
    );
  });

  it('malformed JSON and YAML', () => {
    const json = folder({ 'a.json': '{"LinearAdditiveUtilitySpace": {' });
    expectInteropError(() => importPath(json), join(json, 'a.json'), 'malformed JSON');
    const yaml = folder({ 'a.yml': 'type: LinearAdditiveUtilityFunction\nweights: [1, 2\n' });
    expectInteropError(() => importPath(yaml), join(yaml, 'a.yml'), 'malformed YAML');
  });

  it('a folder with no known format, or with two formats', () => {
    const none = folder({ 'notes.txt': 'hello', 'data.json': '{"x": 1}' });
    expectInteropError(() => importPath(none), none, 'no negotiation files found', 'NegMAS YAML');
    const mixed = folder({
      'domain.xml': DOMAIN,
      'alice.xml': PROFILE,
      'bob.yml': 'type: LinearAdditiveUtilityFunction\nweights: [1]\nvalues: []\n',
    });
    expectInteropError(() => importPath(mixed), mixed, 'mixes formats');
  });

  it('profiles without a domain, and several domains', () => {
    const lonely = folder({ 'alice.xml': PROFILE });
    expectInteropError(() => importPath(lonely), lonely, 'no genius domain found');
    const two = folder({ 'a.xml': DOMAIN, 'b.xml': DOMAIN, 'alice.xml': PROFILE });
    expectInteropError(() => importPath(two), two, 'several genius domains', 'a.xml, b.xml');
  });

  it('content that does not fit the format', () => {
    const unknownType = folder({
      'domain.xml': DOMAIN,
      'alice.xml': PROFILE.replace('<utility_space>', '<utility_space type="quantum">'),
    });
    expectInteropError(
      () => importPath(unknownType),
      join(unknownType, 'alice.xml'),
      'type="quantum"',
      'expected linear',
    );
    const badIndex = folder({
      'domain.xml': DOMAIN,
      'alice.xml': PROFILE.replaceAll('index="1"', 'index="7"'),
    });
    expectInteropError(() => importPath(badIndex), join(badIndex, 'alice.xml'), 'issue index 7');
    const badNumber = folder({
      'domain.xml': DOMAIN,
      'alice.xml': PROFILE.replace('value="1"/>', 'value="heavy"/>'),
    });
    expectInteropError(
      () => importPath(badNumber),
      join(badNumber, 'alice.xml'),
      'value="heavy"',
      'not a number',
    );
    const oneValue = folder({
      'domain.xml': DOMAIN.replace('<item index="2" value="blue"/>', ''),
      'alice.xml': PROFILE,
    });
    expectInteropError(
      () => importPath(oneValue),
      join(oneValue, 'domain.xml'),
      "issue 'Colour' has 1 value",
      'at least 2',
    );
    const ordering = folder({ 'p.json': '{"DefaultPartialOrdering": {"name": "x"}}' });
    expectInteropError(
      () => importPath(ordering),
      join(ordering, 'p.json'),
      "profile type 'DefaultPartialOrdering' is not supported",
    );
    const negmasFun = folder({
      'space.yml':
        'name: s\ntype: DiscreteCartesianOutcomeSpace\nissues:\n- name: a\n  type: CategoricalIssue\n  values: [x, y]\n',
      'u.yml': 'type: LinearAdditiveUtilityFunction\nweights: [1]\nvalues:\n- type: SplineFun\n',
    });
    expectInteropError(
      () => importPath(negmasFun),
      join(negmasFun, 'u.yml'),
      "'SplineFun' is not supported",
      'TableFun',
    );
  });
});
