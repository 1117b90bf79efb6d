import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Diagnostic } from '../../src/adapters/load/diagnostic.js';
import { MAX_FILE_BYTES, MAX_NESTING_DEPTH } from '../../src/adapters/load/limits.js';
import {
  type LoadResult,
  loadScenarioFile,
  parseScenarioBytes,
  parseScenarioText,
} from '../../src/adapters/load/load-scenario.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const minimalText = readFileSync(join(fixtures, 'minimal.yaml'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'parley-load-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function bad(name: string): LoadResult {
  return loadScenarioFile(join(fixtures, 'bad', name));
}

function errorsOf(result: LoadResult): Diagnostic[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.diagnostics.filter((d) => d.severity === 'error');
}

/** The one error of a result, checked for where it is. */
function onlyError(result: LoadResult, where: { path: string; line?: number; column?: number }): Diagnostic {
  const errors = errorsOf(result);
  expect(errors, JSON.stringify(errors, null, 2)).toHaveLength(1);
  expect({ path: errors[0].path, line: errors[0].line, column: errors[0].column }).toEqual({
    path: where.path,
    line: where.line,
    column: where.column,
  });
  return errors[0];
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('the valid fixture', () => {
  it('loads with no warnings and the defaults filled in', () => {
    const result = loadScenarioFile(join(fixtures, 'minimal.yaml'));
    expect(result.ok, JSON.stringify(result, null, 2)).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    const s = result.scenario;
    expect(s.parties.map((p) => p.id)).toEqual(['northland', 'southport']);
    expect(s.issues.map((i) => i.id)).toEqual(['allocation', 'monitoring', 'disputes']);
    expect(s.documents[0].versions.map((v) => v.id)).toEqual(['v1', 'v2']);
    expect(s.preferences[0].basis).toBe('analyst-estimate');
    expect(s.documents[0].versions[0].basedOn).toEqual([]);
    expect(s.preferences[1].batna).toMatchObject({ interpolation: 'step' });
  });

  it('loads the same scenario from JSON, from .yml, and with a byte-order mark', () => {
    const yaml = loadScenarioFile(join(fixtures, 'minimal.yaml'));
    const json = loadScenarioFile(write('minimal.json', JSON.stringify(parse(minimalText), null, 2)));
    const yml = loadScenarioFile(write('minimal.yml', minimalText));
    const bom = parseScenarioBytes(new TextEncoder().encode(`\uFEFF${minimalText}`), 'bom.yaml');
    for (const other of [json, yml, bom]) {
      expect(other.ok).toBe(true);
      if (yaml.ok && other.ok) expect(other.scenario).toEqual(yaml.scenario);
    }
  });

  it('accepts ordinary YAML anchors and aliases', () => {
    const text = minimalText
      .replace('proposedBy: [northland, southport]', 'proposedBy: &both [northland, southport]')
      .replace('parties: [northland, southport]', 'parties: *both')
      .replace(/source: Analyst estimate from the published negotiating positions/g, (match, offset) =>
        offset < minimalText.indexOf('party: southport')
          ? match.replace('source: ', 'source: &estimate ')
          : 'source: *estimate',
      );
    expect(text.match(/\*both|\*estimate/g)).toHaveLength(2);
    const plain = parseScenarioText(minimalText, 'plain.yaml');
    const aliased = parseScenarioText(text, 'alias.yaml');
    expect(aliased.ok).toBe(true);
    if (plain.ok && aliased.ok) expect(aliased.scenario).toEqual(plain.scenario);
  });

  it('warns about an unknown extension and reads the file as YAML', () => {
    const result = loadScenarioFile(write('scenario.txt', minimalText));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0].message).toContain("unrecognised file extension '.txt'");
    }
  });
});

