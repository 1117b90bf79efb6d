import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/adapters/load/parse-scenario.js';
import type { Scenario } from '../../../src/schema/scenario.js';
import {
  draftFromForm,
  draftOf,
  formFromPreferences,
} from '../../../web/src/screens/preferences/preferences-form.js';
import { repoRoot } from '../../support/run-cli.js';

let loaded: Array<{ name: string; scenario: Scenario }> | undefined;
function shipped(): Array<{ name: string; scenario: Scenario }> {
  if (loaded) return loaded;
  const dir = join(repoRoot, 'scenarios');
  loaded = readdirSync(dir).map((name) => {
    const result = parseScenario(readFileSync(join(dir, name), 'utf8'), { fileName: name });
    if (!result.ok) throw new Error(`${name} does not load`);
    return { name, scenario: result.scenario };
  });
  return loaded;
}

describe('preferences form', () => {
  it('gives back every shipped party’s preferences exactly, key order included', () => {
    let parties = 0;
    for (const { scenario } of shipped()) {
      for (const preferences of scenario.preferences) {
        const draft = draftOf(preferences);
        const back = draftFromForm(formFromPreferences(draft, scenario.issues));
        expect(JSON.stringify(back)).toBe(JSON.stringify(draft));
        parties++;
      }
    }
    expect(parties).toBeGreaterThanOrEqual(5);
  });

  it('offers every issue and option, and leaves the blank ones out again', () => {
    const { scenario } = shipped().find((s) => s.name === 'ukraine-2025.yaml')!;
    const draft = draftOf(scenario.preferences[0]);
    delete draft.weights.donbas;
    const form = formFromPreferences(draft, scenario.issues);
    expect(form.weights.map((w) => w.issue).sort()).toEqual(scenario.issues.map((i) => i.id).sort());
    expect(form.weights.at(-1)).toMatchObject({ issue: 'donbas', weight: { estimate: '' } });
    expect(draftFromForm(form).weights).not.toHaveProperty('donbas');
  });

  it('keeps text that is not a number as typed, so that validation names it', () => {
    const { scenario } = shipped().find((s) => s.name === 'teaching-used-car.yaml')!;
    const form = formFromPreferences(draftOf(scenario.preferences[0]), scenario.issues);
    form.weights[0].weight.estimate = 'twelve';
    form.batna = {
      kind: 'constant',
      value: { estimate: '40', low: '30', high: '', source: '', ranged: true },
    };
    const draft = draftFromForm(form);
    expect(draft.weights[form.weights[0].issue]).toBe('twelve');
    expect(draft.batna).toEqual({ estimate: 40, low: 30, high: '' });
  });

  it('gives an estimate with a source but no range the object form with a one-point range', () => {
    const { scenario } = shipped().find((s) => s.name === 'teaching-used-car.yaml')!;
    const form = formFromPreferences(draftOf(scenario.preferences[0]), scenario.issues);
    form.batna = {
      kind: 'constant',
      value: { estimate: '35', low: '', high: '', source: 'dealer', ranged: false },
    };
    expect(draftFromForm(form).batna).toEqual({ estimate: 35, low: 35, high: 35, source: 'dealer' });
  });
});
