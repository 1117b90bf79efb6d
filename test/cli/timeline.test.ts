import { describe, expect, it } from 'vitest';
import { runCli, writeTemp } from '../support/run-cli.js';
import { tinyScenario } from '../support/tiny-scenario.js';

const flagship = 'scenarios/ukraine-2025.yaml';
const tiny = writeTemp('tiny.yaml', tinyScenario());
const noStackTrace = /\n\s+at .*\.js:\d+/;

interface Gap {
  issue: string;
  option: string | null;
  gap: number | null;
}
interface TimelineJson {
  documents: string[];
  lowestPossibleGap: Array<{ issue: string; loss: number }>;
  entries: Array<{ kind: string; date: string; document?: string; version?: string; gaps?: Gap[] }>;
  alongLineage: Array<{
    document: string;
    changes: Array<{
      issue: string;
      version: string;
      since: string | null;
      kind: string;
      before: number | null;
      after: number | null;
    }>;
  }>;
}

describe('parley timeline on a hand-checkable scenario', async () => {
  // Signatories a (salience land 0.75, troops 0.25) and b (land 0.25, troops 0.25, money 0.5).
  // Land values a: keep 100, share 60, cede 0, later 40; b: keep 0, share 50, cede 100, later 50.
  // Gap of an option = Σ salience · (best value − value):
  //   cede: 0.75·100 + 0 = 75; share: 0.75·40 + 0.25·50 = 42.5; keep: 0 + 0.25·100 = 25 (the lowest).
  // Troops 50: a 0.25·(100 − 50) + b 0.25·(100 − 50) = 25.
  const run = await runCli(['timeline', tiny, '--document', 'plan', '--json']);
  const data = JSON.parse(run.stdout) as TimelineJson;

  it('attaches the settlement gap per issue to each version entry', async () => {
    expect(run.code).toBe(0);
    const v1 = data.entries.find((e) => e.kind === 'version' && e.version === 'v1')!;
    const gap = (issue: string) => v1.gaps!.find((g) => g.issue === issue)!;
    expect(gap('land').option).toBe('cede');
    expect(gap('land').gap).toBeCloseTo(75, 9);
    expect(gap('troops').option).toBe('50');
    expect(gap('troops').gap).toBeCloseTo(25, 9);
    expect(gap('money')).toEqual({ issue: 'money', option: null, gap: null });
    expect(data.lowestPossibleGap.find((g) => g.issue === 'land')!.loss).toBeCloseTo(25, 9);
  });

  it('compares each version with the nearest ancestor that settles the issue', async () => {
    const changes = data.alongLineage.find((d) => d.document === 'plan')!.changes;
    const land = changes.find((c) => c.issue === 'land')!;
    expect(land).toMatchObject({ version: 'v2', since: 'v1', kind: 'narrowed' });
    expect(land.before).toBeCloseTo(75, 9);
    expect(land.after).toBeCloseTo(42.5, 9);
    expect(changes.find((c) => c.issue === 'troops')).toMatchObject({ kind: 'left-open', since: 'v1' });
  });

  it('prints the gaps and the narrowing readably', async () => {
    const text = await runCli(['timeline', tiny, '--document', 'plan']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  v2 (2025-02-01)');
    expect(text.stdout).toContain('    narrowed Land: 75.0 → 42.5 (since v1)');
    expect(text.stdout).toContain('    left open: troops');
  });
});

describe('parley timeline on the flagship', async () => {
  const run = await runCli(['timeline', flagship]);

  it('lists events, packages and versions in date order', async () => {
    expect(run.code).toBe(0);
    const at = (text: string) => {
      const k = run.stdout.indexOf(text);
      expect(k, text).toBeGreaterThan(0);
      return k;
    };
    const order = [
      'Trump–Putin summit in Anchorage, Alaska',
      'framework:plan-28 28-point plan (leaked draft)',
      'framework:eu-counter European (E3)',
      'framework:plan-20 20-point framework (draft)',
      'guarantees:v1 December 2025 draft',
      'Paris Declaration of the Coalition of the',
    ].map(at);
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('shows which issues narrowed from the 28-point plan to the 20-point framework', async () => {
    const plan20 = run.stdout.slice(run.stdout.indexOf('  plan-20 (2025-12-23)'));
    expect(plan20).toContain(
      "    narrowed Ceiling on Ukraine's peacetime armed forces: 11.4 → 7.4 (since plan-28)",
    );
    expect(plan20).toContain('    narrowed Elections in Ukraine:');
    expect(plan20).toMatch(/left open: donbas, zaporizhzhia-kherson, crimea, other-occupied-areas, nato,/);
  });

  it('keeps entries in date order in JSON and respects --document, --from and --to', async () => {
    const json = await runCli([
      'timeline',
      flagship,
      '--document',
      'framework',
      '--from',
      '2025-11-01',
      '--to',
      '2025-12-31',
      '--json',
    ]);
    const data = JSON.parse(json.stdout) as TimelineJson;
    const dates = data.entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0] >= '2025-11-01' && dates[dates.length - 1] <= '2025-12-31').toBe(true);
    const versions = data.entries
      .filter((e) => e.kind === 'version')
      .map((e) => `${e.document}:${e.version}`);
    expect(versions).toEqual([
      'framework:plan-28',
      'framework:geneva',
      'framework:eu-counter',
      'framework:plan-20',
    ]);
    expect(data.documents).toEqual(['framework']);
  });
});

describe('parley timeline: bad input', async () => {
  const expectUsage = async (args: string[], message: string) => {
    const run = await runCli(['timeline', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(noStackTrace);
  };

  it('suggests the nearest document id', async () => {
    await expectUsage(
      [flagship, '--document', 'framewrk'],
      "unknown document 'framewrk' (documents: framework, guarantees, reconstruction); did you mean 'framework'?",
    );
  });

  it('rejects dates that do not exist and ranges that run backwards', async () => {
    await expectUsage([flagship, '--from', '2025-02-30'], "'2025-02-30' is not a date");
    await expectUsage(
      [flagship, '--from', '2025-12-01', '--to', '2025-11-01'],
      '--from 2025-12-01 is after --to 2025-11-01',
    );
  });
});
