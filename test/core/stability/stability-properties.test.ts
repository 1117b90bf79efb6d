import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../src/core/stability/conflict.js';
import { buildGraphModel, type GraphModel } from '../../../src/core/stability/graph-model.js';
import type { SequenceRule } from '../../../src/core/stability/move-sequences.js';
import { stabilityTable } from '../../../src/core/stability/stability-table.js';
import { arbitraryConflict } from './small-conflicts.js';

/**
 * Brute force, straight from the definitions: one-move targets by comparing option vectors, opponents'
 * reachable sets by iterating "(state, last mover)" pairs to a fixed point, payoffs compared directly.
 */
function bruteForce(conflict: Conflict, model: GraphModel, rule: SequenceRule) {
  const n = model.space.codes.length;
  const codes = Array.from(model.space.codes);
  const owner = conflict.options.map((o) => o.decisionMaker);
  const dms = conflict.decisionMakers.length;
  const oneMove = (d: number, s: number): number[] =>
    codes.flatMap((code, t) => {
      const changed = codes[s] ^ code;
      if (changed === 0) return [];
      for (let o = 0; o < conflict.options.length; o++) {
        if (!((changed >>> o) & 1)) continue;
        if (owner[o] !== d) return [];
        const wasTaken = (codes[s] >>> o) & 1;
        if (conflict.options[o].direction === 'forward' && wasTaken) return [];
        if (conflict.options[o].direction === 'backward' && !wasTaken) return [];
      }
      return [t];
    });
  const u = (d: number, s: number) => model.scores[d][s];
  const reach = (movers: number[], start: number, credible: boolean): Set<number> => {
    // Pairs "state|history": history is the last mover (legal sequences) or the sorted set of movers so far.
    const key = (s: number, h: number[]) => `${s}|${h.join(',')}`;
    const seen = new Map<string, [number, number[]]>();
    let frontier: Array<[number, number[]]> = [[start, []]];
    while (frontier.length > 0) {
      const next: Array<[number, number[]]> = [];
      for (const [s, history] of frontier) {
        for (const d of movers) {
          if (rule === 'legalSequence' ? history[0] === d : history.includes(d)) continue;
          for (const t of oneMove(d, s)) {
            if (credible && !(u(d, t) > u(d, s))) continue;
            const h = rule === 'legalSequence' ? [d] : [...history, d].sort();
            if (seen.has(key(t, h))) continue;
            seen.set(key(t, h), [t, h]);
            next.push([t, h]);
          }
        }
      }
      frontier = next;
    }
    return new Set([...seen.values()].map(([t]) => t));
  };
  const stable = (concept: 'nash' | 'gmr' | 'smr' | 'seq') =>
    Array.from({ length: dms }, (_, i) =>
      Array.from({ length: n }, (_, s) => {
        const others = Array.from({ length: dms }, (_, d) => d).filter((d) => d !== i);
        return oneMove(i, s)
          .filter((s1) => u(i, s1) > u(i, s))
          .every((s1) => {
            if (concept === 'nash') return false;
            return [...reach(others, s1, concept === 'seq')].some(
              (s2) =>
                u(i, s2) <= u(i, s) &&
                (concept !== 'smr' || oneMove(i, s2).every((s3) => u(i, s3) <= u(i, s))),
            );
          });
      }),
    );
  return { nash: stable('nash'), gmr: stable('gmr'), smr: stable('smr'), seq: stable('seq') };
}

const subset = (a: boolean[][], b: boolean[][]) => a.every((row, p) => row.every((x, s) => !x || b[p][s]));

describe('stability concepts against brute force on small random conflicts', () => {
  it('agree with the definitions, under both sequence rules, for up to 3 decision makers', () => {
    fc.assert(
      fc.property(
        arbitraryConflict({ maxDms: 3, strict: false }),
        fc.constantFrom<SequenceRule>('legalSequence', 'atMostOnce'),
        (conflict, rule) => {
          const model = buildGraphModel(conflict);
          const table = stabilityTable(model, { sequenceRule: rule });
          const brute = bruteForce(conflict, model, rule);
          for (const concept of ['nash', 'gmr', 'smr', 'seq'] as const)
            expect(table.stable[concept]).toEqual(brute[concept]);
        },
      ),
      { numRuns: 60, seed: 13 },
    );
  });

  it('Nash ⊆ SEQ ⊆ GMR and Nash ⊆ SMR ⊆ GMR for strict preferences and 2 decision makers', () => {
    fc.assert(
      fc.property(arbitraryConflict({ maxDms: 2, strict: true }), (conflict) => {
        const { stable } = stabilityTable(buildGraphModel(conflict), { sequenceRule: 'legalSequence' });
        expect(subset(stable.nash, stable.seq) && subset(stable.seq, stable.gmr)).toBe(true);
        expect(subset(stable.nash, stable.smr) && subset(stable.smr, stable.gmr)).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('the two sanction-sequence rules coincide for 2 decision makers', () => {
    fc.assert(
      fc.property(arbitraryConflict({ maxDms: 2, strict: false }), (conflict) => {
        const model = buildGraphModel(conflict);
        const a = stabilityTable(model, { sequenceRule: 'legalSequence' });
        const b = stabilityTable(model, { sequenceRule: 'atMostOnce' });
        expect(a.stable).toEqual(b.stable);
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('is invariant under renaming: reversing the decision makers and the options changes nothing', () => {
    fc.assert(
      fc.property(arbitraryConflict({ maxDms: 3, strict: false }), (conflict) => {
        const o = conflict.options.length;
        const m = conflict.decisionMakers.length;
        const optionMap = (i: number) => o - 1 - i;
        const dmMap = (d: number) => m - 1 - d;
        const renamed: Conflict = {
          options: conflict.options.map((_, i) => {
            const original = conflict.options[optionMap(i)];
            return { ...original, decisionMaker: dmMap(original.decisionMaker) };
          }),
          decisionMakers: conflict.decisionMakers.map((_, d) => {
            const original = conflict.decisionMakers[dmMap(d)];
            return { name: original.name, options: original.options.map(optionMap) };
          }),
          infeasible: conflict.infeasible.map((p) => p.map(([i, v]) => [optionMap(i), v] as const)),
          preferences: conflict.decisionMakers.map((_, d) => {
            const original = conflict.preferences[dmMap(d)];
            if (original.kind !== 'statements') throw new Error('fixtures use statements');
            return {
              kind: 'statements' as const,
              statements: original.statements.map((st) =>
                st.map((c) => c.map(([i, v]) => [optionMap(i), v] as const)),
              ),
            };
          }),
        };
        const before = buildGraphModel(conflict);
        const after = buildGraphModel(renamed);
        const a = stabilityTable(before, { sequenceRule: 'legalSequence' });
        const b = stabilityTable(after, { sequenceRule: 'legalSequence' });
        // The same state is a different code after renaming: map each state through its option vector.
        const mirror = (code: number) => {
          let out = 0;
          for (let i = 0; i < o; i++) if ((code >>> i) & 1) out |= 1 << optionMap(i);
          return out;
        };
        const stateMap = Array.from(before.space.codes, (code) => after.space.indexOf[mirror(code)]);
        for (const concept of a.concepts) {
          for (let d = 0; d < m; d++) {
            for (let s = 0; s < stateMap.length; s++) {
              expect(b.stable[concept][dmMap(d)][stateMap[s]]).toBe(a.stable[concept][d][s]);
            }
          }
        }
      }),
      { numRuns: 30, seed: 5 },
    );
  });
});
