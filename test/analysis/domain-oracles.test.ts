import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { paretoFrontier } from '../../src/core/analysis/pareto/pareto-frontier.js';
import { paretoDivideConquer } from '../../src/core/analysis/pareto/pareto-kd.js';
import { skyline } from '../../src/core/analysis/pareto/skyline.js';
import { enumerateUtilities, outcomeAt } from '../../src/core/analysis/utility-table.js';
import { realiseUtility, type UtilityFunction, utilityOf } from '../../src/core/evaluate/utility-function.js';
import { type CompiledScenario, compileScenario } from '../../src/core/model/compile.js';
import { decodeOutcome } from '../../src/core/model/outcome-space.js';
import type { CompiledRule } from '../../src/core/model/rule.js';
import type { Subspace } from '../../src/core/model/subspace.js';
import { createRng } from '../../src/core/random/rng.js';
import { DOMAINS_DIR, SKIP_MESSAGE } from '../interop/negotiation-domains.js';
import { dominates } from './pareto-naive.js';

/**
 * The frontier engine against what the shared negotiation domains publish or what brute force gives.
 * Scales: Parley utilities are 0..100; GENIUS (pareto.xml) and GeniusWeb (specials.json) use 0..1, so their
 * figures are compared with Parley's divided by 100.
 */
const folder = (name: string) => (DOMAINS_DIR ? join(DOMAINS_DIR, name) : undefined);
const present = (dir: string | undefined): dir is string => dir !== undefined && existsSync(dir);
const title = (name: string, dir: string | undefined) => (present(dir) ? name : `${name}: ${SKIP_MESSAGE}`);

function load(dir: string): { compiled: CompiledScenario; fns: UtilityFunction[] } {
  const compiled = compileScenario(importPath(dir).scenario);
  return { compiled, fns: compiled.models.map((m) => realiseUtility(m)) };
}

// ---------------------------------------------------------------------------------------------------------
// ANAC 2014, 10 issues: 1e10 outcomes, utilities = sums of boxes (adjustments), pareto.xml = GENIUS's frontier
// ---------------------------------------------------------------------------------------------------------

const anacDir = folder('ANAC2014-10issues-nonlinear');

/** pareto.xml: one "u1, u2" line per frontier point, on GENIUS's 0..1 scale, printed as float32. */
function paretoXml(file: string): Array<[number, number]> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes(','))
    .map((line) => line.split(',').map(Number) as [number, number]);
}

/** pareto.xml prints single-precision values (about 7 significant digits). */
const FLOAT32_TOLERANCE = 1e-6;

function leavesOf(rule: CompiledRule, into: Array<{ issue: number; mask: Uint8Array }>): void {
  if (rule.kind === 'leaf') into.push(rule);
  else if (rule.kind === 'not') leavesOf(rule.rule, into);
  else for (const r of rule.rules) leavesOf(r, into);
}

/**
 * One representative option per class of interchangeable options of each issue: options with the same
 * additive contribution for every party and the same membership in every leaf of every adjustment's rule.
 * A rule's truth is a function of its leaves' truths, so replacing any option by its representative changes
 * no utility: the set of utility vectors of the whole space equals that of the representatives' sub-space.
 */
function representatives(
  compiled: CompiledScenario,
  fns: UtilityFunction[],
): { sub: Subspace; map: Int32Array[] } {
  const leaves: Array<{ issue: number; mask: Uint8Array }> = [];
  for (const f of fns) for (const a of f.adjustments) leavesOf(a.when, leaves);
  const map: Int32Array[] = [];
  const allowed = compiled.space.issues.map((_, i) => {
    const byKey = new Map<string, number>();
    const toRep = new Int32Array(compiled.space.radix[i]);
    for (let k = 0; k < compiled.space.radix[i]; k++) {
      const key = [
        ...fns.map((f) => f.contribution[i][k]),
        ...leaves.filter((l) => l.issue === i).map((l) => l.mask[k]),
      ].join(',');
      if (!byKey.has(key)) byKey.set(key, k);
      toRep[k] = byKey.get(key) as number;
    }
    map.push(toRep);
    return Int32Array.from(byKey.values());
  });
  return { sub: { allowed }, map };
}

