import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeTerminal } from '../../src/adapters/cli/output.js';
import { cli } from './support/cli-in-process.js';

// Names, titles and labels carrying terminal control sequences: an OSC 52 clipboard write, clear screen,
// concealed text, a one-byte C1 CSI, and a right-to-left override. YAML double-quoted escapes plant them.
const PLANTS = {
  osc52: String.raw`\e]52;c;cm0gLXJmIH4K\a`,
  clear: String.raw`\e[2J\e[H`,
  conceal: String.raw`\e[8mhidden\e[0m`,
  c1: String.raw`\x9b2J`,
  bidi: String.raw`\u202Etxt.exe`,
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for exactly these characters.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

const car = readFileSync(new URL('../../scenarios/teaching-used-car.yaml', import.meta.url), 'utf8');
const planted = car
  .replace('name: Harbour Motors', `name: "Harbour ${PLANTS.osc52} Motors"`)
  .replace('name: Sam\n', `name: "Sam ${PLANTS.clear}"\n`)
  .replace('name: Priya\n', `name: "Priya ${PLANTS.conceal}"\n`)
  .replace('title: Warranty\n', `title: "Warranty ${PLANTS.c1}"\n`)
  .replace('{ id: 6m, label: 6 months }', `{ id: 6m, label: "6 months ${PLANTS.bidi}" }`)
  .replace('title: Offer sheet', `title: "Offer ${PLANTS.osc52} sheet"`)
  .replace("label: Revised offer after the buyers' counter", `label: "Revised ${PLANTS.clear} offer"`)
  .replace('title: Buying a used car (teaching example)', `title: "Buying a car ${PLANTS.conceal}"`);

const dir = mkdtempSync(join(tmpdir(), 'parley-escapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'car.yaml');
writeFileSync(file, planted);

describe('terminal control sequences in names', () => {
  it('the planted file writes control characters as YAML escapes', () => {
    expect(planted).not.toBe(car);
    expect(readFileSync(file, 'utf8')).toMatch(/\\e\]52/);
  });

  const commands: string[][] = [
    ['validate', file],
    ['show', file],
    ['evaluate', file, '--package', 'revised'],
    ['evaluate', file, '--outcome', 'warranty=6m'],
    ['analyze', file],
    ['diff', file, 'offer:opening', 'offer:revised'],
    ['timeline', file, '--document', 'offer'],
    ['simulate', file, '--rounds', '12'],
    ['tournament', '--scenarios', file, '--strategies', 'linear,boulware', '--threads', '0', '--no-progress'],
    ['report', file, '-o', join(dir, 'report.html')],
    ['export', file, '--format', 'negmas', '-o', join(dir, 'negmas')],
    ['show', file, '--json'],
    ['evaluate', file, '--package', 'revised', '--json'],
  ];

  it.each(commands)('%s prints no raw control character', async (...args) => {
    const run = await cli(...args);
    expect(run.code, run.stderr).toBeLessThan(2);
    expect(run.stdout + run.stderr).not.toMatch(UNSAFE);
    if (args.includes('--json')) {
      // Escaped as JSON escapes, so the JSON still parses to the names as written.
      const text = JSON.stringify(JSON.parse(run.stdout));
      expect(text).toMatch(/Harbour|Sam|Priya/);
    }
  });

  it('the names are still shown, with their control characters made visible', async () => {
    const run = await cli('show', file);
    expect(run.stdout).toContain('Sam \\u001b[2J\\u001b[H');
    expect(run.stdout).toContain('Harbour \\u001b]52;c;cm0gLXJmIH4K\\u0007 Motors');
  });
});

describe('escapeTerminal', () => {
  it('keeps Parley’s own colours only when asked, and nothing that hides or moves text', () => {
    expect(escapeTerminal('\u001b[31mred\u001b[39m', true)).toBe('\u001b[31mred\u001b[39m');
    expect(escapeTerminal('\u001b[31mred\u001b[39m')).toBe('\\u001b[31mred\\u001b[39m');
    expect(escapeTerminal('\u001b[8mhidden', true)).toBe('\\u001b[8mhidden');
    expect(escapeTerminal('a\tb\nc\rd\u0000e\u009bf\u202eg')).toBe('a\tb\nc\\u000dd\\u0000e\\u009bf\\u202eg');
    expect(escapeTerminal(escapeTerminal('\u001b]52;c;x\u0007'))).toBe('\\u001b]52;c;x\\u0007');
  });
});
