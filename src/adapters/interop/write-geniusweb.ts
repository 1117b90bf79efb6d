import type { Scenario } from '../../schema/scenario.js';
import {
  additiveUtility,
  type ExportModel,
  type ExportParty,
  exportModel,
  fileStems,
} from './export-model.js';
import { type ExportedFile, type ExportResult, type InteropReport, newReport } from './interop-report.js';

export interface GeniusWebWriteOptions {
  /** 2 (default) writes DiscreteValueSetUtilities / NumberValueSetUtilities; 1 writes discreteutils / numberutils. */
  version?: 1 | 2;
  /** Largest outcome space searched for a reservation bid matching the BATNA (default 2,000,000). */
  searchLimit?: number;
}

/**
 * A Parley scenario as a GeniusWeb domain and LinearAdditiveUtilitySpace profiles.
 *
 * GeniusWeb's utility is sum_i w_i * u_i with weights summing to 1 and u_i in [0, 1], so weights are the
 * normalised Parley weights and u = value / 100 (values outside 0..100 are clamped and reported). A numeric
 * issue becomes a number issue (range low/high/step with linear utilities) when every party's value
 * function is linear on it, otherwise a discrete issue whose values are the grid points as text.
 *
 * GeniusWeb has no BATNA number, only a reservation bid: the writer searches the outcomes for a bid whose
 * utility equals the BATNA and writes it; a BATNA of 0 needs no bid. When no bid matches exactly, the
 * nearest one below is used and the difference reported. Adjustments and red lines are reported as lost.
 */

interface NumberPlan {
  low: number;
  high: number;
  step: number;
}

function linearOnGrid(grid: number[], values: number[]): boolean {
  if (grid.length < 2) return false;
  const n = grid.length - 1;
  const slope = (values[n] - values[0]) / (grid[n] - grid[0]);
  return grid.every((x, k) => Math.abs(values[0] + slope * (x - grid[0]) - values[k]) <= 1e-9);
}

function numberPlans(model: ExportModel, report: InteropReport): Array<NumberPlan | undefined> {
  return model.issues.map((issue, i) => {
    if (issue.kind !== 'numeric') return undefined;
    const linear = model.parties.every((p) => p.weights[i] === 0 || linearOnGrid(issue.grid, p.values[i]));
    if (!linear) {
      report.notes.push(
        `issue '${issue.name}' is written as a discrete issue of its grid points (a value function is not linear, which GeniusWeb number utilities require)`,
      );
      return undefined;
    }
    const grid = issue.grid;
    return { low: grid[0], high: grid[grid.length - 1], step: issue.step ?? 1 };
  });
}

function clampUtility(
  party: ExportParty,
  issueName: string,
  values: number[],
  report: InteropReport,
): number[] {
  const out = values.map((v) => Math.min(1, Math.max(0, v / 100)));
  const worst = Math.max(...values.map((v, k) => Math.abs(v / 100 - out[k])));
  if (worst > 1e-12) {
    report.losses.push(
      `${party.id}: values of issue '${issueName}' lie outside 0..100; clamped to GeniusWeb's [0, 1] (by up to ${worst.toPrecision(6)})`,
    );
  }
  return out;
}

/** The outcome (option indices) whose additive utility is closest to the BATNA from below, searched exhaustively. */
function reservationOutcome(
  party: ExportParty,
  radix: number[],
  limit: number,
): { outcome: number[]; utility: number } | undefined {
  let size = 1;
  for (const r of radix) size *= r;
  if (size > limit) return undefined;
  const outcome = radix.map(() => 0);
  let best: { outcome: number[]; utility: number } | undefined;
  for (let n = 0; n < size; n++) {
    let rest = n;
    for (let i = radix.length - 1; i >= 0; i--) {
      outcome[i] = rest % radix[i];
      rest = Math.floor(rest / radix[i]);
    }
    const u = additiveUtility(party, outcome);
    const gap = Math.abs(u - party.batna);
    if (gap <= 1e-9) return { outcome: [...outcome], utility: u };
    if (u <= party.batna && (!best || u > best.utility)) best = { outcome: [...outcome], utility: u };
  }
  return best;
}

