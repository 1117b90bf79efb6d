import { expect } from 'vitest';
import type { Scenario } from '../../src/schema/scenario.js';
import { originalFiles, readOriginal } from './original-files.js';
import { testOutcomes } from './outcomes.js';
import { parleyIssues, parleyParties, radixOf } from './parley-utility.js';

export interface Difference {
  utility: number;
  batna: number;
  redLines: number;
}

/** Largest differences between two scenarios whose issues and parties correspond by position. */
/** Outcomes compared: every one up to FULL_LIMIT by default; a smaller budget samples larger spaces. */
export type OutcomeBudget = Parameters<typeof testOutcomes>[2];

export function compareScenarios(a: Scenario, b: Scenario, budget?: OutcomeBudget): Difference {
  const issuesA = parleyIssues(a);
  const radix = radixOf(issuesA);
  expect(radixOf(parleyIssues(b))).toEqual(radix);
  const pa = parleyParties(a);
  const pb = parleyParties(b);
  expect(pb.map((p) => p.id)).toEqual(pa.map((p) => p.id));
  const diff: Difference = { utility: 0, batna: 0, redLines: 0 };
  for (const outcome of testOutcomes(radix, 7, budget)) {
    pa.forEach((p, k) => {
      diff.utility = Math.max(diff.utility, Math.abs(p.utility(outcome) - pb[k].utility(outcome)) / 100);
      if (p.crossesRedLine(outcome) !== pb[k].crossesRedLine(outcome)) diff.redLines++;
    });
  }
  pa.forEach((p, k) => {
    diff.batna = Math.max(diff.batna, Math.abs(p.batna - pb[k].batna) / 100);
  });
  return diff;
}

/**
 * The written files, evaluated by the independent evaluator of their format, against the Parley scenario
 * they came from: largest utility and reservation differences (GENIUS's cap at 1 and bids the format cannot
 * evaluate are left out and counted).
 */
export function compareFiles(
  a: Scenario,
  dir: string,
  budget?: OutcomeBudget,
): { utility: number; batna: number; skipped: number } {
  const files = originalFiles(dir);
  const original = readOriginal(files);
  const issues = parleyIssues(a);
  const parties = parleyParties(a);
  expect(original.profiles.map((p) => p.name)).toEqual(parties.map((p) => p.id));
  const result = { utility: 0, batna: 0, skipped: 0 };
  for (const outcome of testOutcomes(radixOf(issues), 11, budget)) {
    const bid = issues.map((issue, i) => original.issues[i].values?.[outcome[i]] ?? issue.grid[outcome[i]]);
    original.profiles.forEach((profile, k) => {
      const got = profile.utility(bid);
      if (Number.isNaN(got) || Math.abs(profile.uncapped(bid) - got) > 1e-12) {
        result.skipped++;
        return;
      }
      result.utility = Math.max(result.utility, Math.abs(got - parties[k].utility(outcome) / 100));
    });
  }
  original.profiles.forEach((profile, k) => {
    result.batna = Math.max(result.batna, Math.abs(profile.reservation - parties[k].batna / 100));
  });
  return result;
}
