import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StabilityResult } from '../../src/app/stability.js';
import { runCli, writeTemp } from '../support/run-cli.js';

const flagship = 'scenarios/ukraine-2025.yaml';
const harbour = 'test/fixtures/stability/harbour-dispute.gmcr';
const noStackTrace = /\n\s+at .*:\d+/;

const run = (args: string[]) => runCli(args);

/** A small conflict section: two decision makers, one option each, ranked explicitly. */
function scenarioWithConflict(conflict: Record<string, unknown>): string {
  return writeTemp('conflict.yaml', {
    parley: 1,
    id: 'c',
    title: 'c',
    parties: [{ id: 'a', name: 'A', kind: 'state', role: 'signatory' }],
    issues: [
      {
        id: 'i',
        title: 'I',
        category: 'other',
        options: [
          { id: 'x', label: 'X' },
          { id: 'y', label: 'Y' },
        ],
      },
    ],
    conflict,
  });
}

const twoByTwo = {
  decisionMakers: [
    { id: 'one', options: [{ id: 'cooperate-one' }], preferences: { ranking: [3, 4, 1, 2] } },
    { id: 'two', options: [{ id: 'cooperate-two' }], preferences: { ranking: [2, 4, 1, 3] } },
  ],
};

describe('parley stability', () => {
  it('analyses the flagship conflict: equilibria, and the path from the status quo', async () => {
    const { code, stdout } = await run(['stability', flagship, '--json', '--no-improvements']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as StabilityResult & { ids: { decisionMakers: string[] } };
    expect(result.ids.decisionMakers).toEqual(['ukraine', 'russia', 'united-states', 'europe']);
    expect(result.states).toHaveLength(64);
    expect(result.individual.equilibria.nash).toEqual([33, 54, 61]);
    // Every Nash equilibrium is an equilibrium under every other concept.
    for (const c of result.concepts)
      expect(result.individual.equilibria[c]).toEqual(expect.arrayContaining([33, 54, 61]));
    expect(result.statusQuo?.state).toBe(9);
    expect(result.statusQuo?.reachable.find((r) => r.state === 33)?.path).toEqual([
      { mover: 2, from: 9, to: 33 },
    ]);
  });

  it('prints the table, the equilibria and witness narrations', async () => {
    const { code, stdout } = await run(['stability', flagship, '--explain', '2', '--no-improvements']);
    expect(code).toBe(0);
    expect(stdout).toContain('Nash                 33, 54, 61');
    expect(stdout).toContain(
      'state 2 is stable by GMR for Russia: the move to 6 is sanctioned by Europe → 50',
    );
  });

  it('reads a .gmcr file, with coalitions, both sanction rules and inverse GMCR', async () => {
    for (const rule of ['legalSequence', 'atMostOnce']) {
      const { code, stdout } = await run([
        'stability',
        harbour,
        '--json',
        '--sanction-rule',
        rule,
        '--coalitions',
        'Port city+Envoy',
        '--inverse',
        '1',
        '--window',
        'Port city=1:3',
        'Navy=2:4',
        'Envoy=1:1',
      ]);
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as StabilityResult;
      expect(result.sequenceRule).toBe(rule);
      expect(result.states.map((s) => s.vector)).toEqual(['NNN', 'YNN', 'NYN', 'NNY', 'YNY', 'NYY']);
      expect(result.partition?.players.map((p) => p.name)).toEqual(['Port city + Envoy', 'Navy']);
      expect(result.inverse?.enumeration.combinations).toBe(6 * 6);
    }
  }, 120_000);

  it('refuses an inverse enumeration above the bound, with a hint', async () => {
    const { code, stderr } = await run([
      'stability',
      harbour,
      '--inverse',
      '1',
      '--max-combinations',
      '1000',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/above the limit of 1000/);
    expect(stderr).toMatch(/--window/);
  });
});

describe('parley stability: bad input is located, exit 2, no stack trace', () => {
  it('a .gmcr file with an unknown option index', async () => {
    const text = readFileSync(harbour, 'utf8').replace('"options": [1]', '"options": [7]');
    const file = writeTemp('bad.gmcr', text);
    const { code, stderr } = await run(['stability', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('decisionMakers[1].options[0]');
    expect(stderr).toMatch(/bad\.gmcr:11:\d+/);
    expect(stderr).toContain('unknown option index 7: the file has 3 options');
    expect(stderr).not.toMatch(noStackTrace);
  });

  it('an infeasible status quo', async () => {
    const file = scenarioWithConflict({
      ...twoByTwo,
      infeasible: [{ yes: ['cooperate-one', 'cooperate-two'] }],
      statusQuo: ['cooperate-one', 'cooperate-two'],
      decisionMakers: [
        { id: 'one', options: [{ id: 'cooperate-one' }], preferences: { ranking: [3, 1, 2] } },
        { id: 'two', options: [{ id: 'cooperate-two' }], preferences: { ranking: [2, 1, 3] } },
      ],
    });
    const { code, stderr } = await run(['stability', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('conflict.statusQuo');
    expect(stderr).toContain('the status quo (YY) is infeasible: it matches infeasible pattern 0');
    expect(stderr).not.toMatch(noStackTrace);
  });

  it('a cyclic preference ranking', async () => {
    const file = scenarioWithConflict({
      decisionMakers: [
        { id: 'one', options: [{ id: 'cooperate-one' }], preferences: { ranking: [3, 4, 1, 3] } },
        twoByTwo.decisionMakers[1],
      ],
    });
    const { code, stderr } = await run(['stability', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('conflict.decisionMakers[0].preferences.ranking[3]');
    expect(stderr).toContain('state 3 is ranked at positions 1 and 4: the ranking is cyclic');
  });

  it('an unknown option in a statement, with a suggestion', async () => {
    const file = scenarioWithConflict({
      decisionMakers: [
        {
          id: 'one',
          options: [{ id: 'cooperate-one' }],
          preferences: { statements: [{ yes: ['cooperate-tow'] }] },
        },
        twoByTwo.decisionMakers[1],
      ],
    });
    const { code, stderr } = await run(['stability', file]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option 'cooperate-tow'");
    expect(stderr).toContain("did you mean 'cooperate-two'");
  });

  it('a scenario without a conflict section', async () => {
    const { code, stderr } = await run(['stability', 'scenarios/teaching-used-car.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('has no conflict section');
  });
});

describe('parley import / export with gmcr-py files', () => {
  it('export --format gmcr then stability on the file gives the same equilibria as the scenario', async () => {
    const dir = writeTemp('placeholder.txt', '').replace(/placeholder\.txt$/, 'out');
    const exported = await run(['export', flagship, '--format', 'gmcr', '-o', dir, '--json']);
    expect(exported.code).toBe(0);
    const { files } = JSON.parse(exported.stdout) as { files: Array<{ path: string }> };
    const fromFile = JSON.parse(
      (await run(['stability', files[0].path, '--json', '--no-improvements'])).stdout,
    );
    const fromScenario = JSON.parse(
      (await run(['stability', flagship, '--json', '--no-improvements'])).stdout,
    );
    expect(fromFile.individual.stable).toEqual(fromScenario.individual.stable);
  });

  it('import turns a .gmcr file into a scenario whose conflict analyses the same', async () => {
    const output = writeTemp('placeholder.txt', '').replace(/placeholder\.txt$/, 'harbour.yaml');
    const imported = await run(['import', harbour, '-o', output]);
    expect(imported.code).toBe(0);
    const a = JSON.parse((await run(['stability', output, '--json'])).stdout);
    const b = JSON.parse((await run(['stability', harbour, '--json'])).stdout);
    expect(a.individual).toEqual(b.individual);
    expect(a.coalitions).toEqual(b.coalitions);
  });
});
