import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { writeGenius } from '../../src/adapters/interop/write-genius.js';
import { writeGeniusWeb } from '../../src/adapters/interop/write-geniusweb.js';
import { writeNegmas } from '../../src/adapters/interop/write-negmas.js';
import { type Rule, Scenario, type ScenarioInput } from '../../src/schema/scenario.js';
import { onDisk } from '../support/exported-files.js';
import { compareFiles, compareScenarios } from './scenario-comparison.js';

/**
 * Small random Parley scenarios (option issues, integer grids, decimal grids; value tables, linear value
 * functions; box-shaped adjustments on integer issues) written in each format, evaluated straight from the
 * written files by the independent evaluators and read back. Whatever a writer does not report as lost must
 * come through exactly.
 */
type IssueSpec =
  | { kind: 'options'; size: number }
  | { kind: 'integer'; min: number; size: number }
  | { kind: 'decimal'; size: number };

const issueSpec: fc.Arbitrary<IssueSpec> = fc.oneof(
  fc.record({ kind: fc.constant('options' as const), size: fc.integer({ min: 2, max: 4 }) }),
  fc.record({
    kind: fc.constant('integer' as const),
    min: fc.integer({ min: -3, max: 3 }),
    size: fc.integer({ min: 2, max: 6 }),
  }),
  fc.record({ kind: fc.constant('decimal' as const), size: fc.integer({ min: 2, max: 5 }) }),
);

const grid = (spec: IssueSpec): number[] =>
  spec.kind === 'integer'
    ? Array.from({ length: spec.size }, (_, k) => spec.min + k)
    : Array.from({ length: spec.size }, (_, k) => 0.5 + 0.25 * k);

interface PartySpec {
  weights: number[];
  values: number[][];
  linear: boolean[];
  adjustments: Array<{ issue: number; from: number; to: number; delta: number; negate: boolean }>;
}

function partySpec(issues: IssueSpec[], withAdjustments: boolean): fc.Arbitrary<PartySpec> {
  const integerIssues = issues.flatMap((s, i) => (s.kind === 'integer' ? [i] : []));
  return fc.record({
    weights: fc.tuple(...issues.map(() => fc.integer({ min: 0, max: 10 }))),
    values: fc.tuple(
      ...issues.map((s) =>
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: s.size, maxLength: s.size }),
      ),
    ),
    linear: fc.tuple(...issues.map(() => fc.boolean())),
    adjustments:
      withAdjustments && integerIssues.length > 0
        ? fc.array(
            fc.record({
              issue: fc.constantFrom(...integerIssues),
              from: fc.integer({ min: 0, max: 5 }),
              to: fc.integer({ min: 0, max: 5 }),
              delta: fc.integer({ min: -20, max: 20 }),
              negate: fc.boolean(),
            }),
            { maxLength: 3 },
          )
        : fc.constant([]),
  });
}

function scenarioOf(issues: IssueSpec[], parties: PartySpec[]): Scenario {
  const input: ScenarioInput = {
    parley: 1,
    id: 'synthetic',
    title: 'Synthetic',
    parties: parties.map((_, p) => ({
      id: `party-${p + 1}`,
      name: `Party ${p + 1}`,
      kind: 'other',
      role: 'signatory',
    })),
    issues: issues.map((spec, i) =>
      spec.kind === 'options'
        ? {
            id: `i${i + 1}`,
            title: `Issue ${i + 1}`,
            category: 'other',
            options: Array.from({ length: spec.size }, (_, k) => ({
              id: `o${k + 1}`,
              label: `Option ${k + 1}`,
            })),
          }
        : {
            id: `i${i + 1}`,
            title: `Issue ${i + 1}`,
            category: 'other',
            range: {
              min: grid(spec)[0],
              max: grid(spec)[spec.size - 1],
              step: spec.kind === 'integer' ? 1 : 0.25,
            },
          },
    ),
    preferences: parties.map((p, pi) => ({
      party: `party-${pi + 1}`,
      source: 'generated',
      weights: Object.fromEntries(issues.map((_, i) => [`i${i + 1}`, p.weights[i]])),
      values: Object.fromEntries(
        issues.map((spec, i) => {
          if (spec.kind === 'options')
            return [`i${i + 1}`, Object.fromEntries(p.values[i].map((v, k) => [`o${k + 1}`, v]))];
          const xs = grid(spec);
          const points: Array<[number, number]> = p.linear[i]
            ? [
                [xs[0], p.values[i][0]],
                [xs[xs.length - 1], p.values[i][1]],
              ]
            : xs.map((x, k) => [x, p.values[i][k]]);
          return [`i${i + 1}`, { piecewiseLinear: points }];
        }),
      ),
      adjustments: p.adjustments.map((a, k) => {
        const spec = issues[a.issue];
        const xs = grid(spec);
        const first = Math.min(a.from, a.to) % xs.length;
        const last = Math.max(first, Math.max(a.from, a.to) % xs.length);
        const box: Rule = { issue: `i${a.issue + 1}`, atLeast: xs[first], atMost: xs[last] };
        return {
          id: `a${k + 1}`,
          description: 'generated',
          when: a.negate ? { not: box } : box,
          delta: a.delta,
        };
      }),
      batna: 0,
    })),
  };
  return Scenario.parse(input);
}

