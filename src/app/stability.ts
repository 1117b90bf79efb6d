import { type Cancellation, NEVER_CANCELLED, NO_PROGRESS, type Progress } from '../core/ports.js';
import { coalitionsOf, coalitionVerdict } from '../core/stability/coalition-improvements.js';
import type { Conflict } from '../core/stability/conflict.js';
import {
  buildGraphModel,
  type CoalitionSanctionRule,
  type GraphModel,
} from '../core/stability/graph-model.js';
import {
  enumerateInverse,
  type InverseEnumeration,
  type RankingWindow,
  type SymbolicConditions,
  symbolicConditions,
} from '../core/stability/inverse-gmcr.js';
import type { SequenceRule, Step } from '../core/stability/move-sequences.js';
import type { Concept, SimultaneousSanction } from '../core/stability/stability-concepts.js';
import { stabilityTable } from '../core/stability/stability-table.js';
import { codeOfTaken, describeCode } from '../core/stability/state-space.js';
import { statusQuoPaths } from '../core/stability/status-quo.js';

/**
 * The stability analysis of a conflict in option form (GMCR). Every state number in the result is 1-based,
 * in the conflict's state numbering (feasible option vectors sorted by Σ 2^i over the options taken).
 */
export interface StabilityRequest {
  conflict: Conflict;
  /** Decision D1: who may move in a sanctioning sequence. Default `legalSequence`. */
  sequenceRule?: SequenceRule;
  /** Decision D3: when a sanction against a coalition succeeds. Default `anyMemberNoBetter`. */
  coalitionSanction?: CoalitionSanctionRule;
  /** Partition of the decision makers for the coalition-as-one-player analysis (default: the conflict's). */
  partition?: number[][];
  /** Analyse every coalition of two or more decision makers (coalition improvements). Default true. */
  coalitionImprovements?: boolean;
  /** Status quo as the options taken (default: the conflict's). */
  statusQuo?: number[];
  inverse?: { state: number; windows?: RankingWindow[]; maxCombinations?: number };
}

/** A move in a result: who moves, from which state to which (1-based). */
export type ResultStep = Step;

export interface Explanation {
  state: number;
  player: number;
  concept: Concept;
  stable: boolean;
  /** The player's unilateral improvements and, for each, the answer found (none: the move is not deterred). */
  moves: Array<{ to: number; sanction?: ResultStep[]; simultaneous?: SimultaneousSanction }>;
}

export interface PlayerTable {
  players: Array<{ name: string; members: number[] }>;
  /** stable[concept][player][state - 1]. */
  stable: Record<Concept, boolean[][]>;
  equilibria: Record<Concept, number[]>;
  explanations: Explanation[];
}

export interface StabilityResult {
  kind: 'parley.stability';
  title?: string;
  method: string;
  exact: true;
  sequenceRule: SequenceRule;
  coalitionSanction: CoalitionSanctionRule;
  decisionMakers: Array<{ name: string; options: number[] }>;
  options: Array<{ name: string; decisionMaker: number; direction: string }>;
  states: Array<{ number: number; code: number; vector: string; taken: number[] }>;
  concepts: Concept[];
  individual: PlayerTable;
  partition?: PlayerTable;
  coalitions?: {
    verdicts: Array<{
      coalition: number[];
      state: number;
      stable: { cnash: boolean; cgmr: boolean; cseq: boolean };
      improvements: Array<{
        to: number;
        path: ResultStep[];
        sanction: { cgmr?: ResultStep[]; cseq?: ResultStep[] };
      }>;
    }>;
    /** States that are equilibria under Nash/GMR/SEQ and stable for every coalition under CNash/CGMR/CSEQ. */
    equilibria: { cnash: number[]; cgmr: number[]; cseq: number[] };
  };
  statusQuo?: {
    state: number;
    reachable: Array<{ state: number; path: ResultStep[] }>;
    reachableEquilibria: Record<Concept, number[]>;
  };
  inverse?: { enumeration: InverseEnumeration; conditions: SymbolicConditions[] };
  warnings: string[];
}

export interface StabilityPorts {
  progress?: Progress;
  cancel?: Cancellation;
}

export class StabilityCancelled extends Error {
  constructor() {
    super('the stability analysis was cancelled');
  }
}

const oneBased = (steps: readonly Step[]): ResultStep[] =>
  steps.map((s) => ({ mover: s.mover, from: s.from + 1, to: s.to + 1 }));

function playerTable(model: GraphModel, sequenceRule: SequenceRule): PlayerTable {
  const table = stabilityTable(model, { sequenceRule });
  const explanations: Explanation[] = [];
  for (const [concept, rows] of Object.entries(table.verdicts) as Array<
    [Concept, NonNullable<(typeof table.verdicts)[Concept]>]
  >) {
    rows.forEach((row, player) => {
      row.forEach((verdict, s) => {
        if (verdict.improvements.length === 0) return;
        explanations.push({
          state: s + 1,
          player,
          concept,
          stable: verdict.stable,
          moves: verdict.improvements.map((m) => ({
            to: m.to + 1,
            ...(m.sanction ? { sanction: oneBased(m.sanction) } : {}),
            ...(m.simultaneous
              ? {
                  simultaneous: {
                    moves: m.simultaneous.moves.map((x) => ({ mover: x.mover, to: x.to + 1 })),
                    result: m.simultaneous.result + 1,
                  },
                }
              : {}),
          })),
        });
      });
    });
  }
  const equilibria = Object.fromEntries(
    Object.entries(table.equilibria).map(([c, list]) => [c, list.map((s) => s + 1)]),
  ) as Record<Concept, number[]>;
  return {
    players: model.players.map((p) => ({ name: p.name, members: p.members })),
    stable: table.stable,
    equilibria,
    explanations,
  };
}

