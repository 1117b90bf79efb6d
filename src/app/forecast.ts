import {
  type DimensionForecast,
  forecastTable,
  type TableForecast,
} from '../core/forecast/forecast-table.js';
import { expandModels, type ForecastModel } from '../core/forecast/models.js';
import { sampleActorTable } from '../core/forecast/sample-actor-table.js';
import { type Cancellation, NEVER_CANCELLED, NO_PROGRESS, type Progress } from '../core/ports.js';
import { createRng } from '../core/random/rng.js';
import { type Summary, summarise } from '../core/statistics/summarise.js';
import {
  type ActorTable,
  BdmOptions,
  type BdmOptionsInput,
  SmpOptions,
  type SmpOptionsInput,
} from '../schema/forecast.js';

export interface ForecastInput {
  table: ActorTable;
  /** Model names, or 'all'. */
  models: readonly string[];
  bdm?: BdmOptionsInput;
  smp?: SmpOptionsInput;
  /** Draws over the estimate ranges (0: none). */
  samples?: number;
  seed?: number;
  /** What the numbers rest on, e.g. "analysts' estimates"; repeated on every rendering. */
  basis?: string;
}

export interface ForecastPorts {
  progress?: Progress;
  cancel?: Cancellation;
}

/** The distribution of one model's forecast for one dimension over the draws. */
export interface ForecastDistribution extends Summary {
  dimension: string;
  model: ForecastModel;
  /** Draws where the model gave a value (a baseline is undefined when no actor carries weight). */
  n: number;
}

export interface ForecastResult {
  kind: 'parley.forecast';
  basis: string;
  method: string;
  exact: boolean;
  table: ActorTable;
  models: ForecastModel[];
  options: { bdm: BdmOptions; smp: SmpOptions };
  forecast: TableForecast;
  samples?: { n: number; seed: number; completed: number; distributions: ForecastDistribution[] };
  warnings: string[];
}

/** The single number each model forecasts for a dimension, when it gives one. */
export function pointForecast(d: DimensionForecast, model: ForecastModel): number | undefined {
  switch (model) {
    case 'mean':
      return d.mean ?? undefined;
    case 'median':
      return d.median?.value;
    case 'condorcet':
      return d.condorcet?.value;
    case 'bdm':
      return d.bdm?.forecast;
    case 'smp':
      return d.smp;
  }
}

/**
 * Forecasts where positions end up: the weighted mean, median and Condorcet winner of the actors' positions,
 * the BDM challenge model round by round, and KTAB's Spatial Model of Politics turn by turn. With samples,
 * every model is rerun on tables drawn over the stated ranges of capability and salience (seeded).
 */
export async function forecast(input: ForecastInput, ports: ForecastPorts = {}): Promise<ForecastResult> {
  const progress = ports.progress ?? NO_PROGRESS;
  const cancel = ports.cancel ?? NEVER_CANCELLED;
  const models = expandModels(input.models);
  const options = { bdm: BdmOptions.parse(input.bdm ?? {}), smp: SmpOptions.parse(input.smp ?? {}) };
  progress.report({ step: 'forecast' });
  const result = forecastTable(input.table, models, options, cancel);
  const warnings = [...result.warnings];
  const output: ForecastResult = {
    kind: 'parley.forecast',
    basis: input.basis ?? 'the actor table as given',
    method:
      'baselines computed directly; BDM (Scholz, Calbert & Smith 2011 reconstruction) and KTAB SMP simulated deterministically with the options listed',
    exact: true,
    table: input.table,
    models,
    options,
    forecast: result,
    warnings,
  };
  const n = input.samples ?? 0;
  if (n > 0) {
    const seed = input.seed ?? 1;
    const root = createRng(seed).fork('forecast-samples');
    const values = new Map<string, number[]>();
    let completed = 0;
    for (let s = 0; s < n; s++) {
      if (cancel.aborted) break;
      const drawn = sampleActorTable(input.table, root.fork(s));
      const run = forecastTable(drawn, models, options, cancel);
      run.dimensions.forEach((d) => {
        for (const model of models) {
          const v = pointForecast(d, model);
          if (v === undefined || !Number.isFinite(v)) continue;
          const key = `${d.dimension}\u0000${model}`;
          const list = values.get(key) ?? [];
          list.push(v);
          values.set(key, list);
        }
      });
      completed++;
      if (s % 10 === 0) progress.report({ step: 'forecast samples', done: completed, total: n });
    }
    if (completed < n)
      warnings.push(`Stopped after ${completed} of ${n} draws; the distributions use those.`);
    const distributions: ForecastDistribution[] = [];
    for (const d of input.table.dimensions) {
      for (const model of models) {
        const list = values.get(`${d.id}\u0000${model}`);
        if (!list || list.length === 0) continue;
        distributions.push({ dimension: d.id, model, n: list.length, ...summarise(Float64Array.from(list)) });
      }
    }
    output.samples = { n, seed, completed, distributions };
    output.exact = false;
    output.method += `; distributions from ${completed} seeded draws (seed ${seed}) of capability and salience over their stated ranges (triangular)`;
  }
  return output;
}