describe('one bad file per kind of error', () => {
  it('wrong type', () => {
    const error = onlyError(bad('wrong-type.yaml'), { path: 'issues[0].range.max', line: 10, column: 27 });
    expect(error.message).toBe('expected a number, got string "50" (remove the quotes to make it a number)');
    expect(error.expected).toBe('a number');
  });

  it('unknown field, with a suggestion', () => {
    const error = onlyError(bad('unknown-field.yaml'), { path: 'parties[0].descripton', line: 9, column: 5 });
    expect(error.message).toBe(
      "unknown field 'descripton' (did you mean 'description'?); fields not defined by the format are rejected",
    );
    expect(error.suggestion).toBe('description');
  });

  it('missing required field', () => {
    const error = onlyError(bad('missing-field.yaml'), { path: 'issues[0].title', line: 7, column: 5 });
    expect(error.message).toBe("missing required field 'title'");
  });

  it('bad date', () => {
    const error = onlyError(bad('bad-date.yaml'), { path: 'asOf', line: 4, column: 7 });
    expect(error.message).toBe('expected a real calendar date, got string "2024-02-30"');
  });

  it('low above estimate', () => {
    const error = onlyError(bad('low-above-estimate.yaml'), {
      path: 'parties[0].capability',
      line: 9,
      column: 17,
    });
    expect(error.message).toBe(
      'not satisfied: low <= estimate <= high; got {estimate: 0.3, low: 0.5, high: 0.8}',
    );
  });

  it('duplicate id', () => {
    const error = onlyError(bad('duplicate-id.yaml'), {
      path: 'issues[0].options[2].id',
      line: 13,
      column: 15,
    });
    expect(error.message).toBe("duplicate option id 'low' (already used at issues[0].options[0])");
  });

  it('duplicate YAML key', () => {
    const error = onlyError(bad('duplicate-key.yaml'), { path: 'parties[0].name', line: 8, column: 5 });
    expect(error.message).toBe("duplicate key 'name': a key may appear only once in a mapping");
  });

  it('unresolved party, issue and option, each with "did you mean"', () => {
    const errors = errorsOf(bad('unresolved-ids.yaml'));
    expect(errors.map((e) => [e.path, e.line, e.column, e.message, e.suggestion])).toEqual([
      ['preferences[0].party', 14, 12, "unknown party 'nrth' (did you mean 'north'?)", 'north'],
      ['preferences[0].weights.watr', 16, 16, "unknown issue 'watr' (did you mean 'water'?)", 'water'],
      [
        'preferences[0].values.water.hihg',
        18,
        24,
        "unknown option 'hihg' of issue 'water' (did you mean 'high'?)",
        'high',
      ],
    ]);
  });

  it('bad from link', () => {
    const error = onlyError(bad('bad-from-link.yaml'), {
      path: 'documents[0].versions[1].points[0].from',
      line: 27,
      column: 65,
    });
    expect(error.message).toBe("version 'draft' has no point 2");
    expect(error.expected).toBe('one of its point numbers: 1');
  });

  it('basedOn cycle', () => {
    const error = onlyError(bad('basedon-cycle.yaml'), {
      path: 'documents[0].versions[1].basedOn[0]',
      line: 25,
      column: 19,
    });
    expect(error.message).toBe('basedOn links form a cycle: a → c → b → a');
  });

  it('numeric settle off the grid', () => {
    const error = onlyError(bad('off-grid.yaml'), {
      path: 'documents[0].versions[0].points[0].settles.flow',
      line: 22,
      column: 30,
    });
    expect(error.message).toBe("12 is not on the grid of issue 'flow' (did you mean '10'?)");
    expect(error.expected).toBe('a number from 0 to 50 % in steps of 5');
  });

  it('value outside 0..100', () => {
    const error = onlyError(bad('value-out-of-range.yaml'), {
      path: 'preferences[0].values.water.high',
      line: 20,
      column: 15,
    });
    expect(error.message).toBe('value 120 is outside the utility scale 0..100');
  });

  it('missing option values', () => {
    const error = onlyError(bad('missing-option-values.yaml'), {
      path: 'preferences[0].values.water',
      line: 19,
      column: 14,
    });
    expect(error.message).toBe(
      "no value for options 'low', 'medium' of issue 'water'; every option of an issue with weight needs a value",
    );
  });

  it('a rule matching no form gives one message, not one per alternative', () => {
    const error = onlyError(bad('bad-rule.yaml'), {
      path: 'preferences[0].redLines[0].crossedWhen.inn',
      line: 23,
      column: 38,
    });
    expect(error.message).toBe(
      "unknown field 'inn' (did you mean 'in'?); fields not defined by the format are rejected",
    );
    expect(error.expected).toContain('a rule:');
  });

  it('alias bomb', () => {
    const error = onlyError(bad('alias-bomb.yaml'), { path: '', line: 5, column: 8 });
    expect(error.message).toContain('alias bomb');
  });

  it('top level that is not a mapping', () => {
    const error = onlyError(bad('top-level-list.yaml'), { path: '', line: 1, column: 1 });
    expect(error.message).toContain('the top level must be a mapping');
    expect(error.message).toContain('got a list');
  });

  it('JSON with a wrong type: line and column point into the JSON', () => {
    const error = onlyError(bad('wrong-type.json'), {
      path: 'issues[0].options[1].deferred',
      line: 11,
      column: 97,
    });
    expect(error.message).toBe('expected true or false, got string "no"');
  });
});

