import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/adapters/load/load-scenario.js';
import { parseScenario } from '../../src/adapters/load/parse-scenario.js';

const flagship = join(import.meta.dirname, '../../scenarios/ukraine-2025.yaml');

describe('parseScenario (no file system)', () => {
  it('gives what reading the file gives, from text and from bytes', () => {
    const fromFile = loadScenarioFile(flagship);
    const bytes = new Uint8Array(readFileSync(flagship));
    const fromBytes = parseScenario(bytes, { fileName: flagship });
    const fromText = parseScenario(new TextDecoder().decode(bytes), { fileName: flagship });
    expect(fromFile.ok).toBe(true);
    expect(fromBytes).toEqual(fromFile);
    expect(fromText).toEqual(fromFile);
  });

  it('names the given file name, line and column in its diagnostics', () => {
    const result = parseScenario('parley: 1\nid: x\nparties: [\n', { fileName: 'pasted.yaml' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ file: 'pasted.yaml', severity: 'error' });
    expect(result.diagnostics[0].line).toBeGreaterThan(0);
  });

  it('reads JSON by extension or by option, and refuses bytes that are not UTF-8', () => {
    const json = JSON.stringify({ parley: 1 });
    const byName = parseScenario(json, { fileName: 'a.json' });
    const byOption = parseScenario(json, { fileName: 'a.txt', format: 'json' });
    expect(byName.ok).toBe(false);
    expect(byOption.ok).toBe(false);
    const notUtf8 = parseScenario(new Uint8Array([0x70, 0xff, 0x0a]), { fileName: 'b.yaml' });
    expect(notUtf8.ok).toBe(false);
    if (!notUtf8.ok) expect(notUtf8.diagnostics[0].message).toMatch(/not valid UTF-8: byte 0xFF/);
  });

  it('counts the size limit in UTF-8 bytes (6 Mi characters of 2 bytes each are over 10 MiB)', () => {
    const big = `# ${'é'.repeat(6 * 1024 * 1024)}\n`;
    const result = parseScenario(big, { fileName: 'big.yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0].message).toMatch(/scenario files may be at most/);
  });
});
