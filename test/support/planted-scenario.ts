import { stringify } from 'yaml';
import type { Scenario } from '../../src/schema/scenario.js';
import { tinyScenario } from './tiny-scenario.js';

/**
 * Numbers planted in one party's private data (BATNA, a weight, a value): they appear nowhere else, so seeing
 * one means seeing that party's preferences.
 */
export const PLANTED_NUMBERS: Record<'a' | 'b', string[]> = {
  a: ['30.0123', '50.0123', '40.0321', '60.0321', '3.0917', '60.0713'],
  b: ['40.0456', '2.0833', '50.0629'],
};

export const PRIVATE_PARTIES = ['a', 'b'] as const;

/** The tiny scenario with a unique marker string in every private field and planted numbers, as a Scenario. */
export function plantedScenario(): Scenario {
  const s = tinyScenario();
  for (const p of s.preferences) {
    const m = `marker-${p.party}`;
    p.source = `${m}-source`;
    p.notes = `${m}-notes`;
    p.redLines = p.redLines.map((r, k) => ({
      ...r,
      id: `${m}-line${k}`,
      description: `${m}-line-text`,
      source: `${m}-line-source`,
    }));
    p.adjustments = p.adjustments.map((x, k) => ({ ...x, id: `${m}-adj${k}`, description: `${m}-adj-text` }));
  }
  const [a, b] = s.preferences;
  a.batna = {
    series: [
      { date: '2025-01-01', value: 30.0123 },
      { date: '2025-03-01', value: { estimate: 50.0123, low: 40.0321, high: 60.0321 } },
    ],
    interpolation: 'step',
  };
  a.weights.land = 3.0917;
  (a.values.land as Record<string, number>).share = 60.0713;
  b.batna = 40.0456;
  b.weights.money = 2.0833;
  (b.values.land as Record<string, number>).share = 50.0629;
  return s;
}

export function plantedYaml(): string {
  return stringify(plantedScenario(), { aliasDuplicateObjects: false });
}

/** The markers of `party` found in `text`: its marker string, or one of its planted numbers. */
export function markersIn(text: string, party: 'a' | 'b'): string[] {
  const found: string[] = [];
  if (text.includes(`marker-${party}`)) found.push(`marker-${party}`);
  for (const n of PLANTED_NUMBERS[party]) if (text.includes(n)) found.push(n);
  return found;
}
