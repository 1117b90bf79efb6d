/** Where to draw a utility range and a BATNA on a 0..100 bar, as percentages clamped to the bar. */
export interface UtilityBar {
  from: number;
  to: number;
  batna?: number;
  /** Every completion reaches the BATNA (yes), none does (no), or it depends on open issues. */
  state: 'yes' | 'no' | 'depends';
}

const clamp = (x: number) => Math.max(0, Math.min(100, x));

export function utilityBar(utility: { min: number; max: number }, batna: number | undefined): UtilityBar {
  const state =
    batna === undefined ? 'depends' : utility.min >= batna ? 'yes' : utility.max < batna ? 'no' : 'depends';
  return {
    from: clamp(utility.min),
    to: clamp(Math.max(utility.max, utility.min)),
    ...(batna !== undefined ? { batna: clamp(batna) } : {}),
    state,
  };
}

/** A utility as people read it: one number when settled, a range while issues are open. */
export function formatUtility(utility: { min: number; max: number }): string {
  const round = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
  return Math.abs(utility.max - utility.min) < 0.05
    ? round(utility.min)
    : `${round(utility.min)}–${round(utility.max)}`;
}
