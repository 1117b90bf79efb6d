import { type UtilityFunction, utilityOf } from '../evaluate/utility-function.js';
import type { CompiledScenario } from '../model/compile.js';
import { encodeOutcome } from '../model/outcome-space.js';
import { holds } from '../model/rule.js';
import { forEachCompletion, isFullSubspace, type Subspace } from '../model/subspace.js';
import type { ScenarioTable } from './scenario-table.js';

/**
 * The agreement zone of a sub-space, listed by brute force: each complete outcome is checked exactly
 * (every signatory's red lines and BATNA, plus optional extra BATNA conditions) with `utilityOf` and `holds`.
 */
export interface ZoneTable {
  /** Model indices whose utilities are stored, in this order. */
  parties: number[];
  count: number;
  /** Mixed-radix index (encodeOutcome) of each zone outcome, in enumeration order. */
  codes: Float64Array;
  /** utilities[j * parties.length + q]: utility of parties[q] at outcome j. */
  utilities: Float64Array;
  /** Number of outcomes examined (the sub-space's size). */
  examined: number;
}

export interface EnumerateZoneOptions {
  subspace: Subspace;
  /** Models whose utilities to record. */
  parties: number[];
  utilities: UtilityFunction[];
  /** Models that must also reach their BATNA (besides the signatories), e.g. non-signatory bargaining parties. */
  alsoAtLeastBatna?: number[];
  /**
   * The run's one enumeration of the whole space, built from the same point-estimate utilities: when given
   * and the sub-space is the whole space, the zone is read from it instead of walking the space again.
   */
  shared?: ScenarioTable;
}

/** True when the outcome is acceptable to every signatory (no red line crossed, utility >= BATNA). */
export function acceptableToSignatories(
  compiled: CompiledScenario,
  utilities: UtilityFunction[],
  outcome: ArrayLike<number>,
): boolean {
  for (const m of compiled.signatories) {
    const model = compiled.models[m];
    for (const line of model.redLines) if (holds(line.crossedWhen, outcome)) return false;
    if (utilityOf(utilities[m], outcome) < utilities[m].batna) return false;
  }
  return true;
}

export function enumerateZone(compiled: CompiledScenario, options: EnumerateZoneOptions): ZoneTable {
  const { subspace, parties, utilities } = options;
  const extra = (options.alsoAtLeastBatna ?? []).filter((m) => !compiled.signatories.includes(m));
  if (options.shared && isFullSubspace(compiled.space, subspace)) {
    return zoneFromTable(options.shared, parties, utilities, extra);
  }
  let capacity = 1024;
  let codes = new Float64Array(capacity);
  let values = new Float64Array(capacity * parties.length);
  let count = 0;
  let examined = 0;
  forEachCompletion(subspace, (outcome) => {
    examined++;
    if (!acceptableToSignatories(compiled, utilities, outcome)) return;
    for (const m of extra) if (utilityOf(utilities[m], outcome) < utilities[m].batna) return;
    if (count === capacity) {
      capacity *= 2;
      const c = new Float64Array(capacity);
      c.set(codes);
      codes = c;
      const v = new Float64Array(capacity * parties.length);
      v.set(values);
      values = v;
    }
    codes[count] = encodeOutcome(compiled.space, outcome);
    for (let q = 0; q < parties.length; q++) {
      values[count * parties.length + q] = utilityOf(utilities[parties[q]], outcome);
    }
    count++;
  });
  return {
    parties,
    count,
    codes: codes.subarray(0, count),
    utilities: values.subarray(0, count * parties.length),
    examined,
  };
}

/** The zone read from the run's table: same outcomes, same order, same utilities (bit for bit) as the walk. */
function zoneFromTable(
  shared: ScenarioTable,
  parties: number[],
  utilities: UtilityFunction[],
  extra: number[],
): ZoneTable {
  const { table, acceptable } = shared;
  const columns = table.utilities;
  const kept: number[] = [];
  for (let j = 0; j < table.size; j++) {
    if (acceptable[j] === 0) continue;
    let ok = true;
    for (const m of extra) {
      if (columns[m][j] < utilities[m].batna) {
        ok = false;
        break;
      }
    }
    if (ok) kept.push(j);
  }
  const codes = Float64Array.from(kept);
  const values = new Float64Array(kept.length * parties.length);
  kept.forEach((j, k) => {
    for (let q = 0; q < parties.length; q++) values[k * parties.length + q] = columns[parties[q]][j];
  });
  return { parties, count: kept.length, codes, utilities: values, examined: table.size };
}
