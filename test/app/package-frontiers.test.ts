import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/adapters/load/parse-scenario.js';
import { createHighsSolver } from '../../src/adapters/solver/highs-solver.js';
import type { FrontierReport } from '../../src/app/frontier.js';
import { packageFrontiers } from '../../src/app/package-frontiers.js';
import { satisfies, zoneConstraints } from '../../src/core/analysis/zone/zone-constraints.js';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { resolvePackage } from '../../src/core/model/resolve.js';
import { forEachCompletion } from '../../src/core/model/subspace.js';
import { paretoNaive } from '../analysis/pareto-naive.js';

const ROOT = join(import.meta.dirname, '../..');

function load(file: string) {
  const parsed = parseScenario(readFileSync(join(ROOT, 'scenarios', file), 'utf8'), { fileName: file });
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return { scenario: parsed.scenario, compiled: compileScenario(parsed.scenario) };
}

const key = (u: number[]) => u.map((x) => x.toFixed(9)).join(',');

describe('package frontiers', () => {
  it('equal a brute-force skyline of each package’s completions (used car)', async () => {
    const { scenario, compiled } = load('teaching-used-car.yaml');
    const results = await packageFrontiers(
      scenario,
      compiled,
      { maxListed: Number.POSITIVE_INFINITY },
      { solver: createHighsSolver() },
    );
    expect(results.map((r) => r.package)).toEqual(scenario.packages.map((p) => p.id));
    const fns = compiled.signatories.map((m) => realiseUtility(compiled.models[m]));
    for (const result of results) {
      const rows: number[][] = [];
      forEachCompletion(resolvePackage(scenario, compiled.space, result.package).subspace, (o) => {
        rows.push(fns.map((f) => utilityOf(f, o)));
      });
      expect(result.completions).toBe(rows.length);
      const expected = new Set(paretoNaive(rows).map((i) => key(rows[i])));
      const frontier = result.frontier as FrontierReport;
      expect(new Set(frontier.points.map((p) => key(p.utilities)))).toEqual(expected);
    }
  });

  it('over the acceptable outcomes, leave a dropped red line out of the test (river, brute force)', async () => {
    const { scenario, compiled } = load('river-water-sharing.yaml');
    const constraints = zoneConstraints(compiled);
    const estimates = compiled.models.map((m) => realiseUtility(m, 'estimate'));
    const fns = compiled.signatories.map((m) => realiseUtility(compiled.models[m]));
    const acceptedRows = (pack: string, dropped: string[]) => {
      const kept = constraints.filter((c) => !dropped.includes(c.id));
      const rows: number[][] = [];
      forEachCompletion(resolvePackage(scenario, compiled.space, pack).subspace, (o) => {
        if (kept.every((c) => satisfies(compiled, estimates, c, o)))
          rows.push(fns.map((f) => utilityOf(f, o)));
      });
      return rows;
    };
    // A constraint whose removal lets more of some package's completions in, so that ignoring it would show.
    const telling = constraints.find((c) =>
      scenario.packages.some((p) => acceptedRows(p.id, [c.id]).length > acceptedRows(p.id, []).length),
    );
    expect(telling).toBeDefined();
    for (const dropped of [[], [telling?.id ?? '']]) {
      const results = await packageFrontiers(
        scenario,
        compiled,
        { over: 'acceptable-outcomes', dropped, maxListed: Number.POSITIVE_INFINITY },
        { solver: createHighsSolver() },
      );
      for (const result of results) {
        const rows = acceptedRows(result.package, dropped);
        const expected = new Set(paretoNaive(rows).map((i) => key(rows[i])));
        expect(result.dropped).toEqual(dropped);
        expect(new Set((result.frontier as FrontierReport).points.map((p) => key(p.utilities)))).toEqual(
          expected,
        );
      }
    }
  });

  it('keep to what each flagship package settles, and say how they were computed', async () => {
    const { scenario, compiled } = load('ukraine-2025.yaml');
    const results = await packageFrontiers(
      scenario,
      compiled,
      { maxListed: 50 },
      { solver: createHighsSolver() },
    );
    for (const result of results) {
      const subspace = resolvePackage(scenario, compiled.space, result.package).subspace;
      if ('skipped' in result.frontier) {
        expect(result.completions).toBeGreaterThan(2_000_000);
        continue;
      }
      expect(result.frontier.exact).toBe(true);
      for (const point of result.frontier.points) {
        point.outcome.forEach((option, issue) => {
          expect(Array.from(subspace.allowed[issue])).toContain(option);
        });
      }
    }
  }, 120_000);
});
