import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/adapters/load/parse-scenario.js';
import { runCli, writeTemp } from '../support/run-cli.js';

/** One structural error (parties[1].kind) and one reference error (an unknown issue in a position). */
const ONE_OF_EACH = `parley: 1
id: one-of-each
title: One of each
parties:
  - { id: north, name: North, kind: state, role: signatory }
  - { id: south, name: South, kind: stat, role: signatory }
issues:
  - id: water
    title: Water
    category: economy
    options:
      - { id: low, label: Low }
      - { id: high, label: High }
positions:
  - { party: north, issue: watr, date: 2024-01-01, option: low }
`;

function diagnosticsOf(text: string) {
  const result = parseScenarioText(text, 'one-of-each.yaml');
  if (result.ok) throw new Error('expected problems');
  return result.diagnostics;
}

describe('structural and reference errors in one pass', () => {
  it('reports the broken entry and the unknown reference together', () => {
    const errors = diagnosticsOf(ONE_OF_EACH).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.line, d.path])).toEqual([
      [6, 'parties[1].kind'],
      [15, 'positions[0].issue'],
    ]);
    expect(errors[1].message).toContain("'watr'");
    expect(errors[1].message).toContain("did you mean 'water'");
  });

  it('says which entries references were not checked against', () => {
    const notes = diagnosticsOf(ONE_OF_EACH).filter((d) => d.severity === 'warning');
    expect(notes.at(-1)?.message).toBe(
      "references into the entries with errors above (parties 'south') were not checked; the rest were",
    );
  });

  it('does not report a reference to an entry that is itself broken', () => {
    const text = ONE_OF_EACH.replace('issue: watr', 'issue: water').replace('party: north', 'party: south');
    const errors = diagnosticsOf(text).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.path)).toEqual(['parties[1].kind']);
  });

  it('maps the path of a reference error back past a broken entry of the same list', () => {
    const text = ONE_OF_EACH.replace(
      'positions:\n',
      'positions:\n  - { party: north, issue: water, date: not-a-date, option: low }\n',
    );
    const errors = diagnosticsOf(text).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.path)).toContain('positions[1].issue');
  });

  it('checks every reference when only a field nothing references is broken', () => {
    const text = ONE_OF_EACH.replace('title: One of each\n', '').replace('kind: stat,', 'kind: state,');
    const diagnostics = diagnosticsOf(text);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).toEqual([
      'title',
      'positions[0].issue',
    ]);
    expect(diagnostics.some((d) => d.message.includes('not checked'))).toBe(false);
  });

  it('parley validate prints both errors at once and exits 2', async () => {
    const file = writeTemp('one-of-each.yaml', ONE_OF_EACH);
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('(2 errors)');
    expect(run.stdout).toContain('at parties[1].kind');
    expect(run.stdout).toContain('at positions[0].issue');
  });
});
