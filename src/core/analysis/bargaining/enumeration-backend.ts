import type { CompiledScenario } from '../../model/compile.js';
import { decodeOutcome } from '../../model/outcome-space.js';
import type { ZoneTable } from '../enumerate-zone.js';
import { type Backend, columnOf } from './backend.js';
import { discreteByEnumeration, gainsAt } from './discrete-enumerated.js';

/** The bargaining set listed exhaustively: exact optimisation by filters, pricing by a scan. */
export function enumerationBackend(
  compiled: CompiledScenario,
  table: ZoneTable,
  disagreement: Float64Array,
  maxTies: number,
): Backend {
  const n = table.parties.length;
  const ideal = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const idealIndex = new Int32Array(n).fill(-1);
  for (let j = 0; j < table.count; j++) {
    for (let q = 0; q < n; q++) {
      const u = table.utilities[j * n + q];
      if (u > ideal[q]) {
        ideal[q] = u;
        idealIndex[q] = j;
      }
    }
  }
  return {
    method: 'enumerate',
    size: table.count,
    empty: table.count === 0,
    ideal,
    idealOutcomes: Array.from(idealIndex, (j) => decodeOutcome(compiled.space, table.codes[j])),
    discrete: async (spec) => discreteByEnumeration(compiled.space, table, disagreement, spec, maxTies),
    pricer: async (w) => {
      let best = -1;
      let bestValue = Number.NEGATIVE_INFINITY;
      const g = new Float64Array(n);
      for (let j = 0; j < table.count; j++) {
        gainsAt(table, j, disagreement, g);
        let v = 0;
        for (let q = 0; q < n; q++) v += w[q] * g[q];
        if (v > bestValue) {
          bestValue = v;
          best = j;
        }
      }
      const outcome = decodeOutcome(compiled.space, table.codes[best]);
      return {
        column: columnOf(outcome, gainsAt(table, best, disagreement)),
        value: bestValue,
        bound: bestValue,
      };
    },
    exactness: () => ({
      text: `exact: all ${table.count} outcomes of the bargaining set were evaluated; every tie within 1e-9 is counted`,
      tolerance: 0,
    }),
  };
}