/** The five items of largest score, by one pass. */
function topFive<T>(items: T[], score: (item: T) => number): T[] {
  const top: Array<{ item: T; s: number }> = [];
  for (const item of items) {
    const s = score(item);
    if (top.length === 5 && s <= top[4].s) continue;
    top.push({ item, s });
    top.sort((a, b) => b.s - a.s);
    if (top.length > 5) top.pop();
  }
  return top.map((t) => t.item);
}

/**
 * What is checked, exactly: (1) the engine refuses the whole space (no decomposition: the boxes are
 * adjustments; no enumeration: 1e10 outcomes); (2) merging options that no utility can tell apart leaves both
 * utilities unchanged on a seeded sample; (3) Parley's enumeration over the 25,401,600 class representatives
 * gives exactly pareto.xml's 10 utility pairs (to float32 precision), each reached by an outcome re-evaluated
 * with utilityOf. (2)'s argument is in `representatives`; with it, (3) is the frontier of the whole space.
 * (4) As independent, weaker evidence: no outcome of a seeded sample of 100,000, nor any outcome visited by
 * single-issue hill-climbing from it, dominates a pareto.xml point.
 */
describe.skipIf(!present(anacDir))(
  title('ANAC 2014 10 issues (1e10 outcomes, nonlinear) against pareto.xml', anacDir),
  () => {
    let compiled: CompiledScenario;
    let fns: UtilityFunction[];
    let oracle: Array<[number, number]>;
    beforeAll(() => {
      ({ compiled, fns } = load(anacDir as string));
      oracle = paretoXml(join(anacDir as string, 'pareto.xml'));
    });
    const u01 = (outcome: ArrayLike<number>): [number, number] => [
      utilityOf(fns[0], outcome) / 100,
      utilityOf(fns[1], outcome) / 100,
    ];

    it('cannot be decomposed nor enumerated: the engine refuses with the reason', () => {
      expect(compiled.space.size).toBe(1e10);
      expect(fns.every((f) => f.adjustments.length > 0)).toBe(true);
      expect(() => paretoFrontier(compiled)).toThrow(/1\.00e\+10 outcomes.*enumeration limit/);
      expect(() => paretoFrontier(compiled, { method: 'decompose' })).toThrow(/adjustments/);
    });

    it('options merged into classes keep every utility (checked on a seeded sample of 20,000 outcomes)', () => {
      const { map } = representatives(compiled, fns);
      const rng = createRng('anac2014-classes');
      const outcome = new Int32Array(10);
      const merged = new Int32Array(10);
      const changed: string[] = [];
      let moved = 0;
      for (let s = 0; s < 20_000; s++) {
        for (let i = 0; i < 10; i++) {
          outcome[i] = rng.int(10);
          merged[i] = map[i][outcome[i]];
          if (merged[i] !== outcome[i]) moved++;
        }
        const [a, b] = [u01(outcome), u01(merged)];
        if (a[0] !== b[0] || a[1] !== b[1]) changed.push(`${outcome.join('')} -> ${merged.join('')}`);
      }
      expect(changed).toEqual([]);
      // The check has teeth: most sampled outcomes had options replaced.
      expect(moved).toBeGreaterThan(50_000);
    });

    it('the exact frontier, enumerated over the option classes by Parley, has exactly the pareto.xml points', () => {
      const { sub } = representatives(compiled, fns);
      const sizes = sub.allowed.map((a) => a.length);
      expect(sizes.reduce((a, b) => a * b, 1)).toBe(25_401_600);
      // In chunks (one class of the first issue at a time) to bound memory; the frontier of the union is the
      // frontier of the chunks' frontiers.
      const candidates: Array<{ u: [number, number]; outcome: Int32Array }> = [];
      for (const option of sub.allowed[0]) {
        const chunk: Subspace = { allowed: [Int32Array.of(option), ...sub.allowed.slice(1)] };
        const f = paretoFrontier(compiled, { subspace: chunk, method: 'enumerate', maxListed: 1e7 });
        expect(f.truncated).toBe(false);
        for (const p of f.points)
          candidates.push({ u: [p.utilities[0], p.utilities[1]], outcome: p.outcome });
      }
      const frontier = candidates.filter((p) => !candidates.some((q) => dominates(q.u, p.u)));
      const vectors = [...new Map(frontier.map((p) => [p.u.join(','), p])).values()].sort(
        (a, b) => a.u[0] - b.u[0],
      );
      const expected = [...oracle].sort((a, b) => a[0] - b[0]);
      expect(vectors.length).toBe(expected.length);
      vectors.forEach((p, k) => {
        // A witness outcome of the full space, re-evaluated by utilityOf, reaches the pareto.xml point.
        const [a, b] = u01(p.outcome);
        expect(a).toBe(p.u[0] / 100);
        expect(b).toBe(p.u[1] / 100);
        expect(Math.abs(a - expected[k][0])).toBeLessThanOrEqual(FLOAT32_TOLERANCE);
        expect(Math.abs(b - expected[k][1])).toBeLessThanOrEqual(FLOAT32_TOLERANCE);
      });
      console.log(
        `[oracles] ANAC2014 10 issues: ${frontier.length} Pareto-optimal outcomes among 25,401,600 class ` +
          `representatives, ${vectors.length} distinct vectors = the ${expected.length} points of pareto.xml`,
      );
    });

    it('no outcome met by a seeded sample of 100,000 plus hill-climbing dominates a pareto.xml point', () => {
      // Evidence only, not proof (the exactness comes from the class enumeration above): the search checks
      // about 1.1e5 of 1e10 outcomes plus the paths of local searches.
      const dominatesOracle = (u: [number, number]) =>
        oracle.some(
          ([a, b]) =>
            u[0] >= a - FLOAT32_TOLERANCE &&
            u[1] >= b - FLOAT32_TOLERANCE &&
            (u[0] > a + FLOAT32_TOLERANCE || u[1] > b + FLOAT32_TOLERANCE),
        );
      const rng = createRng('anac2014-sample');
      const sample: Array<{ outcome: Int32Array; u: [number, number] }> = [];
      const dominating: string[] = [];
      let checked = 0;
      const check = (outcome: Int32Array, u: [number, number]) => {
        checked++;
        if (dominatesOracle(u)) dominating.push(`${outcome.join('')}: ${u.join(', ')}`);
      };
      for (let s = 0; s < 100_000; s++) {
        const outcome = new Int32Array(10);
        for (let i = 0; i < 10; i++) outcome[i] = rng.int(10);
        const u = u01(outcome);
        check(outcome, u);
        sample.push({ outcome, u });
      }
      // Hill-climbing on w·u1 + (1-w)·u2 from the 5 best sampled outcomes per weight: change one issue at a
      // time to the best improving option until none improves.
      const reached = new Set<number>();
      for (let step = 0; step <= 20; step++) {
        const w = step / 20;
        const score = (u: [number, number]) => w * u[0] + (1 - w) * u[1];
        const starts = topFive(sample, (p) => score(p.u));
        for (const start of starts) {
          const outcome = Int32Array.from(start.outcome);
          let current = start.u;
          for (let improved = true; improved; ) {
            improved = false;
            for (let i = 0; i < 10; i++) {
              const keep = outcome[i];
              let bestOption = keep;
              let best = current;
              for (let k = 0; k < 10; k++) {
                if (k === keep) continue;
                outcome[i] = k;
                const u = u01(outcome);
                check(outcome, u);
                if (score(u) > score(best)) {
                  best = u;
                  bestOption = k;
                }
              }
              outcome[i] = bestOption;
              if (bestOption !== keep) {
                current = best;
                improved = true;
              }
            }
          }
          oracle.forEach(([a, b], k) => {
            if (
              Math.abs(current[0] - a) <= FLOAT32_TOLERANCE &&
              Math.abs(current[1] - b) <= FLOAT32_TOLERANCE
            )
              reached.add(k);
          });
        }
      }
      expect(dominating).toEqual([]);
      // The searches do reach the frontier, so finding nothing better is not vacuous.
      expect(reached.size).toBeGreaterThan(0);
      console.log(
        `[oracles] ANAC2014 10 issues: ${checked} outcomes checked, none dominates pareto.xml; ` +
          `the local searches ended on ${reached.size} of its ${oracle.length} points`,
      );
    });
  },
);

