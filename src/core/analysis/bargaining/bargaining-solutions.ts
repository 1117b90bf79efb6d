import { utilityOf } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import { enumerateZone } from '../enumerate-zone.js';
import {
  AnalysisError,
  chooseMethod,
  ENUMERATION_LIMIT,
  outcomeView,
  resolveParties,
  subspaceOrFull,
} from '../zone/analysis-options.js';
import { estimateUtilities } from '../zone/zone-constraints.js';
import { columnOf } from './backend.js';
import type {
  BargainingOptions,
  BargainingParty,
  BargainingResult,
  ConceptResult,
  DiscreteSolution,
  LotterySolution,
  SolutionOutcome,
} from './bargaining-types.js';
import { type ConceptSpec, compareStages } from './concept-spec.js';
import type { Concept } from './criteria.js';
import type { DiscreteSearch } from './discrete-enumerated.js';
import { enumerationBackend } from './enumeration-backend.js';
import { type Column, type LotterySpec, solveLottery } from './lottery.js';
import { milpBackend } from './milp-backend.js';

/** Lottery and discrete values closer than this (relative) are reported as the same. */
const LOTTERY_DIFFERENCE = (v: number) => 1e-7 * Math.max(1, Math.abs(v));

const ALL_CONCEPTS: Concept[] = [
  'nash',
  'asymmetric-nash',
  'kalai-smorodinsky',
  'egalitarian',
  'utilitarian',
];

const DEFINITIONS: Record<Concept, string> = {
  nash: 'maximise the product of gains Π_p (u_p − d_p) over the bargaining set (d: BATNAs)',
  'asymmetric-nash':
    'maximise Σ_p α_p log(u_p − d_p), α_p = capability_p / Σ capabilities of the bargaining parties',
  'kalai-smorodinsky':
    'maximise min_p (u_p − d_p)/(I_p − d_p), I_p = best utility of p in the bargaining set',
  egalitarian: 'maximise min_p (u_p − d_p)',
  utilitarian: 'maximise Σ_p u_p',
};

function toSolution(
  compiled: CompiledScenario,
  search: DiscreteSearch,
  disagreement: Float64Array,
): DiscreteSolution {
  return {
    values: search.values,
    outcomes: search.ties.map(
      (t): SolutionOutcome => ({
        outcome: outcomeView(compiled.space, t.outcome),
        utilities: Array.from(t.gains, (g, q) => g + disagreement[q]),
        gains: Array.from(t.gains),
      }),
    ),
    tieCount: search.tieCount,
    tiesComplete: search.tiesComplete,
    proven: search.proven,
    gap: search.gap,
  };
}

/**
 * Bargaining solutions over the bargaining set: the agreement zone (every signatory's red lines respected and
 * BATNA met) further restricted to outcomes where every bargaining party is at least at its BATNA (automatic
 * for signatories). Disagreement point d = BATNAs; gains g_p = u_p − d_p >= 0. For each concept the result
 * gives the discrete solution(s) with ties, and the lottery solution (over probability mixtures of outcomes)
 * when it does strictly better.
 */
