import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validate } from '../../src/adapters/load/check-structure.js';
import { parseScenarioBytes, parseScenarioText } from '../../src/adapters/load/load-scenario.js';
import { Scenario } from '../../src/schema/scenario.js';

const minimalText = readFileSync(new URL('../fixtures/minimal.yaml', import.meta.url), 'utf8');
const minimal: unknown = parse(minimalText);

type Path = (string | number)[];

function allPaths(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Array.isArray(value) ? value.map((v, k) => [k, v] as const) : Object.entries(value);
  return [path, ...children.flatMap(([key, child]) => allPaths(child, [...path, key]))];
}

const paths = allPaths(minimal).filter((p) => p.length > 0);
const replacements: unknown[] = [
  'x',
  'Not An Id!',
  7,
  -1,
  1.5,
  null,
  true,
  [],
  {},
  ['x'],
  { zzz: 1 },
  '2024-02-30',
];

type Mutation =
  | { path: Path; kind: 'delete' }
  | { path: Path; kind: 'set'; value: unknown }
  | { path: Path; kind: 'extra' };

function mutate(root: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(root);
  const parent = mutation.path
    .slice(0, -1)
    .reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) as
    | Record<string | number, unknown>
    | unknown[];
  const key = mutation.path[mutation.path.length - 1];
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (mutation.kind === 'set') {
    (parent as Record<string | number, unknown>)[key] = structuredClone(mutation.value);
  } else {
    const target = (parent as Record<string | number, unknown>)[key];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      (target as Record<string, unknown>).extraField = 1;
    }
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ path: fc.constantFrom(...paths), kind: fc.constant('delete' as const) }),
  fc.record({
    path: fc.constantFrom(...paths),
    kind: fc.constant('set' as const),
    value: fc.constantFrom(...replacements),
  }),
  fc.record({ path: fc.constantFrom(...paths), kind: fc.constant('extra' as const) }),
);

describe('robustness', () => {
  it('explains every structural failure: validate() finds problems exactly when the schema rejects', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const data = mutations.reduce<unknown>((d, m) => {
          try {
            return mutate(d, m);
          } catch {
            return d; // the path vanished under an earlier mutation
          }
        }, minimal);
        const problems = validate(Scenario, data);
        expect(problems.length === 0).toBe(Scenario.safeParse(data).success);
        for (const p of problems) expect(p.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws, and locates every problem, on mutated scenarios', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const data = mutations.reduce<unknown>((d, m) => {
          try {
            return mutate(d, m);
          } catch {
            return d;
          }
        }, minimal);
        const result = parseScenarioText(stringify(data), 'mutated.yaml');
        const diagnostics = result.ok ? result.warnings : result.diagnostics;
        for (const d of diagnostics) {
          if (d.path !== '') expect(d.line, JSON.stringify(d)).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text or bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const name of ['random.yaml', 'random.json']) {
          const result = parseScenarioText(text, name);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.diagnostics.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(typeof parseScenarioBytes(bytes, 'random.json').ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on the fixture cut short at any point', () => {
    for (let end = 0; end <= minimalText.length; end += 7) {
      const result = parseScenarioText(minimalText.slice(0, end), 'cut.yaml');
      if (!result.ok) expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
