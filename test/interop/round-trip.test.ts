import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { writeGenius } from '../../src/adapters/interop/write-genius.js';
import { writeGeniusWeb } from '../../src/adapters/interop/write-geniusweb.js';
import { writeNegmas } from '../../src/adapters/interop/write-negmas.js';
import type { Scenario } from '../../src/schema/scenario.js';
import { onDisk } from '../support/exported-files.js';
import { DOMAINS_DIR, domainFolders, SKIP_MESSAGE } from './negotiation-domains.js';
import { compareFiles, compareScenarios } from './scenario-comparison.js';

const writers: Record<string, (s: Scenario, dir: string) => ReturnType<typeof onDisk>> = {
  genius: (scenario, dir) => onDisk(writeGenius(scenario), dir),
  geniusweb: (scenario, dir) => onDisk(writeGeniusWeb(scenario), dir),
  negmas: (scenario, dir) => onDisk(writeNegmas(scenario), dir),
};

/**
 * Outcomes compared per round trip: every one up to 20,000, else 5,000 seeded draws. Each domain's import
 * is checked on every outcome up to 200,000 by import-domains.test.ts, and the writers' exactness on every
 * outcome of random scenarios by writers.property.test.ts; here the question is whether the trip loses
 * anything it does not report, which a loss shows on thousands of outcomes as on all of them.
 */
const ROUND_TRIP_OUTCOMES = { fullLimit: 20_000, sampleSize: 5_000 };

/**
 * Import -> export -> import must give the same utilities (outcome by outcome), BATNAs and red lines
 * whenever the export reports no loss; when it does differ, the export must have reported losses.
 */
describe.skipIf(!DOMAINS_DIR)(DOMAINS_DIR ? 'round trips through each format' : SKIP_MESSAGE, () => {
  // Each domain is imported once for its three formats.
  const imported = new Map<string, Scenario>();
  const importOnce = (folder: string): Scenario => {
    const found = imported.get(folder) ?? importPath(join(DOMAINS_DIR as string, folder)).scenario;
    imported.set(folder, found);
    return found;
  };
  for (const folder of domainFolders()) {
    for (const [format, write] of Object.entries(writers)) {
      it(`${folder} -> ${format} -> Parley`, () => {
        const original = importOnce(folder);
        const dir = mkdtempSync(join(tmpdir(), 'parley-interop-'));
        try {
          const exported = write(original, dir);
          const back = importPath(dir);
          expect(back.report.format).toBe(format);
          const diff = compareScenarios(original, back.scenario, ROUND_TRIP_OUTCOMES);
          const lossless = diff.utility <= 1e-9 && diff.batna <= 1e-9 && diff.redLines === 0;
          const written = compareFiles(original, dir, ROUND_TRIP_OUTCOMES);
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
