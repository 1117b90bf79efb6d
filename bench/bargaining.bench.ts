import { createHighsSolver } from '../src/adapters/solver/highs-solver.js';
import { bargainingSolutions } from '../src/core/analysis/bargaining/bargaining-solutions.js';
import type { Concept } from '../src/core/analysis/bargaining/criteria.js';
import { explainEmptyZone } from '../src/core/analysis/explain/explain-empty-zone.js';
import { agreementZone } from '../src/core/analysis/zone/agreement-zone.js';
import type { Method } from '../src/core/analysis/zone/analysis-options.js';
import { compileScenario } from '../src/core/model/compile.js';
import { type SyntheticShape, syntheticScenario } from '../test/support/synthetic-scenario.js';
import type { BenchResult, BenchSuite } from './bench-result.js';

/** The common BATNA of the measured scenarios: binding but usually leaves a zone. */
const BATNA = 45;

/** The measured scenario: random weights and values, interaction adjustments, a red line per party. */
const scenarioOf = (shape: SyntheticShape, batna = BATNA) =>
  syntheticScenario({ ...shape, batna, interactions: true });

const label = (s: SyntheticShape) => `${s.parties}x${s.issues}x${s.options}`;

/** Median milliseconds over `runs` calls (after one warm-up call when runs > 1). */
async function time<T>(fn: () => Promise<T>, runs: number): Promise<{ ms: number; result: T }> {
  let result = runs > 1 ? await fn() : (undefined as T);
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)], result };
}

const CONCEPTS: Concept[] = ['nash', 'asymmetric-nash', 'kalai-smorodinsky', 'egalitarian', 'utilitarian'];

export const bargainingSuite: BenchSuite = {
  name: 'bargaining',
  async run() {
    const solver = createHighsSolver();
    const results: BenchResult[] = [];
    const push = (c: string, metric: string, value: number, notes: string, target?: number) =>
      results.push({
        suite: 'bargaining',
        case: c,
        metric,
        value: Math.round(value * 10) / 10,
        unit: 'ms',
        better: 'lower',
        ...(target === undefined ? {} : { target }),
        notes,
      });
    const shapes: Array<SyntheticShape & { enumerate: boolean; runs: number }> = [
      { parties: 3, issues: 8, options: 5, seed: 1, enumerate: true, runs: 3 },
      { parties: 3, issues: 10, options: 5, seed: 2, enumerate: true, runs: 1 },
      { parties: 5, issues: 18, options: 5, seed: 3, enumerate: false, runs: 3 },
      { parties: 5, issues: 20, options: 5, seed: 4, enumerate: false, runs: 3 },
      { parties: 8, issues: 30, options: 6, seed: 5, enumerate: false, runs: 1 },
    ];
    for (const shape of shapes) {
      const compiled = compileScenario(scenarioOf(shape));
      const size = `${compiled.space.size.toExponential(2)} outcomes`;
      const target = shape.parties === 5 && shape.issues === 18 ? 2000 : undefined;
      const methods: Method[] = shape.enumerate ? ['enumerate', 'milp'] : ['milp'];
      const sizeNote = shape.enumerate ? size : `${size}; too many to enumerate`;
      // The smallest common BATNA (in steps of 5) at which nothing is acceptable, for the explanation bench.
      let tight = compiled;
      for (let batna = 50; batna <= 100; batna += 5) {
        tight = compileScenario(scenarioOf(shape, batna));
        if ((await agreementZone(tight, { solver, method: 'milp', parties: [] })).empty) break;
      }
      for (const method of methods) {
        const c = `${label(shape)} ${method}`;
        const zone = await time(() => agreementZone(compiled, { solver, method }), shape.runs);
        push(
          c,
          'agreement-zone',
          zone.ms,
          `${sizeNote}; zone ${zone.result.empty ? 'empty' : 'not empty'}; best outcome per party`,
        );
        for (const concept of CONCEPTS) {
          const one = await time(
            () => bargainingSolutions(compiled, { solver, method, concepts: [concept], lotteries: false }),
            shape.runs,
          );
          const solution = one.result.solutions[0];
          push(
            c,
            `${concept}-discrete`,
            one.ms,
            `alone, with the ideal points; ${solution.status}${solution.discrete ? `, ${solution.discrete.tieCount ?? 'unknown number of'} tie(s)` : ''}`,
          );
        }
        const discrete = await time(
          () => bargainingSolutions(compiled, { solver, method, lotteries: false }),
          shape.runs,
        );
        push(
          c,
          'all-solutions-discrete',
          discrete.ms,
          `all five concepts together (they seed each other), discrete solutions with ties${target ? '; target: 18 issues, 5 parties under 2 s' : ''}`,
          target,
        );
        const withLotteries = await time(() => bargainingSolutions(compiled, { solver, method }), shape.runs);
        const differing = withLotteries.result.solutions.filter((s) => s.lottery).map((s) => s.concept);
        push(
          c,
          'all-solutions-with-lotteries',
          withLotteries.ms,
          `discrete plus lottery solutions; lotteries better for: ${differing.join(', ') || 'none'}`,
        );
        const mis = await time(() => explainEmptyZone(tight, { solver, method }), shape.runs);
        push(
          c,
          'minimal-infeasible-subsets',
          mis.ms,
          mis.result.zoneEmpty
            ? `BATNA ${tight.models[0].batna.estimate}: ${mis.result.subsets.length} minimal infeasible subsets (${mis.result.complete ? 'complete' : 'incomplete'})`
            : 'no BATNA up to 100 empties the zone',
        );
      }
    }
    return results;
  },
};
