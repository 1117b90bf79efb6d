import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import type { ExportResult } from '../../src/adapters/interop/interop-report.js';
import { writeGenius } from '../../src/adapters/interop/write-genius.js';
import { writeGeniusWeb } from '../../src/adapters/interop/write-geniusweb.js';
import { writeNegmas } from '../../src/adapters/interop/write-negmas.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { DOMAINS_DIR, domainFolders, SKIP_MESSAGE } from './negotiation-domains.js';
import { originalFiles, readOriginal } from './original-files.js';
import { testOutcomes } from './outcomes.js';
import { parleyIssues, parleyParties, radixOf } from './parley-utility.js';

const writers: Record<string, (s: Scenario, dir: string) => ExportResult> = {
  genius: writeGenius,
  geniusweb: writeGeniusWeb,
  negmas: writeNegmas,
};

interface Difference {
  utility: number;
  batna: number;
  redLines: number;
}

/** Largest differences between two scenarios whose issues and parties correspond by position. */
function compare(a: Scenario, b: Scenario): Difference {
  const issuesA = parleyIssues(a);
  const radix = radixOf(issuesA);
  expect(radixOf(parleyIssues(b))).toEqual(radix);
  const pa = parleyParties(a);
  const pb = parleyParties(b);
  expect(pb.map((p) => p.id)).toEqual(pa.map((p) => p.id));
  const diff: Difference = { utility: 0, batna: 0, redLines: 0 };
  for (const outcome of testOutcomes(radix, 7)) {
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
function compareFiles(a: Scenario, dir: string): { utility: number; batna: number; skipped: number } {
  const files = originalFiles(dir);
  const original = readOriginal(files);
  const issues = parleyIssues(a);
  const parties = parleyParties(a);
  expect(original.profiles.map((p) => p.name)).toEqual(parties.map((p) => p.id));
  const result = { utility: 0, batna: 0, skipped: 0 };
  for (const outcome of testOutcomes(radixOf(issues), 11)) {
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

/**
 * Import -> export -> import must give the same utilities (outcome by outcome), BATNAs and red lines
 * whenever the export reports no loss; when it does differ, the export must have reported losses.
 */
describe.skipIf(!DOMAINS_DIR)(DOMAINS_DIR ? 'round trips through each format' : SKIP_MESSAGE, () => {
  for (const folder of domainFolders()) {
    for (const [format, write] of Object.entries(writers)) {
      it(`${folder} -> ${format} -> Parley`, () => {
        const original = importPath(join(DOMAINS_DIR as string, folder)).scenario;
        const dir = mkdtempSync(join(tmpdir(), 'parley-interop-'));
        try {
          const exported = write(original, dir);
          const back = importPath(dir);
          expect(back.report.format).toBe(format);
          const diff = compare(original, back.scenario);
          const lossless = diff.utility <= 1e-9 && diff.batna <= 1e-9 && diff.redLines === 0;
          const written = compareFiles(original, dir);
          const filesMatch = written.utility <= 1e-9 && written.batna <= 1e-9;
          if (exported.report.losses.length === 0) {
            expect(lossless).toBe(true);
            expect(written.skipped).toBe(0);
            expect(filesMatch).toBe(true);
          } else if (!lossless || !filesMatch) {
            expect(exported.report.losses.length).toBeGreaterThan(0);
          }
          console.log(
            `[round-trip] ${folder} -> ${format}: ${lossless ? 'same utilities, BATNAs and red lines' : `differs (utility ${diff.utility.toExponential(2)}, BATNA ${diff.batna.toExponential(2)}, red-line mismatches ${diff.redLines})`}; written files vs Parley: utility ${written.utility.toExponential(2)}, BATNA ${written.batna.toExponential(2)}${written.skipped ? `, ${written.skipped} capped/unevaluable skipped` : ''}; ${exported.report.losses.length} loss(es) reported${exported.report.losses.length ? `: ${exported.report.losses[0]}` : ''}`,
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  }
});
