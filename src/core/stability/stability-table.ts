import type { GraphModel } from './graph-model.js';
import { CONCEPTS, type Concept, judge, type StabilityOptions, type Verdict } from './stability-concepts.js';

/** stable[c][p][s]: whether state s is stable for player p under concept c. */
export interface StabilityTable {
  concepts: Concept[];
  stable: Record<Concept, boolean[][]>;
  /** equilibria[c]: the states stable for every player under concept c (0-based, ascending). */
  equilibria: Record<Concept, number[]>;
  /** verdicts[c][p][s] with witness paths, for the basic concepts (nash, gmr, smr, seq, sim, seqOrSimPerMove). */
  verdicts: Partial<Record<Concept, Verdict[][]>>;
}

const BASIC = ['nash', 'gmr', 'smr', 'seq', 'sim', 'seqOrSimPerMove'] as const;

export function stabilityTable(model: GraphModel, options: StabilityOptions): StabilityTable {
  const n = model.space.codes.length;
  const verdicts: Partial<Record<Concept, Verdict[][]>> = {};
  const stable = {} as Record<Concept, boolean[][]>;
  for (const concept of BASIC) {
    const rows = model.players.map((_, p) =>
      Array.from({ length: n }, (_, s) => judge(model, p, s, concept, options)),
    );
    verdicts[concept] = rows;
    stable[concept] = rows.map((row) => row.map((v) => v.stable));
  }
  stable.seqAndSim = stable.seq.map((row, p) => row.map((x, s) => x && stable.sim[p][s]));
  stable.seqOrSim = stable.seq.map((row, p) => row.map((x, s) => x || stable.sim[p][s]));
  const equilibria = {} as Record<Concept, number[]>;
  for (const concept of CONCEPTS) {
    equilibria[concept] = Array.from({ length: n }, (_, s) => s).filter((s) =>
      stable[concept].every((row) => row[s]),
    );
  }
  return { concepts: [...CONCEPTS], stable, equilibria, verdicts };
}
