import { describe, expect, it } from 'vitest';
import { resolveCandidates } from '../../src/core/analysis/robustness/candidates.js';
import { typicalCompletionAcceptance } from '../../src/core/analysis/robustness/typical-completions.js';
import { verdictTornado } from '../../src/core/analysis/robustness/verdict-tornado.js';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { type CompiledScenario, compileScenario } from '../../src/core/model/compile.js';
import type { IntervalArray, PartyModel } from '../../src/core/model/party-model.js';
import { holds } from '../../src/core/model/rule.js';
import { forEachCompletion, fullSubspace } from '../../src/core/model/subspace.js';
import type { Interval } from '../../src/core/model/uncertain.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const pin = (i: Interval): Interval => ({ estimate: i.estimate, low: i.estimate, high: i.estimate });
const pinArray = (a: IntervalArray): IntervalArray => ({
  estimate: a.estimate,
  low: a.estimate,
  high: a.estimate,
});

/** The scenario with every estimate's range collapsed onto the estimate: draws then vary only the completion. */
function pinned(compiled: CompiledScenario): CompiledScenario {
  const models = compiled.models.map(
    (m): PartyModel => ({
      ...m,
      weights: pinArray(m.weights),
      values: m.values.map(pinArray),
      adjustments: m.adjustments.map((a) => ({ ...a, delta: pin(a.delta) })),
      batna: pin(m.batna),
    }),
  );
  return { ...compiled, models };
}

/** Share of a package's completions that every signatory accepts at the estimates, by enumeration. */
function bruteForceShare(compiled: CompiledScenario, allowed: Int32Array[]): number {
  let accepted = 0;
  let total = 0;
  const fns = compiled.signatories.map((m) => realiseUtility(compiled.models[m]));
  forEachCompletion({ allowed }, (outcome) => {
    total++;
    const all = compiled.signatories.every((m, k) => {
      const model = compiled.models[m];
      return (
        !model.redLines.some((r) => holds(r.crossedWhen, outcome)) &&
        utilityOf(fns[k], outcome) >= fns[k].batna - 1e-9
      );
    });
    if (all) accepted++;
  });
  return accepted / total;
}

describe('acceptance under typical completions', () => {
  const compiled = pinned(compileScenario(tinyScenario()));
  const whole = { id: 'everything open', subspace: fullSubspace(compiled.space) };
  const packages = [...resolveCandidates(compiled, ['p1', 'clash']), whole];

  it('matches the share of acceptable completions by enumeration when the estimates are pinned', () => {
    const samples = 4000;
    const result = typicalCompletionAcceptance(compiled, packages, { samples, seed: 7 });
    result.packages.forEach((p, j) => {
      const exact = bruteForceShare(compiled, packages[j].subspace.allowed);
      const standardError = Math.sqrt((exact * (1 - exact)) / samples);
      expect(Math.abs(p.allAccept.p - exact), p.id).toBeLessThanOrEqual(4 * standardError + 1e-12);
    });
  });

  it('is a function of the seed and the number of draws', () => {
    const a = typicalCompletionAcceptance(compiled, packages, { samples: 300, seed: 'x' });
    const b = typicalCompletionAcceptance(compiled, packages, { samples: 300, seed: 'x' });
    expect(b).toEqual(a);
    expect(a.samples).toBe(300);
  });

  it('refuses a sample size that is not a positive integer', () => {
    expect(() => typicalCompletionAcceptance(compiled, packages, { samples: 0, seed: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('verdict tornado', () => {
  // On this date party a's BATNA has a range.
  const compiled = compileScenario(tinyScenario(), { at: '2025-03-01' });
  const [pack] = resolveCandidates(compiled, ['clash']);
  const tornado = verdictTornado(compiled, pack, 100);

  it('starts from each signatory’s margin: worst utility over the completions minus the BATNA', () => {
    for (const party of tornado.parties) {
      const model = compiled.models.find((m) => m.party === party.party)!;
      const fn = realiseUtility(model);
      let worst = Number.POSITIVE_INFINITY;
      forEachCompletion(pack.subspace, (outcome) => {
        worst = Math.min(worst, utilityOf(fn, outcome));
      });
      if (party.redLines !== 'crossed') expect(party.margin).toBeCloseTo(worst - fn.batna, 9);
    }
    expect(tornado.parties.some((p) => p.redLines !== 'crossed')).toBe(true);
  });

  it('moves the BATNA by exactly its range and flags a flip exactly when the margin changes sign', () => {
    const batnaBars = tornado.bars.filter((b) => b.estimate === 'BATNA');
    expect(batnaBars.length).toBeGreaterThan(0);
    for (const bar of batnaBars) {
      const base = tornado.parties.find((p) => p.party === bar.party)!.margin;
      expect(bar.marginAtLow).toBeCloseTo(base + (bar.range.estimate - bar.range.low), 9);
      expect(bar.marginAtHigh).toBeCloseTo(base - (bar.range.high - bar.range.estimate), 9);
    }
    for (const bar of tornado.bars) {
      const base = tornado.parties.find((p) => p.party === bar.party)!.margin;
      const accepts = (x: number) => x >= -1e-9;
      const flips = accepts(bar.marginAtLow) !== accepts(base) || accepts(bar.marginAtHigh) !== accepts(base);
      expect(bar.flips, bar.estimate).toBe(flips);
    }
  });

  it('keeps the verdict-flipping bars when it cuts to a limit', () => {
    const short = verdictTornado(compiled, pack, 1);
    expect(short.bars.length).toBeLessThanOrEqual(1);
    expect(short.leftOut).toBe(short.examined - short.bars.length);
    if (tornado.bars.some((b) => b.flips)) expect(short.bars[0].flips).toBe(true);
  });
});
