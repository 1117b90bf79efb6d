import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';

/**
 * Independent evaluators of the ORIGINAL files, for the tests only: each computes a bid's utility the way
 * GENIUS 10.4, GeniusWeb or NegMAS define it, straight from the parsed file, without the importer's code.
 * A bid is one value per domain issue (the value's text for discrete issues, a number for numeric ones).
 * `utility` is NaN where the original software cannot evaluate the bid (it would throw).
 */
export type BidValue = string | number;

export interface OriginalIssue {
  name: string;
  /** Discrete values in file order; undefined for integer/real/number issues. */
  values?: string[];
}

export interface OriginalProfile {
  /** The profile file name without extension (the imported party's name). */
  name: string;
  utility(bid: BidValue[]): number;
  /** GENIUS: the sum before the cap at 1 (equal to utility elsewhere). */
  uncapped(bid: BidValue[]): number;
  /** Reservation utility on 0..1 (NaN when the format gives none that is a number). */
  reservation: number;
}

export interface Original {
  issues: OriginalIssue[];
  profiles: OriginalProfile[];
}

type Node = Record<string, unknown>;
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_n, _p, _l, isAttr) => !isAttr,
});
const els = (node: Node | undefined, tag: string): Node[] => {
  const v = node?.[tag];
  return Array.isArray(v) ? v.map((e) => (typeof e === 'object' && e !== null ? (e as Node) : {})) : [];
};
const at = (node: Node | undefined, name: string): string | undefined => {
  const v = node?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
};
const stem = (file: string) => basename(file).replace(/\.[^.]+$/, '');
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

// ---------------------------------------------------------------- GENIUS

function geniusIssueElements(objective: Node): Node[] {
  return [...els(objective, 'issue'), ...els(objective, 'objective').flatMap(geniusIssueElements)];
}

function geniusTypeOf(t: string | undefined): 'discrete' | 'integer' | 'real' {
  const s = (t ?? '').toLowerCase();
  return s === 'integer' ? 'integer' : s === 'real' ? 'real' : 'discrete';
}

function geniusAdditive(root: Node, indexPos: Map<number, number>): (bid: BidValue[]) => number {
  const terms: Array<(bid: BidValue[]) => number> = [];
  const covered = new Set<number>();
  const walk = (level: Node) => {
    const weights = new Map(
      els(level, 'weight').map((w) => [Number(at(w, 'index')), Number(at(w, 'value'))]),
    );
    for (const issue of els(level, 'issue')) {
      const index = Number(at(issue, 'index'));
      const w = weights.get(index);
      if (w === undefined) continue;
      covered.add(index);
      const pos = indexPos.get(index) as number;
      const kind = geniusTypeOf(at(issue, 'type'));
      if (kind === 'discrete') {
        const table = new Map<string, number>();
        for (const item of els(issue, 'item')) {
          const ev = at(item, 'evaluation');
          if (ev !== undefined && ev !== 'null') table.set(at(item, 'value') ?? '', Number(ev));
        }
        const max = table.size ? Math.max(...table.values()) : Number.NaN;
        terms.push((bid) => {
          const e = table.get(String(bid[pos]));
          if (e === undefined) return Number.NaN;
          return max < 0.00001 ? 0 : (w * e) / max;
        });
      } else if (kind === 'integer') {
        const lb = Number(at(issue, 'lowerbound'));
        const ev = els(issue, 'evaluator')[0];
        const slope = Number(at(ev, 'slope') ?? 0);
        const offset = Number(at(ev, 'offset') ?? 0);
        terms.push((bid) => w * clamp01(slope * (Number(bid[pos]) - lb) + offset));
      } else {
        const ev = els(issue, 'evaluator')[0];
        const ftype = at(ev, 'ftype');
        const p0 = Number(at(ev, 'parameter0'));
        const p1 = Number(at(ev, 'parameter1'));
        terms.push((bid) =>
          ftype === 'linear'
            ? w * clamp01(p1 * Number(bid[pos]) + p0)
            : ftype === 'constant'
              ? w * p0
              : Number.NaN,
        );
      }
    }
    els(level, 'objective').forEach(walk);
  };
  walk(root);
  const complete = [...indexPos.keys()].every((i) => covered.has(i));
  return (bid) => (complete ? terms.reduce((s, t) => s + t(bid), 0) : Number.NaN);
}

