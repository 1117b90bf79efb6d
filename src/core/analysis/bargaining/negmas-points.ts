import type { CompiledScenario } from '../../model/compile.js';
import { spaceSizeText } from '../../model/outcome-count.js';
import { skyline } from '../pareto/skyline.js';
import { type AcceptanceTest, acceptableMask, enumerateUtilities, outcomeAt } from '../utility-table.js';
import {
  AnalysisError,
  ENUMERATION_LIMIT,
  type OutcomeView,
  outcomeView,
  resolveParties,
} from '../zone/analysis-options.js';
import { estimateUtilities } from '../zone/zone-constraints.js';

/**
 * The bargaining points under NegMAS's conventions (negmas.preferences.ops: nash_points, kalai_points,
 * max_welfare_points over the Pareto frontier), computed by enumeration on Parley's 0..100 scale:
 *
 * - range of party p: [min_p, max_p], its lowest and highest utility over the whole outcome space;
 * - reservation r_p: the BATNA; disagreement d_p = max(r_p, min_p) (the minimum when the reservation is below
 *   it); ideal = max_p over the whole space (not only over acceptable outcomes);
 * - candidates: the Pareto frontier of the outcomes that cross no signatory red line (NegMAS has no red lines,
 *   so on imported domains this is the whole space's frontier);
 * - Nash: maximise Π_p (u_p − d_p) over frontier outcomes where every u_p ≥ r_p;
 * - Kalai–Smorodinsky: maximise min_p (u_p − d_p), the smallest gain over the disagreement point, unnormalised
 *   (kalai_points with subtract_reserved_value), over frontier outcomes where every u_p ≥ r_p;
 * - modified Kalai–Smorodinsky: maximise min_p u_p (subtract_reserved_value false), same candidates;
 * - utilitarian (max welfare): maximise Σ_p u_p over the whole frontier.
 *
 * Ties: every candidate within a relative 1e-9 of the best value is listed (NegMAS: an absolute 1e-12).
 */
export type NegmasConcept = 'nash' | 'kalai-smorodinsky' | 'modified-kalai-smorodinsky' | 'utilitarian';

export interface NegmasParty {
  party: string;
  name: string;
  /** Index into compiled.models. */
  model: number;
  reservation: number;
  minimum: number;
  maximum: number;
  /** max(reservation, minimum). */
  disagreement: number;
  /** The ideal point's coordinate: the maximum over the whole space. */
  ideal: number;
}

export interface NegmasPoint {
  concept: NegmasConcept;
  definition: string;
  /** 'none' when no frontier outcome meets every reservation value. */
  status: 'solved' | 'none';
  value?: number;
  /** The best outcome and every tie on the frontier, in frontier (outcome index) order. */
  outcomes: Array<{ outcome: OutcomeView; utilities: number[] }>;
}

export interface NegmasPointsResult {
  conventions: 'negmas';
  method: 'enumerate';
  parties: NegmasParty[];
  /** Outcomes considered (those crossing no signatory red line). */
  candidates: number;
  frontierSize: number;
  points: NegmasPoint[];
  notes: string[];
}

export interface NegmasPointsOptions {
  parties?: string[];
  /** Largest space enumerated (default ENUMERATION_LIMIT). */
  enumerationLimit?: number;
}

const DEFINITIONS: Record<NegmasConcept, string> = {
  nash: 'maximise Π_p (u_p − d_p) over Pareto outcomes with u_p ≥ r_p; d_p = max(r_p, min_p)',
  'kalai-smorodinsky':
    'maximise min_p (u_p − d_p) over Pareto outcomes with u_p ≥ r_p (gains not normalised)',
  'modified-kalai-smorodinsky': 'maximise min_p u_p over Pareto outcomes with u_p ≥ r_p',
  utilitarian: 'maximise Σ_p u_p over the Pareto frontier',
};

const close = (value: number, best: number) => value >= best - 1e-9 * Math.max(1, Math.abs(best));

