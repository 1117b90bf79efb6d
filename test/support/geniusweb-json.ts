import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../src/schema/scenario.js';

interface GeniusWebProfile {
  LinearAdditiveUtilitySpace: {
    issueUtilities: Record<string, { DiscreteValueSetUtilities: { valueUtilities: Record<string, number> } }>;
    issueWeights: Record<string, number>;
    name?: string;
  };
}

/**
 * A minimal, test-only reader for a GeniusWeb 2.x domain folder (domain JSON + linear additive profiles):
 * each profile becomes a signatory with the issue weights as weights and value utilities × 100 as values.
 * There is no reservation value in these files, so BATNAs are 0 (the disagreement point is the origin).
 */
export function readGeniusWebDomain(dir: string, domainFile: string, profileFiles: string[]): Scenario {
  const domain = JSON.parse(readFileSync(join(dir, domainFile), 'utf8')) as {
    name: string;
    issuesValues: Record<string, { values: string[] }>;
  };
  const issueIds = Object.keys(domain.issuesValues);
  const profiles = profileFiles.map(
    (f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GeniusWebProfile,
  );
  return {
    parley: 1,
    id: domain.name,
    title: domain.name,
    sources: [],
    parties: profiles.map((_, p) => ({
      id: `p${p}`,
      name: `Profile ${p}`,
      kind: 'other',
      role: 'signatory',
    })),
    issues: issueIds.map((id) => ({
      id,
      title: id,
      category: 'other',
      options: domain.issuesValues[id].values.map((v) => ({ id: v, label: v })),
    })),
    documents: [],
    packages: [],
    events: [],
    positions: [],
    preferences: profiles.map((profile, p) => {
      const space = profile.LinearAdditiveUtilitySpace;
      return {
        party: `p${p}`,
        source: profileFiles[p],
        basis: 'imported',
        weights: Object.fromEntries(issueIds.map((id) => [id, space.issueWeights[id]])),
        values: Object.fromEntries(
          issueIds.map((id) => [
            id,
            Object.fromEntries(
              Object.entries(space.issueUtilities[id].DiscreteValueSetUtilities.valueUtilities).map(
                ([v, u]) => [v, u * 100],
              ),
            ),
          ]),
        ),
        adjustments: [],
        redLines: [],
        batna: 0,
      };
    }),
  };
}