function geniusNonlinear(
  root: Node,
  indexPos: Map<number, number>,
): { sum: (bid: BidValue[]) => number; max: number } {
  const utility = els(els(root, 'objective')[0], 'utility')[0];
  const max = Number(at(utility, 'maxutility'));
  const ufun = (node: Node, bid: BidValue[]): number => {
    let total = 0;
    for (const r of els(node, 'hyperRectangle')) {
      const inc = els(r, 'INCLUDES');
      const exc = els(r, 'EXCLUDES');
      const bounds = exc.length ? exc : inc;
      const inside = bounds.every((b) => {
        const x = Number(bid[indexPos.get(Number(at(b, 'index'))) as number]);
        return Number(at(b, 'min')) <= x && x <= Number(at(b, 'max'));
      });
      const value = Number(at(r, 'utility')) * Number(at(r, 'weight') ?? 1);
      if (bounds.length === 0 || (exc.length ? !inside : inside)) total += value;
    }
    for (const nested of els(node, 'ufun')) total += ufun(nested, bid) * Number(at(nested, 'weight') ?? 1);
    return total;
  };
  const top = els(utility, 'ufun')[0];
  return { sum: (bid) => ufun(top, bid), max };
}

/** ConstraintUtilitySpace, re-read from the Java semantics: text tests on the bid's values. */
function geniusConstraint(root: Node, indexPos: Map<number, number>): (bid: BidValue[]) => number {
  const rules = els(els(root, 'objective')[0], 'rules')[0];
  const ranks = els(els(rules, 'ranks')[0], 'issue').map((issue) => {
    const table = new Map<string | undefined, number>();
    let maxRank = 0;
    for (const item of els(issue, 'item')) {
      const rank = Number(at(item, 'rank'));
      table.set(at(item, 'value'), rank);
      maxRank = Math.max(maxRank, rank);
    }
    return { index: Number(at(issue, 'index')), table, maxRank };
  });
  const value = (bid: BidValue[], index: number) => String(bid[indexPos.get(index) as number]);
  const int = (bid: BidValue[], index: number) => {
    const s = value(bid, index);
    if (!/^[+-]?\d+$/.test(s)) throw new Error(`not an integer: ${s}`);
    return Number(s);
  };
  const constraints = els(els(rules, 'constraints')[0], 'constraint');
  const zeroOutcome: Array<(bid: BidValue[]) => boolean> = [];
  const perIssue = new Map<number, Array<(bid: BidValue[]) => boolean>>();
  const checks = (c: Node, tag: string, attrName: string) => {
    const m = new Map<number, string>();
    for (const a of els(c, tag)) m.set(Number(at(a, 'index')), at(a, attrName) ?? '');
    return [...m].sort((a, b) => a[0] - b[0]);
  };
  const sum = (c: Node, bid: BidValue[]) =>
    els(c, 'item').reduce((s, it) => s + int(bid, Number(at(it, 'index'))), 0);
  for (const c of constraints) {
    const type = at(c, 'type');
    const index = Number(at(c, 'index'));
    const target = at(c, 'value') ?? '';
    const min = Number(at(c, 'min'));
    const max = Number(at(c, 'max'));
    const add = (f: (bid: BidValue[]) => boolean) => perIssue.set(index, [...(perIssue.get(index) ?? []), f]);
    if (type === 'inclusiveZeroOutcomeConstraint') {
      const list = checks(c, 'checkassignment', 'condition');
      zeroOutcome.push((bid) =>
        list.every(([i, cond]) => {
          if (cond.includes('numeric')) {
            if (cond.includes('positive') && int(bid, i) < 0) return false;
            if (cond.includes('negative') && int(bid, i) > 0) return false;
            return true;
          }
          return value(bid, i).includes(cond);
        }),
      );
    } else if (type === 'conditionalZeroOutcomeConstraint') {
      const [[i0, c0], [i1, c1]] = checks(c, 'checkassignment', 'condition');
      zeroOutcome.push((bid) => {
        if (c0 === 'numeric=positive' && int(bid, i0) > 0) return !value(bid, i1).includes(c1);
        if (c0 === 'numeric=negative' && int(bid, i0) < 0) return !value(bid, i1).includes(c1);
        return false;
      });
    } else if (type === 'zeroConstraint') {
      const list = checks(c, 'valueassignment', 'value');
      add((bid) => list.every(([i, v]) => value(bid, i) === v));
    } else if (type === 'conditionalZeroConstraint') {
      const list = checks(c, 'valueassignment', 'value');
      add((bid) => list.every(([i, v]) => value(bid, i) === v) && !value(bid, index).includes(target));
    } else if (type === 'sumZeroConstraint') {
      add((bid) => min <= sum(c, bid) && sum(c, bid) <= max && value(bid, index).includes(target));
    } else if (type === 'sumZeroNotConstraint') {
      add((bid) => min <= sum(c, bid) && sum(c, bid) <= max && !value(bid, index).includes(target));
    } else if (type === 'sumZeroConstraintList') {
      const conds = els(c, 'condition').map((x) => at(x, 'value') ?? '');
      add(
        (bid) => min <= sum(c, bid) && sum(c, bid) <= max && conds.some((x) => value(bid, index).includes(x)),
      );
    }
  }
  return (bid) => {
    if (zeroOutcome.some((f) => f(bid))) return 0;
    let u = 0;
    for (const r of ranks) {
      if ((perIssue.get(r.index) ?? []).some((f) => f(bid))) continue;
      const rank = r.table.get(value(bid, r.index));
      if (rank === undefined) return Number.NaN;
      u += rank / r.maxRank;
    }
    return u / ranks.length;
  };
}

