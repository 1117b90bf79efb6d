import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interopPort } from '../../src/adapters/interop/interop-port.js';
import { exportDomain } from '../../src/app/export-domain.js';
import { importDomain } from '../../src/app/import-domain.js';
import type { InMemoryFile } from '../../src/app/interop-types.js';
import { compareScenarios } from '../interop/scenario-comparison.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const ports = { interop: interopPort };
const fixtures = new URL('../../examples/domains/', import.meta.url).pathname;

describe('import and export use cases over files in memory', () => {
  it('exports each research format without touching a disk, and imports it back with the same utilities', async () => {
    const scenario = tinyScenario();
    for (const format of ['genius', 'geniusweb', 'negmas'] as const) {
      const exported = await exportDomain({ scenario, format }, ports);
      expect(exported.format).toBe(format);
      expect(exported.files[0].role).toBe('domain');
      expect(exported.files.slice(1).every((f) => f.role.startsWith('profile of '))).toBe(true);
      expect(exported.notCarried.length).toBeGreaterThan(0);
      const back = await importDomain({ files: exported.files }, ports);
      expect(back.report.format).toBe(format);
      expect(back.parties).toEqual(scenario.preferences.map((p) => p.party));
      if (exported.losses.length === 0) {
        const difference = compareScenarios(scenario, back.scenario);
        expect(Math.max(difference.utility, difference.batna)).toBeLessThanOrEqual(1e-9);
      }
      expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    }
  });

  it('imports our own fixture folders from memory, as the file reader does', async () => {
    for (const folder of readdirSync(fixtures).filter((name) => !name.endsWith('.md'))) {
      const files: InMemoryFile[] = readdirSync(join(fixtures, folder)).map((name) => ({
        path: name,
        bytes: new Uint8Array(readFileSync(join(fixtures, folder, name))),
      }));
      const imported = await importDomain({ files }, ports);
      expect(imported.scenario.preferences.length).toBeGreaterThan(0);
    }
  });

  it('says which scenario has no conflict section when asked for gmcr-py', async () => {
    await expect(exportDomain({ scenario: tinyScenario(), format: 'gmcr' }, ports)).rejects.toThrow(
      /no conflict section/,
    );
  });
});
