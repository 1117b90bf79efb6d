import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/app/forecast.js';
import { actorTableFromScenario } from '../../src/core/forecast/input/actor-table-from-scenario.js';
import { forecastScenario } from '../support/forecast-scenario.js';

function table() {
  const read = actorTableFromScenario(forecastScenario());
  if (!read.ok) throw new Error('unexpected');
  return read.table;
}

describe('the forecast use case', () => {
  it('runs every model and reports a hand-checked mean', async () => {
    const result = await forecast({ table: table(), models: ['all'] });
    expect(result.models).toEqual(['mean', 'median', 'condorcet', 'bdm', 'smp']);
    const land = result.forecast.dimensions[0];
    // One-issue models read salience relative to each party's top issue: Alpha 0.6 × 1 at 0, Beta 0.4 × 0.5
    // at 100: 20 / 0.8.
    expect(land.mean).toBeCloseTo(25, 12);
    expect(land.median?.value).toBe(0);
    expect(land.bdm?.rounds.length).toBeGreaterThan(0);
    expect(result.forecast.smp?.turns.length).toBeGreaterThan(0);
    expect(result.exact).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('draws capability and salience within their ranges: same seed, same distribution; the range holds the draws', async () => {
    const input = { table: table(), models: ['mean', 'bdm'], samples: 50, seed: 9 };
    const a = await forecast(input);
    const b = await forecast(input);
    expect(a.samples).toEqual(b.samples);
    expect(a.exact).toBe(false);
    const c = await forecast({ ...input, seed: 10 });
    expect(c.samples).not.toEqual(a.samples);
    // The troops mean moves with Alpha's troop salience (range 0..0.75) and capability (0.5..0.7).
    const troops = a.samples?.distributions.find((d) => d.dimension === 'troops' && d.model === 'mean');
    expect(troops?.n).toBe(50);
    expect(troops && troops.max - troops.min).toBeGreaterThan(1);
    for (const d of a.samples?.distributions ?? []) {
      expect(d.min).toBeGreaterThanOrEqual(0);
      expect(d.max).toBeLessThanOrEqual(100);
    }
  });

  it('stops drawing when cancelled and says how many draws it used', async () => {
    let calls = 0;
    const cancel = {
      get aborted() {
        calls++;
        return calls > 12;
      },
    };
    const result = await forecast({ table: table(), models: ['mean'], samples: 100, seed: 1 }, { cancel });
    expect(result.samples?.completed).toBeLessThan(100);
    expect(result.warnings.join(' ')).toMatch(/Stopped after \d+ of 100 draws/);
  });
});

describe('salience readings', () => {
  it('BDM reads the one-issue saliences by default and the shares with --salience share', async () => {
    const byModel = actorTableFromScenario(forecastScenario());
    const share = actorTableFromScenario(forecastScenario(), { salience: 'share' });
    if (!byModel.ok || !share.ok) throw new Error('unexpected');
    const a = await forecast({ table: byModel.table, models: ['bdm'] });
    const b = await forecast({ table: share.table, models: ['bdm'] });
    const top = actorTableFromScenario(forecastScenario(), { salience: 'top' });
    if (!top.ok) throw new Error('unexpected');
    const c = await forecast({ table: top.table, models: ['bdm'] });
    expect(a.forecast.dimensions[0].bdm).toEqual(c.forecast.dimensions[0].bdm);
    expect(a.forecast.dimensions[0].bdm?.rounds[0].expectedUtility).not.toEqual(
      b.forecast.dimensions[0].bdm?.rounds[0].expectedUtility,
    );
  });
});