export function originalGenius(domainFile: string, profileFiles: string[]): Original {
  const domainRoot = els(xml.parse(readFileSync(domainFile, 'utf8')) as Node, 'negotiation_template')[0];
  const issueEls = geniusIssueElements(els(els(domainRoot, 'utility_space')[0], 'objective')[0]);
  const indexPos = new Map(issueEls.map((e, pos) => [Number(at(e, 'index')), pos]));
  const issues = issueEls.map((e): OriginalIssue => {
    const kind = geniusTypeOf(at(e, 'type') ?? at(e, 'vtype') ?? at(e, 'etype'));
    return {
      name: at(e, 'name') ?? '',
      values: kind === 'discrete' ? els(e, 'item').map((i) => at(i, 'value') ?? '') : undefined,
    };
  });
  const profiles = profileFiles.map((file): OriginalProfile => {
    const root = els(xml.parse(readFileSync(file, 'utf8')) as Node, 'utility_space')[0];
    const type = (at(root, 'type') ?? 'linear').toLowerCase();
    const reservation = Number(at(els(root, 'reservation')[0], 'value') ?? 0);
    if (type === 'nonlinear') {
      const { sum, max } = geniusNonlinear(root, indexPos);
      return {
        name: stem(file),
        reservation,
        uncapped: (b) => sum(b) / max,
        utility: (b) => Math.min(1, sum(b) / max),
      };
    }
    if (type === 'constraint') {
      const u = geniusConstraint(root, indexPos);
      return { name: stem(file), reservation, uncapped: u, utility: u };
    }
    const sum = geniusAdditive(root, indexPos);
    return { name: stem(file), reservation, uncapped: sum, utility: (b) => Math.min(1, sum(b)) };
  });
  return { issues, profiles };
}