export function negmasBargainingPoints(
  compiled: CompiledScenario,
  options: NegmasPointsOptions = {},
): NegmasPointsResult {
  const parties = resolveParties(compiled, options.parties);
  if (parties.length === 0) {
    throw new AnalysisError(
      'there are no bargaining parties: the scenario has no signatories with preferences',
    );
  }
  const limit = options.enumerationLimit ?? ENUMERATION_LIMIT;
  if (!(compiled.space.size <= limit)) {
    throw new AnalysisError(
      `NegMAS's points are defined over the enumerated outcomes; ${spaceSizeText(compiled.space.radix)} outcomes are more than the ${limit.toExponential(0)} enumerated`,
    );
  }
  const utilities = estimateUtilities(compiled);
  const table = enumerateUtilities(
    parties.map((m) => utilities[m]),
    compiled.space,
  );
  const cols = table.utilities;

  const info: NegmasParty[] = parties.map((m, q) => {
    let minimum = Number.POSITIVE_INFINITY;
    let maximum = Number.NEGATIVE_INFINITY;
    for (const u of cols[q]) {
      if (u < minimum) minimum = u;
      if (u > maximum) maximum = u;
    }
    const reservation = utilities[m].batna;
    const model = compiled.models[m];
    return {
      party: model.party,
      name: model.name,
      model: m,
      reservation,
      minimum,
      maximum,
      disagreement: Math.max(reservation, minimum),
      ideal: maximum,
    };
  });

  // Red lines only (no BATNA filter): a test per signatory with a BATNA no utility falls below.
  const tests: AcceptanceTest[] = compiled.signatories.map((m) => ({
    utility: cols[0],
    batna: Number.NEGATIVE_INFINITY,
    crossedWhen: compiled.models[m].redLines.map((line) => line.crossedWhen),
  }));
  const { mask, count } = acceptableMask(table, tests);
  const candidates = new Int32Array(count);
  for (let j = 0, k = 0; j < mask.length; j++) if (mask[j]) candidates[k++] = j;
  const frontier = count > 0 ? skyline(cols, candidates) : new Int32Array(0);

  const notes: string[] = [];
  if (count < table.size) {
    notes.push(
      `${table.size - count} outcomes cross a signatory's red line and are left out (NegMAS has no red lines)`,
    );
  }
  const rational = Array.from(frontier).filter((j) => info.every((p, q) => cols[q][j] >= p.reservation));
  const view = (j: number) => ({
    outcome: outcomeView(compiled.space, outcomeAt(table, j)),
    utilities: info.map((_, q) => cols[q][j]),
  });
  const best = (concept: NegmasConcept, pool: number[], value: (j: number) => number): NegmasPoint => {
    if (pool.length === 0) {
      return { concept, definition: DEFINITIONS[concept], status: 'none', outcomes: [] };
    }
    let top = Number.NEGATIVE_INFINITY;
    for (const j of pool) top = Math.max(top, value(j));
    return {
      concept,
      definition: DEFINITIONS[concept],
      status: 'solved',
      value: top,
      outcomes: pool.filter((j) => close(value(j), top)).map(view),
    };
  };
  const gain = (j: number, q: number) => cols[q][j] - info[q].disagreement;
  if (rational.length === 0) {
    notes.push('no Pareto-optimal outcome gives every party at least its reservation value (BATNA)');
  }
  const points = [
    best('nash', rational, (j) => info.reduce((product, _, q) => product * gain(j, q), 1)),
    best('kalai-smorodinsky', rational, (j) => Math.min(...info.map((_, q) => gain(j, q)))),
    best('modified-kalai-smorodinsky', rational, (j) => Math.min(...info.map((_, q) => cols[q][j]))),
    best('utilitarian', Array.from(frontier), (j) => info.reduce((sum, _, q) => sum + cols[q][j], 0)),
  ];
  return {
    conventions: 'negmas',
    method: 'enumerate',
    parties: info,
    candidates: count,
    frontierSize: frontier.length,
    points,
    notes,
  };
}
