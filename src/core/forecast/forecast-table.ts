import type { ActorTable, BdmOptions, SmpOptions } from '../../schema/forecast.js';
import type { Cancellation } from '../ports.js';
import { maxOf } from '../statistics/extremes.js';
import { type BdmRun, runBdm } from './bdm/run-bdm.js';
import { type CondorcetResult, condorcetWinner } from './condorcet.js';
import type { ForecastModel } from './models.js';
import { runSmp, type SmpRun } from './smp/run-smp.js';
import { weightedMean } from './weighted-mean.js';
import { type WeightedMedian, weightedMedian } from './weighted-median.js';

/** The forecasts for one dimension (issue); positions are on the dimension's own scale. */
export interface DimensionForecast {
  dimension: string;
  mean?: number | null;
  median?: WeightedMedian | null;
  condorcet?: CondorcetResult;
  bdm?: BdmRun;
  /** SMP's forecast for this dimension: the position most likely to win at the end of the run. */
  smp?: number;
}

export interface TableForecast {
  dimensions: DimensionForecast[];
  /** The SMP run over all dimensions together, positions on 0..1 per dimension. */
  smp?: SmpRun;
  /** SMP's final positions on each dimension's own scale: [actor][dimension]. */
  smpFinalPositions?: number[][];
  warnings: string[];
}

/** Runs the requested models on an actor table: baselines and BDM per dimension, SMP on all at once. */
export function forecastTable(
  table: ActorTable,
  models: readonly ForecastModel[],
  options: { bdm: BdmOptions; smp: SmpOptions },
  cancel?: Cancellation,
): TableForecast {
  const warnings: string[] = [];
  const wants = (m: ForecastModel) => models.includes(m);
  const dimensions = table.dimensions.map((dimension, k): DimensionForecast => {
    const positions = table.actors.map((a) => a.positions[k]);
    const salience = (a: (typeof table.actors)[number]) => a.oneIssueSaliences?.[k] ?? a.saliences[k];
    const weights = table.actors.map((a) => a.capability * salience(a));
    const result: DimensionForecast = { dimension: dimension.id };
    const total = weights.reduce((s, w) => s + w, 0);
    if (total <= 0 && (wants('mean') || wants('median') || wants('condorcet'))) {
      warnings.push(
        `'${dimension.id}': no actor has both capability and salience, so the baselines are undefined.`,
      );
    }
    if (wants('mean')) result.mean = weightedMean(positions, weights) ?? null;
    if (wants('median')) result.median = weightedMedian(positions, weights) ?? null;
    if (wants('condorcet')) {
      result.condorcet = condorcetWinner(positions, weights);
      if (result.condorcet.fellBackToMedian && total > 0) {
        warnings.push(
          `'${dimension.id}': no Condorcet winner (a cycle or a tie); the weighted median stands in.`,
        );
      }
    }
    if (wants('bdm') && !cancel?.aborted) {
      const width = dimension.max - dimension.min;
      result.bdm = runBdm(
        table.actors.map((a) => ({
          capability: a.capability,
          position: a.positions[k],
          salience: salience(a),
        })),
        width > 0 ? width : 1,
        options.bdm,
      );
      if (result.bdm.stop === 'oscillating') {
        warnings.push(
          `'${dimension.id}': BDM cycles through ${result.bdm.cycle?.length ?? 0} sets of positions; the cycle is reported.`,
        );
      } else if (result.bdm.stop === 'max-rounds') {
        warnings.push(`'${dimension.id}': BDM did not settle within ${options.bdm.maxRounds} rounds.`);
      }
    }
    return result;
  });
  const forecast: TableForecast = { dimensions, warnings };
  if (wants('smp') && !cancel?.aborted) {
    const unit = (x: number, k: number) => {
      const d = table.dimensions[k];
      return d.max > d.min ? (x - d.min) / (d.max - d.min) : 0;
    };
    const back = (x: number, k: number) =>
      table.dimensions[k].min + x * (table.dimensions[k].max - table.dimensions[k].min);
    const smp = runSmp(
      {
        capabilities: table.actors.map((a) => a.capability),
        saliences: table.actors.map((a) => a.saliences),
      },
      table.actors.map((a) => a.positions.map(unit)),
      options.smp,
    );
    if (smp.stop === 'max-turns') warnings.push(`SMP did not settle within ${options.smp.maxTurns} turns.`);
    forecast.smp = smp;
    forecast.smpFinalPositions = smp.final.positions.map((p) => p.map(back));
    const leader = smp.final.winProbability.indexOf(maxOf(smp.final.winProbability));
    dimensions.forEach((d, k) => {
      d.smp = forecast.smpFinalPositions?.[leader][k];
    });
  }
  return forecast;
}
