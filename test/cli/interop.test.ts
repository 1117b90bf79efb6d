import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/adapters/load/load-scenario.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { DOMAINS_DIR, SKIP_MESSAGE } from '../interop/negotiation-domains.js';
import { originalFiles, readOriginal } from '../interop/original-files.js';
import type { BidValue, Original } from '../interop/original-utility.js';
import { seededRandom, testOutcomes } from '../interop/outcomes.js';
import { type ParleyIssue, parleyIssues, parleyParties, radixOf } from '../interop/parley-utility.js';
import { type CliRun, repoRoot, runCli } from '../support/run-cli.js';

/**
 * `parley import` and `parley export` through the real binary, checked against the independent evaluators
 * of the original files in test/interop (not the importer's code).
 */

type Format = 'genius' | 'geniusweb' | 'negmas';
const FORMATS: Format[] = ['genius', 'geniusweb', 'negmas'];
const FLAGSHIP = join(repoRoot, 'scenarios', 'ukraine-2025.yaml');
const STACK_TRACE = /\n\s+at .*\.js:\d+/;

const made: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-interop-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[], codes: number[] = [0]): Promise<CliRun> {
  const run = await runCli(args);
  if (!codes.includes(run.code)) {
    throw new Error(
      `parley ${args.join(' ')} exited ${run.code}\n${run.stderr}\n${run.stdout.slice(0, 2000)}`,
    );
  }
  return run;
}