export function analyzeStability(request: StabilityRequest, ports: StabilityPorts = {}): StabilityResult {
  const progress = ports.progress ?? NO_PROGRESS;
  const cancel = ports.cancel ?? NEVER_CANCELLED;
  const checkpoint = (step: string) => {
    if (cancel.aborted) throw new StabilityCancelled();
    progress.report({ step });
  };
  const { conflict } = request;
  const sequenceRule = request.sequenceRule ?? 'legalSequence';
  const coalitionSanction = request.coalitionSanction ?? 'anyMemberNoBetter';
  const warnings: string[] = [];

  checkpoint('individual stability');
  const model = buildGraphModel(conflict, { coalitionSanction });
  const n = model.space.codes.length;
  const result: StabilityResult = {
    kind: 'parley.stability',
    ...(conflict.title === undefined ? {} : { title: conflict.title }),
    method: `exhaustive: every feasible state (${n}), every decision maker, every concept`,
    exact: true,
    sequenceRule,
    coalitionSanction,
    decisionMakers: conflict.decisionMakers.map((dm) => ({ name: dm.name, options: dm.options })),
    options: conflict.options.map((o) => ({
      name: o.name,
      decisionMaker: o.decisionMaker,
      direction: o.direction,
    })),
    states: Array.from(model.space.codes, (code, s) => ({
      number: s + 1,
      code,
      vector: describeCode(code, conflict.options.length),
      taken: conflict.options.flatMap((_, i) => ((code >>> i) & 1 ? [i] : [])),
    })),
    concepts: [],
    individual: playerTable(model, sequenceRule),
    warnings,
  };
  result.concepts = Object.keys(result.individual.stable) as Concept[];

  const partition = request.partition ?? conflict.coalitions;
  if (partition?.some((block) => block.length > 1)) {
    checkpoint('coalitions as one decision maker');
    result.partition = playerTable(buildGraphModel(conflict, { partition, coalitionSanction }), sequenceRule);
  }

  if (request.coalitionImprovements ?? true) {
    checkpoint('coalition improvements');
    const verdicts: NonNullable<StabilityResult['coalitions']>['verdicts'] = [];
    const stableForAll = {
      cnash: new Array(n).fill(true),
      cgmr: new Array(n).fill(true),
      cseq: new Array(n).fill(true),
    };
    for (const coalition of coalitionsOf(model.players.length)) {
      for (let s = 0; s < n; s++) {
        const verdict = coalitionVerdict(model, coalition, s, sequenceRule);
        for (const c of ['cnash', 'cgmr', 'cseq'] as const)
          if (!verdict.stable[c]) stableForAll[c][s] = false;
        if (verdict.improvements.length === 0) continue;
        verdicts.push({
          coalition,
          state: s + 1,
          stable: verdict.stable,
          improvements: verdict.improvements.map((i) => ({
            to: i.to + 1,
            path: oneBased(i.path),
            sanction: {
              ...(i.sanction.cgmr ? { cgmr: oneBased(i.sanction.cgmr) } : {}),
              ...(i.sanction.cseq ? { cseq: oneBased(i.sanction.cseq) } : {}),
            },
          })),
        });
      }
    }
    const eq = result.individual.equilibria;
    result.coalitions = {
      verdicts,
      equilibria: {
        cnash: eq.nash.filter((s) => stableForAll.cnash[s - 1]),
        cgmr: eq.gmr.filter((s) => stableForAll.cgmr[s - 1]),
        cseq: eq.seq.filter((s) => stableForAll.cseq[s - 1]),
      },
    };
  }

  const statusQuo = request.statusQuo ?? conflict.statusQuo;
  if (statusQuo !== undefined) {
    checkpoint('status quo');
    const sq = model.space.indexOf[codeOfTaken(statusQuo)];
    if (sq < 0) throw new RangeError('the status quo is not a feasible state');
    const reachable = statusQuoPaths(model, sq).map((r) => ({ state: r.state + 1, path: oneBased(r.path) }));
    const reached = new Set(reachable.map((r) => r.state));
    result.statusQuo = {
      state: sq + 1,
      reachable,
      reachableEquilibria: Object.fromEntries(
        Object.entries(result.individual.equilibria).map(([c, list]) => [
          c,
          list.filter((s) => reached.has(s)),
        ]),
      ) as Record<Concept, number[]>,
    };
  }

  if (request.inverse !== undefined) {
    checkpoint('inverse GMCR');
    const state = request.inverse.state - 1;
    if (state < 0 || state >= n) throw new RangeError(`there is no state ${request.inverse.state} (1..${n})`);
    const enumeration = enumerateInverse(model, state, {
      sequenceRule,
      ...(request.inverse.windows ? { windows: request.inverse.windows } : {}),
      ...(request.inverse.maxCombinations ? { maxCombinations: request.inverse.maxCombinations } : {}),
    });
    const oneBasedRanking = (r: number[]) => r.map((s) => s + 1);
    result.inverse = {
      enumeration: {
        ...enumeration,
        state: state + 1,
        baseRankings: enumeration.baseRankings.map(oneBasedRanking),
        examples: enumeration.examples.map((combination) => combination.map(oneBasedRanking)),
      },
      conditions: symbolicConditions(model, state, sequenceRule).map((c) => ({
        player: c.player,
        nash: c.nash.map((s) => s + 1),
        gmr: c.gmr.map((g) => ({ move: g.move + 1, orOneOf: g.orOneOf.map((s) => s + 1) })),
      })),
    };
  }
  return result;
}
