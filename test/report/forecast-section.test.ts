import { describe, expect, it } from 'vitest';
import { forecastSection } from '../../src/adapters/report/sections/forecast-section.js';
import { forecast } from '../../src/app/forecast.js';
import { actorTableFromScenario } from '../../src/core/forecast/input/actor-table-from-scenario.js';
import { forecastScenario } from '../support/forecast-scenario.js';

describe('the forecast section of the report', () => {
  it('shows each model per issue with the nearest option, labelled as a model output', async () => {
    const read = actorTableFromScenario(forecastScenario());
    if (!read.ok) throw new Error('unexpected');
    const result = await forecast({ table: read.table, models: ['all'], basis: "analysts' estimates" });
    const section = forecastSection(result);
    expect(section.id).toBe('forecast');
    expect(section.html).toContain('A model output from analysts&#39; estimates, not a prediction.');
    // Land: the weighted median is Alpha's 0 (Alpha keeps), the mean 25 nearest to it too.
    expect(section.html).toContain('<td>0.0 = Alpha keeps</td>');
    expect(section.html).toContain('<td>25.0 ≈ Alpha keeps</td>');
    expect(section.html).toContain('BDM challenge model');
    expect(section.html).toContain('KTAB SMP: end positions');
    expect(section.html).toContain('Land: 0.0 Alpha keeps | 50.0 Shared | 100.0 Beta gets');
    expect(section.html.match(/<svg/g)).toHaveLength(2);
  });
});
