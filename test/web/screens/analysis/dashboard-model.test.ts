import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../src/adapters/load/parse-scenario.js';
import { createHighsSolver } from '../../../../src/adapters/solver/highs-solver.js';
import { type AnalysisReport, analyze } from '../../../../src/app/analyze.js';
import { evaluate } from '../../../../src/app/evaluate.js';
import type { ComputePorts } from '../../../../src/app/ports.js';
import { redactAnalysis } from '../../../../src/app/privacy/redact-analysis.js';
import { serialMap } from '../../../../src/app/serial-map.js';
import { NEVER_CANCELLED, NO_PROGRESS } from '../../../../src/core/ports.js';
import { DEFAULT_POLICY, type DisclosurePolicy } from '../../../../src/core/privacy/disclosure-policy.js';
import type { Scenario } from '../../../../src/schema/scenario.js';
import { type ChartSpec, drawnSeries, legendEntries } from '../../../../src/views/charts/chart-spec.js';
import { dashboardCharts, pairInput } from '../../../../web/src/screens/analysis/chart-model.js';
import type { AnalysisResult } from '../../../../web/src/screens/analysis/disclosure.js';
import { WITHHELD } from '../../../../web/src/screens/analysis/disclosure.js';
import { frontierModel, rowAt } from '../../../../web/src/screens/analysis/frontier-model.js';
import { gapsModel } from '../../../../web/src/screens/analysis/gaps-model.js';
import { robustnessModel, WORST_CASE_CAVEAT } from '../../../../web/src/screens/analysis/robustness-model.js';
import { solutionsModel } from '../../../../web/src/screens/analysis/solutions-model.js';
import { knownRules, summaryModel } from '../../../../web/src/screens/analysis/summary-model.js';
import { tinyScenario } from '../../../support/tiny-scenario.js';

const ROOT = join(import.meta.dirname, '../../../..');

const ports: ComputePorts = {
  solver: createHighsSolver(),
  parallel: serialMap(),
  clock: { now: () => 0 },
  progress: NO_PROGRESS,
  cancel: NEVER_CANCELLED,
};

/** The tiny scenario with a red line of Alpha's that meets Beta's: the zone is empty and one drop opens it. */
function clashing(): Scenario {
  const s = tinyScenario();
  s.preferences[0].redLines.push({
    id: 'keep-all',
    description: 'Alpha keeps all the land',
    source: 'test',
    requires: { issue: 'land', in: ['keep'] },
  });
  return s;
}

function usedCar(): Scenario {
  const file = 'teaching-used-car.yaml';
  const parsed = parseScenario(readFileSync(join(ROOT, 'scenarios', file), 'utf8'), { fileName: file });
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.scenario;
}

/** What the browser receives: the JSON of the (redacted) result. */
const overTheWire = (result: AnalysisResult): AnalysisResult => JSON.parse(JSON.stringify(result));

/** Every `{ disclosed }` part of a model: each is shown with a value or withheld with a note, never blank. */
function disclosedParts(value: unknown, path = '$'): Array<{ path: string; part: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((v, k) => disclosedParts(v, `${path}[${k}]`));
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const here = 'disclosed' in object ? [{ path, part: object }] : [];
  return [...here, ...Object.entries(object).flatMap(([k, v]) => disclosedParts(v, `${path}.${k}`))];
}

const OPEN_POLICY: DisclosurePolicy = {
  parties: {},
  otherwise: {
    zoneEmptiness: true,
    constraintsInConflict: true,
    bargainingOutcomes: true,
    packageVerdicts: true,
  },
  privatePositions: false,
};

