import { paretoFrontier } from '../src/core/analysis/pareto/pareto-frontier.js';
import { skyline } from '../src/core/analysis/pareto/skyline.js';
import { enumerateUtilities } from '../src/core/analysis/utility-table.js';
import { realiseUtility } from '../src/core/evaluate/utility-function.js';
import { type CompiledScenario, compileScenario } from '../src/core/model/compile.js';
import { syntheticScenario } from '../test/support/synthetic-scenario.js';
import { type BenchResult, type BenchSuite, timeMedian } from './bench-result.js';

/** A seeded random additive scenario of `parties` signatories and `issues` issues of `options` options each. */
const additive = (parties: number, issues: number, options: number, seed = 1) =>
  syntheticScenario({ parties, issues, options, seed, batna: 0 });

const SUITE = 'pareto';

function tableOf(compiled: CompiledScenario) {
  return enumerateUtilities(
    compiled.models.map((m) => realiseUtility(m)),
    compiled.space,
  );
}

/**
 * Enumeration throughput and frontier times on seeded random additive spaces: 2-5 parties, 1e5-1e7 outcomes
 * (10 options per issue), end to end (utilities + skyline + listing) by enumeration and by the automatic
 * choice (issue decomposition for these additive utilities), and the skyline alone on precomputed utilities.
 */
export const paretoSuite: BenchSuite = {
  name: SUITE,
  async run(): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    const ms = (c: string, value: number, target?: number, notes?: string): BenchResult => ({
      suite: SUITE,
      case: c,
      metric: 'time',
      value,
      unit: 'ms',
      better: 'lower',
      ...(target === undefined ? {} : { target }),
      ...(notes === undefined ? {} : { notes }),
    });

    // Evaluation throughput: outcome-party utilities per second, with fresh arrays (allocation and the
    // kernel's zeroing of new pages included) and refilling arrays reused across calls.
    for (const [parties, issues] of [
      [2, 6],
      [5, 7],
    ] as const) {
      const compiled = compileScenario(additive(parties, issues, 10));
      const fns = compiled.models.map((m) => realiseUtility(m));
      const cells = compiled.space.size * parties;
      const big = issues >= 7;
      const fresh = timeMedian(() => enumerateUtilities(fns, compiled.space), big ? 0 : 300, big ? 2 : 3);
      const into = enumerateUtilities(fns, compiled.space).utilities;
      const reused = timeMedian(
        () => enumerateUtilities(fns, compiled.space, { into }),
        big ? 0 : 300,
        big ? 2 : 3,
      );
      for (const [how, t] of [
        ['new arrays', fresh],
        ['reused arrays', reused],
      ] as const) {
        results.push({
          suite: SUITE,
          case: `enumerate ${compiled.space.size.toExponential(0)} outcomes × ${parties} parties, ${how}`,
          metric: 'utility evaluations per second',
          value: Math.round(cells / (t / 1000)),
          unit: '1/s',
          better: 'higher',
          target: 1e8,
          notes: `${t.toFixed(1)} ms for ${cells} utilities`,
        });
      }
    }

    // An Energy-sized space: 8 issues × 5 options = 390,625 outcomes, 2 parties.
    {
      const compiled = compileScenario(additive(2, 8, 5, 11));
      let size = 0;
      const auto = timeMedian(() => {
        size = paretoFrontier(compiled).size;
      });
      const enumerated = timeMedian(() => {
        paretoFrontier(compiled, { method: 'enumerate' });
      });
      const skipped =
        'The real Energy, AMPOvsCity and KillerRobot domains are not measured here: they need the GENIUS importer.';
      results.push(
        ms(
          'frontier 8×5 issues (390,625 outcomes), 2 parties, auto',
          auto,
          100,
          `${size} points. ${skipped}`,
        ),
      );
      results.push(
        ms('frontier 8×5 issues (390,625 outcomes), 2 parties, enumerate', enumerated, 100, `${size} points`),
      );
    }

    for (const issues of [5, 6, 7]) {
      for (const parties of [2, 3, 4, 5]) {
        const compiled = compileScenario(additive(parties, issues, 10, 100 * issues + parties));
        const label = `${compiled.space.size.toExponential(0)} outcomes, ${parties} parties`;
        const big = issues >= 7;
        const minMs = big ? 0 : 300;
        const minRuns = big ? 1 : 3;
        const target = issues === 6 && parties === 2 ? 200 : issues === 6 && parties === 3 ? 1000 : undefined;
        let size = 0;
        let method = '';
        const auto = timeMedian(
          () => {
            const r = paretoFrontier(compiled);
            size = r.size;
            method = r.method;
          },
          minMs,
          minRuns,
        );
        results.push(ms(`frontier ${label}, auto`, auto, target, `${size} points by ${method}`));
        const enumerated = timeMedian(
          () => paretoFrontier(compiled, { method: 'enumerate' }),
          minMs,
          minRuns,
        );
        results.push(ms(`frontier ${label}, enumerate`, enumerated, target, `${size} points`));
        const cols = tableOf(compiled).utilities;
        const alone = timeMedian(() => skyline(cols), minMs, minRuns);
        results.push(ms(`skyline alone ${label}`, alone, undefined, `${size} points`));
      }
    }
    return results;
  },
};
