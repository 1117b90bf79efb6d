import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../../src/adapters/load/load-scenario.js';
import { actorTableFromScenario } from '../../../../src/core/forecast/input/actor-table-from-scenario.js';
import { forecastScenario } from '../../../support/forecast-scenario.js';
import { repoRoot } from '../../../support/run-cli.js';

describe('actor table from a scenario', () => {
  it('places each party at its favourite option on each scaled issue, with shares of its weight as saliences', () => {
    const read = actorTableFromScenario(forecastScenario());
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const { table } = read;
    expect(table.dimensions.map((d) => [d.id, d.min, d.max])).toEqual([
      ['land', 0, 100],
      ['troops', 0, 100],
    ]);
    expect(table.dimensions[0].ticks?.map((t) => t.label)).toEqual(['Alpha keeps', 'Shared', 'Beta gets']);
    const [alpha, beta] = table.actors;
    expect(alpha).toMatchObject({
      id: 'a',
      capability: 0.6,
      capabilityRange: { low: 0.5, high: 0.7 },
      positions: [0, 100],
    });
    expect(alpha.saliences).toEqual([0.75, 0.25]);
    // By default the one-issue models read salience relative to the party's top issue.
    expect(alpha.oneIssueSaliences).toEqual([1, 1 / 3]);
    expect(beta.oneIssueSaliences).toEqual([0.5, 0.5]);
    expect(alpha.salienceRanges).toEqual([
      { low: 0.75, high: 0.75 },
      { low: 0, high: 0.75 },
    ]);
    expect(beta).toMatchObject({ id: 'b', capability: 0.4, positions: [100, 0], saliences: [0.25, 0.25] });
    expect(table.notes.join(' ')).toContain(
      '1 issue(s) with unordered options and no forecast scale are left out',
    );
  });

  it("reads saliences relative to each party's heaviest issue with 'top'", () => {
    const read = actorTableFromScenario(forecastScenario(), { salience: 'top' });
    if (!read.ok) throw new Error('unexpected');
    expect(read.table.actors[0].saliences).toEqual([1, 1 / 3]);
    expect(read.table.actors[1].saliences).toEqual([0.5, 0.5]);
    expect(read.table.actors[0].oneIssueSaliences).toBeUndefined();
    const share = actorTableFromScenario(forecastScenario(), { salience: 'share' });
    expect(share.ok && share.table.actors[0].oneIssueSaliences).toBeUndefined();
  });

  it('spreads ordered options evenly over 0..100', () => {
    const scenario = forecastScenario();
    scenario.issues[2].ordered = true;
    const read = actorTableFromScenario(scenario, { issues: ['money'] });
    if (!read.ok) throw new Error('unexpected');
    expect(read.table.dimensions[0].ticks).toEqual([
      { position: 0, label: 'None' },
      { position: 100, label: 'Some' },
    ]);
    // Alpha gives money no weight: salience 0, placed mid-scale (and said so); Beta prefers none.
    expect(read.table.actors.map((a) => a.positions[0])).toEqual([50, 0]);
    expect(read.table.actors[0].saliences).toEqual([0]);
    expect(read.table.notes.some((n) => n.includes("Alpha gives 'money' no weight"))).toBe(true);
  });

  it('refuses an unordered issue without a scale, and an unknown issue with a suggestion', () => {
    const read = actorTableFromScenario(forecastScenario(), { issues: ['money', 'lnad'] });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems[0]).toMatchObject({
      path: 'issues[0]',
      message: "issue 'money' has unordered options and no position scale",
    });
    expect(read.problems[1]).toMatchObject({
      path: 'issues[1]',
      message: "unknown issue 'lnad'",
      suggestion: 'land',
    });
  });

  it('takes the latest stated position when asked, and falls back to the favourite with a note', () => {
    const scenario = forecastScenario();
    scenario.positions = [
      { party: 'a', issue: 'land', date: '2025-01-01', option: 'keep', sources: [] },
      { party: 'a', issue: 'land', date: '2025-02-01', option: 'share', sources: [] },
    ];
    const read = actorTableFromScenario(scenario, { positions: 'stated' });
    if (!read.ok) throw new Error('unexpected');
    expect(read.table.actors[0].positions).toEqual([50, 100]);
    expect(read.table.actors[1].positions).toEqual([100, 0]);
    expect(read.table.notes.some((n) => n.includes('Beta has no stated position'))).toBe(true);
  });
});

describe('the flagship scenario', () => {
  it("places each party of the Ukraine scenario at its favourite option on the contested issues' scales", () => {
    const loaded = loadScenarioFile(join(repoRoot, 'scenarios', 'ukraine-2025.yaml'));
    if (!loaded.ok) throw new Error('the flagship does not load');
    const read = actorTableFromScenario(loaded.scenario);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const { table } = read;
    expect(table.dimensions.map((d) => d.id)).toEqual([
      'donbas',
      'zaporizhzhia-kherson',
      'crimea',
      'us-guarantee',
      'european-guarantees',
      'army-cap',
      'sequencing',
    ]);
    expect(table.actors.map((a) => a.id)).toEqual([
      'ukraine',
      'russia',
      'united-states',
      'europe',
      'coalition-of-the-willing',
    ]);
    const at = (actor: string, issue: string) =>
      table.actors.find((a) => a.id === actor)?.positions[table.dimensions.findIndex((d) => d.id === issue)];
    // Russia's stated demand is the 0 end of the territorial scales, Ukraine's the 100 end.
    expect(at('russia', 'donbas')).toBe(0);
    expect(at('ukraine', 'donbas')).toBe(100);
    expect(at('russia', 'army-cap')).toBe(400);
    for (const actor of table.actors) {
      expect(actor.saliences.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-12);
      expect(actor.capabilityRange?.low).toBeLessThanOrEqual(actor.capability);
    }
  });
});
