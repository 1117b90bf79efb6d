import { realiseUtility, type UtilityFunction } from '../../evaluate/utility-function.js';
import type { CompiledScenario } from '../../model/compile.js';
import type { PartyModel } from '../../model/party-model.js';

/**
 * A lower bound of a party's utility over the whole space: every issue at its worst option and every
 * negative adjustment applied. Exact when there are no adjustments.
 */
export function utilityLowerBound(u: UtilityFunction): number {
  let bound = 0;
  for (const column of u.contribution) {
    let worst = Number.POSITIVE_INFINITY;
    for (const value of column) if (value < worst) worst = value;
    if (column.length > 0) bound += worst;
  }
  for (const a of u.adjustments) if (a.delta < 0) bound += a.delta;
  return bound;
}

/** Splits a zone constraint id ("party:red-line-id" or "party:batna") at its first colon. */
function parseConstraintId(id: string): { party: string; constraint: string } {
  const colon = id.indexOf(':');
  return colon < 0
    ? { party: id, constraint: '' }
    : { party: id.slice(0, colon), constraint: id.slice(colon + 1) };
}

/**
 * The compiled scenario without the given zone constraints ("party:red-line-id" or "party:batna"), as the
 * smallest relaxation proposes them. A dropped red line is removed. A dropped BATNA is absent: the party's
 * model is marked `batnaDropped`, so no zone constraint (and no MILP row) is built for it, and its BATNA, which
 * still serves as the disagreement point of the bargaining solutions, becomes a finite lower bound of its
 * utility over the whole space (no outcome falls below it). Ids naming no party or constraint are ignored.
 */
export function withoutZoneConstraints(compiled: CompiledScenario, dropped: string[]): CompiledScenario {
  const byParty = new Map<string, { batna: boolean; redLines: Set<string> }>();
  for (const id of dropped) {
    const { party, constraint } = parseConstraintId(id);
    const entry = byParty.get(party) ?? { batna: false, redLines: new Set<string>() };
    if (constraint === 'batna') entry.batna = true;
    else entry.redLines.add(constraint);
    byParty.set(party, entry);
  }
  const models = compiled.models.map((model): PartyModel => {
    const drop = byParty.get(model.party);
    if (!drop) return model;
    const relaxed: PartyModel = {
      ...model,
      redLines: model.redLines.filter((line) => !drop.redLines.has(line.id)),
    };
    if (drop.batna) {
      const floor = utilityLowerBound(realiseUtility(model, 'estimate'));
      relaxed.batna = { estimate: floor, low: floor, high: floor };
      relaxed.batnaDropped = true;
      relaxed.batnaDate = undefined;
    }
    return relaxed;
  });
  return { ...compiled, models };
}