export async function bargainingSolutions(
  compiled: CompiledScenario,
  options: BargainingOptions,
): Promise<BargainingResult> {
  const subspace = subspaceOrFull(compiled, options.subspace);
  const parties = resolveParties(compiled, options.parties);
  if (parties.length === 0) {
    throw new AnalysisError(
      'there are no bargaining parties: the scenario has no signatories with preferences',
    );
  }
  const decision = chooseMethod(
    subspace,
    options.method,
    options.solver,
    options.enumerationLimit ?? ENUMERATION_LIMIT,
  );
  const utilities = estimateUtilities(compiled);
  const disagreement = Float64Array.from(parties, (m) => utilities[m].batna);
  const maxTies = options.maxTies ?? 20;
  const leximin = (options.tieBreak ?? 'leximin') === 'leximin';
  const notes: string[] = [];

  const backend =
    decision.method === 'enumerate'
      ? enumerationBackend(
          compiled,
          enumerateZone(compiled, {
            subspace,
            parties,
            utilities,
            alsoAtLeastBatna: parties,
            shared: options.shared?.get(),
          }),
          disagreement,
          maxTies,
        )
      : await milpBackend(compiled, options, parties, disagreement, maxTies);

  const capabilities = parties.map((m) => compiled.models[m].capability?.estimate);
  const capabilityTotal = capabilities.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  const missing = parties.filter((_, q) => capabilities[q] === undefined).map((m) => compiled.models[m].name);
  const weights = Float64Array.from(capabilities, (c) =>
    c !== undefined && capabilityTotal > 0 ? c / capabilityTotal : 0,
  );
  const partyInfo: BargainingParty[] = parties.map((m, q) => ({
    party: compiled.models[m].party,
    name: compiled.models[m].name,
    model: m,
    disagreement: disagreement[q],
    ideal: backend.empty ? Number.NaN : backend.ideal[q],
    weight: missing.length === 0 && capabilityTotal > 0 ? weights[q] : undefined,
  }));
  const wanted = new Set<Concept>(options.concepts ?? ALL_CONCEPTS);
  const order = ALL_CONCEPTS.filter((c) => wanted.has(c));
  const base = (concept: Concept) => ({
    concept,
    definition: DEFINITIONS[concept],
    method: backend.method,
  });

  if (backend.empty) {
    return {
      method: backend.method,
      methodReason: decision.reason,
      parties: partyInfo,
      empty: true,
      size: backend.size,
      solutions: order.map(
        (concept): ConceptResult => ({
          ...base(concept),
          status: 'empty-zone',
          lotteryNote: 'no lottery: the bargaining set is empty',
          exactness: 'the bargaining set is empty',
          notes: [
            'no outcome is acceptable to every signatory with every bargaining party at least at its BATNA',
          ],
        }),
      ),
      notes,
    };
  }

  const maxGain = Float64Array.from(parties, (_, q) => backend.ideal[q] - disagreement[q]);
  const canGain = parties.map((_, q) => q).filter((q) => maxGain[q] > 1e-9);
  const cannotGain = parties.filter((_, q) => !(maxGain[q] > 1e-9)).map((m) => compiled.models[m].name);
  if (cannotGain.length > 0) {
    notes.push(
      `${cannotGain.join(', ')} cannot gain over the BATNA anywhere in the bargaining set; they are left out of the Nash product and the Kalai–Smorodinsky ratios`,
    );
  }
  const ones = new Float64Array(parties.length).fill(1);
  const specs: Partial<Record<Concept, ConceptSpec>> = {
    nash: { kind: 'nash', active: canGain, weights: ones },
    'kalai-smorodinsky': { kind: 'leximin', parties: canGain, scale: maxGain, leximin },
    egalitarian: {
      kind: 'leximin',
      parties: parties.map((_, q) => q),
      scale: ones,
      leximin,
    },
    utilitarian: { kind: 'utilitarian', disagreement },
  };
  const asymmetricWanted = options.asymmetric !== false;
  const asymmetricPossible = missing.length === 0 && capabilityTotal > 0;
  if (asymmetricWanted && asymmetricPossible) {
    specs['asymmetric-nash'] = {
      kind: 'nash',
      active: canGain.filter((q) => weights[q] > 0),
      weights,
    };
  }

  const searches = new Map<Concept, DiscreteSearch>();
  // Linear concepts first: their solutions seed the Nash searches with good incumbents.
  const computeOrder = (
    ['utilitarian', 'egalitarian', 'kalai-smorodinsky', 'nash', 'asymmetric-nash'] satisfies Concept[]
  ).filter((c) => wanted.has(c));
  for (const concept of computeOrder) {
    const spec = specs[concept];
    if (!spec) continue;
    const isNash = spec.kind === 'nash';
    if ((isNash && spec.active.length === 0) || (spec.kind === 'leximin' && spec.parties.length === 0))
      continue;
    searches.set(concept, await backend.discrete(spec, { maxGain }));
  }

  const columns: Column[] = [];
  for (const search of searches.values()) {
    for (const t of search.ties.slice(0, 1)) columns.push(columnOf(t.outcome, t.gains));
  }
  backend.idealOutcomes.forEach((o) => {
    const g = Float64Array.from(parties, (m, q) => utilityOf(utilities[m], o) - disagreement[q]);
    columns.push(columnOf(o, g));
  });

  const solutions: ConceptResult[] = [];
  for (const concept of order) {
    const spec = specs[concept];
    if (!spec) {
      const why =
        options.asymmetric === false
          ? 'not requested'
          : missing.length > 0
            ? `no capability estimate for ${missing.join(', ')}`
            : 'every capability estimate is 0';
      solutions.push({
        ...base(concept),
        status: 'unavailable',
        lotteryNote: 'not computed',
        exactness: 'not computed',
        notes: [`asymmetric Nash needs a capability estimate for every bargaining party: ${why}`],
      });
      continue;
    }
    const search = searches.get(concept);
    if (!search || search.degenerate) {
      const conceptNotes = !search
        ? [
            concept === 'asymmetric-nash'
              ? 'no bargaining party with a positive capability can gain over its BATNA in the bargaining set'
              : 'no bargaining party can gain over its BATNA in the bargaining set, so every outcome gives d',
          ]
        : [
            'no single outcome gives every party with a possible gain a positive gain: the Nash product is 0 everywhere',
          ];
      const lottery =
        search && options.lotteries !== false && spec.kind === 'nash'
          ? await lotteryFor(spec, undefined)
          : undefined;
      solutions.push({
        ...base(concept),
        status: 'degenerate',
        lottery: lottery?.solution,
        lotteryNote: lottery?.note ?? 'not computed',
        exactness: search ? backend.exactness(concept, search).text : 'not computed',
        notes: conceptNotes,
      });
      continue;
    }
    const discrete = toSolution(compiled, search, disagreement);
    let lotteryNote: string;
    let lottery: LotterySolution | undefined;
    if (spec.kind === 'utilitarian') {
      lotteryNote =
        'same as discrete: a linear objective is maximised at an outcome, so no mixture does better';
    } else if (options.lotteries === false) {
      lotteryNote = 'not computed (lotteries: false)';
    } else {
      const result = await lotteryFor(spec, search);
      lottery = result.solution;
      lotteryNote = result.note;
    }
    const conceptNotes: string[] = [];
    if (spec.kind === 'leximin') {
      conceptNotes.push(
        leximin
          ? 'ties on the minimum are broken lexicographically: then the sum of the two smallest, and so on (leximin)'
          : 'no tie-break: every outcome achieving the maximin value is a tie',
      );
    }
    solutions.push({
      ...base(concept),
      status: 'solved',
      discrete,
      lottery,
      lotteryNote,
      exactness: backend.exactness(concept, search).text,
      tolerance: backend.exactness(concept, search).tolerance,
      notes: conceptNotes,
    });
  }

  async function lotteryFor(
    spec: ConceptSpec,
    search: DiscreteSearch | undefined,
  ): Promise<{ solution?: LotterySolution; note: string }> {
    let lotterySpec: LotterySpec;
    if (spec.kind === 'nash') {
      lotterySpec = { kind: 'nash', active: spec.active, weights: spec.weights };
    } else if (spec.kind === 'leximin') {
      // Over mixtures: the best minimum, then the largest total among mixtures reaching it (Pareto-efficient).
      lotterySpec = {
        kind: 'leximin',
        parties: spec.parties,
        scale: spec.scale,
        leximin: false,
        paretoStage: true,
      };
    } else {
      return { note: 'not computed' };
    }
    let result: Awaited<ReturnType<typeof solveLottery>>;
    try {
      result = await solveLottery(options.solver, parties.length, columns, backend.pricer, lotterySpec);
    } catch (error) {
      // A pricing problem stopped by a time limit leaves the lottery unknown; the discrete solution stands.
      if (error instanceof AnalysisError) return { note: `not computed: ${error.message}` };
      throw error;
    }
    const expectedGains = Array.from(result.gains);
    const solution: LotterySolution = {
      mixture: result.columns
        .map((c, j) => ({ c, p: result.probabilities[j] }))
        .filter(({ p }) => p > 1e-12)
        .sort((a, b) => b.p - a.p)
        .map(({ c, p }) => ({
          outcome: outcomeView(compiled.space, c.outcome),
          probability: p,
          utilities: Array.from(c.gains, (g, q) => g + disagreement[q]),
        })),
      expectedUtilities: expectedGains.map((g, q) => g + disagreement[q]),
      expectedGains,
      values: result.values,
      gap: result.gap,
    };
    if (spec.kind === 'leximin' && spec.scale !== ones) {
      const s = result.values[0];
      solution.linePoint = Array.from(disagreement, (d, q) => d + s * maxGain[q]);
    }
    const how =
      backend.method === 'enumerate'
        ? 'column generation over the enumerated bargaining set'
        : 'column generation with MILP pricing';
    if (!search || search.degenerate) {
      return { solution, note: `lottery computed by ${how} (proven gap ${result.gap.toExponential(1)})` };
    }
    if (compareStages(result.values, search.values, LOTTERY_DIFFERENCE) > 0) {
      return {
        solution,
        note: `a lottery does better than any single outcome (${how}; proven gap ${result.gap.toExponential(1)})`,
      };
    }
    return {
      note: `same as discrete: no lottery does better by more than 1e-7 (${how}; proven gap ${result.gap.toExponential(1)})`,
    };
  }

  return {
    method: backend.method,
    methodReason: decision.reason,
    parties: partyInfo,
    empty: false,
    size: backend.size,
    solutions,
    notes,
  };
}
