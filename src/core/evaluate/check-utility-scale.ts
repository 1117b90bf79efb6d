import type { CompiledScenario } from '../model/compile.js';
import type { Problem } from '../model/problem.js';
import { fullSubspace } from '../model/subspace.js';
import { utilityRange } from './utility-range.js';

const round = (x: number) => String(Number(x.toFixed(2)));

/**
 * Warns when a party's utility can leave the 0..100 scale, which only adjustments can cause. The range is the
 * exact one over all outcomes (first at the estimates, then allowing every estimate its stated range);
 * when the space of interacting options is too large to enumerate, the enclosing bound is used and said so.
 */
export function checkUtilityScale(compiled: CompiledScenario): Problem[] {
  const problems: Problem[] = [];
  const full = fullSubspace(compiled.space);
  compiled.scenario.preferences.forEach((preferences, k) => {
    const model = compiled.models.find((m) => m.party === preferences.party);
    if (!model || model.adjustments.length === 0) return;
    const estimate = utilityRange(model, full, 'estimate');
    const band = utilityRange(model, full, 'band');
    const path = ['preferences', k, 'adjustments'];
    if (!band.exact) {
      if (band.max > 100 + 1e-9 || band.min < -1e-9) {
        problems.push({
          path,
          severity: 'warning',
          message: `party '${preferences.party}': utilities could not be confirmed to stay within 0..100; an enclosing bound gives ${round(band.min)}..${round(band.max)}, but the adjustments interact over too many options to find the exact range`,
          expected: 'utilities on the 0..100 scale',
        });
      }
      return;
    }
    if (band.max > 100 + 1e-9) {
      problems.push({
        path,
        severity: 'warning',
        message: `party '${preferences.party}' can reach utility ${round(estimate.max)} at the estimates and ${round(band.max)} within their ranges, above 100, because of adjustments; lower the positive deltas or the values of the options they reward`,
        expected: 'utilities on the 0..100 scale',
      });
    }
    if (band.min < -1e-9) {
      problems.push({
        path,
        severity: 'warning',
        message: `party '${preferences.party}' can fall to utility ${round(estimate.min)} at the estimates and ${round(band.min)} within their ranges, below 0, because of adjustments; make the negative deltas smaller`,
        expected: 'utilities on the 0..100 scale',
      });
    }
  });
  return problems;
}
