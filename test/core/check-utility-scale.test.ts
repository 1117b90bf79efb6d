import { describe, expect, it } from 'vitest';
import { checkUtilityScale } from '../../src/core/evaluate/check-utility-scale.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { tinyScenario } from '../support/tiny-scenario.js';

describe('utility scale check', () => {
  it('stays quiet when adjustments keep every outcome within 0..100', () => {
    // Alpha's best is keep (75 + 25 at troops 100) = 100; share + troops >= 75 gives at most 45 + 25 + 10 = 80.
    expect(checkUtilityScale(compileScenario(tinyScenario()))).toEqual([]);
  });

  it('reports the exact reachable maximum, at the estimates and within the ranges', () => {
    const scenario = tinyScenario();
    scenario.preferences[0].adjustments[0].delta = 50;
    const [problem] = checkUtilityScale(compileScenario(scenario));
    // Estimates: share (0.75*60) + troops 100 (0.25*100) + 50 = 120.
    // Ranges: troops weight up to 3 against land 3: (3*60 + 3*100)/6 = 80, plus 50 = 130.
    expect(problem.message).toBe(
      "party 'a' can reach utility 120 at the estimates and 130 within their ranges, above 100, because of adjustments; lower the positive deltas or the values of the options they reward",
    );
    expect(problem.path).toEqual(['preferences', 0, 'adjustments']);
  });

  it('reports utilities below 0', () => {
    const scenario = tinyScenario();
    scenario.preferences[0].adjustments[0].delta = -60;
    const [problem] = checkUtilityScale(compileScenario(scenario));
    // Lowest with the adjustment: share (45) + troops 75 (18.75) - 60 = 3.75 > 0 at estimates;
    // within ranges troops weight 0 gives 60 - 60 = 0, weight 3 gives (180 + 3*0.75*80)/6 - 60 = 0 -> not below 0.
    expect(problem).toBeUndefined();
    scenario.preferences[0].adjustments[0].delta = -70;
    const [below] = checkUtilityScale(compileScenario(scenario));
    expect(below.message).toMatch(
      /can fall to utility -6\.25 at the estimates and -10 within their ranges, below 0/,
    );
  });
});
