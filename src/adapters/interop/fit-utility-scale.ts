import type { Adjustment, Issue, IssueValues, Preferences, UncertainNumber } from '../../schema/scenario.js';
import type { InteropReport } from './interop-report.js';
import { gridValues, interpolateAt, piecewiseLinearOnGrid } from './numeric-grid.js';

/**
 * Parley values lie on 0..100 and a party must weight at least one issue; the formats do not promise either.
 * GENIUS weights may sum to a little more than 1 (Laptop: 1.0000518), which the readers carry into the values
 * to keep utilities identical, so values reach 100.005; NegMAS value functions are unbounded; a GENIUS
 * nonlinear profile or a NegMAS bias-only function has no weighted issue at all.
 *
 * This rewrites such preferences into an equivalent form, outcome by outcome (exactly, up to floating point):
 *  - a value v outside 0..100 on an issue of normalised weight w becomes clamp(v, 0, 100), and an adjustment
 *    "when the issue takes that option (grid point)" adds back w * (v - clamp(v)) utility points;
 *  - a party without any positive weight gets weight 1 on every issue with value 0 everywhere, which adds
 *    nothing to its utility (all of which comes from its adjustments).
 * Preferences with negative or uncertain weights are left alone (the readers do not produce them; Parley's
 * checks then say what is wrong).
 */
export function fitUtilityScale(
  issues: readonly Issue[],
  preferences: Preferences[],
  report: InteropReport,
): void {
  for (const p of preferences) fitParty(issues, p, report);
}

const plain = (u: UncertainNumber | undefined): number | undefined => (typeof u === 'number' ? u : undefined);

function zeroValues(issue: Issue): IssueValues {
  if (issue.range) {
    return {
      piecewiseLinear: [
        [issue.range.min, 0],
        [issue.range.max === issue.range.min ? issue.range.min + 1 : issue.range.max, 0],
      ],
    };
  }
  return Object.fromEntries((issue.options ?? []).map((o) => [o.id, 0]));
}

function fitParty(issues: readonly Issue[], p: Preferences, report: InteropReport): void {
  const weights = Object.values(p.weights).map(plain);
  if (weights.some((w) => w === undefined || w < 0)) return;
  const total = (weights as number[]).reduce((a, b) => a + b, 0);
  if (total <= 0) {
    for (const issue of issues) {
      p.weights[issue.id] = 1;
      p.values[issue.id] = zeroValues(issue);
    }
    report.notes.push(
      `${p.party}: no issue has a weight (the whole utility comes from adjustments); Parley needs a positive weight, so every issue gets weight 1 with value 0 everywhere, which adds nothing`,
    );
    return;
  }
  const usedIds = new Set(p.adjustments.map((a) => a.id));
  const nextId = () => {
    let k = 1;
    while (usedIds.has(`scale-${k}`)) k++;
    usedIds.add(`scale-${k}`);
    return `scale-${k}`;
  };
  const added: Adjustment[] = [];
  let largest = 0;
  for (const issue of issues) {
    const spec = p.values[issue.id];
    if (spec === undefined) continue;
    const share = (plain(p.weights[issue.id]) ?? 0) / total;
    // Returns the clamped value and records the adjustment that restores the utility.
    const onScale = (v: number, when: Adjustment['when'], what: string): number => {
      const clamped = Math.min(100, Math.max(0, v));
      if (clamped === v) return v;
      largest = Math.max(largest, Math.abs(v - clamped));
      const delta = share * (v - clamped);
      if (delta !== 0) {
        added.push({
          id: nextId(),
          description: `value ${v} of ${what} lies outside 0..100: the value is set to ${clamped} and this adjustment adds back the difference times the issue's weight`,
          when,
          delta,
        });
      }
      return clamped;
    };
    if ('piecewiseLinear' in spec && Array.isArray(spec.piecewiseLinear)) {
      if (!issue.range) continue;
      const points = spec.piecewiseLinear.map(([x, v]): [number, number] => [x, plain(v) ?? Number.NaN]);
      if (points.every(([, v]) => v >= 0 && v <= 100)) continue;
      const grid = gridValues(issue.range);
      const values = grid.map((x) =>
        onScale(interpolateAt(points, x), { issue: issue.id, in: [x] }, `issue '${issue.id}' at ${x}`),
      );
      p.values[issue.id] = { piecewiseLinear: piecewiseLinearOnGrid(grid, values) };
      continue;
    }
    const table = spec as Record<string, UncertainNumber>;
    for (const [optionId, raw] of Object.entries(table)) {
      const v = plain(raw);
      if (v === undefined) continue;
      table[optionId] = onScale(
        v,
        { issue: issue.id, in: [optionId] },
        `option '${optionId}' of issue '${issue.id}'`,
      );
    }
  }
  if (added.length === 0) return;
  p.adjustments.push(...added);
  report.notes.push(
    `${p.party}: ${added.length} value(s) lay outside Parley's 0..100 (by up to ${largest.toPrecision(6)}); each is set to the nearest end and an adjustment (${added[0].id}${added.length > 1 ? `..${added[added.length - 1].id}` : ''}) adds the difference back, so utilities are unchanged`,
  );
}
