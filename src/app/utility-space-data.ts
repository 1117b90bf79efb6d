import { realiseUtility, utilityOf } from '../core/evaluate/utility-function.js';
import type { CompiledScenario } from '../core/model/compile.js';
import { createRng } from '../core/random/rng.js';

/** Outcomes drawn for the background of the utility charts when the frontier is not enumerated. */
export const BACKGROUND_SAMPLE = 1500;

/** The parties the utility charts show, in chart order: the signatories when there are two or more. */
export interface ChartedParty {
  /** Model index (column in the analysis's per-party lists). */
  model: number;
  party: string;
  name: string;
  batna: number;
}

export interface UtilitySpaceData {
  parties: ChartedParty[];
  /**
   * When the frontier was not enumerated: the utilities (in chart order) of a seeded uniform sample of
   * outcomes, for the shape of the space only.
   */
  sample?: { seed: number; points: number[][] };
}

export function utilitySpaceData(
  compiled: CompiledScenario,
  sample: boolean,
  seed: number,
): UtilitySpaceData {
  const charted = compiled.signatories.length >= 2 ? compiled.signatories : compiled.models.map((_, k) => k);
  const parties = charted.map((m) => ({
    model: m,
    party: compiled.models[m].party,
    name: compiled.models[m].name,
    batna: compiled.models[m].batna.estimate,
  }));
  return { parties, ...(sample ? { sample: { seed, points: sampleCloud(compiled, charted, seed) } } : {}) };
}

/** Utility vectors of a seeded uniform sample of outcomes, to show the shape of a space too large to enumerate. */
function sampleCloud(compiled: CompiledScenario, charted: number[], seed: number): number[][] {
  const rng = createRng(seed).fork('report-background');
  const fns = charted.map((m) => realiseUtility(compiled.models[m]));
  const outcome = new Int32Array(compiled.space.radix.length);
  const points: number[][] = [];
  for (let k = 0; k < BACKGROUND_SAMPLE; k++) {
    compiled.space.radix.forEach((r, i) => {
      outcome[i] = rng.int(r);
    });
    points.push(fns.map((f) => utilityOf(f, outcome)));
  }
  return points;
}
