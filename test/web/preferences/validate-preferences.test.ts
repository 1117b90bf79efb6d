import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/adapters/load/parse-scenario.js';
import { partyView } from '../../../src/core/privacy/party-view.js';
import type { Scenario } from '../../../src/schema/scenario.js';
import { draftOf, type PreferencesDraft } from '../../../web/src/screens/preferences/preferences-form.js';
import {
  problemsFromServer,
  problemText,
  validatePreferences,
} from '../../../web/src/screens/preferences/validate-preferences.js';
import { repoRoot, runCli, writeTemp } from '../../support/run-cli.js';

const text = readFileSync(join(repoRoot, 'scenarios', 'ukraine-2025.yaml'), 'utf8');
const parsed = parseScenario(text, { fileName: 'ukraine-2025.yaml' });
if (!parsed.ok) throw new Error('the flagship scenario does not load');
const full: Scenario = parsed.scenario;
const view = partyView(full, { role: 'delegate', party: 'ukraine' });
const at = full.preferences.findIndex((p) => p.party === 'ukraine');

type Edit = (d: PreferencesDraft) => void;

/** Bad input of each kind a form can produce, and the field it belongs to. */
const cases: Array<{ name: string; path: string; edit: Edit }> = [
  { name: 'negative weight', path: 'weights.nato', edit: (d) => (d.weights.nato = -3) },
  {
    name: 'weight not a number',
    path: 'weights.nato',
    edit: (d) => (d.weights.nato = 'four' as unknown as number),
  },
  {
    name: 'value out of range',
    path: 'values.crimea.not-addressed',
    edit: (d) => ((d.values.crimea as Record<string, number>)['not-addressed'] = 140),
  },
  {
    name: 'unknown option in a rule',
    path: 'redLines[0]',
    edit: (d) => (d.redLines[0].crossedWhen = { issue: 'crimea', in: ['de-jure-rusian'] }),
  },
  {
    name: 'malformed BATNA date',
    path: 'batna.series[1].date',
    edit: (d) => ((d.batna as { series: Array<{ date: string }> }).series[1].date = '2025-13-40'),
  },
  {
    name: 'low above high',
    path: 'weights.donbas',
    edit: (d) => (d.weights.donbas = { estimate: 14, low: 22, high: 20 }),
  },
];

function bad(edit: Edit): PreferencesDraft {
  const draft = structuredClone(draftOf(full.preferences[at]));
  edit(draft);
  return draft;
}

interface CliDiagnostic {
  path: string;
  message: string;
  expected?: string;
  suggestion?: string;
  severity: 'error' | 'warning';
}

/** What `parley validate --json` says about the same preferences in the scenario file, relative to them. */
async function cliProblems(draft: PreferencesDraft): Promise<CliDiagnostic[]> {
  const scenario = structuredClone(full);
  scenario.preferences[at] = { party: 'ukraine', ...draft };
  const file = writeTemp('bad.yaml', scenario);
  const run = await runCli(['validate', file, '--json']);
  expect(run.code).toBe(2);
  const own = `preferences[${at}]`;
  const report = JSON.parse(run.stdout) as { files: Array<{ diagnostics: CliDiagnostic[] }> };
  return report.files[0].diagnostics
    .filter((d) => d.path.startsWith(own))
    .map((d) => ({ ...d, path: d.path.slice(own.length).replace(/^\./, '') }));
}

describe('validating preferences in the browser', () => {
  it('finds nothing wrong with the shipped preferences', () => {
    expect(
      validatePreferences(view, 'ukraine', draftOf(full.preferences[at])).filter(
        (p) => p.severity === 'error',
      ),
    ).toEqual([]);
  });

  for (const c of cases) {
    it(`says what parley validate says, at the same field: ${c.name}`, async () => {
      const draft = bad(c.edit);
      const mine = validatePreferences(view, 'ukraine', draft).filter((p) => p.severity === 'error');
      const cli = (await cliProblems(draft)).filter((p) => p.severity === 'error');
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map((p) => [p.path, p.message, p.expected, p.suggestion])).toEqual(
        cli.map((p) => [p.path, p.message, p.expected, p.suggestion]),
      );
      expect(mine.every((p) => p.path.startsWith(c.path))).toBe(true);
    });
  }

  it('suggests the option meant, as the command line does', () => {
    const [problem] = validatePreferences(view, 'ukraine', bad(cases[3].edit));
    expect(problemText(problem)).toContain("did you mean 'de-jure-russian'?");
  });

  it('places the server’s issues at the same fields', () => {
    const problems = problemsFromServer([
      { path: 'body.preferences.weights.nato', message: 'm', severity: 'error' },
      { path: 'body.summary', message: 'not mine' },
      { path: 'body.preferences', message: 'whole' },
    ]);
    expect(problems.map((p) => p.path)).toEqual(['weights.nato', '']);
  });
});
