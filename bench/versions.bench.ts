import { compileScenario } from '../src/core/model/compile.js';
import { diffVersions } from '../src/core/versions/diff-versions.js';
import { matchPoints } from '../src/core/versions/match-points.js';
import type { Point, Scenario } from '../src/schema/scenario.js';
import { type BenchResult, type BenchSuite, timeMedian } from './bench-result.js';

const WORDS =
  'ceasefire troops border monitors withdraw elections sanctions fund guarantee prisoners exchange zone within days parties agree reconstruction assets security council referendum autonomy language church energy grain ports'.split(
    ' ',
  );

/**
 * A synthetic plan of flagship size: 18 issues of 4 options, 5 parties with interacting adjustments, and three
 * versions of 30 points (v2 rewords, merges, splits, drops and adds points without links; v3 links to v2).
 */
function syntheticScenario(): Scenario {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const issues = Array.from({ length: 18 }, (_, i) => ({
    id: `i${i}`,
    title: `Issue ${i}`,
    category: 'other' as const,
    options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, label: o })),
  }));
  const parties = Array.from({ length: 5 }, (_, p) => ({
    id: `p${p}`,
    name: `Party ${p}`,
    kind: 'state' as const,
    role: 'signatory' as const,
  }));
  const text = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const v1Points: Point[] = Array.from({ length: 30 }, (_, k) => ({
    number: k + 1,
    title: text(2),
    text: text(25),
    settles: k < 18 ? { [`i${k}`]: 'a' } : {},
    touches: [],
    status: {},
    sources: [],
  }));
  const v2Points: Point[] = v1Points
    .filter((_, k) => k % 10 !== 9)
    .map((p, k) => ({
      ...p,
      number: k + 1,
      text: k % 3 === 0 ? `${p.text} ${text(4)}` : p.text,
      settles: k < 12 ? { [`i${k < 9 ? k : k + 1}`]: 'b' } : p.settles,
    }));
  v2Points.push({ ...v1Points[9], number: v2Points.length + 1, text: text(20) });
  const v3Points: Point[] = v2Points.map((p, k) => ({
    ...p,
    text: `${p.text} amended`,
    from: `v2#${k + 1}`,
  }));
  return {
    parley: 1,
    id: 'synthetic',
    title: 'Synthetic',
    sources: [],
    parties,
    issues,
    documents: [
      {
        id: 'plan',
        title: 'Plan',
        versions: [
          {
            id: 'v1',
            label: 'v1',
            date: '2025-01-01',
            proposedBy: [],
            basedOn: [],
            sources: [],
            points: v1Points,
          },
          {
            id: 'v2',
            label: 'v2',
            date: '2025-02-01',
            proposedBy: [],
            basedOn: ['v1'],
            sources: [],
            points: v2Points,
          },
          {
            id: 'v3',
            label: 'v3',
            date: '2025-03-01',
            proposedBy: [],
            basedOn: ['v2'],
            sources: [],
            points: v3Points,
          },
          {
            id: 'v4',
            label: 'v4',
            date: '2025-04-01',
            proposedBy: [],
            basedOn: ['v1'],
            sources: [],
            points: v1Points.map((p) => ({
              ...p,
              settles: Object.fromEntries(Object.keys(p.settles).map((i) => [i, 'c'])),
            })),
          },
        ],
      },
    ],
    packages: [],
    events: [],
    positions: [],
    preferences: parties.map((p, k) => ({
      party: p.id,
      source: 'synthetic',
      basis: 'analyst-estimate' as const,
      weights: Object.fromEntries(issues.map((i) => [i.id, 1 + Math.floor(next() * 5)])),
      values: Object.fromEntries(
        issues.map((i) => [
          i.id,
          Object.fromEntries(['a', 'b', 'c', 'd'].map((o) => [o, Math.floor(next() * 101)])),
        ]),
      ),
      adjustments: Array.from({ length: 4 }, (_, a) => ({
        id: `adj${a}`,
        description: 'interaction',
        when: {
          all: [
            { issue: `i${(a * 4 + k) % 18}`, in: ['b', 'c'] },
            { issue: `i${(a * 4 + k + 9) % 18}`, in: ['c'] },
          ],
        },
        delta: Math.floor(next() * 21) - 10,
      })),
      redLines: [],
      batna: 40,
    })),
  };
}

export const versionsBench: BenchSuite = {
  name: 'versions',
  async run(): Promise<BenchResult[]> {
    const scenario = syntheticScenario();
    const compiled = compileScenario(scenario);
    const exact = diffVersions(compiled, 'plan:v1', 'plan:v2');
    const sampled = diffVersions(compiled, 'plan:v1', 'plan:v4');
    const result = (name: string, ms: number, notes: string): BenchResult => ({
      suite: 'versions',
      case: name,
      metric: 'time',
      value: ms,
      unit: 'ms',
      better: 'lower',
      notes,
    });
    return [
      result(
        'match 30 points through an unlinked intermediate version',
        timeMedian(() => matchPoints(scenario, 'plan:v1', 'plan:v3')),
        'v1 → v3, lineage followed through v2 by similarity',
      ),
      result(
        'diff with exact attribution',
        timeMedian(() => diffVersions(compiled, 'plan:v1', 'plan:v2')),
        `${exact.impact.attribution.players} issue changes, 5 parties, ${exact.impact.attribution.evaluations} coalitions`,
      ),
      result(
        'diff with sampled attribution',
        timeMedian(() => diffVersions(compiled, 'plan:v1', 'plan:v4')),
        `${sampled.impact.attribution.players} issue changes, ${sampled.impact.attribution.samples} permutations, max standard error ${sampled.impact.attribution.maxStandardError?.toFixed(3)}`,
      ),
    ];
  },
};
