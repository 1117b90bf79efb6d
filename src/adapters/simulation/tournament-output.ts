import { dirname, resolve } from 'node:path';
import type { Estimate } from '../../core/statistics/index.js';
import { type OutputFile, type WriteOptions, writeFileSetAtomic } from '../node/atomic-files.js';
import type { TournamentResult } from './tournament.js';

/** CSV and JSON forms of a tournament result. */

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

/** One row per match and negotiator. */
export function matchesCsv(result: TournamentResult): string {
  const rows: unknown[][] = [];
  for (const m of result.matches) {
    m.parties.forEach((party, k) => {
      rows.push([
        m.index,
        m.id,
        m.scenario,
        m.repetition,
        party,
        m.strategies[k],
        m.agreement,
        m.endedBy,
        m.rounds,
        m.utilities[k],
        m.discountedUtilities[k],
        m.socialWelfare,
        m.concessionRates[k],
        m.paretoDistance,
        m.nashDistance,
        m.kalaiDistance,
        m.faults,
        m.seed,
      ]);
    });
  }
  return csv(
    [
      'match',
      'id',
      'scenario',
      'repetition',
      'party',
      'strategy',
      'agreement',
      'ended_by',
      'rounds',
      'utility',
      'discounted_utility',
      'welfare',
      'concession_rate',
      'pareto_distance',
      'nash_distance',
      'kalai_distance',
      'faults',
      'seed',
    ],
    rows,
  );
}

const columns = (name: string) => [`${name}_mean`, `${name}_ci_low`, `${name}_ci_high`];
const values = (e: Estimate | undefined) => [e?.mean, e?.ci95?.[0], e?.ci95?.[1]];

/** One row per strategy: means with 95% confidence intervals. */
export function summaryCsv(result: TournamentResult): string {
  return csv(
    [
      'strategy',
      'observations',
      ...columns('agreement_rate'),
      ...columns('utility'),
      ...columns('welfare'),
      ...columns('pareto_distance'),
      ...columns('nash_distance'),
    ],
    result.summary.strategies.map((s) => [
      s.strategy,
      s.observations,
      ...values(s.agreementRate),
      ...values(s.utility),
      ...values(s.welfare),
      ...values(s.paretoDistance),
      ...values(s.nashDistance),
    ]),
  );
}

/** One row per pair of strategies: paired permutation test on own utility. */
export function comparisonsCsv(result: TournamentResult): string {
  return csv(
    ['a', 'b', 'pairs', 'mean_utility_difference', 'p_value', 'exact', 'permutations'],
    result.summary.comparisons.map((c) => [
      c.a,
      c.b,
      c.utility.pairs,
      c.utility.meanDifference,
      c.utility.pValue,
      c.utility.exact,
      c.utility.samples,
    ]),
  );
}

export interface TournamentOutputPaths {
  json?: string;
  matchesCsv?: string;
  summaryCsv?: string;
  comparisonsCsv?: string;
}

/**
 * Writes the requested outputs; the files of each folder as one set (a run stopped midway leaves the old set
 * or the new one). Existing files are replaced only with `force`.
 */
export function writeTournamentOutputs(
  result: TournamentResult,
  paths: TournamentOutputPaths,
  options: WriteOptions = {},
): void {
  const files: OutputFile[] = [];
  if (paths.json) files.push({ path: paths.json, content: `${JSON.stringify(result, null, 2)}\n` });
  if (paths.matchesCsv) files.push({ path: paths.matchesCsv, content: matchesCsv(result) });
  if (paths.summaryCsv) files.push({ path: paths.summaryCsv, content: summaryCsv(result) });
  if (paths.comparisonsCsv) files.push({ path: paths.comparisonsCsv, content: comparisonsCsv(result) });
  const byFolder = new Map<string, OutputFile[]>();
  for (const f of files) {
    const folder = resolve(dirname(f.path));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  for (const set of byFolder.values()) writeFileSetAtomic(set, options);
}