// ---------------------------------------------------------------------------------------------------------
// ANL 2023 domain00: specials.json (GeniusWeb tools) gives the Pareto front, Nash and Kalai points
// ---------------------------------------------------------------------------------------------------------

const anlDir = folder('ANL2023-domain00-json');

interface Special {
  bid: Record<string, string>;
  utility: [number, number];
}
interface Specials {
  size: number;
  nash: Special;
  kalai: Special;
  social_welfare: Special;
  pareto_front: Special[];
}

describe.skipIf(!present(anlDir))(title('ANL 2023 domain00 against specials.json', anlDir), () => {
  let compiled: CompiledScenario;
  let specials: Specials;
  beforeAll(() => {
    ({ compiled } = load(anlDir as string));
    specials = JSON.parse(readFileSync(join(anlDir as string, 'specials.json'), 'utf8')) as Specials;
  });
  const bidOf = (outcome: Int32Array) =>
    Object.fromEntries(compiled.space.issues.map((issue, i) => [issue.title, issue.labels[outcome[i]]]));

  it('the frontier by enumeration (and by decomposition) is the pareto_front of specials.json', () => {
    expect(compiled.space.size).toBe(specials.size);
    const enumerated = paretoFrontier(compiled, { method: 'enumerate', maxListed: 1e6 });
    const decomposed = paretoFrontier(compiled, { maxListed: 1e6 });
    expect(decomposed.method).toBe('decompose');
    expect(decomposed.points.map((p) => p.index)).toEqual(enumerated.points.map((p) => p.index));
    // Ordered by the first party's utility, descending, on both sides.
    const expected = [...specials.pareto_front].sort((a, b) => b.utility[0] - a.utility[0]);
    expect(enumerated.size).toBe(expected.length);
    expect(enumerated.distinctVectors).toBe(expected.length);
    enumerated.points.forEach((p, k) => {
      // specials.json: 0..1; Parley: 0..100.
      expect(Math.abs(p.utilities[0] / 100 - expected[k].utility[0])).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(p.utilities[1] / 100 - expected[k].utility[1])).toBeLessThanOrEqual(1e-9);
      expect(bidOf(p.outcome)).toEqual(expected[k].bid);
    });
  });

  it('Nash, Kalai-Smorodinsky and welfare points by brute force over the frontier match specials.json', () => {
    // Neither profile has a reservation bid, so the disagreement point is (0, 0): the import gives BATNA 0,
    // and specials.json's Nash point maximises u1·u2 (checked below). Both parties reach 1 on the front,
    // so the Kalai-Smorodinsky point (equal shares of each party's ideal gain) maximises min(u1, u2).
    const [batnaA, batnaB] = compiled.models.map((m) => m.batna.estimate);
    expect([batnaA, batnaB]).toEqual([0, 0]);
    const front = paretoFrontier(compiled, { method: 'enumerate', maxListed: 1e6 }).points;
    const ideal = [0, 1].map((p) => Math.max(...front.map((f) => f.utilities[p])));
    expect(ideal).toEqual([100, 100]);
    const argmax = (score: (u: number[]) => number) =>
      front.reduce((best, p) => (score(p.utilities) > score(best.utilities) ? p : best));
    const nash = argmax((u) => (u[0] - batnaA) * (u[1] - batnaB));
    const kalai = argmax((u) =>
      Math.min((u[0] - batnaA) / (ideal[0] - batnaA), (u[1] - batnaB) / (ideal[1] - batnaB)),
    );
    const welfare = argmax((u) => u[0] + u[1]);
    for (const [found, expected] of [
      [nash, specials.nash],
      [kalai, specials.kalai],
      [welfare, specials.social_welfare],
    ] as const) {
      expect(bidOf(found.outcome)).toEqual(expected.bid);
      expect(Math.abs(found.utilities[0] / 100 - expected.utility[0])).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(found.utilities[1] / 100 - expected.utility[1])).toBeLessThanOrEqual(1e-9);
    }
    // Each maximiser is unique on the front, so the comparison does not hinge on tie-breaking.
    for (const [point, score] of [
      [nash, (u: number[]) => u[0] * u[1]],
      [kalai, (u: number[]) => Math.min(u[0], u[1])],
    ] as const) {
      expect(front.filter((p) => score(p.utilities) === score(point.utilities))).toHaveLength(1);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Energy (390,625 outcomes): frontier size and extreme points against a brute force over every outcome
// ---------------------------------------------------------------------------------------------------------

const energyDir = folder('Energy');

describe.skipIf(!present(energyDir))(title('Energy from the importer against brute force', energyDir), () => {
  it('frontier size and both extreme points equal a brute force over all outcomes (utilityOf)', () => {
    const { compiled, fns } = load(energyDir as string);
    const n = compiled.space.size;
    expect(n).toBe(390_625);
    // Brute force: per exact value of u0, the largest u1 and how many outcomes reach the pair; walking the
    // u0 values down, a pair is Pareto-optimal when its u1 beats every pair with a larger u0. Utilities are
    // compared as integers in units of 1e-9 (Energy's exact values have fewer decimals), so values equal up to
    // the last bit are ties, as in the frontier (robust dominance).
    const units = (u: number) => Math.round(u * 1e9);
    const best = new Map<number, { u1: number; count: number; first: number }>();
    const outcome = new Int32Array(compiled.space.radix.length);
    let maxU0 = { u0: Number.NEGATIVE_INFINITY, u1: Number.NEGATIVE_INFINITY, outcomes: [] as number[] };
    let maxU1 = { u0: Number.NEGATIVE_INFINITY, u1: Number.NEGATIVE_INFINITY, outcomes: [] as number[] };
    for (let j = 0; j < n; j++) {
      decodeOutcome(compiled.space, j, outcome);
      const u0 = units(utilityOf(fns[0], outcome));
      const u1 = units(utilityOf(fns[1], outcome));
      const b = best.get(u0);
      if (!b || u1 > b.u1) best.set(u0, { u1, count: 1, first: j });
      else if (u1 === b.u1) b.count++;
      // Extreme points: largest u0, then largest u1; largest u1, then largest u0 (all tied outcomes).
      if (u0 > maxU0.u0 || (u0 === maxU0.u0 && u1 > maxU0.u1)) maxU0 = { u0, u1, outcomes: [j] };
      else if (u0 === maxU0.u0 && u1 === maxU0.u1) maxU0.outcomes.push(j);
      if (u1 > maxU1.u1 || (u1 === maxU1.u1 && u0 > maxU1.u0)) maxU1 = { u0, u1, outcomes: [j] };
      else if (u0 === maxU1.u0 && u1 === maxU1.u1) maxU1.outcomes.push(j);
    }
    let size = 0;
    let vectors = 0;
    let above = Number.NEGATIVE_INFINITY;
    for (const u0 of [...best.keys()].sort((a, b) => b - a)) {
      const b = best.get(u0) as { u1: number; count: number };
      if (b.u1 > above) {
        size += b.count;
        vectors++;
        above = b.u1;
      }
    }
    for (const method of ['auto', 'enumerate'] as const) {
      const f = paretoFrontier(compiled, { method, maxListed: 1e6 });
      expect(f.size).toBe(size);
      expect(f.distinctVectors).toBe(vectors);
      const first = f.points[0];
      const last = f.points[f.points.length - 1];
      expect(first.utilities.map(units)).toEqual([maxU0.u0, maxU0.u1]);
      expect(last.utilities.map(units)).toEqual([maxU1.u0, maxU1.u1]);
      const at = (u: number[]) =>
        f.points.filter(
          (p) => units(p.utilities[0]) === units(u[0]) && units(p.utilities[1]) === units(u[1]),
        );
      expect(at(first.utilities).map((p) => p.index)).toEqual(maxU0.outcomes);
      expect(at(last.utilities).map((p) => p.index)).toEqual(maxU1.outcomes);
    }
    console.log(
      `[oracles] Energy: ${size} Pareto-optimal outcomes (${vectors} vectors); extremes ` +
        `(${(maxU0.u0 / 1e9).toFixed(3)}, ${(maxU0.u1 / 1e9).toFixed(3)}) and (${(maxU1.u0 / 1e9).toFixed(3)}, ${(maxU1.u1 / 1e9).toFixed(3)})`,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// KillerRobot, 5 parties: the divide-and-conquer skyline against the O(n²) definition on a sub-space
// ---------------------------------------------------------------------------------------------------------

const robotDir = folder('KillerRobot-5profiles');

describe.skipIf(!present(robotDir))(title('KillerRobot, 5 parties, on a seeded sub-space', robotDir), () => {
  it('the Kung-Luccio-Preparata frontier equals an O(n²) check on 20,160 outcomes', () => {
    const { compiled, fns } = load(robotDir as string);
    expect(fns).toHaveLength(5);
    expect(Array.from(compiled.space.radix)).toEqual([3, 4, 10, 5, 8, 50]);
    // A seeded choice of options per issue: 3·4·6·4·5·14 = 20,160 outcomes.
    const rng = createRng('killer-robot-subspace');
    const keep = [3, 4, 6, 4, 5, 14];
    const sub: Subspace = {
      allowed: keep.map((count, i) => {
        const options = Array.from({ length: compiled.space.radix[i] }, (_, k) => k);
        for (let k = options.length - 1; k > 0; k--) {
          const r = rng.int(k + 1);
          [options[k], options[r]] = [options[r], options[k]];
        }
        return Int32Array.from(options.slice(0, count)).sort();
      }),
    };
    const table = enumerateUtilities(fns, compiled.space, { subspace: sub });
    const m = table.size;
    expect(m).toBe(20_160);

    // The definition, on utilities from utilityOf (not from the table): p is Pareto-optimal when no outcome
    // is >= in all 5 utilities and > in one. Candidates are scanned by decreasing sum, which finds a
    // dominator early; the scan order does not change the answer.
    const d = fns.length;
    const flat = new Float64Array(m * d);
    let differing = 0;
    for (let j = 0; j < m; j++) {
      const outcome = outcomeAt(table, j);
      for (let k = 0; k < d; k++) {
        flat[j * d + k] = utilityOf(fns[k], outcome);
        if (flat[j * d + k] !== table.utilities[k][j]) differing++;
      }
    }
    expect(differing).toBe(0);
    const sum = (j: number) => flat.subarray(j * d, j * d + d).reduce((s, v) => s + v, 0);
    const bySum = Array.from({ length: m }, (_, j) => j).sort((a, b) => sum(b) - sum(a));
    const dominatesAt = (q: number, p: number) => {
      let greater = false;
      for (let k = 0; k < d; k++) {
        const a = flat[q * d + k];
        const b = flat[p * d + k];
        if (a < b) return false;
        if (a > b) greater = true;
      }
      return greater;
    };
    const naive: number[] = [];
    for (let p = 0; p < m; p++) {
      let dominated = false;
      for (let r = 0; r < m && !dominated; r++) dominated = dominatesAt(bySum[r], p);
      if (!dominated) naive.push(p);
    }

    const all = Int32Array.from({ length: m }, (_, j) => j);
    expect(Array.from(paretoDivideConquer(table.utilities, all))).toEqual(naive);
    expect(Array.from(skyline(table.utilities))).toEqual(naive);
    const indexOf = (outcome: Int32Array) =>
      outcome.reduce((index, k, i) => index * sub.allowed[i].length + sub.allowed[i].indexOf(k), 0);
    for (const method of ['enumerate', 'auto'] as const) {
      const f = paretoFrontier(compiled, { subspace: sub, method, maxListed: 1e6 });
      expect(f.parties).toHaveLength(5);
      expect(f.points.map((p) => indexOf(p.outcome)).sort((a, b) => a - b)).toEqual(naive);
    }
    console.log(`[oracles] KillerRobot 5 parties: ${naive.length} Pareto-optimal of ${m} sub-space outcomes`);
  });
});
