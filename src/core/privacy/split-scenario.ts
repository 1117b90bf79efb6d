import type { Position, Preferences, Scenario } from '../../schema/scenario.js';

/** What every participant may read: the scenario without any party's private preferences. */
export type SharedScenario = Omit<Scenario, 'preferences' | 'positions'> & {
  /** Stated positions when they are public (see DisclosurePolicy.privatePositions), else empty. */
  positions: Position[];
};

/** One party's private part: its preferences (weights, values, adjustments, red lines, BATNA, ranges). */
export interface PrivatePreferences {
  party: string;
  preferences: Preferences;
  /** The party's stated positions, when positions are private. */
  positions: Position[];
}

export interface SplitScenario {
  shared: SharedScenario;
  /** Keyed by party id. */
  private: Record<string, PrivatePreferences>;
}

/**
 * Splits a scenario into its shared part (parties, issues, documents, versions, packages, events, sources) and
 * each party's private preferences; `joinScenario` puts them back together unchanged.
 */
export function splitScenario(
  scenario: Scenario,
  options: { privatePositions?: boolean } = {},
): SplitScenario {
  const { preferences, positions, ...rest } = structuredClone(scenario);
  const privatePositions = options.privatePositions === true;
  const parts: Record<string, PrivatePreferences> = Object.create(null);
  for (const p of preferences) {
    parts[p.party] = {
      party: p.party,
      preferences: p,
      positions: privatePositions ? positions.filter((q) => q.party === p.party) : [],
    };
  }
  return { shared: { ...rest, positions: privatePositions ? [] : positions }, private: parts };
}

/** The scenario from its shared part and the private parts given (any subset of the parties). */
export function joinScenario(shared: SharedScenario, parts: readonly PrivatePreferences[]): Scenario {
  const copy = structuredClone(shared);
  const byParty = new Map(parts.map((p) => [p.party, p]));
  const preferences: Preferences[] = [];
  // Keep the order of the parties, so that a full join gives back the original scenario.
  for (const party of copy.parties) {
    const part = byParty.get(party.id);
    if (part) preferences.push(structuredClone(part.preferences));
  }
  const positions = [...copy.positions, ...parts.flatMap((p) => structuredClone(p.positions))];
  return { ...copy, preferences, positions };
}
