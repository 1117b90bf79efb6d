import { type Estimate, estimate, type PermutationTest, pairedPermutationTest } from '../statistics/index.js';
import { deriveSeed } from './seeds.js';
import type { EndReason, Run } from './trace.js';

/**
 * The pure part of tournaments: which matches to play (strategies × scenarios × role assignments ×
 * repetitions, each with its own seed) and how to score them. Running them (workers, journal, progress) is in
 * src/adapters/simulation/tournament.ts.
 */

export interface TournamentPlanInput {
  scenarios: ReadonlyArray<{ id: string; parties: readonly string[] }>;
  /** Strategy labels, unique. */
  strategies: readonly string[];
  /** all: every strategy in every role (with repeats); distinct: no strategy twice in one match. */
  assignments: 'all' | 'distinct';
  repetitions: number;
  seed: number;
}

export interface PlannedMatch {
  index: number;
  /** scenario/label+label+.../r<repetition>: stable across runs, the key of the journal. */
  id: string;
  scenario: number;
  scenarioId: string;
  parties: string[];
  /** Strategy index per party. */
  assignment: number[];
  repetition: number;
  /** Seed of the run: derived from the tournament seed and the match id. */
  seed: number;
  /**
   * Seed of the preference draw: derived from the scenario and repetition only, so every pairing of strategies
   * meets the same realisations (common random numbers, which makes paired comparisons fair).
   */
  realisationSeed: number;
}

export class TournamentPlanError extends Error {}

function* tuples(size: number, n: number, distinct: boolean, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === size) {
    yield prefix;
    return;
  }
  for (let k = 0; k < n; k++) {
    if (distinct && prefix.includes(k)) continue;
    yield* tuples(size, n, distinct, [...prefix, k]);
  }
}

export function planTournament(input: TournamentPlanInput): PlannedMatch[] {
  if (new Set(input.strategies).size !== input.strategies.length) {
    throw new TournamentPlanError(
      `strategy labels must be unique (got ${input.strategies.join(', ')}); give a label to tell variants apart`,
    );
  }
  const matches: PlannedMatch[] = [];
  input.scenarios.forEach((scenario, s) => {
    const size = scenario.parties.length;
    if (input.assignments === 'distinct' && input.strategies.length < size) {
      throw new TournamentPlanError(
        `scenario '${scenario.id}' has ${size} negotiators but only ${input.strategies.length} strategies: 'distinct' assignments are impossible`,
      );
    }
    for (const assignment of tuples(size, input.strategies.length, input.assignments === 'distinct')) {
      for (let repetition = 0; repetition < input.repetitions; repetition++) {
        const id = `${scenario.id}/${assignment.map((k) => input.strategies[k]).join('+')}/r${repetition}`;
        matches.push({
          index: matches.length,
          id,
          scenario: s,
          scenarioId: scenario.id,
          parties: [...scenario.parties],
          assignment,
          repetition,
          seed: deriveSeed(input.seed, id),
          realisationSeed: deriveSeed(input.seed, `${scenario.id}/r${repetition}`),
        });
      }
    }
  });
  return matches;
}

/** What a tournament keeps of each run (one line of the journal). */
export interface MatchRecord {
  index: number;
  id: string;
  scenario: string;
  parties: string[];
  /** Strategy label per party. */
  strategies: string[];
  repetition: number;
  seed: number;
  realisationSeed: number;
  agreement: boolean;
  endedBy: EndReason;
  rounds: number;
  utilities: number[];
  discountedUtilities: number[];
  socialWelfare: number;
  concessionRates: Array<number | null>;
  paretoDistance?: number;
  nashDistance?: number;
  kalaiDistance?: number;
  faults: number;
  outcome?: number[];
}

