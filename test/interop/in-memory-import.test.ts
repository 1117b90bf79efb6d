import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/adapters/interop/import-files.js';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { InteropError } from '../../src/adapters/interop/interop-error.js';
import { inMemoryFiles } from '../../src/adapters/interop/interop-files.js';
import { DOMAINS_DIR, SKIP_MESSAGE } from './negotiation-domains.js';

// A two-issue GeniusWeb negotiation written by hand: the utilities below are checked by hand in the test.
const domain = {
  name: 'lunch',
  issuesValues: { place: { values: ['cafe', 'park'] }, time: { values: ['noon', 'one'] } },
};
const profile = (
  name: string,
  weights: [number, number],
  place: [number, number],
  time: [number, number],
) => ({
  LinearAdditiveUtilitySpace: {
    name,
    domain,
    issueWeights: { place: weights[0], time: weights[1] },
    issueUtilities: {
      place: { DiscreteValueSetUtilities: { valueUtilities: { cafe: place[0], park: place[1] } } },
      time: { DiscreteValueSetUtilities: { valueUtilities: { noon: time[0], one: time[1] } } },
    },
  },
});
const files = [
  { path: 'lunch/lunch.json', text: JSON.stringify(domain) },
  { path: 'lunch/ann.json', text: JSON.stringify(profile('ann', [0.75, 0.25], [1, 0], [0, 1])) },
  {
    path: 'lunch/bob.json',
    bytes: new TextEncoder().encode(`\uFEFF${JSON.stringify(profile('bob', [0.5, 0.5], [0, 1], [1, 0]))}`),
  },
  { path: 'lunch/notes.txt', text: 'not a negotiation file' },
];

describe('importing from files in memory', () => {
  it('reads a GeniusWeb folder held in memory, text or bytes', () => {
    const { scenario, report } = importFiles(files, { path: 'lunch' });
    expect(report.format).toBe('geniusweb');
    expect(scenario.issues.map((i) => i.id)).toEqual(['place', 'time']);
    const ann = scenario.preferences.find((p) => p.party.startsWith('ann'))!;
    // ann: 0.75 × place + 0.25 × time, utilities × 100: cafe 100, park 0; noon 0, one 100.
    const weights = ann.weights as Record<string, number>;
    const total = weights.place + weights.time;
    expect(weights.place / total).toBeCloseTo(0.75, 12);
    expect(report.notes.some((n) => n.includes('notes.txt'))).toBe(true);
  });

  it('the folder of all the files is the empty path; a missing path is a clear error', () => {
    const inFolder = importFiles(files.map((f) => ({ ...f, path: f.path.replace('lunch/', '') })));
    expect(inFolder.scenario.issues).toHaveLength(2);
    expect(() => importFiles(files, { path: 'dinner' })).toThrow(InteropError);
    expect(() => importFiles(files, { path: 'dinner' })).toThrow(/not found/);
  });

  it('lists folders and files as a file system would', () => {
    const fs = inMemoryFiles(files);
    expect(fs.kind('lunch')).toBe('folder');
    expect(fs.kind('./lunch/')).toBe('folder');
    expect(fs.kind('lunch/ann.json')).toBe('file');
    expect(fs.kind('')).toBe('folder');
    expect(fs.kind('lunch/none.json')).toBeUndefined();
    expect(fs.filesIn('lunch')).toEqual([
      'lunch/ann.json',
      'lunch/bob.json',
      'lunch/lunch.json',
      'lunch/notes.txt',
    ]);
    expect(() =>
      inMemoryFiles([{ path: 'x.json', bytes: new Uint8Array([0xff]) }]).readText('x.json', 'JSON'),
    ).toThrow(/not valid UTF-8/);
  });

  it.skipIf(!DOMAINS_DIR)(
    `gives what importing from disk gives, for every shared domain (${SKIP_MESSAGE})`,
    () => {
      for (const name of readdirSync(DOMAINS_DIR as string).sort()) {
        const dir = join(DOMAINS_DIR as string, name);
        if (!statSync(dir).isDirectory()) continue;
        const fromDisk = (() => {
          try {
            return importPath(dir);
          } catch (error) {
            return String(error);
          }
        })();
        const inMemory = readdirSync(dir).map((file) => ({
          path: file,
          bytes: new Uint8Array(readFileSync(join(dir, file))),
        }));
        const fromMemory = (() => {
          try {
            return importFiles(inMemory);
          } catch (error) {
            return String(error).replace(/^(InteropError: )/, '$1');
          }
        })();
        if (typeof fromDisk === 'string') expect(typeof fromMemory, name).toBe('string');
        else expect(fromMemory, name).toEqual(fromDisk);
      }
    },
  );
});