describe('analysis dashboard models: an empty zone (tiny scenario with a clash)', () => {
  let report: AnalysisReport;
  beforeAll(async () => {
    report = await analyze({ scenario: clashing(), samples: 200, seed: 7 }, ports);
  });

  it('the mediator reads the deal, the conflicts with their rule texts and the relaxation', () => {
    const summary = summaryModel(overTheWire(report));
    expect(summary.deal).toMatchObject({ disclosed: true, value: { exists: false } });
    if (!summary.blockers.disclosed || !summary.opening.disclosed)
      throw new Error('withheld from the mediator');
    const subsets = report.explanation?.subsets ?? [];
    expect(subsets.length).toBeGreaterThan(0);
    expect(summary.blockers.value.conflicts.map((c) => c.text)).toEqual(subsets.map((s) => s.text));
    const rules = summary.blockers.value.conflicts.flatMap((c) => c.rules);
    expect(rules.find((r) => r.id === 'a:keep-all')?.description).toBe('Alpha keeps all the land');
    const opening = summary.opening.value;
    expect(opening?.rules.map((r) => r.id)).toEqual(report.relaxation?.dropped);
    expect(opening?.rules.every((r) => r.description !== undefined)).toBe(true);
  });

  it('solutions are those of the relaxation, said so, and each opens in the builder with its own outcome', () => {
    const model = solutionsModel(overTheWire(report), 'w1');
    const relaxed = report.relaxation?.bargaining;
    expect(report.bargaining.empty).toBe(true);
    expect(model.of).toContain(report.relaxation?.labels[0]);
    const solved = relaxed?.solutions.filter((s) => s.discrete?.outcomes[0]) ?? [];
    expect(solved.length).toBeGreaterThan(0);
    for (const solution of solved) {
      const row = model.rows.find((r) => r.concept === solution.concept);
      if (!row?.href || !row.outcome.disclosed) throw new Error(`${solution.concept}: no outcome`);
      const url = new URL(row.href, 'http://x');
      expect(url.pathname).toBe('/w/w1/builder');
      const pairs = (url.searchParams.get('outcome') ?? '').split(',').map((p) => p.split(':'));
      expect(Object.fromEntries(pairs)).toEqual(solution.discrete?.outcomes[0].outcome.assignment);
      expect(row.utilities).toEqual(solution.discrete?.outcomes[0].utilities);
    }
  });

  it('robustness gives worst and typical completions for every package, with the caveat', () => {
    const model = robustnessModel(overTheWire(report));
    if (!model.run) throw new Error(model.note);
    expect(model.caveat).toBe(WORST_CASE_CAVEAT);
    expect(model.samples).toBe(200);
    expect(model.rows.map((r) => r.id)).toEqual(report.packages.map((p) => p.id));
    for (const row of model.rows) {
      expect(row.worst.disclosed && row.typical.disclosed).toBe(true);
      if (row.typical.disclosed) expect(row.typical.value.trials).toBe(200);
    }
  });

  for (const viewer of [{ role: 'delegate', party: 'a' } as const, { role: 'observer' } as const]) {
    it(`a ${viewer.role} gets every part shown or marked withheld, never blank (default policy)`, () => {
      const view = overTheWire(redactAnalysis(report, viewer, DEFAULT_POLICY));
      const models = {
        summary: summaryModel(view),
        solutions: solutionsModel(view, 'w1'),
        robustness: robustnessModel(view),
        gaps: gapsModel(view),
        frontier: frontierModel(view, 'w1'),
      };
      for (const { path, part } of disclosedParts(models)) {
        if (part.disclosed) expect(part.value, path).not.toBeUndefined();
        else expect(part.note, path).toEqual(expect.any(String));
      }
      expect(models.summary.deal.disclosed).toBe(true);
      expect(models.summary.opening).toEqual({ disclosed: false, note: WITHHELD });
      expect(models.gaps).toEqual({ disclosed: false, note: WITHHELD });
      expect(models.solutions.note).toContain(WITHHELD);
      expect(models.frontier).toMatchObject({ listed: false, note: expect.stringContaining(WITHHELD) });
      const blockers = models.summary.blockers;
      if (viewer.role === 'observer') expect(blockers.disclosed).toBe(false);
      else if (blockers.disclosed) {
        // A delegate sees its own constraints in conflict only, never Beta's.
        expect(blockers.value.kind).toBe('own');
        const ids = blockers.value.conflicts.flatMap((c) => c.rules.map((r) => r.id));
        expect(ids.length).toBeGreaterThan(0);
        expect(ids.every((id) => id.startsWith('a:'))).toBe(true);
      }
      expect(JSON.stringify(models)).not.toContain('Alpha keeps all the land');
    });
  }

  it('a delegate reads its own constraints in conflict by their text, and its own verdict on each package', () => {
    const view = overTheWire(redactAnalysis(report, { role: 'delegate', party: 'a' }, DEFAULT_POLICY));
    const own = clashing().preferences.filter((p) => p.party === 'a');
    const summary = summaryModel(view, knownRules(own));
    if (!summary.blockers.disclosed) throw new Error('withheld');
    const line = summary.blockers.value.conflicts.find((c) => c.rules[0].id === 'a:keep-all');
    expect(line?.rules[0].description).toBe('Alpha keeps all the land');
    for (const [k, p] of summary.packages.entries()) {
      const row = report.packages[k].evaluation.parties.find((e) => e.party === 'a');
      expect(p.own).toEqual({ acceptable: row?.acceptable, min: row?.utility.min, max: row?.utility.max });
    }
  });

  it('a delegate whose counterparts disclose the bargaining outcomes sees its own utility at each solution', () => {
    const view = overTheWire(redactAnalysis(report, { role: 'delegate', party: 'a' }, OPEN_POLICY));
    const model = solutionsModel(view, 'w1');
    expect(model.parties.map((p) => p.id)).toEqual(['a']);
    expect(model.rows.length).toBe(report.bargaining.solutions.length);
    expect(model.rows.every((r) => !r.outcome.disclosed && r.href === undefined)).toBe(true);
  });
});

