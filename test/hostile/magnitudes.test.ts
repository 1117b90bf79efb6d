import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/adapters/load/load-scenario.js';
import { evaluateSubspace } from '../../src/core/evaluate/evaluate.js';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { MAX_WEIGHT } from '../../src/core/model/check-preferences.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { fullSubspace } from '../../src/core/model/subspace.js';
import { cli } from './support/cli-in-process.js';

// Priya's weights line in the teaching scenario, replaced by extreme magnitudes.
const car = readFileSync(new URL('../../scenarios/teaching-used-car.yaml', import.meta.url), 'utf8');
const PRIYA = 'weights: { price: 30, warranty: 35, preparation: 20, payment: 15 }';
const withWeights = (w: readonly number[]) =>
  car.replace(
    PRIYA,
    `weights: { price: ${w[0]}, warranty: ${w[1]}, preparation: ${w[2]}, payment: ${w[3]} }`,
  );

/** Every number anywhere in a result. */
function numbers(value: unknown, out: unknown[] = []): unknown[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbers(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) numbers(v, out);
  return out;
}

const extreme = fc.oneof(
  fc.constantFrom(0, Number.MIN_VALUE, 1e-300, 1, MAX_WEIGHT),
  fc.double({ min: 0, max: MAX_WEIGHT, noNaN: true }),
);

describe('extreme magnitudes', () => {
  it('weights anywhere in the accepted range give finite utilities on 0..100 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(extreme, { minLength: 4, maxLength: 4 }).filter((w) => w.some((x) => x > 0)),
        (weights) => {
          const loaded = parseScenarioText(withWeights(weights), 'car.yaml');
          expect(loaded.ok).toBe(true);
          if (!loaded.ok) return;
          const compiled = compileScenario(loaded.scenario, { at: '2026-03-05' });
          const priya = realiseUtility(compiled.models[2]);
          for (let k = 0; k < 31; k++) {
            const u = utilityOf(priya, [k, k % 4, k % 3, k % 2]);
            expect(Number.isFinite(u) && u >= -1e-9 && u <= 100 + 1e-9).toBe(true);
          }
          const evaluation = evaluateSubspace(compiled, fullSubspace(compiled.space));
          expect(numbers(evaluation).every((x) => Number.isFinite(x))).toBe(true);
        },
      ),
      { numRuns: 60, seed: 4 },
    );
  });

  it.each([
    [[1e308, 1e308, 20, 15], 'weights.price'],
    [[30, MAX_WEIGHT * 10, 20, 15], 'weights.warranty'],
  ])('weights %j are refused with the field path', (weights, field) => {
    const loaded = parseScenarioText(withWeights(weights), 'car.yaml');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics[0]).toMatchObject({
      path: `preferences[2].${field}`,
      message: expect.stringMatching(/too large to compute with safely/),
    });
    expect(loaded.diagnostics[0].line).toBe(205);
  });

  it('an adjustment larger than the utility scale is refused', () => {
    const loaded = parseScenarioText(
      car.replace('delta: { estimate: 4, low: 2, high: 6 }', 'delta: { estimate: 4, low: 2, high: 1e308 }'),
      'car.yaml',
    );
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.diagnostics[0].path).toBe('preferences[0].adjustments[0].delta.high');
  });

  it('evaluate and analyze print only finite numbers at the extremes of the accepted range', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-magnitudes-'));
    try {
      const file = join(dir, 'car.yaml');
      writeFileSync(file, withWeights([MAX_WEIGHT, Number.MIN_VALUE, 1e-300, MAX_WEIGHT]));
      for (const args of [
        ['evaluate', file, '--package', 'revised'],
        ['evaluate', file, '--package', 'revised', '--json'],
        ['analyze', file],
        ['analyze', file, '--json'],
      ]) {
        const run = await cli(...args);
        expect(run.stderr, args.join(' ')).toBe('');
        expect(run.code, args.join(' ')).toBeLessThan(2);
        expect(run.stdout, args.join(' ')).not.toMatch(/NaN|Infinity|\bnull\b/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
