import { describe, expect, it } from 'vitest';
import { colourDiffText } from '../../src/adapters/cli/commands/diff.js';
import { runCli, writeTemp } from '../support/run-cli.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const flagship = 'scenarios/ukraine-2025.yaml';
const tiny = writeTemp('tiny.yaml', tinyScenario());
const noStackTrace = /\n\s+at .*\.js:\d+/;

interface Share {
  party: string;
  value: number;
}
interface JsonDiff {
  format: string;
  points: Array<{ kind: string; before: Array<{ number: number }>; after: Array<{ number: number }> }>;
  issues: Array<{ issue: string; kind: string; before: { options: string[] }; after: { options: string[] } }>;
  impact: {
    parties: Array<{ party: string; delta: number }>;
    attribution: {
      method: string;
      samples?: number;
      seed?: number;
      changes: Array<{ issue: string; shares: Share[] }>;
      totals: Array<{ party: string; total: number }>;
    };
  };
}

/** The story of the 28-point plan → 20-point framework, as the reporting tells it. */
describe('parley diff on the flagship scenario', async () => {
  const run = await runCli(['diff', flagship, 'framework:plan-28', 'framework:plan-20']);
  const lines = run.stdout.split('\n');
  const section = (heading: string) => {
    const start = lines.indexOf(heading);
    const end = lines.findIndex((l, k) => k > start && l === '');
    return lines.slice(start + 1, end);
  };

  it('succeeds and names both versions and their relation', async () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(lines[0]).toBe(
      'framework:plan-28 "28-point plan (leaked draft)" (2025-11-20, proposed by united-states) → framework:plan-20 "20-point framework (draft)" (2025-12-23, proposed by united-states, ukraine)',
    );
    expect(lines[1]).toBe('plan-28 is an ancestor of plan-20.');
  });

  it('reports the NATO constitutional ban (point 7) and the amnesty (point 26) as dropped, in order', async () => {
    const dropped = section('Dropped').filter((l) => l.startsWith('  #'));
    const numbers = dropped.map((l) => Number(/^ {2}#(\d+)/.exec(l)![1]));
    expect(numbers).toEqual([3, 4, 7, 8, 9, 13, 14, 15, 17, 26]);
    expect(run.stdout).toContain('  #7 NATO non-accession: "Ukraine writes non-accession to NATO');
    expect(run.stdout).toContain('    it settled nato = constitutional-ban-and-statute');
    expect(run.stdout).toContain('    it settled amnesty = full-amnesty-no-claims');
  });

  it('reports the army cap going from 600,000 to 800,000 and the elections from 100 days to as soon as possible', async () => {
    expect(run.stdout).toContain('  #6 → #4 Army of 800,000 (reworded; matched by lineage, confidence 1.00)');
    expect(run.stdout).toContain('    settles: army-cap = 600 → army-cap = 800');
    expect(run.stdout).toContain(
      "  Ceiling on Ukraine's peacetime armed forces: 600 thousand personnel (1000 = no binding cap) → 800 thousand personnel (1000 = no binding cap) (changed; points framework:plan-28#6, framework:plan-20#4)",
    );
    expect(run.stdout).toContain(
      '    text: Ukraine holds elections [-within 100 days-]{+as soon as possible after signing+}.',
    );
  });

  it('shows the compensated US guarantee rewritten as Article-5-like guarantees', async () => {
    expect(run.stdout).toContain('  #10 → #5 Article-5-like guarantees (reworded; matched by from: link');
    expect(run.stdout).toMatch(
      /text: \[-The US guarantee is compensated;[^\n]*-\]\{\+The US, NATO and European signatories give Article-5-like guarantees/,
    );
    expect(run.stdout).toContain(
      '    settles: us-guarantee = compensated-conditional → european-guarantees = legally-binding',
    );
  });

  it('lists territory and the nuclear plant as still unresolved, addressed without being settled', async () => {
    const unresolved = lines.slice(lines.indexOf('  Still unresolved:') + 1);
    expect(unresolved).toContain(
      '    Status of Donetsk and Luhansk (Donbas) (open, addressed by framework:plan-20#14 without settling it, newly unresolved)',
    );
    expect(unresolved).toContain(
      '    Zaporizhzhia nuclear power plant (open, addressed by framework:plan-20#12 without settling it, newly unresolved)',
    );
  });

  it('says who gains from each change: Ukraine gains and Russia loses from dropping the NATO ban', async () => {
    const k = lines.indexOf(
      "  Ukraine and NATO membership: Non-accession written into Ukraine's constitution and NATO's statutes → open",
    );
    expect(k).toBeGreaterThan(0);
    expect(lines[k + 1]).toMatch(/^ {4}Ukraine \+\d+\.\d, Russian Federation −\d+\.\d,/);
  });
});

describe('parley diff --json', async () => {
  // Fewer random orders than the default keep the test quick; efficiency holds for any number of orders.
  const run = await runCli([
    'diff',
    flagship,
    'framework:plan-28',
    'framework:plan-20',
    '--json',
    '--samples',
    '200',
  ]);
  const diff = JSON.parse(run.stdout) as JsonDiff;

  it('has the engine shape, with point 7 removed and the army cap changed', async () => {
    expect(diff.format).toBe('parley.version-diff');
    const removed = diff.points.filter((p) => p.kind === 'removed').map((p) => p.before[0].number);
    expect(removed).toContain(7);
    expect(removed).toContain(26);
    const army = diff.issues.find((i) => i.issue === 'army-cap')!;
    expect(army).toMatchObject({
      kind: 'changed',
      before: { options: ['600'] },
      after: { options: ['800'] },
    });
  });

  it('attributes to each party exactly its total change (Shapley efficiency), within 1e-9', async () => {
    const a = diff.impact.attribution;
    expect(a.method).toBe('sampled'); // 22 issue changes: more than the 12 of exact mode
    for (const total of a.totals) {
      const sum = a.changes.reduce((s, c) => s + c.shares.find((x) => x.party === total.party)!.value, 0);
      expect(Math.abs(sum - total.total)).toBeLessThan(1e-9);
      const delta = diff.impact.parties.find((p) => p.party === total.party)!.delta;
      expect(Math.abs(delta - total.total)).toBeLessThan(1e-9);
    }
  });

  it('agrees with parley evaluate: each party changes by the difference of its range midpoints', async () => {
    const mid = async (version: string) => {
      const data = JSON.parse((await runCli(['evaluate', flagship, '-v', version, '--json'])).stdout) as {
        parties: Array<{ party: string; utility: { min: number; max: number } }>;
      };
      return new Map(data.parties.map((p) => [p.party, (p.utility.min + p.utility.max) / 2]));
    };
    const [before, after] = [await mid('framework:plan-28'), await mid('framework:plan-20')];
    for (const p of diff.impact.parties) {
      expect(p.delta).toBeCloseTo(after.get(p.party)! - before.get(p.party)!, 9);
    }
  });

  it('samples with the given seed and number of orders, reproducibly', async () => {
    const args = ['diff', flagship, 'framework:plan-28', 'framework:plan-20', '--json', '--samples', '50'];
    const first = JSON.parse((await runCli([...args, '--seed', '7'])).stdout) as JsonDiff;
    const again = JSON.parse((await runCli([...args, '--seed', '7'])).stdout) as JsonDiff;
    const other = JSON.parse((await runCli([...args, '--seed', '8'])).stdout) as JsonDiff;
    expect(first.impact.attribution).toMatchObject({ samples: 50, seed: 7 });
    expect(again.impact.attribution).toEqual(first.impact.attribution);
    expect(other.impact.attribution.changes).not.toEqual(first.impact.attribution.changes);
  });
});

describe('parley diff on a hand-checkable scenario', async () => {
  it('gives exact Shapley shares that match a hand computation', async () => {
    // Alpha: u = 0.75·land + 0.25·troops (+10 if land = share and troops ≥ 75). v1: cede, troops 50 → 12.5.
    // v2: share, troops open → 45..80, midpoint 62.5. Land alone: 45 + 12.5 = 57.5; troops alone: 0..25 → 12.5.
    // Shapley: land ½(45 + 50) = 47.5, troops ½(0 + 5) = 2.5.
    const run = await runCli(['diff', tiny, 'plan:v1', 'plan:v2', '--json']);
    expect(run.code).toBe(0);
    const a = (JSON.parse(run.stdout) as JsonDiff).impact.attribution;
    expect(a.method).toBe('exact');
    const alpha = (issue: string) =>
      a.changes.find((c) => c.issue === issue)!.shares.find((s) => s.party === 'a')!.value;
    expect(alpha('land')).toBeCloseTo(47.5, 9);
    expect(alpha('troops')).toBeCloseTo(2.5, 9);
  });

  it('quotes changed texts whole with --no-word-diff', async () => {
    const run = await runCli(['diff', tiny, 'plan:v1', 'plan:v2', '--no-word-diff']);
    expect(run.stdout).not.toContain('[-');
    expect(run.stdout).toContain('    before: "Beta gets the land."');
    expect(run.stdout).toContain('    after:  "Shared land."');
  });

  it('compares packages, with a document that is new in the later one', async () => {
    const run = await runCli(['diff', tiny, '--packages', 'p1', 'clash']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Package P1 (p1) → Clash (clash)');
    expect(run.stdout).toContain('== Annex: new in this package (annex:x1 "Annex" (2025-02-01))');
  });
});

describe('parley diff --packages on the flagship', async () => {
  it('shows the US guarantee going from compensated to Article-5-like once the guarantees document joins', async () => {
    const run = await runCli(['diff', flagship, '--packages', 'november', 'december']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '  US security guarantee (kind and duration): Compensated, conditional guarantee → Article-5-like guarantee, 15 years, extendable (changed; points framework:plan-28#10, guarantees:v1#5)',
    );
    expect(run.stdout).toContain('== Security guarantees for Ukraine: new in this package');
  });
});

describe('parley diff: bad input', async () => {
  const expectUsage = async (args: string[], message: string) => {
    const run = await runCli(['diff', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(noStackTrace);
    expect(run.stdout).toBe('');
  };

  it('suggests the nearest version id for an unknown one', async () => {
    await expectUsage(
      [flagship, 'framework:plan-29', 'framework:plan-20'],
      "document 'framework' has no version 'plan-29' (versions: plan-28, geneva, eu-counter, plan-20); did you mean 'plan-28'?",
    );
  });

  it('suggests the nearest document and package ids', async () => {
    await expectUsage([flagship, 'framwork:plan-28', 'framework:plan-20'], "did you mean 'framework'?");
    await expectUsage([flagship, '--packages', 'november', 'decembr'], "did you mean 'december'?");
  });

  it('explains malformed references and wrong argument counts', async () => {
    await expectUsage(
      [flagship, 'framework-plan-28', 'framework:plan-20'],
      "'framework-plan-28' is not a version reference",
    );
    await expectUsage([flagship, 'framework:plan-28'], 'diff needs two versions to compare, got 1');
    await expectUsage(
      [flagship, '--packages', 'november'],
      '--packages takes exactly two package ids, got 1',
    );
    await expectUsage(
      [flagship, 'framework:plan-28', 'framework:plan-20', '--packages', 'november', 'december'],
      'give either two versions or --packages, not both',
    );
    await expectUsage(
      [flagship, 'framework:plan-28', 'framework:plan-20', '--samples', '1.5'],
      "--samples: expected an integer from 1 to 1,000,000, got '1.5'",
    );
    await expectUsage(
      [flagship, 'framework:plan-28', 'framework:plan-20', '--seed', 'x'],
      "--seed: expected an integer from 0 to 4,294,967,295, got 'x'",
    );
  });

  it('accepts the same version twice: an empty diff', async () => {
    const run = await runCli(['diff', flagship, 'framework:plan-28', 'framework:plan-28']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Both sides are the same version.');
    expect(run.stdout).toContain('Points: 28 before, 28 after — 28 kept.');
    expect(run.stdout).toContain('  no issue is settled differently');
  });
});

describe('terminal colours', async () => {
  it('marks removed words red and struck through, added words green, without touching the text', async () => {
    const coloured = colourDiffText('Dropped\n    text: a [-b c-]{+d+} e\n');
    expect(coloured).toContain('\u001b[31m');
    expect(coloured).toContain('\u001b[9m[-b c-]');
    expect(coloured).toContain('\u001b[32m{+d+}');
    const esc = String.fromCharCode(27);
    expect(coloured.replace(new RegExp(`${esc}\\[\\d+m`, 'g'), '')).toBe(
      'Dropped\n    text: a [-b c-]{+d+} e\n',
    );
  });
});
