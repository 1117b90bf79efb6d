import { realiseUtility } from '../evaluate/utility-function.js';
import type { CompiledScenario } from '../model/compile.js';
import { isFullSubspace, type Subspace } from '../model/subspace.js';
import {
  type AcceptanceTest,
  acceptableMask,
  DEFAULT_MAX_CELLS,
  enumerateUtilities,
  type UtilityTable,
} from './utility-table.js';

/**
 * One enumeration of the whole outcome space for one analysis run: every model's point-estimate utility at
 * every outcome, and which outcomes every signatory accepts (no red line crossed, utility >= BATNA). The zone,
 * the bargaining solutions, the frontier and the concession analyses read it instead of enumerating the space each on its own.
 * Table index j is the outcome's own mixed-radix index (`encodeOutcome`), because the sub-space is the full one.
 */
export interface ScenarioTable {
  table: UtilityTable;
  /** 1 where every signatory accepts the outcome. */
  acceptable: Uint8Array;
  acceptableCount: number;
}

export function buildScenarioTable(compiled: CompiledScenario): ScenarioTable {
  // Point estimates, as every step's own set-up uses (zone-constraints' estimateUtilities).
  const utilities = compiled.models.map((m) => realiseUtility(m, 'estimate'));
  const table = enumerateUtilities(utilities, compiled.space);
  const tests: AcceptanceTest[] = compiled.signatories.map((m) => ({
    utility: table.utilities[m],
    batna: utilities[m].batna,
    crossedWhen: compiled.models[m].redLines.map((r) => r.crossedWhen),
  }));
  const { mask, count } = acceptableMask(table, tests);
  return { table, acceptable: mask, acceptableCount: count };
}

/**
 * Builds the scenario table on first use and hands the same one to every later step. It declines (returns
 * undefined) when the space is too large to enumerate within `limit` outcomes or the memory budget; each step
 * then uses its own method, as before. `builds` counts enumerations, so a test can check that there was one.
 */
export class SharedScenarioTable {
  builds = 0;
  private built: ScenarioTable | undefined;
  private declined = false;

  constructor(
    readonly compiled: CompiledScenario,
    private readonly limit: number,
  ) {}

  get(): ScenarioTable | undefined {
    if (this.built || this.declined) return this.built;
    const { space, models } = this.compiled;
    const size = space.size;
    if (!space.sizeIsExact || size > this.limit || size * Math.max(1, models.length) > DEFAULT_MAX_CELLS) {
      this.declined = true;
      return undefined;
    }
    this.builds++;
    this.built = buildScenarioTable(this.compiled);
    return this.built;
  }
}

/**
 * The shared table's columns for `models` when it covers `within` (the whole space), else undefined. With
 * them, a walk over `within` by `forEachCompletion` visits table index j at its j-th step (same order).
 */
export function sharedColumns(
  compiled: CompiledScenario,
  within: Subspace,
  shared: SharedScenarioTable | undefined,
  models: number[],
): { columns: Float64Array[]; acceptable: Uint8Array } | undefined {
  if (!shared || !isFullSubspace(compiled.space, within)) return undefined;
  const built = shared.get();
  if (!built) return undefined;
  return { columns: models.map((m) => built.table.utilities[m]), acceptable: built.acceptable };
}
