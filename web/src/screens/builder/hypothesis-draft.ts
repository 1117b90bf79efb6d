import type { Hypothesis } from '../../../../src/schema/api/builder.js';

/** The what-if panel's state: what the user changed, keyed so that a second change replaces the first. */
export interface HypothesisDraft {
  redLinesOff: Array<{ party: string; redLine: string }>;
  batna: Record<string, number>;
  weights: Record<string, Record<string, number>>;
  at?: string;
}

export const EMPTY_DRAFT: HypothesisDraft = { redLinesOff: [], batna: {}, weights: {} };

export function isEmptyDraft(draft: HypothesisDraft): boolean {
  return (
    draft.redLinesOff.length === 0 &&
    Object.keys(draft.batna).length === 0 &&
    Object.values(draft.weights).every((w) => Object.keys(w).length === 0) &&
    draft.at === undefined
  );
}

export function toggleRedLine(draft: HypothesisDraft, party: string, redLine: string): HypothesisDraft {
  const off = draft.redLinesOff.some((r) => r.party === party && r.redLine === redLine);
  return {
    ...draft,
    redLinesOff: off
      ? draft.redLinesOff.filter((r) => !(r.party === party && r.redLine === redLine))
      : [...draft.redLinesOff, { party, redLine }],
  };
}

export function setBatna(draft: HypothesisDraft, party: string, value: number): HypothesisDraft {
  return { ...draft, batna: { ...draft.batna, [party]: value } };
}

export function setWeight(
  draft: HypothesisDraft,
  party: string,
  issue: string,
  value: number,
): HypothesisDraft {
  return { ...draft, weights: { ...draft.weights, [party]: { ...draft.weights[party], [issue]: value } } };
}

/** The request's hypothesis, or undefined when nothing is changed (the saved scenario). */
export function hypothesisOf(draft: HypothesisDraft): Hypothesis | undefined {
  if (isEmptyDraft(draft)) return undefined;
  const weights = Object.entries(draft.weights).flatMap(([party, byIssue]) =>
    Object.entries(byIssue).map(([issue, value]) => ({ party, issue, value })),
  );
  return {
    ...(draft.redLinesOff.length > 0
      ? { redLines: draft.redLinesOff.map((r) => ({ ...r, active: false })) }
      : {}),
    ...(Object.keys(draft.batna).length > 0
      ? { batna: Object.entries(draft.batna).map(([party, value]) => ({ party, value })) }
      : {}),
    ...(weights.length > 0 ? { weights } : {}),
    ...(draft.at ? { at: draft.at } : {}),
  };
}