// Files that do not parse are written here rather than kept as fixtures, since the linter parses fixtures too.
describe('generated bad input', () => {
  it('malformed YAML', () => {
    const text = [
      'parley: 1',
      'id: bad',
      'title: Bad example',
      'parties:',
      '  - { id: north, name: North, kind: state, role: observer',
      'issues:',
      '  - id: water',
    ].join('\n');
    const error = onlyError(loadScenarioFile(write('malformed.yaml', text)), {
      path: '',
      line: 6,
      column: 1,
    });
    expect(error.message).toMatch(
      /^YAML syntax error: Flow map in block collection must be sufficiently indented/,
    );
  });

  it('JSON syntax error', () => {
    const text = '{\n  "parley": 1,\n  "id": "bad",\n  "title": "Bad example"\n  "parties": []\n}\n';
    const error = onlyError(loadScenarioFile(write('malformed.json', text)), {
      path: '',
      line: 5,
      column: 3,
    });
    expect(error.message).toBe("JSON syntax error: Expected ',' or '}' after property value");
  });

  it('JSON syntax errors that the JSON parser reports without a position are still located', () => {
    const text = '{\n  "parley": 1,\n  "id": tru,\n  "title": "x"\n}\n';
    const error = onlyError(parseScenarioText(text, 'token.json'), { path: '', line: 3, column: 12 });
    expect(error.message).toBe("JSON syntax error: Unexpected token ','");
    const trailing = onlyError(parseScenarioText('{"parley": 1,}', 'comma.json'), {
      path: '',
      line: 1,
      column: 14,
    });
    expect(trailing.message).toBe('JSON syntax error: Expected double-quoted property name');
  });

  it('non-UTF-8 bytes: reports the byte offset, line and column', () => {
    const head = new TextEncoder().encode('parley: 1\nid: bad\ntitle: Café ');
    const bytes = new Uint8Array([...head, 0xe9, 0x0a]);
    const error = onlyError(loadScenarioFile(write('latin1.yaml', bytes)), { path: '', line: 3, column: 13 });
    expect(error.message).toBe(
      `the file is not valid UTF-8: byte 0xE9 at byte offset ${head.length} does not form a character; save the file as UTF-8`,
    );
  });

  it('nesting deeper than the limit', () => {
    const text = `parley: 1\nid: deep\ntitle: Deep\ndescription: ${'['.repeat(70)}${']'.repeat(70)}\n`;
    const error = onlyError(parseScenarioText(text, 'deep.yaml'), {
      // The root mapping is level 1, so the 64th bracket opens level 65.
      path: `description${'[0]'.repeat(MAX_NESTING_DEPTH - 1)}`,
      line: 4,
      column: 'description: '.length + MAX_NESTING_DEPTH,
    });
    expect(error.message).toContain(`nesting deeper than ${MAX_NESTING_DEPTH} levels`);
  });

  it('nesting deep enough to exhaust the parser is reported, not thrown', () => {
    const text = `parley: 1\ndescription: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    const errors = errorsOf(parseScenarioText(text, 'deeper.yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('nests too deeply');
    expect(errors[0].line).toBe(2);
  });

  it('an alias inside the node it names', () => {
    const text = `${minimalText}\n`.replace('title: River', 'description: &loop [*loop]\ntitle: River');
    const result = parseScenarioText(text, 'loop.yaml');
    const errors = errorsOf(result);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('an alias refers to a node that contains it');
  });

  it('a file larger than 10 MiB', () => {
    const path = write('huge.yaml', `parley: 1\n${'#'.repeat(MAX_FILE_BYTES)}\n`);
    const error = onlyError(loadScenarioFile(path), { path: '' });
    expect(error.message).toMatch(
      /^the file is 10\.0 MiB \(10485771 bytes\); scenario files may be at most 10\.0 MiB$/,
    );
    expect(errorsOf(parseScenarioText('#'.repeat(MAX_FILE_BYTES + 1), 'huge.yaml'))[0].message).toContain(
      'at most 10.0 MiB',
    );
  });

  it('empty files, blank files and comment-only files', () => {
    for (const content of ['', '  \n\n', '# nothing yet\n']) {
      const error = onlyError(loadScenarioFile(write('empty.yaml', content)), { path: '' });
      expect(error.message).toMatch(/^the file (is empty|holds only comments)/);
    }
  });

  it('a missing file, a directory', () => {
    expect(onlyError(loadScenarioFile(join(scratch, 'nope.yaml')), { path: '' }).message).toBe(
      'file not found',
    );
    const directory = join(scratch, 'folder.yaml');
    mkdirSync(directory);
    expect(onlyError(loadScenarioFile(directory), { path: '' }).message).toBe(
      'this is a directory, not a scenario file',
    );
  });

  it('two YAML documents in one file', () => {
    const error = onlyError(parseScenarioText(`${minimalText}---\nparley: 1\n`, 'two.yaml'), {
      path: '',
      line: minimalText.split('\n').length,
      column: 1,
    });
    expect(error.message).toContain('a second YAML document starts here');
  });

  it('a union value of the wrong type gets one message', () => {
    const text = minimalText.replace('batna: 35', 'batna: high');
    const error = onlyError(parseScenarioText(text, 'batna.yaml'), {
      path: 'preferences[0].batna',
      line: 110,
      column: 12,
    });
    expect(error.message).toBe(
      'expected a number, {estimate, low, high}, or {series: [{date, value}, ...]}, got string "high"',
    );
  });

  it('a JSON file with a duplicate key', () => {
    const error = onlyError(parseScenarioText('{\n  "parley": 1,\n  "parley": 1\n}\n', 'dup.json'), {
      path: 'parley',
      line: 3,
      column: 3,
    });
    expect(error.message).toContain("duplicate key 'parley'");
  });
});

describe('reporting', () => {
  it('reports every independent error at once, sorted by line', () => {
    const result = bad('three-errors.yaml');
    const errors = errorsOf(result);
    expect(errors.map((e) => [e.line, e.column, e.path])).toEqual([
      [5, 37, 'parties[0].kind'],
      [12, 28, 'issues[0].options[1].label'],
      [14, 78, 'events[0].colour'],
    ]);
    expect(errors[0].message).toContain("(did you mean 'state'?)");
    expect(errors[1].message).toBe('must not be empty');
  });

  it('says that references were not checked when the structure is broken', () => {
    const result = bad('three-errors.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const last = result.diagnostics[result.diagnostics.length - 1];
    expect(last).toMatchObject({ severity: 'warning', path: '' });
    expect(last.message).toContain('were not checked because of the errors above');
  });

  it('sorts structural and reference errors together once the structure is sound', () => {
    const text = minimalText
      .replace('proposedBy: [southport]', 'proposedBy: [southprt]')
      .replace('proposedBy: [northland]', 'proposedBy: [northlnd]');
    const errors = errorsOf(parseScenarioText(text, 'refs.yaml'));
    expect(errors.map((e) => e.line)).toEqual([51, 86]);
    expect(errors.every((e) => e.message.includes('did you mean'))).toBe(true);
  });
});
