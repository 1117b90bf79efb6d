import { describe, expect, it } from 'vitest';
import { whatIf } from '../../src/app/what-if.js';
import { BuilderInputError } from '../../src/core/model/builder-input.js';
import { applyHypothesis } from '../../src/core/model/hypothesis.js';
import { tinyScenario } from '../support/tiny-scenario.js';

async function problemsOf(run: Promise<unknown>) {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BuilderInputError);
  return (error as BuilderInputError).problems;
}

describe('what-if evaluation', () => {
  it('marks its result with the hypothesis and lists the parameters with their ranges', async () => {
    const result = await whatIf({ scenario: tinyScenario(), outcome: { land: 'share' }, at: '2025-03-01' });
    expect(result.hypothesis).toBeNull();
    const a = result.parameters.find((p) => p.party === 'a');
    expect(a?.batna).toEqual({ estimate: 50, low: 40, high: 60, at: '2025-03-01' });
    expect(a?.weights).toContainEqual({ issue: 'troops', estimate: 1, low: 0, high: 3 });
    expect(a?.redLines.map((r) => r.id)).toEqual(['no-cede']);
  });

  it('switching off a red line changes the verdict on the outcome that crossed it', async () => {
    const outcome = { land: 'keep', troops: '0', money: 'none' };
    const saved = await whatIf({ scenario: tinyScenario(), outcome, at: '2025-03-01' });
    const b = saved.evaluation.parties.find((p) => p.party === 'b');
    expect(b?.redLines.find((r) => r.id === 'not-keep')?.status).toBe('crossed');
    expect(saved.evaluation.verdict).toBe('no');
    const off = await whatIf({
      scenario: tinyScenario(),
      outcome,
      hypothesis: { redLines: [{ party: 'b', redLine: 'not-keep', active: false }], at: '2025-03-01' },
    });
    expect(off.evaluation.parties.find((p) => p.party === 'b')?.redLines).toEqual([]);
    expect(off.hypothesis?.redLines).toHaveLength(1);
  });

  it('a BATNA set within its range is the one the verdict compares with', async () => {
    const outcome = { land: 'keep', troops: '0', money: 'none' };
    const at = '2025-03-01';
    const low = await whatIf({
      scenario: tinyScenario(),
      outcome,
      at,
      hypothesis: { batna: [{ party: 'a', value: 40 }] },
    });
    const a = low.evaluation.parties.find((p) => p.party === 'a');
    // a: weights 3:1 → 0.75·100 + 0.25·0 = 75 ≥ 40.
    expect(a?.utility.min).toBeCloseTo(75, 9);
    expect(a?.batna.estimate).toBe(40);
  });

  it('a weight within its range is used as a point value', async () => {
    const outcome = { land: 'keep', troops: '100', money: 'none' };
    const result = await whatIf({
      scenario: tinyScenario(),
      outcome,
      hypothesis: { weights: [{ party: 'a', issue: 'troops', value: 3 }] },
    });
    // a: weights 3:3 → 0.5·100 + 0.5·100 = 100.
    expect(result.evaluation.parties.find((p) => p.party === 'a')?.utility.min).toBeCloseTo(100, 9);
  });

  it('rejects values outside the estimate range and unknown ids, each with its path', async () => {
    const problems = await problemsOf(
      whatIf({
        scenario: tinyScenario(),
        at: '2025-03-01',
        hypothesis: {
          batna: [{ party: 'a', value: 70 }],
          weights: [
            { party: 'b', issue: 'money', value: 3 },
            { party: 'a', issue: 'mony', value: 1 },
          ],
          redLines: [{ party: 'bb', redLine: 'x', active: false }],
        },
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ path: 'hypothesis.redLines[0].party', suggestion: "did you mean 'b'?" }),
      expect.objectContaining({ path: 'hypothesis.batna[0].value', expected: '40 to 60' }),
      expect.objectContaining({ path: 'hypothesis.weights[0].value', expected: '2 (no stated range)' }),
      expect.objectContaining({ path: 'hypothesis.weights[1].issue' }),
    ]);
  });

  it('the date of a hypothesis reads the dated BATNA at that date', async () => {
    const early = await whatIf({ scenario: tinyScenario(), hypothesis: { at: '2025-01-15' } });
    expect(early.evaluation.parties.find((p) => p.party === 'a')?.batna.estimate).toBe(30);
    expect(early.parameters.find((p) => p.party === 'a')?.batna).toMatchObject({ low: 30, high: 30 });
  });

  it('never changes the scenario it was given', () => {
    const scenario = tinyScenario();
    const before = structuredClone(scenario);
    applyHypothesis(scenario, { redLines: [{ party: 'a', redLine: 'no-cede', active: false }] });
    expect(scenario).toEqual(before);
  });
});