function load(path: string): Scenario {
  const result = loadScenarioFile(path);
  if (!result.ok) throw new Error(`${path} does not load: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  return result.scenario;
}

/** `parley import <dir> -o <temp file>`: the file, its scenario and the JSON report. */
async function importToFile(source: string) {
  const file = join(freshDir(), 'imported.yaml');
  const report = JSON.parse((await cli(['import', source, '-o', file, '--json'])).stdout);
  return { file, scenario: load(file), report };
}

function bidOf(issues: ParleyIssue[], original: Original, outcome: number[]): BidValue[] {
  return issues.map((issue, i) => original.issues[i].values?.[outcome[i]] ?? issue.grid[outcome[i]]);
}

function outcomeArgument(scenario: Scenario, issues: ParleyIssue[], outcome: number[]): string {
  return scenario.issues
    .map(
      (issue, i) =>
        `${issue.id}=${issue.range ? issues[i].grid[outcome[i]] : issues[i].optionIds[outcome[i]]}`,
    )
    .join(',');
}

/** Three seeded draws, plus each original profile's best of 500 seeded draws (so every scale's top is hit). */
function knownOutcomes(issues: ParleyIssue[], original: Original): number[][] {
  const radix = radixOf(issues);
  const random = seededRandom(20261128);
  const draw = () => radix.map((r) => Math.floor(random() * r));
  const picks = [draw(), draw(), draw()];
  const sample = Array.from({ length: 500 }, draw);
  for (const profile of original.profiles) {
    let best = sample[0];
    let bestUtility = Number.NEGATIVE_INFINITY;
    for (const outcome of sample) {
      const u = profile.uncapped(bidOf(issues, original, outcome));
      if (u > bestUtility) {
        best = outcome;
        bestUtility = u;
      }
    }
    picks.push(best);
  }
  return picks;
}

interface EvaluatedParty {
  party: string;
  name: string;
  utility: { min: number; max: number; exact: boolean };
  batna: { estimate: number };
  redLines: Array<{ status: string }>;
}

/** Largest differences between two scenarios whose issues correspond by position and parties by id. */
function compareScenarios(a: Scenario, b: Scenario) {
  const issues = parleyIssues(a);
  expect(radixOf(parleyIssues(b))).toEqual(radixOf(issues));
  const before = parleyParties(a);
  const after = new Map(parleyParties(b).map((p) => [p.id, p]));
  expect([...after.keys()].sort()).toEqual(before.map((p) => p.id).sort());
  const utility = new Map(before.map((p) => [p.id, 0]));
  let redLineMismatches = 0;
  for (const outcome of testOutcomes(radixOf(issues), 5)) {
    for (const p of before) {
      const q = after.get(p.id) as (typeof before)[number];
      utility.set(
        p.id,
        Math.max(utility.get(p.id) as number, Math.abs(p.utility(outcome) - q.utility(outcome))),
      );
      if (p.crossesRedLine(outcome) !== q.crossesRedLine(outcome)) redLineMismatches++;
    }
  }
  const batna = Math.max(...before.map((p) => Math.abs(p.batna - (after.get(p.id)?.batna as number))));
  return { utility, batna, redLineMismatches };
}

/**
 * What an export and re-import of each imported domain gives: 'exact' (nothing lost), 'adjustments' (the
 * export drops adjustments, so utilities differ by at most the sum of their deltas) or 'red-lines'.
 * Laptop's adjustments are the importer's (GENIUS weights summing to 1.0000518 push values past 100).
 */
const ROUND_TRIPS: Record<string, Record<Format, 'exact' | 'adjustments' | 'red-lines'>> = {
  Laptop: { genius: 'adjustments', geniusweb: 'adjustments', negmas: 'adjustments' },
  Energy: { genius: 'exact', geniusweb: 'exact', negmas: 'exact' },
  'Party-geniusweb-json': { genius: 'exact', geniusweb: 'exact', negmas: 'exact' },
  'EnglandZimbabwe-negmas-yaml': { genius: 'exact', geniusweb: 'exact', negmas: 'exact' },
  'ANAC2014-10issues-nonlinear': { genius: 'exact', geniusweb: 'adjustments', negmas: 'adjustments' },
  'Railway-3party-constraints': { genius: 'red-lines', geniusweb: 'red-lines', negmas: 'red-lines' },
};

describe.skipIf(!DOMAINS_DIR)(DOMAINS_DIR ? 'parley import / export on shared domains' : SKIP_MESSAGE, () => {
  for (const [folder, expectations] of Object.entries(ROUND_TRIPS)) {
    describe(folder, async () => {
      // Collected even when the shared folder is absent (the tests then skip), so no path is built from nothing.
      const source = join(DOMAINS_DIR ?? 'absent-shared-domains', folder);
      // Imported once through the CLI and shared by this domain's tests (each export writes its own folder).
      let imported: ReturnType<typeof importToFile> | undefined;
      const importOnce = () => {
        imported ??= importToFile(source);
        return imported;
      };

      it('imports to a file that validates and evaluates as the original files do', async () => {
        const { file, scenario, report } = await importOnce();
        const files = originalFiles(source);
        const original = readOriginal(files);
        expect(report.format).toBe(files.format);
        expect(readFileSync(file, 'utf8')).toMatch(
          new RegExp(`^# Imported by \`parley import\` from .*${folder} \\(`),
        );
        expect((await cli(['validate', file])).stdout).toMatch(/^ok {2}/);

        const issues = parleyIssues(scenario);
        let compared = 0;
        let zeroedByRedLine = 0;
        let unevaluable = 0;
        for (const outcome of knownOutcomes(issues, original)) {
          const run = await cli(
            ['evaluate', file, '--outcome', outcomeArgument(scenario, issues, outcome), '--json'],
            [0, 1],
          );
          const parties: EvaluatedParty[] = JSON.parse(run.stdout).parties;
          const bid = bidOf(issues, original, outcome);
          expect(parties.map((p) => p.name).sort()).toEqual(original.profiles.map((p) => p.name).sort());
          for (const profile of original.profiles) {
            const party = parties.find((p) => p.name === profile.name) as EvaluatedParty;
            expect(party.utility.exact).toBe(true);
            expect(party.utility.max).toBeCloseTo(party.utility.min, 12);
            const expected = profile.utility(bid);
            if (Number.isNaN(expected)) {
              unevaluable++;
              continue;
            }
            if (party.redLines.some((r) => r.status === 'crossed')) {
              // Railway: GENIUS gives 0 exactly where Parley has a red line crossed.
              expect(expected).toBe(0);
              zeroedByRedLine++;
              continue;
            }
            // GENIUS caps at 1, Parley does not (reported as a loss): compare with the sum before the cap.
            expect(Math.abs(party.utility.min / 100 - profile.uncapped(bid))).toBeLessThanOrEqual(1e-9);
            if (Number.isFinite(profile.reservation)) {
              expect(Math.abs(party.batna.estimate / 100 - profile.reservation)).toBeLessThanOrEqual(1e-9);
            }
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(0);
        if (folder === 'Railway-3party-constraints') {
          expect(zeroedByRedLine).toBeGreaterThan(0);
          // MinisterProfile.xml has no ranks at all: GENIUS cannot evaluate it, and the import says so.
          expect(unevaluable).toBeGreaterThan(0);
          expect(report.losses.some((l: string) => l.startsWith('MinisterProfile.xml:'))).toBe(true);
        } else {
          expect(zeroedByRedLine + unevaluable).toBe(0);
        }
        console.log(
          `[cli-import] ${folder}: ${compared} party-outcome utilities equal the original's, ${zeroedByRedLine} zeroed by red lines, ${unevaluable} unevaluable in the original`,
        );
      });

      for (const format of FORMATS) {
        it(`export to ${format} and import back: ${expectations[format]}`, async () => {
          const { file, scenario } = await importOnce();
          const dir = join(freshDir(), format);
          const exported = JSON.parse(
            (await cli(['export', file, '--format', format, '-o', dir, '--json'])).stdout,
          );
          expect(
            exported.files.map((f: { path: string }) => f.path).every((p: string) => existsSync(p)),
          ).toBe(true);
          expect(readdirSync(dir).length).toBe(exported.files.length);
          const back = await importToFile(dir);
          expect(back.report.format).toBe(format);
          const diff = compareScenarios(scenario, back.scenario);
          const worst = Math.max(...diff.utility.values());
          const losses: string[] = exported.losses;
          const expectation = expectations[format];
          if (expectation === 'exact') {
            expect(losses).toEqual([]);
            expect(worst).toBeLessThanOrEqual(1e-9);
            expect(diff.batna).toBeLessThanOrEqual(1e-9);
            expect(diff.redLineMismatches).toBe(0);
          } else if (expectation === 'adjustments') {
            expect(losses.some((l) => /adjustment\(s\) dropped/.test(l))).toBe(true);
            expect(worst).toBeGreaterThan(1e-9);
            for (const p of scenario.preferences) {
              const bound = p.adjustments.reduce((s, a) => s + Math.abs(a.delta as number), 0);
              expect(diff.utility.get(p.party) as number).toBeLessThanOrEqual(bound + 1e-9);
            }
            expect(diff.batna).toBeLessThanOrEqual(1e-9);
          } else {
            expect(losses.some((l) => /red line\(s\) dropped/.test(l))).toBe(true);
            expect(back.scenario.preferences.every((p) => p.redLines.length === 0)).toBe(true);
            expect(diff.redLineMismatches).toBeGreaterThan(0);
          }
          console.log(
            `[cli-round-trip] ${folder} -> ${format}: largest utility difference ${worst.toExponential(2)} (0..100), BATNA ${diff.batna.toExponential(2)}, red-line mismatches ${diff.redLineMismatches}, ${losses.length} loss(es)`,
          );
        });
      }
    });
  }

  it('Laptop: the buyer reaches 100.0052 before GENIUS caps at 1, and the import says so', async () => {
    const { file, report } = await importToFile(join(DOMAINS_DIR as string, 'Laptop'));
    expect(
      report.losses.some((l: string) => /laptop_buyer_utility\.xml: GENIUS caps utility at 1/.test(l)),
    ).toBe(true);
    // GENIUS: 0.4452 * 1 + 0.3781 * 1 + 0.1768 * 1 (evaluations divided by each issue's maximum) = 1.0000518
    const run = await cli([
      'evaluate',
      file,
      '--outcome',
      'Laptop=HP,Harddisk=60-Gb,External-Monitor=19-LCD',
      '--json',
    ]);
    const buyer = JSON.parse(run.stdout).parties.find(
      (p: EvaluatedParty) => p.party === 'laptop_buyer_utility',
    );
    expect(buyer.utility.min).toBeCloseTo(
      100 * (0.4452125771655631 + 0.37808251708013424 + 0.1767567099260568),
      9,
    );
    expect(buyer.utility.min).toBeGreaterThan(100);
  });

  it('prints the YAML on stdout without -o, and the report on stderr', async () => {
    const run = await cli(['import', join(DOMAINS_DIR as string, 'Energy')]);
    expect(run.stdout).toMatch(/^# Imported by `parley import` from .*Energy \(GENIUS format\)/);
    expect(run.stdout).toContain('\nparley: 1\n');
    expect(run.stderr).toContain('2 parties, 8 issues, 390,625 possible outcomes');
    expect(run.stderr).toContain('No losses');
    // Key order is the schema's, so the same input gives the same file.
    expect((await cli(['import', join(DOMAINS_DIR as string, 'Energy')])).stdout).toBe(run.stdout);
    const keys = [...run.stdout.matchAll(/^([a-z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual([
      'parley',
      'id',
      'title',
      'description',
      'sources',
      'parties',
      'issues',
      'documents',
      'packages',
      'preferences',
      'events',
      'positions',
    ]);
  });

  it('Jobs: analyze and report succeed when the smallest relaxation drops a BATNA', async () => {
    const { file } = await importToFile(join(DOMAINS_DIR as string, 'Jobs-geniusweb-json'));
    const run = await cli(['analyze', file, '--json']);
    const report = JSON.parse(run.stdout);
    expect(report.zone.empty).toBe(true);
    expect(report.relaxation.dropped).toEqual(['jobsprofileA:batna']);
    expect(report.relaxation.zone.empty).toBe(false);
    // A dropped BATNA is absent: the party's disagreement point is its lowest utility (14), not a huge number.
    expect(report.relaxation.bargaining.parties[0].disagreement).toBeCloseTo(14, 6);
    await cli(['report', file, '-o', join(freshDir(), 'jobs.html')]);
  });

  it('refuses to overwrite an existing file unless --force, and --format must match the files', async () => {
    const dir = freshDir();
    const target = join(dir, 'keep.yaml');
    writeFileSync(target, 'precious\n');
    const laptop = join(DOMAINS_DIR as string, 'Laptop');
    const refused = await cli(['import', laptop, '-o', target], [2]);
    expect(refused.stderr).toContain(`'${target}' already exists; not overwritten`);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    await cli(['import', laptop, '-o', target, '--force']);
    expect(load(target).id).toBe('laptop');
    expect(readdirSync(dir)).toEqual(['keep.yaml']);

    const wrong = await cli(['import', laptop, '--format', 'geniusweb'], [2]);
    expect(wrong.stderr).toContain(`${laptop} holds GENIUS files, not GeniusWeb`);
    await cli(['import', laptop, '--format', 'genius', '-o', join(dir, 'ok.yaml')]);
  });
});

describe('parley export of the flagship scenario', async () => {
  const flagship = load(FLAGSHIP);
  for (const format of FORMATS) {
    it(`${format}: writes a domain and one profile per party, and reports every red line and adjustment dropped`, async () => {
      const dir = join(freshDir(), 'out');
      const run = await cli(['export', FLAGSHIP, '--format', format, '-o', dir, '--json']);
      const data = JSON.parse(run.stdout);
      expect(data.files.length).toBe(1 + flagship.preferences.length);
      expect(data.files[0].role).toBe('domain');
      expect(readdirSync(dir).sort()).toEqual(
        data.files.map((f: { path: string }) => f.path.slice(dir.length + 1)).sort(),
      );
      const losses: string[] = data.losses;
      for (const p of flagship.preferences) {
        if (p.redLines.length > 0)
          expect(
            losses.some((l) => l.startsWith(`${p.party}: ${p.redLines.length} red line(s) dropped`)),
          ).toBe(true);
        if (p.adjustments.length > 0)
          expect(
            losses.some((l) => l.startsWith(`${p.party}: ${p.adjustments.length} adjustment(s) dropped`)),
          ).toBe(true);
        if (typeof p.batna === 'object' && 'series' in p.batna)
          expect(losses.some((l) => l.startsWith(`${p.party}: the BATNA is a dated series`))).toBe(true);
      }
      expect(data.notCarried.join('\n')).toMatch(/\d+ documents \(\d+ versions\)/);

      // What is not lost comes back exactly: the additive part of every utility.
      const back = await importToFile(dir);
      const additive: Scenario = {
        ...flagship,
        preferences: flagship.preferences.map((p) => ({ ...p, adjustments: [], redLines: [] })),
      };
      const diff = compareScenarios(additive, back.scenario);
      expect(Math.max(...diff.utility.values())).toBeLessThanOrEqual(1e-9);
      expect(diff.redLineMismatches).toBe(0);

      const text = (await cli(['export', FLAGSHIP, '--format', format, '-o', join(freshDir(), 'out')]))
        .stdout;
      expect(text).toMatch(new RegExp(`Losses \\(${losses.length}\\)`));
      expect(text).toContain('ukraine: 2 red line(s) dropped');
      expect(text).toContain('Not exported');
    });
  }

  it('refuses a non-empty folder unless --force, and then names the files it left alone', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    const refused = await cli(['export', FLAGSHIP, '--format', 'negmas', '-o', dir], [2]);
    expect(refused.stderr).toContain(`'${dir}' is not empty (1 entry: notes.txt); nothing was written`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    const forced = await cli(['export', FLAGSHIP, '--format', 'negmas', '-o', dir, '--force']);
    expect(forced.stdout).toContain('also holds 1 other entry (notes.txt), left as they were');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });
});

describe('bad input: exit 2, a message naming the file and what was expected, no stack trace', async () => {
  it('a missing path', async () => {
    const run = await runCli(['import', 'no/such/folder', '-o', join(freshDir(), 'x.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'parley: no/such/folder: not found; expected a folder or file with GENIUS XML',
    );
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('an unknown format, a missing format, a GeniusWeb option on another format', async () => {
    const unknown = await runCli(['import', 'x', '--format', 'xml']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      "argument 'xml' is invalid. Allowed choices are genius, geniusweb, negmas.",
    );
    const unknownExport = await runCli(['export', FLAGSHIP, '--format', 'json', '-o', join(freshDir(), 'o')]);
    expect(unknownExport.code).toBe(2);
    expect(unknownExport.stderr).toContain('Allowed choices are genius, geniusweb, negmas, gmcr.');
    const missing = await runCli(['export', FLAGSHIP, '-o', join(freshDir(), 'o')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--format <format>' not specified");
    const version = await runCli([
      'export',
      FLAGSHIP,
      '--format',
      'genius',
      '--geniusweb-version',
      '1',
      '-o',
      freshDir(),
    ]);
    expect(version.code).toBe(2);
    expect(version.stderr).toContain('--geniusweb-version applies to --format geniusweb only');
    for (const run of [unknown, unknownExport, missing, version]) expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('malformed XML', async () => {
    const dir = freshDir();
    writeFileSync(
      join(dir, 'domain.xml'),
      '<negotiation_template>\n<utility_space>\n<objective index="0" name="x">\n<issue index="1" name="a" type="discrete">\n</objective>\n',
    );
    writeFileSync(join(dir, 'profile.xml'), '<utility_space><objective/></utility_space>\n');
    const run = await runCli(['import', dir, '-o', join(dir, 'out.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`parley: ${join(dir, 'domain.xml')}: malformed XML at line 5`);
    expect(run.stderr).toContain('expected a GENIUS domain');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('an output that is a folder, a bad --real-intervals, an invalid scenario to export', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'sub'));
    const folder = await runCli(['import', FLAGSHIP, '-o', join(dir, 'sub')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a folder; -o takes the scenario file to write');
    const intervals = await runCli(['import', dir, '--real-intervals', 'lots']);
    expect(intervals.code).toBe(2);
    expect(intervals.stderr).toContain("--real-intervals: expected an integer from 1 to 10,000, got 'lots'");
    const invalid = join(dir, 'bad.yaml');
    writeFileSync(invalid, 'parley: 1\nid: x\n');
    const run = await runCli(['export', invalid, '--format', 'negmas', '-o', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${invalid}`);
    expect(run.stderr).toContain('error');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    for (const r of [folder, intervals, run]) expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});
