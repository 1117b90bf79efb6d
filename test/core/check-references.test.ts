import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkReferences } from '../../src/core/model/check-references.js';
import type { Problem } from '../../src/core/model/problem.js';
import { Scenario } from '../../src/schema/scenario.js';

const fixture = new URL('../fixtures/minimal.yaml', import.meta.url);
const base: Scenario = Scenario.parse(parse(readFileSync(fixture, 'utf8')));

/** Problems of a copy of the fixture changed by `change`. */
function problemsAfter(change: (s: Scenario) => void): Problem[] {
  const scenario = structuredClone(base);
  change(scenario);
  return checkReferences(scenario);
}

function errors(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

function only(problems: Problem[], severity: 'error' | 'warning' = 'error'): Problem {
  const matching = problems.filter((p) => p.severity === severity);
  expect(matching, JSON.stringify(problems, null, 2)).toHaveLength(1);
  return matching[0];
}

const northland = 0;
const southport = 1;

describe('checkReferences on the valid fixture', () => {
  it('finds nothing', () => {
    expect(checkReferences(base)).toEqual([]);
  });
});

describe('duplicate ids', () => {
  const cases: Array<[string, (s: Scenario) => void, (string | number)[]]> = [
    ['party', (s) => s.parties.push({ ...s.parties[0] }), ['parties', 2, 'id']],
    ['issue', (s) => s.issues.push({ ...s.issues[1] }), ['issues', 3, 'id']],
    [
      'option',
      (s) => s.issues[1].options!.push({ id: 'none', label: 'Again' }),
      ['issues', 1, 'options', 3, 'id'],
    ],
    ['document', (s) => s.documents.push(structuredClone(s.documents[0])), ['documents', 1, 'id']],
    [
      'version',
      (s) => s.documents[0].versions.push(structuredClone(s.documents[0].versions[0])),
      ['documents', 0, 'versions', 2, 'id'],
    ],
    [
      'point',
      (s) => s.documents[0].versions[0].points.push({ ...s.documents[0].versions[0].points[0] }),
      ['documents', 0, 'versions', 0, 'points', 2, 'number'],
    ],
    ['package', (s) => s.packages.push({ ...s.packages[0] }), ['packages', 1, 'id']],
    ['event', (s) => s.events.push({ ...s.events[0] }), ['events', 1, 'id']],
    ['source', (s) => s.sources.push({ ...s.sources[0] }), ['sources', 2, 'id']],
    [
      'adjustment',
      (s) =>
        s.preferences[northland].adjustments.push({ ...s.preferences[northland].adjustments[0], delta: 0 }),
      ['preferences', 0, 'adjustments', 1, 'id'],
    ],
    [
      'red line',
      (s) => s.preferences[southport].redLines.push({ ...s.preferences[southport].redLines[0] }),
      ['preferences', 1, 'redLines', 1, 'id'],
    ],
  ];
  it.each(cases)('reports a duplicate %s id at the second definition', (what, change, path) => {
    const problem = only(problemsAfter(change));
    expect(problem.path).toEqual(path);
    expect(problem.message).toContain(`duplicate ${what}`);
    expect(problem.message).toMatch(/already used at \w+/);
  });

  it('does not mind the same id in two different lists', () => {
    expect(problemsAfter((s) => s.sources.push({ id: 'northland', title: 'Same id as a party' }))).toEqual(
      [],
    );
  });
});

describe('unresolved references', () => {
  it('suggests the party meant', () => {
    const problem = only(problemsAfter((s) => (s.documents[0].versions[0].proposedBy = ['northlnd'])));
    expect(problem).toMatchObject({
      path: ['documents', 0, 'versions', 0, 'proposedBy', 0],
      message: "unknown party 'northlnd'",
      suggestion: 'northland',
      expected: 'one of: northland, southport',
    });
  });

  it('points at the key for an unknown issue used as a key', () => {
    const problem = only(
      problemsAfter((s) => {
        s.preferences[northland].weights = { allocation: 5, monitorng: 2, disputes: 1 };
      }),
    );
    expect(problem).toMatchObject({
      path: ['preferences', 0, 'weights', 'monitorng'],
      at: 'key',
      suggestion: 'monitoring',
    });
  });

  it('names the missing options of a weighted issue', () => {
    const problem = only(
      problemsAfter((s) => {
        s.preferences[southport].values.monitoring = { 'joint-commission': 50 };
      }),
    );
    expect(problem.path).toEqual(['preferences', 1, 'values', 'monitoring']);
    expect(problem.message).toContain("no value for options 'third-party', 'none' of issue 'monitoring'");
  });

  it('accepts missing option values when the issue has no weight for that party', () => {
    const problems = problemsAfter((s) => {
      s.preferences[southport].weights.monitoring = 0;
      s.preferences[southport].values.monitoring = { 'joint-commission': 50 };
    });
    expect(errors(problems)).toEqual([]);
  });

  it('reports a weighted issue without values', () => {
    const problem = only(problemsAfter((s) => delete s.preferences[northland].values.disputes));
    expect(problem.message).toBe("issue 'disputes' has a weight but no values for party 'northland'");
  });

  it('checks status parties, touches, sources, package and event references, positions', () => {
    const problems = problemsAfter((s) => {
      s.documents[0].versions[0].points[0].status = { northland: 'agreed', soutport: 'open' };
      s.documents[0].versions[1].points[1].touches = ['alocation'];
      s.documents[0].versions[0].sources = ['minutes-3'];
      s.packages[0].versions = ['accord:v3'];
      s.events[0].documents = ['acord'];
      s.events[0].versions = ['accord:v1', 'acord:v1'];
      s.positions[0].option = 'joint-commission';
    });
    const byPath = Object.fromEntries(problems.map((p) => [p.path.join('/'), p]));
    expect(byPath['documents/0/versions/0/points/0/status/soutport']).toMatchObject({
      suggestion: 'southport',
      at: 'key',
    });
    expect(byPath['documents/0/versions/1/points/1/touches/0']).toMatchObject({ suggestion: 'allocation' });
    expect(byPath['documents/0/versions/0/sources/0']).toMatchObject({
      message: "unknown source 'minutes-3'",
    });
    expect(byPath['packages/0/versions/0'].message).toContain("unknown version 'v3' in document 'accord'");
    expect(byPath['events/0/documents/0']).toMatchObject({ suggestion: 'accord' });
    expect(byPath['events/0/versions/1'].message).toContain("unknown document 'acord'");
    expect(byPath['positions/0/option'].message).toBe(
      "issue 'allocation' is numeric, so it takes a number, not 'joint-commission'",
    );
    expect(errors(problems)).toHaveLength(7);
  });

  it('checks the party of a preferences block and allows only one block per party', () => {
    const unknown = only(
      problemsAfter((s) => (s.preferences[southport].party = 'south')),
      'error',
    );
    expect(unknown).toMatchObject({ path: ['preferences', 1, 'party'], suggestion: 'southport' });
    const twice = problemsAfter((s) => (s.preferences[southport].party = 'northland'));
    expect(only(twice, 'error').message).toContain(
      "party 'northland' already has preferences (preferences[0])",
    );
    expect(only(twice, 'warning')).toMatchObject({
      path: ['parties', 1],
      message: expect.stringContaining("signatory 'southport' has no preferences"),
    });
  });
});

describe('numeric issues and option references', () => {
  it('rejects a settled number off the grid and suggests the nearest grid value', () => {
    const problem = only(
      problemsAfter((s) => (s.documents[0].versions[0].points[0].settles = { allocation: 33 })),
    );
    expect(problem).toMatchObject({
      message: "33 is not on the grid of issue 'allocation'",
      suggestion: '35',
      expected: 'a number from 20 to 60 % in steps of 5',
    });
  });

  it('rejects numbers outside the range and option ids on numeric issues', () => {
    expect(only(problemsAfter((s) => (s.positions[0].option = 65))).message).toBe(
      "65 is above the range of issue 'allocation'",
    );
    expect(only(problemsAfter((s) => (s.positions[0].option = 15))).suggestion).toBe('20');
  });

  it('accepts decimal grids despite floating-point drift', () => {
    const problems = problemsAfter((s) => {
      s.issues[0].range = { min: 0, max: 1, step: 0.1 };
      s.preferences[northland].values.allocation = {
        piecewiseLinear: [
          [0, 90],
          [1, 0],
        ],
      };
      s.preferences[southport].values.allocation = {
        piecewiseLinear: [
          [0, 0],
          [1, 100],
        ],
      };
      s.preferences[northland].redLines = [];
      s.preferences[southport].redLines = [];
      s.positions[0].option = 0.1 + 0.2;
      s.documents[0].versions[0].points[0].settles = { allocation: 0.7 };
      s.documents[0].versions[1].points[0].settles = { allocation: 0.35 };
    });
    expect(only(problems)).toMatchObject({
      path: ['documents', 0, 'versions', 1, 'points', 0, 'settles', 'allocation'],
    });
  });

  it('requires a value function covering the whole range for a numeric issue', () => {
    const problem = only(
      problemsAfter(
        (s) =>
          (s.preferences[southport].values.allocation = {
            piecewiseLinear: [
              [25, 0],
              [60, 100],
            ],
          }),
      ),
    );
    expect(problem.message).toBe("the value function covers 25..60 but issue 'allocation' ranges 20..60");
    expect(problem.path).toEqual(['preferences', 1, 'values', 'allocation', 'piecewiseLinear']);
  });

  it('requires a function for numeric issues and per-option values for option issues', () => {
    expect(
      only(problemsAfter((s) => (s.preferences[southport].values.allocation = { '20': 0 }))).message,
    ).toContain("issue 'allocation' is numeric");
    const problem = only(
      problemsAfter(
        (s) =>
          (s.preferences[southport].values.disputes = {
            piecewiseLinear: [
              [0, 0],
              [1, 100],
            ],
          }),
      ),
    );
    expect(problem.message).toContain("issue 'disputes' has named options");
  });

  it('checks values against 0..100, including both ends of a range', () => {
    const problems = problemsAfter((s) => {
      s.preferences[southport].values.disputes = {
        arbitration: 101,
        talks: { estimate: 40, low: -1, high: 50 },
        later: 30,
      };
    });
    expect(errors(problems).map((p) => p.path.join('/'))).toEqual([
      'preferences/1/values/disputes/arbitration',
      'preferences/1/values/disputes/talks/low',
    ]);
  });
});

describe('rules', () => {
  it('checks every leaf, however nested', () => {
    const problems = problemsAfter((s) => {
      s.preferences[northland].redLines[0].crossedWhen = {
        any: [
          { issue: 'monitoring', atLeast: 1 },
          { not: { issue: 'alocation', in: [30] } },
          {
            all: [
              { issue: 'allocation', notIn: [31] },
              { issue: 'disputes', in: ['later', 2] },
            ],
          },
        ],
      };
    });
    const at = (p: Problem) => p.path.slice(5).join('/');
    expect(errors(problems).map((p) => [at(p), p.message])).toEqual([
      ['any/0/atLeast', "atLeast applies only to numeric issues; issue 'monitoring' has named options"],
      ['any/1/not/issue', "unknown issue 'alocation'"],
      ['any/2/all/0/notIn/0', "31 is not on the grid of issue 'allocation'"],
      ['any/2/all/1/in/1', "issue 'disputes' has named options, so it takes an option id, not 2"],
    ]);
  });

  it('warns about a numeric rule that can never hold', () => {
    const problem = only(
      problemsAfter(
        (s) =>
          (s.preferences[northland].redLines[0].crossedWhen = {
            issue: 'allocation',
            atLeast: 50,
            atMost: 40,
          }),
      ),
      'warning',
    );
    expect(problem.message).toContain('never holds');
  });
});

describe('version links', () => {
  it('checks from links: format, same version, version and point existence', () => {
    const problems = problemsAfter((s) => {
      s.documents[0].versions[1].points[1].from = ['v1#9', 'v2#1', 'v1-2', 'v7#1'];
    });
    expect(errors(problems).map((p) => p.message)).toEqual([
      "version 'v1' has no point 9",
      "point link 'v2#1' refers to its own version 'v2'",
      "'v1-2' is not a point link",
      "unknown version 'v7' in document 'accord'",
    ]);
  });

  it('says when a linked version exists only in another document', () => {
    const problems = problemsAfter((s) => {
      s.documents.push({
        id: 'annex',
        title: 'Annex',
        versions: [
          {
            id: 'a1',
            label: 'A',
            date: '2024-01-01',
            proposedBy: [],
            basedOn: [],
            sources: [],
            points: [{ number: 1, title: 'T', text: 'T', settles: {}, touches: [], status: {}, sources: [] }],
          },
        ],
      });
      s.documents[0].versions[1].basedOn = ['a1'];
    });
    expect(only(problems).message).toBe(
      "unknown version 'a1' in document 'accord' (document 'annex' has one, but links stay within a document)",
    );
  });

  it('reports a basedOn cycle once, naming its versions in order', () => {
    const problems = problemsAfter((s) => {
      const versions = s.documents[0].versions;
      const third = structuredClone(versions[1]);
      third.id = 'v3';
      third.basedOn = ['v2'];
      third.points.forEach((p) => {
        p.from = undefined;
      });
      versions.push(third);
      versions[0].basedOn = ['v3'];
    });
    const cycle = errors(problems);
    expect(cycle).toHaveLength(1);
    expect(cycle[0].message).toBe('basedOn links form a cycle: v1 → v3 → v2 → v1');
    expect(cycle[0].path).toEqual(['documents', 0, 'versions', 1, 'basedOn', 0]);
  });

  it('reports a version based on itself', () => {
    const problem = only(problemsAfter((s) => s.documents[0].versions[1].basedOn.push('v2')));
    expect(problem.message).toBe("version 'v2' is based on itself");
  });

  it('warns when a version is based on a later one', () => {
    const problem = only(
      problemsAfter((s) => (s.documents[0].versions[0].date = '2024-06-01')),
      'warning',
    );
    expect(problem.message).toContain("is based on 'v1', which is dated later (2024-06-01)");
  });
});

describe('party-level checks', () => {
  it('keeps capability within 0..1', () => {
    const problems = problemsAfter((s) => (s.parties[0].capability = { estimate: 0.9, low: 0.8, high: 1.2 }));
    expect(only(problems)).toMatchObject({ path: ['parties', 0, 'capability', 'high'] });
  });

  it('rejects negative weights and all-zero weights', () => {
    expect(only(problemsAfter((s) => (s.preferences[northland].weights.disputes = -1))).message).toBe(
      'weight -1 is negative',
    );
    const zero = problemsAfter(
      (s) => (s.preferences[northland].weights = { allocation: 0, monitoring: 0, disputes: 0 }),
    );
    expect(errors(zero).map((p) => p.message)).toEqual([
      "party 'northland' gives no issue a positive weight",
    ]);
  });

  it('requires BATNA series dates to increase strictly', () => {
    const problem = only(
      problemsAfter((s) => {
        const batna = s.preferences[southport].batna;
        if (typeof batna === 'object' && 'series' in batna) batna.series[1].date = '2024-01-01';
      }),
    );
    expect(problem.path).toEqual(['preferences', 1, 'batna', 'series', 1, 'date']);
  });

  it('warns about an issue no party weighs', () => {
    const problems = problemsAfter((s) => {
      for (const p of s.preferences) delete p.weights.disputes;
    });
    expect(errors(problems)).toEqual([]);
    expect(problems.find((p) => p.path[0] === 'issues')).toMatchObject({
      path: ['issues', 2],
      severity: 'warning',
      message: "no party gives issue 'disputes' a weight, so it affects no utility",
    });
  });
});

describe('BATNA scale', () => {
  it('warns when a BATNA lies outside 0..100', () => {
    const problem = only(
      problemsAfter((s) => {
        s.preferences[0].batna = 150;
      }),
      'warning',
    );
    expect(problem.message).toBe('BATNA 150 is outside the utility scale 0..100, so no outcome can reach it');
    expect(problem.path).toEqual(['preferences', 0, 'batna']);
  });
});