describe('analysis dashboard models: a listed frontier (used car)', () => {
  let scenario: Scenario;
  let report: AnalysisReport;
  beforeAll(async () => {
    scenario = usedCar();
    report = await analyze({ scenario }, ports);
  });

  it('every frontier row, evaluated from its builder link alone, has the utilities the chart draws', async () => {
    const model = frontierModel(overTheWire(report), 'cars');
    if (!model.listed) throw new Error(model.note);
    expect(model.rows.length).toBeGreaterThan(10);
    expect(model.note).toMatch(/Pareto-optimal outcomes over all outcomes/);
    for (const row of model.rows.slice(0, 12)) {
      const outcome = new URL(row.href, 'http://x').searchParams.get('outcome') ?? '';
      const assignments = Object.fromEntries(outcome.split(',').map((p) => p.split(':')));
      const data = await evaluate({ scenario, outcome: { assignments, text: outcome } });
      const utilities = model.parties.map((p) => data.parties.find((e) => e.party === p.id)?.utility.min);
      expect(data.open).toEqual([]);
      for (const [k, u] of utilities.entries()) expect(u).toBeCloseTo(row.utilities[k], 9);
      expect(rowAt(model.rows, row.utilities)?.utilities).toEqual(row.utilities);
    }
  });

  it('outcomes and gaps read by the option labels of the scenario', () => {
    const model = frontierModel(overTheWire(report), 'cars');
    if (!model.listed) throw new Error(model.note);
    const labelOf = new Map(
      scenario.issues.flatMap((i) => (i.options ?? []).map((o) => [`${i.id}:${o.id}`, o.label] as const)),
    );
    for (const cell of model.rows[0].outcome)
      if (labelOf.has(`${cell.issue}:${cell.option}`))
        expect(cell.label).toBe(labelOf.get(`${cell.issue}:${cell.option}`));
    const gaps = gapsModel(overTheWire(report));
    if (!gaps.disclosed) throw new Error('withheld from the mediator');
    const labels = new Set(labelOf.values());
    const favourites = gaps.value.flatMap((g) => g.favourites.flatMap((f) => f.options));
    const optionIssues = new Set(scenario.issues.filter((i) => i.options).map((i) => i.title));
    const ofOptionIssues = gaps.value.filter((g) => optionIssues.has(g.title));
    expect(ofOptionIssues.length).toBeGreaterThan(0);
    for (const g of ofOptionIssues)
      for (const f of g.favourites) for (const o of f.options) expect(labels).toContain(o);
    expect(favourites.length).toBeGreaterThan(0);
  });

  it('without samples, robustness says it was not run rather than showing nothing', () => {
    expect(robustnessModel(overTheWire(report))).toEqual({
      run: false,
      note: 'Robustness was not computed: run the analysis with samples.',
    });
  });
});

describe('analysis dashboard charts (chart layer, mounted live in the browser)', () => {
  it('draw every legend entry, keep each solution’s colour across charts, and call the 2-D pair a projection', async () => {
    const scenario = usedCar();
    const report = await analyze({ scenario, chartData: true }, ports);
    const drawn = dashboardCharts(overTheWire(report) as AnalysisReport, [0, 2]);
    if (!drawn) throw new Error('no charts');
    expect(drawn.input.parties.length).toBe(3);
    for (const chart of drawn.charts) {
      const series = new Set(drawnSeries(chart));
      for (const entry of legendEntries(chart)) expect(series, `${chart.id}: ${entry}`).toContain(entry);
    }
    const pair = drawn.charts.find((c) => c.id === 'pair-projection');
    expect(pair?.title).toBe(`Projection: ${drawn.input.parties[0].name} × ${drawn.input.parties[2].name}`);
    expect(legendEntries(pair as ChartSpec).some((e) => e.includes('projected'))).toBe(true);
    expect(legendEntries(pair as ChartSpec).some((e) => e.startsWith('Pareto frontier'))).toBe(false);
    const colours = (chart: ChartSpec, name: string) =>
      ((chart.option.series ?? []) as Array<{ name: string; itemStyle?: { color?: string } }>)
        .filter((s) => s.name === name)
        .map((s) => s.itemStyle?.color);
    for (const solution of drawn.input.solutions) {
      const seen = new Set(drawn.charts.flatMap((c) => colours(c, solution.name)));
      expect(seen.size, solution.name).toBe(1);
    }
  });

  it('a pair keeps the points’ coordinates of the two parties chosen', () => {
    const input = {
      parties: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), batna: 10 })),
      frontier: {
        points: [
          [1, 2, 3],
          [4, 5, 6],
        ],
        over: 'all-outcomes' as const,
        size: '2',
        method: 'enumerate',
        exact: true,
      },
      packages: [{ id: 'p', label: 'P', low: [1, 2, 3], high: [7, 8, 9] }],
      solutions: [{ name: 'nash', utilities: [3, 2, 1] }],
      zoneEmpty: false,
    };
    const pair = pairInput(input, [2, 0]);
    expect(pair.parties.map((p) => p.id)).toEqual(['c', 'a']);
    expect(pair.sample?.points).toEqual([
      [3, 1],
      [6, 4],
    ]);
    expect(pair.packages[0]).toMatchObject({ low: [3, 1], high: [9, 7] });
    expect(pair.solutions[0].utilities).toEqual([1, 3]);
    expect(pair.frontier).toBeUndefined();
  });
});