// ---------------------------------------------------------------- GeniusWeb

export function originalGeniusWeb(domainFile: string | undefined, profileFiles: string[]): Original {
  const spaces = profileFiles.map(
    (f) => (JSON.parse(readFileSync(f, 'utf8')) as Node).LinearAdditiveUtilitySpace as Node,
  );
  const domain = (domainFile ? JSON.parse(readFileSync(domainFile, 'utf8')) : spaces[0].domain) as Node;
  const issuesValues = domain.issuesValues as Record<string, Node>;
  const names = Object.keys(issuesValues);
  const issues = names.map((name): OriginalIssue => {
    const set = issuesValues[name];
    return { name, values: Array.isArray(set.values) ? (set.values as unknown[]).map(String) : undefined };
  });
  const profiles = spaces.map((space, k): OriginalProfile => {
    const weights = space.issueWeights as Record<string, number>;
    const utils = space.issueUtilities as Record<string, Node>;
    const fns = names.map((name) => {
      const u = utils[name];
      const d = (u.discreteutils ?? u.DiscreteValueSetUtilities) as Node | undefined;
      if (d) {
        const table = d.valueUtilities as Record<string, number>;
        return (v: BidValue) => table[String(v)] ?? 0;
      }
      const n = (u.numberutils ?? u.NumberValueSetUtilities) as Record<string, number>;
      return (v: BidValue) => {
        const x = Number(v);
        if (x < n.lowValue || x > n.highValue) return 0;
        return (
          n.lowUtility + ((n.highUtility - n.lowUtility) * (x - n.lowValue)) / (n.highValue - n.lowValue)
        );
      };
    });
    const utility = (bid: BidValue[]) => names.reduce((s, name, i) => s + weights[name] * fns[i](bid[i]), 0);
    const res = (space.reservationBid as Node | undefined)?.issuevalues as
      | Record<string, BidValue>
      | undefined;
    const reservation = res
      ? names.reduce((s, name, i) => s + (name in res ? weights[name] * fns[i](res[name]) : 0), 0)
      : 0;
    return { name: stem(profileFiles[k]), utility, uncapped: utility, reservation };
  });
  return { issues, profiles };
}

// ---------------------------------------------------------------- NegMAS

export function originalNegmas(domainFile: string, profileFiles: string[]): Original {
  const domain = parseYaml(readFileSync(domainFile, 'utf8')) as Node;
  const issueNodes = domain.issues as Node[];
  const issues = issueNodes.map(
    (n): OriginalIssue => ({
      name: String(n.name),
      values:
        n.type === 'ContiguousIssue' || n.type === 'ContinuousIssue'
          ? undefined
          : (n.values as unknown[]).map(String),
    }),
  );
  const profiles = profileFiles.map((file): OriginalProfile => {
    const ufun = parseYaml(readFileSync(file, 'utf8')) as Node;
    const weights = ufun.weights as number[];
    const fns = (ufun.values as Node[]).map((f) => {
      if (f.type === 'TableFun') {
        const m = (f.mapping ?? f.d) as Record<string, number>;
        return (v: BidValue) => (String(v) in m ? m[String(v)] : Number.NaN);
      }
      if (f.type === 'AffineFun') return (v: BidValue) => Number(f.slope) * Number(v) + Number(f.bias ?? 0);
      if (f.type === 'LinearFun') return (v: BidValue) => Number(f.slope) * Number(v);
      if (f.type === 'IdentityFun') return (v: BidValue) => Number(v);
      return () => Number(f.bias);
    });
    const utility = (bid: BidValue[]) =>
      weights.reduce((s, w, i) => s + w * fns[i](bid[i]), 0) + Number(ufun.bias ?? 0);
    const r = ufun.reserved_value;
    return {
      name: stem(file),
      utility,
      uncapped: utility,
      reservation: typeof r === 'number' && Number.isFinite(r) ? r : Number.NaN,
    };
  });
  return { issues, profiles };
}