const scenarios = (withAdjustments: boolean) =>
  fc
    .array(issueSpec, { minLength: 1, maxLength: 3 })
    .chain((issues) =>
      fc
        .array(partySpec(issues, withAdjustments), { minLength: 1, maxLength: 2 })
        .map((parties) => scenarioOf(issues, parties)),
    );

const writers: Record<string, (s: Scenario, dir: string) => ReturnType<typeof onDisk>> = {
  genius: (scenario, dir) => onDisk(writeGenius(scenario), dir),
  geniusweb: (scenario, dir) => onDisk(writeGeniusWeb(scenario), dir),
  negmas: (scenario, dir) => onDisk(writeNegmas(scenario), dir),
};

function roundTrip(scenario: Scenario, format: string) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-interop-prop-'));
  try {
    const exported = writers[format](scenario, dir);
    const back = importPath(dir);
    const diff = compareScenarios(scenario, back.scenario);
    const files = compareFiles(scenario, dir);
    const texts = exported.files.map((f) => readFileSync(f, 'utf8'));
    return {
      losses: exported.report.losses,
      exact: diff.utility <= 1e-9 && diff.batna <= 1e-9 && diff.redLines === 0,
      filesExact: files.utility <= 1e-9 && files.batna <= 1e-9 && files.skipped === 0,
      texts,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('writers on random scenarios', () => {
  for (const format of Object.keys(writers)) {
    it(`${format}: additive scenarios go through without loss, in the files and back`, () => {
      fc.assert(
        fc.property(scenarios(false), (scenario) => {
          const r = roundTrip(scenario, format);
          expect(r.losses).toEqual([]);
          expect(r.exact).toBe(true);
          expect(r.filesExact).toBe(true);
        }),
        { numRuns: 60, seed: 4242 },
      );
    });

    it(`${format}: with adjustments, whatever is not reported lost comes through exactly`, () => {
      fc.assert(
        fc.property(scenarios(true), (scenario) => {
          const r = roundTrip(scenario, format);
          if (r.losses.length === 0) {
            expect(r.exact).toBe(true);
            expect(r.filesExact).toBe(true);
          }
          const hasAdjustments = scenario.preferences.some((p) => p.adjustments.length > 0);
          if (format !== 'genius' && hasAdjustments)
            expect(r.losses.some((l) => l.includes('adjustment'))).toBe(true);
        }),
        { numRuns: 60, seed: 777 },
      );
    });
  }

  it('GeniusWeb writes linear numeric issues as number issues, in both spellings', () => {
    const issues: IssueSpec[] = [
      { kind: 'decimal', size: 5 },
      { kind: 'options', size: 3 },
    ];
    const party: PartySpec = {
      weights: [3, 1],
      values: [
        [20, 90],
        [0, 50, 100],
      ],
      linear: [true, false],
      adjustments: [],
    };
    const scenario = scenarioOf(issues, [party]);
    for (const version of [1, 2] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'parley-interop-gw-'));
      try {
        const exported = onDisk(writeGeniusWeb(scenario, { version }), dir);
        const domain = JSON.parse(readFileSync(exported.files[0], 'utf8'));
        expect(domain.issuesValues['Issue 1']).toEqual({ range: { low: 0.5, high: 1.5, step: 0.25 } });
        const profile = readFileSync(exported.files[1], 'utf8');
        expect(profile).toContain(version === 1 ? '"numberutils"' : '"NumberValueSetUtilities"');
        expect(profile).toContain(version === 1 ? '"discreteutils"' : '"DiscreteValueSetUtilities"');
        const back = importPath(dir);
        expect(back.scenario.issues[0].range).toEqual({ min: 0.5, max: 1.5, step: 0.25 });
        const diff = compareScenarios(scenario, back.scenario);
        const files = compareFiles(scenario, dir);
        expect(exported.report.losses).toEqual([]);
        expect(Math.max(diff.utility, files.utility)).toBeLessThanOrEqual(1e-9);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('GENIUS writes box-shaped adjustments on integer issues as a nonlinear profile', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constant('integer' as const),
            min: fc.integer({ min: 0, max: 2 }),
            size: fc.integer({ min: 2, max: 5 }),
          }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (issues) => {
          const parties = [
            {
              weights: issues.map(() => 1),
              values: issues.map((s) => Array.from({ length: s.size }, (_, k) => (k * 37) % 50)),
              linear: issues.map(() => false),
              adjustments: [{ issue: 0, from: 0, to: 1, delta: 10, negate: false }],
            },
          ];
          const r = roundTrip(scenarioOf(issues, parties), 'genius');
          expect(r.losses).toEqual([]);
          expect(r.exact).toBe(true);
          expect(r.filesExact).toBe(true);
          expect(r.texts.some((t) => t.includes('type="nonlinear"'))).toBe(true);
        },
      ),
      { numRuns: 30, seed: 99 },
    );
  });
});
