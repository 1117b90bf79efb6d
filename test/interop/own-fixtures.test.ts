import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { writeGenius } from '../../src/adapters/interop/write-genius.js';
import { writeGeniusWeb } from '../../src/adapters/interop/write-geniusweb.js';
import { writeNegmas } from '../../src/adapters/interop/write-negmas.js';
import { estimateUtilities } from '../../src/core/analysis/zone/zone-constraints.js';
import { utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { useTempDirs } from '../support/temp-dir.js';
import { originalFiles, readOriginal } from './original-files.js';
import { parleyParties } from './parley-utility.js';

/**
 * Our own small domains in each format (examples/domains), checked on every machine. Each utility function
 * is written out again below, by hand from the files, on the formats' 0..1 scale; the importer's scenario is
 * evaluated outcome by outcome three ways (this test's plain Parley evaluator, Parley's compiled model, and the
 * shared file evaluator of test/interop) and each must give 100 × the hand-written value.
 */

type Bid = Array<string | number>;
interface Definition {
  folder: string;
  format: 'genius' | 'geniusweb' | 'negmas';
  /** Each issue's values in file order (numbers for integer and number issues). */
  issues: Bid[];
  profiles: Array<{ name: string; utility: (bid: Bid) => number; reservation: number }>;
  /** The formats the domain exports to without loss (nonlinear GENIUS has no place in the others). */
  lossless: Array<'genius' | 'geniusweb' | 'negmas'>;
}

const table =
  (values: Record<string, number>, scale = 1) =>
  (v: string | number) =>
    (values[String(v)] ?? Number.NaN) / scale;
const within = (x: number, low: number, high: number) => (low <= x && x <= high ? 1 : 0);

const alex = {
  main: table({ Soup: 2, Pasta: 8, Salad: 4 }, 8),
  drink: table({ Water: 3, Juice: 6 }, 6),
  place: table({ Canteen: 1, Park: 5, Cafe: 10 }, 10),
};
const bea = {
  main: table({ Soup: 9, Pasta: 3, Salad: 6 }, 9),
  drink: table({ Water: 4, Juice: 1 }, 4),
  place: table({ Canteen: 7, Park: 7, Cafe: 2 }, 7),
};
const landlord = (b: Bid) =>
  0.6 * (0.1 + (0.9 * (Number(b[0]) - 500)) / 300) +
  0.25 * table({ no: 1, cat: 0.6, dog: 0.2 })(b[1]) +
  0.15 * table({ '6 months': 0.3, '1 year': 0.9 })(b[2]);

const DEFINITIONS: Definition[] = [
  {
    folder: 'genius-lunch',
    format: 'genius',
    issues: [
      ['Soup', 'Pasta', 'Salad'],
      ['Water', 'Juice'],
      ['Canteen', 'Park', 'Cafe'],
      [0, 1, 2, 3, 4],
    ],
    profiles: [
      {
        name: 'lunch_alex',
        utility: (b) =>
          0.4 * alex.main(b[0]) +
          0.1 * alex.drink(b[1]) +
          0.3 * alex.place(b[2]) +
          0.2 * (1 - 0.25 * Number(b[3])),
        reservation: 0.35,
      },
      {
        name: 'lunch_bea',
        utility: (b) =>
          0.25 * bea.main(b[0]) +
          0.25 * bea.drink(b[1]) +
          0.35 * bea.place(b[2]) +
          0.15 * (0.5 + 0.125 * Number(b[3])),
        reservation: 0.2,
      },
    ],
    // GeniusWeb's reservation is a bid: no outcome is as low as bea's 0.2, a listed loss.
    lossless: ['genius', 'negmas'],
  },
  {
    folder: 'genius-hypercube',
    format: 'genius',
    issues: [
      [0, 1, 2, 3],
      [0, 1, 2, 3],
      [0, 1, 2, 3],
    ],
    profiles: [
      {
        name: 'cube_first',
        utility: ([x, y, z]) =>
          (40 * within(Number(x), 2, 3) * within(Number(y), 0, 1) +
            30 * within(Number(z), 1, 2) +
            20 * within(Number(x), 0, 0) * within(Number(y), 3, 3) -
            10 * within(Number(x), 2, 3) * within(Number(z), 1, 2)) /
          90,
        reservation: 0,
      },
      {
        name: 'cube_second',
        utility: ([x, y, z]) =>
          (50 * within(Number(x), 0, 1) +
            35 * within(Number(y), 2, 3) * within(Number(z), 0, 1) +
            15 * within(Number(x), 1, 2) * within(Number(z), 3, 3)) /
          100,
        reservation: 0,
      },
    ],
    lossless: ['genius'],
  },
  {
    folder: 'geniusweb-rental',
    format: 'geniusweb',
    issues: [
      [500, 600, 700, 800],
      ['no', 'cat', 'dog'],
      ['6 months', '1 year'],
    ],
    profiles: [
      { name: 'landlord', utility: landlord, reservation: landlord([600, 'cat', '1 year']) },
      {
        name: 'tenant',
        utility: (b) =>
          0.5 * (1 - (Number(b[0]) - 500) / 300) +
          0.3 * table({ no: 0, cat: 0.5, dog: 1 })(b[1]) +
          0.2 * table({ '6 months': 0.8, '1 year': 0.4 })(b[2]),
        reservation: 0,
      },
    ],
    lossless: ['genius', 'geniusweb', 'negmas'],
  },
  {
    folder: 'negmas-garden',
    format: 'negmas',
    issues: [
      ['Roses', 'Tomatoes', 'Herbs'],
      ['Wood', 'Hedge'],
      ['None', 'Small', 'Large'],
    ],
    profiles: [
      {
        name: 'Ana',
        utility: (b) =>
          0.5 * table({ Roses: 1, Tomatoes: 0.25, Herbs: 0.5 })(b[0]) +
          0.2 * table({ Wood: 0.2, Hedge: 1 })(b[1]) +
          0.3 * table({ None: 0, Small: 0.75, Large: 1 })(b[2]),
        reservation: 0.3,
      },
      {
        name: 'Ben',
        utility: (b) =>
          0.45 * table({ Roses: 0, Tomatoes: 1, Herbs: 0.6 })(b[0]) +
          0.15 * table({ Wood: 1, Hedge: 0.5 })(b[1]) +
          0.4 * table({ None: 1, Small: 0.4, Large: 0 })(b[2]),
        reservation: 0.45,
      },
    ],
    // GeniusWeb's reservation is a bid, not a value: the reserved values are a listed loss.
    lossless: ['genius', 'negmas'],
  },
];

const fixturesDir = fileURLToPath(new URL('../../examples/domains', import.meta.url));
const tempDir = useTempDirs('parley-own-fixtures-');
const TOLERANCE = 1e-9;

/** Every complete outcome as value indices, issue 0 varying slowest. */
function allOutcomes(sizes: number[]): number[][] {
  let out: number[][] = [[]];
  for (const size of sizes) out = out.flatMap((o) => Array.from({ length: size }, (_, k) => [...o, k]));
  return out;
}

/** Checks an imported scenario against the definition outcome by outcome; returns how many were compared. */
function expectDefinition(scenario: Scenario, definition: Definition): number {
  expect(scenario.issues).toHaveLength(definition.issues.length);
  const plain = parleyParties(scenario);
  const compiled = compileScenario(scenario);
  const engine = estimateUtilities(compiled);
  expect(plain.map((p) => p.name)).toEqual(definition.profiles.map((p) => p.name));
  const outcomes = allOutcomes(definition.issues.map((values) => values.length));
  expect(compiled.space.size).toBe(outcomes.length);
  for (const outcome of outcomes) {
    const bid = outcome.map((k, i) => definition.issues[i][k]);
    definition.profiles.forEach((profile, p) => {
      const expected = 100 * profile.utility(bid);
      expect(Math.abs(plain[p].utility(outcome) - expected)).toBeLessThan(TOLERANCE);
      expect(Math.abs(utilityOf(engine[p], outcome) - expected)).toBeLessThan(TOLERANCE);
    });
  }
  definition.profiles.forEach((profile, p) => {
    expect(plain[p].batna).toBeCloseTo(100 * profile.reservation, 9);
  });
  return outcomes.length;
}

const writers = {
  genius: (scenario: Scenario, dir: string) => writeGenius(scenario, dir),
  geniusweb: (scenario: Scenario, dir: string) => writeGeniusWeb(scenario, dir),
  negmas: (scenario: Scenario, dir: string) => writeNegmas(scenario, dir),
};

describe('our own domains in each interop format', () => {
  for (const definition of DEFINITIONS) {
    const folder = join(fixturesDir, definition.folder);

    describe(`${definition.folder} (${definition.format})`, () => {
      it('the hand-written definition matches the shared file evaluator on every outcome', () => {
        const files = originalFiles(folder);
        expect(files.format).toBe(definition.format);
        const original = readOriginal(files);
        expect(original.profiles.map((p) => p.name)).toEqual(definition.profiles.map((p) => p.name));
        for (const outcome of allOutcomes(definition.issues.map((values) => values.length))) {
          const bid = outcome.map((k, i) => definition.issues[i][k]);
          definition.profiles.forEach((profile, p) => {
            expect(Math.abs(original.profiles[p].utility(bid) - profile.utility(bid))).toBeLessThan(1e-12);
          });
        }
        definition.profiles.forEach((profile, p) => {
          expect(original.profiles[p].reservation).toBeCloseTo(profile.reservation, 12);
        });
      });

      it('imports with utilities equal to the definition on every outcome', () => {
        const result = importPath(folder);
        expect(result.report.format).toBe(definition.format);
        expect(expectDefinition(result.scenario, definition)).toBeGreaterThan(10);
        if (definition.folder !== 'genius-hypercube') expect(result.report.losses).toEqual([]);
      });

      for (const target of ['genius', 'geniusweb', 'negmas'] as const) {
        const lossless = definition.lossless.includes(target);
        it(`exports to ${target} and back ${lossless ? 'exactly' : 'listing what is lost'}`, () => {
          const scenario = importPath(folder).scenario;
          const dir = tempDir();
          const exported = writers[target](scenario, dir);
          const back = importPath(dir);
          expect(back.report.format).toBe(target);
          if (lossless) {
            expect(exported.report.losses).toEqual([]);
            expectDefinition(back.scenario, definition);
            // The written files themselves, read by the shared evaluator, give the definition too.
            const original = readOriginal(originalFiles(dir));
            for (const outcome of allOutcomes(definition.issues.map((values) => values.length))) {
              const bid = outcome.map((k, i) => definition.issues[i][k]);
              definition.profiles.forEach((profile, p) => {
                expect(Math.abs(original.profiles[p].utility(bid) - profile.utility(bid))).toBeLessThan(1e-9);
              });
            }
          } else {
            expect(exported.report.losses.length).toBeGreaterThan(0);
          }
          expect(readFileSync(exported.files[0], 'utf8').length).toBeGreaterThan(0);
        });
      }
    });
  }
});
