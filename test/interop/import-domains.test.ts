import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { DOMAINS_DIR, domainFolders, SKIP_MESSAGE } from './negotiation-domains.js';
import { originalFiles, readOriginal } from './original-files.js';
import { FULL_LIMIT, outcomeCount, testOutcomes } from './outcomes.js';
import { parleyIssues, parleyParties, radixOf } from './parley-utility.js';

/**
 * Every shared domain is imported and, outcome by outcome (all of them up to 200,000, else a seeded sample
 * of 20,000), each party's Parley utility / 100 must equal the original format's utility within 1e-9.
 * Exceptions must be reported by the importer: bids GENIUS cannot evaluate, GENIUS's cap at 1, and (Railway)
 * bids GENIUS zeroes, which Parley turns into red lines.
 */
describe.skipIf(!DOMAINS_DIR)(
  DOMAINS_DIR ? 'import of every shared negotiation domain' : SKIP_MESSAGE,
  () => {
    for (const folder of domainFolders()) {
      it(`${folder}: Parley utilities equal the original format's, outcome by outcome`, () => {
        const dir = join(DOMAINS_DIR as string, folder);
        const files = originalFiles(dir);
        const original = readOriginal(files);
        const { scenario, report } = importPath(dir);
        expect(report.format).toBe(files.format);

        const issues = parleyIssues(scenario);
        expect(issues.length).toBe(original.issues.length);
        scenario.issues.forEach((issue, i) => {
          const values = original.issues[i].values;
          if (values) expect((issue.options ?? []).map((o) => o.label)).toEqual(values);
          else expect(issue.range).toBeDefined();
        });
        const radix = radixOf(issues);
        const outcomes = testOutcomes(radix);
        const parties = parleyParties(scenario);
        expect(parties.map((p) => p.name)).toEqual(original.profiles.map((p) => p.name));

        let maxError = 0;
        let checked = 0;
        const notes: string[] = [];
        original.profiles.forEach((profile, k) => {
          const party = parties[k];
          const file = basename(files.profiles[k]);
          const lossesOf = report.losses.filter((l) => l.startsWith(`${file}:`));
          let unevaluable = 0;
          let capped = 0;
          let zeroed = 0;
          for (const outcome of outcomes) {
            const bid = issues.map(
              (issue, i) => original.issues[i].values?.[outcome[i]] ?? issue.grid[outcome[i]],
            );
            const expected = profile.utility(bid);
            if (Number.isNaN(expected)) {
              unevaluable++;
              continue;
            }
            if (party.crossesRedLine(outcome)) {
              expect(expected).toBe(0);
              zeroed++;
              continue;
            }
            const actual = party.utility(outcome) / 100;
            const uncapped = profile.uncapped(bid);
            if (uncapped > 1 + 1e-12) {
              capped++;
              expect(Math.abs(actual - uncapped)).toBeLessThanOrEqual(1e-9);
              continue;
            }
            const error = Math.abs(actual - expected);
            if (!(error <= 1e-9)) {
              throw new Error(
                `${file}: outcome ${outcome.join(',')} Parley ${actual} vs original ${expected}`,
              );
            }
            maxError = Math.max(maxError, error);
            checked++;
          }
          if (unevaluable > 0) expect(lossesOf.length).toBeGreaterThan(0);
          if (capped > 0) expect(lossesOf.some((l) => l.includes('cap'))).toBe(true);
          if (Number.isFinite(profile.reservation)) {
            expect(Math.abs(party.batna / 100 - profile.reservation)).toBeLessThanOrEqual(1e-9);
          } else {
            expect(lossesOf.some((l) => l.includes('reserved_value'))).toBe(true);
          }
          const extra = [
            unevaluable ? `${unevaluable} unevaluable` : '',
            capped ? `${capped} capped` : '',
            zeroed ? `${zeroed} red-line` : '',
          ].filter(Boolean);
          if (extra.length) notes.push(`${party.name}: ${extra.join(', ')}`);
        });
        const total = outcomeCount(radix);
        console.log(
          `[import] ${folder}: ${report.format}, ${parties.length} parties, ${outcomes.length} outcomes ${total <= FULL_LIMIT ? '(all)' : `(sample of ${total.toExponential(2)})`}, ${checked} party-outcome checks, max |error| ${maxError.toExponential(2)}${notes.length ? `; ${notes.join('; ')}` : ''}`,
        );
      });
    }
  },
);
