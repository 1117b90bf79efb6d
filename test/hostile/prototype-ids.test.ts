import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/adapters/load/load-scenario.js';
import { parseSimulationConfig, parseTournamentConfig } from '../../src/adapters/simulation/config-schema.js';
import { evaluateSubspace } from '../../src/core/evaluate/evaluate.js';
import { realiseUtility, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { compileScenario } from '../../src/core/model/compile.js';
import { resolvePackage } from '../../src/core/model/resolve.js';
import { holds } from '../../src/core/model/rule.js';
import { fullSubspace } from '../../src/core/model/subspace.js';
import { cli } from './support/cli-in-process.js';

// Ids that name something on Object.prototype are read through the prototype wherever ids become keys of
// plain objects. Every such name must behave exactly like a plain id.
// (Names starting with '_', like __proto__, are not ids: the schema rejects them; see below.)
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) => !n.startsWith('_'));

// The teaching scenario is small (744 outcomes) and uses every kind of id: parties, issues, options,
// documents, versions, packages, red lines and adjustments.
const car = readFileSync(new URL('../../scenarios/teaching-used-car.yaml', import.meta.url), 'utf8');
// A party that leaves an issue out (no weight, no values) is where inherited members used to be read.
const sparseCar = car
  .replace('preparation: 20, payment: 15 }', 'preparation: 20 }')
  .replace('      payment: { cash: 30, dealer-finance: 100 }\n', '');
const RENAMABLE = [
  'dealer',
  'sam',
  'priya',
  'warranty',
  'preparation',
  'payment',
  'none',
  '6m',
  'as-is',
  'cash',
  'dealer-finance',
  'offer',
  'revised',
  'budget',
  'no-sale-below-cost',
  'serviced-car-fewer-claims',
];

function renamed(mapping: ReadonlyMap<string, string>, base = car): string {
  let text = base;
  for (const [from, to] of mapping) {
    text = text.replace(new RegExp(`(?<![\\w-])${from.replace('-', '\\-')}(?![\\w-])`, 'g'), to);
  }
  return text;
}

function summary(text: string) {
  const loaded = parseScenarioText(text, 'car.yaml');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  const compiled = compileScenario(loaded.scenario, { at: '2026-03-05' });
  const utilities = compiled.models.map((m) => realiseUtility(m));
  const outcomes: number[][] = [];
  const walk = (prefix: number[]) => {
    if (prefix.length === compiled.space.radix.length) outcomes.push(prefix);
    else for (let k = 0; k < compiled.space.radix[prefix.length]; k++) walk([...prefix, k]);
  };
  walk([]);
  const revised = loaded.scenario.packages.map((p) =>
    evaluateSubspace(compiled, resolvePackage(loaded.scenario, compiled.space, p.id).subspace).parties.map(
      (e) => [e.utility, e.acceptable, e.redLines.map((r) => r.status)],
    ),
  );
  return {
    utilities: outcomes.map((o) => utilities.map((u) => utilityOf(u, o))),
    redLines: outcomes.map((o) => compiled.models.map((m) => m.redLines.map((r) => holds(r.crossedWhen, o)))),
    whole: evaluateSubspace(compiled, fullSubspace(compiled.space)).parties.map((e) => [e.utility, e.band]),
    packages: revised,
  };
}

const plain = summary(car);
const plainSparse = summary(sparseCar);

describe('ids named like Object.prototype members', () => {
  it('evaluate exactly like plain ids (property over renamings)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(RENAMABLE, { minLength: 1, maxLength: PROTOTYPE_NAMES.length }),
        fc.shuffledSubarray(PROTOTYPE_NAMES, {
          minLength: PROTOTYPE_NAMES.length,
          maxLength: PROTOTYPE_NAMES.length,
        }),
        (from, to) => {
          const mapping = new Map(from.map((id, k) => [id, to[k]]));
          expect(summary(renamed(mapping))).toEqual(plain);
          expect(summary(renamed(mapping, sparseCar))).toEqual(plainSparse);
        },
      ),
      { numRuns: 40, seed: 9 },
    );
  });

  it.each(PROTOTYPE_NAMES)('an issue named %s keeps its weight, and weighs 0 where left out', (name) => {
    expect(summary(renamed(new Map([['warranty', name]])))).toEqual(plain);
    expect(summary(renamed(new Map([['payment', name]]), sparseCar))).toEqual(plainSparse);
  });
});

describe('__proto__ and ids on the command line', () => {
  it('a __proto__ key is an error at the key, not silently dropped', () => {
    const text = car.replace(
      'preparation: 20, payment: 15 }',
      'preparation: 20, payment: 15, __proto__: 5 }',
    );
    const loaded = parseScenarioText(text, 'car.yaml');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics[0]).toMatchObject({
      path: 'preferences[2].weights.__proto__',
      message: "'__proto__' cannot be used as a key",
      severity: 'error',
    });
    expect(loaded.diagnostics[0].line).toBeGreaterThan(1);
  });

  it('--outcome with an issue named constructor pins that issue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-ids-'));
    try {
      const file = join(dir, 'car.yaml');
      writeFileSync(file, renamed(new Map([['warranty', 'constructor']])));
      const renamedRun = await cli('evaluate', file, '--outcome', 'constructor=12m,price=9700', '--json');
      const plainRun = await cli(
        'evaluate',
        'scenarios/teaching-used-car.yaml',
        '--outcome',
        'warranty=12m,price=9700',
        '--json',
      );
      expect(renamedRun.stderr).toBe('');
      expect(renamedRun.code).toBe(plainRun.code);
      const utilities = (out: string) =>
        (JSON.parse(out) as { parties: Array<{ utility: unknown }> }).parties.map((p) => p.utility);
      expect(utilities(renamedRun.stdout)).toEqual(utilities(plainRun.stdout));
      const twice = await cli('evaluate', file, '--outcome', 'constructor=12m,constructor=6m');
      expect(twice.code).toBe(2);
      expect(twice.stderr).toMatch(/issue 'constructor' appears twice in --outcome/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a party named twice in --parties is refused', async () => {
    for (const command of ['analyze', 'simulate']) {
      const run = await cli(command, 'scenarios/teaching-used-car.yaml', '--parties', 'sam,sam');
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toMatch(/'sam' (appears|is listed) twice/);
    }
  });
});

describe('__proto__ in simulation and tournament configurations', () => {
  it('an agent keyed __proto__ is refused, not dropped', () => {
    const raw = JSON.parse(
      '{"agents": {"__proto__": "linear", "a": "linear"}, "deadline": {"rounds": 5}, "seed": 1}',
    );
    expect(() => parseSimulationConfig(raw)).toThrow(
      /agents\.__proto__: '__proto__' cannot be used as a key/,
    );
    const tournament = JSON.parse(
      '{"scenarios": [], "strategies": [{"name": "linear", "params": {"__proto__": 1}}]}',
    );
    expect(() => parseTournamentConfig(tournament)).toThrow(/'__proto__' cannot be used as a key/);
  });
});