export function matchRecord(match: PlannedMatch, strategies: readonly string[], run: Run): MatchRecord {
  const record: MatchRecord = {
    index: match.index,
    id: match.id,
    scenario: match.scenarioId,
    parties: run.parties,
    strategies: match.assignment.map((k) => strategies[k]),
    repetition: match.repetition,
    seed: match.seed,
    realisationSeed: match.realisationSeed,
    agreement: run.outcome.agreement,
    endedBy: run.outcome.endedBy,
    rounds: run.metrics.rounds,
    utilities: run.metrics.utilities,
    discountedUtilities: run.metrics.discountedUtilities,
    socialWelfare: run.metrics.socialWelfare,
    concessionRates: run.metrics.concessionRates,
    faults: run.faults.length,
  };
  for (const key of ['paretoDistance', 'nashDistance', 'kalaiDistance'] as const) {
    const value = run.metrics[key];
    if (value !== undefined) record[key] = value;
  }
  if (run.outcome.outcome) record.outcome = run.outcome.outcome;
  return record;
}

export interface StrategyScore {
  strategy: string;
  /** Number of (match, role) observations: a strategy playing both sides of a match counts twice. */
  observations: number;
  agreementRate: Estimate;
  /** The strategy's own utility (BATNA when there is no agreement). */
  utility: Estimate;
  /** Social welfare of the matches it played in. */
  welfare: Estimate;
  paretoDistance?: Estimate;
  nashDistance?: Estimate;
}

export interface StrategyComparison {
  a: string;
  b: string;
  /** Own utility of a minus that of b, paired on scenario, role, opponents and repetition. */
  utility: PermutationTest;
}

export interface TournamentSummary {
  strategies: StrategyScore[];
  comparisons: StrategyComparison[];
}

/**
 * Scores per strategy with 95% t-intervals, and pairwise paired permutation tests on own utility. A pair
 * compares strategy a and b in the same scenario and role, against the same opponents, in the same repetition
 * (hence the same preference draw); with 'distinct' assignments some pairs do not exist.
 */
export function scoreTournament(
  records: readonly MatchRecord[],
  strategies: readonly string[],
  seed: number,
): TournamentSummary {
  const scores = strategies.map((strategy): StrategyScore => {
    const agreement: number[] = [];
    const utility: number[] = [];
    const welfare: number[] = [];
    const pareto: number[] = [];
    const nash: number[] = [];
    for (const r of records) {
      r.strategies.forEach((label, slot) => {
        if (label !== strategy) return;
        agreement.push(r.agreement ? 1 : 0);
        utility.push(r.utilities[slot]);
        welfare.push(r.socialWelfare);
        if (r.paretoDistance !== undefined) pareto.push(r.paretoDistance);
        if (r.nashDistance !== undefined) nash.push(r.nashDistance);
      });
    }
    const score: StrategyScore = {
      strategy,
      observations: utility.length,
      agreementRate: estimate(agreement),
      utility: estimate(utility),
      welfare: estimate(welfare),
    };
    if (pareto.length) score.paretoDistance = estimate(pareto);
    if (nash.length) score.nashDistance = estimate(nash);
    return score;
  });

  const byContext = new Map<string, Map<string, number>>();
  for (const r of records) {
    r.strategies.forEach((label, slot) => {
      const others = r.strategies.map((l, k) => (k === slot ? '*' : l)).join('+');
      const key = `${r.scenario}|${slot}|${others}|${r.repetition}`;
      let entry = byContext.get(key);
      if (!entry) {
        entry = new Map();
        byContext.set(key, entry);
      }
      entry.set(label, r.utilities[slot]);
    });
  }
  const contexts = [...byContext.keys()].sort();
  const comparisons: StrategyComparison[] = [];
  for (let i = 0; i < strategies.length; i++) {
    for (let j = i + 1; j < strategies.length; j++) {
      const a = strategies[i];
      const b = strategies[j];
      const differences: number[] = [];
      for (const key of contexts) {
        const entry = byContext.get(key) as Map<string, number>;
        const ua = entry.get(a);
        const ub = entry.get(b);
        if (ua !== undefined && ub !== undefined) differences.push(ua - ub);
      }
      comparisons.push({
        a,
        b,
        utility: pairedPermutationTest(differences, deriveSeed(seed, `compare:${a}:${b}`)),
      });
    }
  }
  return { strategies: scores, comparisons };
}