export function writeGeniusWeb(scenario: Scenario, options: GeniusWebWriteOptions = {}): ExportResult {
  const report = newReport('geniusweb');
  const version = options.version ?? 2;
  const model = exportModel(scenario, report);
  const numbers = numberPlans(model, report);
  const stems = fileStems(model);
  const issuesValues: Record<string, unknown> = {};
  model.issues.forEach((issue, i) => {
    const plan = numbers[i];
    issuesValues[issue.name] = plan
      ? { range: { low: plan.low, high: plan.high, step: plan.step } }
      : { values: issue.labels };
  });
  const domain = { name: model.title, issuesValues };
  const files: ExportedFile[] = [];
  const write = (stem: string, value: unknown) => {
    files.push({ path: `${stem}.json`, text: `${JSON.stringify(value, null, 2)}\n` });
  };
  write(stems.domain, domain);

  model.parties.forEach((party, k) => {
    const issueUtilities: Record<string, unknown> = {};
    const issueWeights: Record<string, number> = {};
    // All weights 0 means a utility of 0 everywhere; GeniusWeb needs weights summing to 1, so spread them
    // evenly over utilities that are all 0, which is the same function.
    const silent = party.weights.every((w) => w === 0);
    model.issues.forEach((issue, i) => {
      issueWeights[issue.name] = silent ? 1 / model.issues.length : party.weights[i];
      const u = silent
        ? party.values[i].map(() => 0)
        : clampUtility(party, issue.name, party.values[i], report);
      const plan = numbers[i];
      if (plan) {
        const body = {
          lowValue: plan.low,
          lowUtility: u[0],
          highValue: plan.high,
          highUtility: u[u.length - 1],
        };
        issueUtilities[issue.name] =
          version === 1 ? { numberutils: body } : { NumberValueSetUtilities: body };
      } else {
        const body = { valueUtilities: Object.fromEntries(issue.labels.map((label, j) => [label, u[j]])) };
        issueUtilities[issue.name] =
          version === 1 ? { discreteutils: body } : { DiscreteValueSetUtilities: body };
      }
    });
    const space: Record<string, unknown> = { name: party.id, issueUtilities, issueWeights, domain };
    if (party.batna !== 0) {
      const radix = model.issues.map((issue) =>
        issue.kind === 'options' ? issue.labels.length : issue.grid.length,
      );
      const found = reservationOutcome(party, radix, options.searchLimit ?? 2_000_000);
      if (!found) {
        report.losses.push(
          `${party.id}: BATNA ${party.batna} not written: ${radix.reduce((a, b) => a * b, 1) > (options.searchLimit ?? 2_000_000) ? 'the outcome space is too large to search for a reservation bid' : 'no outcome has a utility at or below it'}`,
        );
      } else {
        if (Math.abs(found.utility - party.batna) > 1e-9) {
          report.losses.push(
            `${party.id}: no bid has utility exactly ${party.batna}; the reservation bid has utility ${found.utility} (GeniusWeb expresses the BATNA only as a bid)`,
          );
        }
        space.reservationBid = {
          issuevalues: Object.fromEntries(
            model.issues.map((issue, i) => [
              issue.name,
              numbers[i] ? issue.grid[found.outcome[i]] : issue.labels[found.outcome[i]],
            ]),
          ),
        };
      }
    }
    if (party.adjustments.length > 0) {
      report.losses.push(
        `${party.id}: ${party.adjustments.length} adjustment(s) dropped (GeniusWeb linear additive profiles have none)`,
      );
    }
    if (party.redLines.length > 0) {
      report.losses.push(
        `${party.id}: ${party.redLines.length} red line(s) dropped (GeniusWeb profiles have none)`,
      );
    }
    write(stems.profiles[k], { LinearAdditiveUtilitySpace: space });
  });
  report.notes.push(
    'GeniusWeb profiles: weights = normalised Parley weights, utilities = value / 100; BATNA as a reservation bid',
  );
  return { files, report };
}
