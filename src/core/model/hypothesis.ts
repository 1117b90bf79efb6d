import type { Hypothesis } from '../../schema/api/builder.js';
import type { Preferences, Scenario } from '../../schema/scenario.js';
import { BuilderInputError, type InputProblem, unknownId } from './builder-input.js';
import { batnaAt } from './party-model.js';
import { toInterval } from './uncertain.js';

/** What a party's parameters may be set to in a hypothesis: its red lines, its BATNA and weight ranges. */
export interface PartyParameters {
  party: string;
  redLines: Array<{ id: string; description: string }>;
  batna: { estimate: number; low: number; high: number; at: string | null };
  weights: Array<{ issue: string; estimate: number; low: number; high: number }>;
}

/** The parties named by a hypothesis (for the face's check of who may change what). */
export function partiesNamed(hypothesis: Hypothesis): string[] {
  const named = [
    ...(hypothesis.redLines ?? []).map((r) => r.party),
    ...(hypothesis.batna ?? []).map((b) => b.party),
    ...(hypothesis.weights ?? []).map((w) => w.party),
  ];
  return [...new Set(named)];
}

/** The date a hypothesis reads dated BATNAs at: its own, else the request's, else the scenario's. */
export function hypothesisDate(
  hypothesis: Hypothesis | undefined,
  at: string | undefined,
): string | undefined {
  return hypothesis?.at ?? at;
}

/** Every party's adjustable parameters at the date (the face keeps the rows the viewer may see). */
export function partyParameters(scenario: Scenario, at: string | undefined): PartyParameters[] {
  const date = at ?? scenario.asOf;
  return scenario.preferences.map((p) => {
    const batna = batnaAt(p.batna, date);
    return {
      party: p.party,
      redLines: p.redLines.map((r) => ({ id: r.id, description: r.description })),
      batna: { ...pickRange(batna.value), at: batna.date ?? null },
      weights: Object.entries(p.weights).map(([issue, w]) => ({ issue, ...pickRange(toInterval(w)) })),
    };
  });
}

function pickRange(x: { estimate: number; low: number; high: number }) {
  return { estimate: x.estimate, low: x.low, high: x.high };
}

function outside(path: string, value: number, range: { low: number; high: number }, what: string) {
  return {
    path,
    message: `${value} is outside the estimate range ${range.low}–${range.high} of ${what}`,
    expected: range.low === range.high ? `${range.low} (no stated range)` : `${range.low} to ${range.high}`,
  };
}

/**
 * The scenario under a hypothesis: red lines switched off, BATNAs and weights set to values within their
 * estimate ranges (as point values). Pure; throws BuilderInputError listing every problem with its path.
 */
export function applyHypothesis(
  scenario: Scenario,
  hypothesis: Hypothesis | undefined,
  at?: string,
): Scenario {
  if (!hypothesis) return scenario;
  const date = hypothesisDate(hypothesis, at) ?? scenario.asOf;
  const problems: InputProblem[] = [];
  const copies = new Map<string, Preferences>();
  const parties = scenario.preferences.map((p) => p.party);
  const preferencesAt = (party: string, path: string): Preferences | undefined => {
    const original = scenario.preferences.find((p) => p.party === party);
    if (!original) {
      problems.push(unknownId(`${path}.party`, 'party with preferences', party, parties));
      return undefined;
    }
    const copy = copies.get(party) ?? structuredClone(original);
    copies.set(party, copy);
    return copy;
  };
  (hypothesis.redLines ?? []).forEach((r, k) => {
    const path = `hypothesis.redLines[${k}]`;
    const prefs = preferencesAt(r.party, path);
    if (!prefs) return;
    const original = scenario.preferences.find((p) => p.party === r.party)?.redLines ?? [];
    if (!original.some((x) => x.id === r.redLine)) {
      const ids = original.map((x) => x.id);
      problems.push(unknownId(`${path}.redLine`, `red line of ${r.party}`, r.redLine, ids));
      return;
    }
    if (!r.active) prefs.redLines = prefs.redLines.filter((x) => x.id !== r.redLine);
  });
  (hypothesis.batna ?? []).forEach((b, k) => {
    const path = `hypothesis.batna[${k}]`;
    const prefs = preferencesAt(b.party, path);
    if (!prefs) return;
    const range = batnaAt(prefs.batna, date).value;
    if (b.value < range.low || b.value > range.high) {
      problems.push(outside(`${path}.value`, b.value, range, `${b.party}'s BATNA`));
      return;
    }
    prefs.batna = b.value;
  });
  (hypothesis.weights ?? []).forEach((w, k) => {
    const path = `hypothesis.weights[${k}]`;
    const prefs = preferencesAt(w.party, path);
    if (!prefs) return;
    const original = scenario.preferences.find((p) => p.party === w.party)?.weights ?? {};
    if (!Object.hasOwn(original, w.issue)) {
      problems.push(
        unknownId(`${path}.issue`, `weighted issue of ${w.party}`, w.issue, Object.keys(original)),
      );
      return;
    }
    const range = toInterval(original[w.issue]);
    if (w.value < range.low || w.value > range.high) {
      problems.push(outside(`${path}.value`, w.value, range, `${w.party}'s weight of ${w.issue}`));
      return;
    }
    prefs.weights = { ...prefs.weights, [w.issue]: w.value };
  });
  if (problems.length > 0) throw new BuilderInputError(problems);
  return {
    ...scenario,
    preferences: scenario.preferences.map((p) => copies.get(p.party) ?? p),
  };
}
