import { join } from 'node:path';
import { loadScenarioFile } from '../../src/adapters/load/load-scenario.js';
import type { FrontierReport } from '../../src/app/frontier.js';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { type CompiledScenario, compileScenario } from '../../src/core/model/compile.js';
import { decodeOutcome } from '../../src/core/model/outcome-space.js';
import { repoRoot } from '../support/run-cli.js';

/** The river-clash fixture: two parties, 81 outcomes, red lines that clash on the allocation. */
export function riverClash() {
  const loaded = loadScenarioFile(join(repoRoot, 'test', 'fixtures', 'frontiers', 'river-clash.yaml'));
  if (!loaded.ok) throw new Error('the river-clash fixture does not load');
  return { scenario: loaded.scenario, compiled: compileScenario(loaded.scenario) };
}

/** Allocation of each option index (20..60 % by 5), read from the fixture's range. */
const allocation = (option: number) => 20 + 5 * option;

/**
 * The frontier by brute force, independent of the zone and frontier code: every outcome, the red lines
 * written out from the fixture (Northland's crossed at 40 % and more, Southport's needs 45 % or more) less
 * the dropped one, the BATNAs (35 and 25 at the scenario's date), then pairwise dominance. 'unconstrained'
 * keeps every outcome (a frontier over all outcomes); `only` restricts to some (a package's completions).
 */
export function bruteForce(
  compiled: CompiledScenario,
  dropped: 'northland' | 'southport' | 'unconstrained',
  only: (outcome: Int32Array) => boolean = () => true,
): string[] {
  const fns = compiled.models.map((m) => realiseUtility(m));
  const batnas = [35, 25];
  const vectors: number[][] = [];
  for (let index = 0; index < compiled.space.size; index++) {
    const outcome = decodeOutcome(compiled.space, index);
    if (!only(outcome)) continue;
    const share = allocation(outcome[0]);
    if (dropped === 'unconstrained') {
      vectors.push(fns.map((f) => utilityOf(f, outcome)));
      continue;
    }
    if (dropped !== 'northland' && share >= 40) continue;
    if (dropped !== 'southport' && share < 45) continue;
    const u = fns.map((f) => utilityOf(f, outcome));
    if (u.some((x, k) => x < batnas[k])) continue;
    vectors.push(u);
  }
  const dominated = (a: number[], b: number[]) => b.every((x, k) => x >= a[k]) && b.some((x, k) => x > a[k]);
  const frontier = vectors.filter((v) => !vectors.some((w) => dominated(v, w)));
  return [...new Set(frontier.map(key))].sort();
}

export const key = (u: number[]) => u.map((x) => x.toFixed(9)).join('/');
export const keys = (f: FrontierReport) => f.points.map((p) => key(p.utilities)).sort();
