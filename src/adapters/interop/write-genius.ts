import type { Rule, Scenario } from '../../schema/scenario.js';
import { type Box, maximiseBoxSum } from './box-sum-maximum.js';
import {
  type ExportIssue,
  type ExportModel,
  type ExportParty,
  exportModel,
  fileStems,
} from './export-model.js';
import { type ExportedFile, type ExportResult, type InteropReport, newReport } from './interop-report.js';
import { exactNumber, xmlAttr } from './xml-text.js';

/**
 * A Parley scenario as a GENIUS domain and one profile per party with preferences.
 *
 *  - Option issues and numeric issues that are not consecutive integers become discrete issues (a numeric
 *    grid value is written as its text); consecutive-integer grids become integer issues.
 *  - Linear profiles: GENIUS divides a discrete evaluation by the issue's largest one, so evaluations are
 *    written as value / max and weights as (normalised weight) * max / 100; GENIUS then computes exactly
 *    Parley's additive utility / 100 (the weights may sum to less than 1: GENIUS uses them as written).
 *    Integer issues get a linear evaluator when the values are clamped-linear in the issue, as GENIUS's are.
 *  - Parties with adjustments (or value functions a GENIUS integer evaluator cannot draw) become ANAC 2014
 *    nonlinear profiles when every term fits a box on integer issues: each adjustment whose condition is a
 *    conjunction of ranges (or its negation) is a hyperRectangle with INCLUDES (or EXCLUDES), the additive
 *    part is one box per issue value, and maxutility is 100, so utility = (sum of boxes) / 100. GENIUS caps
 *    that at 1, which is checked and reported.
 *  - Red lines, adjustments that fit no box, and time-dependent BATNAs are reported as losses; BATNA / 100
 *    is the reservation value.
 */

interface Bounds {
  issue: number;
  lo: number;
  hi: number;
}

/** A rule as a GENIUS box: INCLUDES bounds (inside) or EXCLUDES bounds (outside); null = never holds. */
type BoxRule = { exclusive: boolean; bounds: Bounds[] } | null;

function ruleAsBox(rule: Rule, issues: ExportIssue[], integer: boolean[]): BoxRule | undefined {
  if ('not' in rule) {
    const inner = ruleAsBox(rule.not, issues, integer);
    if (inner === undefined) return undefined;
    if (inner === null) return { exclusive: false, bounds: [] };
    if (inner.bounds.length === 0) return inner.exclusive ? { exclusive: false, bounds: [] } : null;
    return { exclusive: !inner.exclusive, bounds: inner.bounds };
  }
  if ('any' in rule) return rule.any.length === 1 ? ruleAsBox(rule.any[0], issues, integer) : undefined;
  if ('all' in rule) {
    const merged = new Map<number, Bounds>();
    for (const part of rule.all) {
      const box = ruleAsBox(part, issues, integer);
      if (box === undefined || box?.exclusive) return undefined;
      if (box === null) return null;
      for (const b of box.bounds) {
        const seen = merged.get(b.issue);
        const next = seen ? { issue: b.issue, lo: Math.max(seen.lo, b.lo), hi: Math.min(seen.hi, b.hi) } : b;
        if (next.lo > next.hi) return null;
        merged.set(b.issue, next);
      }
    }
    return { exclusive: false, bounds: [...merged.values()] };
  }
  const i = issues.findIndex((x) => x.id === rule.issue);
  if (i < 0 || !integer[i]) return undefined;
  const grid = issues[i].grid;
  let allowed: number[];
  if ('in' in rule) allowed = grid.filter((x) => rule.in.some((r) => Number(r) === x));
  else if ('notIn' in rule) allowed = grid.filter((x) => !rule.notIn.some((r) => Number(r) === x));
  else {
    const lo = rule.atLeast ?? Number.NEGATIVE_INFINITY;
    const hi = rule.atMost ?? Number.POSITIVE_INFINITY;
    allowed = grid.filter((x) => x >= lo && x <= hi);
  }
  if (allowed.length === 0) return null;
  const lo = allowed[0];
  const hi = allowed[allowed.length - 1];
  if (hi - lo + 1 !== allowed.length) return undefined;
  return { exclusive: false, bounds: [{ issue: i, lo, hi }] };
}

/** slope and offset (at the lowest grid value) with clamp(slope * (x - min) + offset, 0, 1) = u on the grid. */
export function clampedLinear(grid: number[], u: number[]): { slope: number; offset: number } | undefined {
  const fits = (slope: number, offset: number) =>
    grid.every((x, k) => {
      const raw = slope * (x - grid[0]) + offset;
      const clamped = Math.min(1, Math.max(0, raw));
      return Math.abs(clamped - u[k]) <= 1e-12;
    });
  if (u.some((v) => v < -1e-12 || v > 1 + 1e-12)) return undefined;
  if (u.every((v) => v === u[0])) return fits(0, u[0]) ? { slope: 0, offset: u[0] } : undefined;
  const candidates: number[] = [];
  const inside = (v: number) => v > 1e-12 && v < 1 - 1e-12;
  for (let k = 0; k + 1 < grid.length && candidates.length < 8; k++) {
    if (u[k] === u[k + 1]) continue;
    if (inside(u[k]) || inside(u[k + 1]) || candidates.length === 0) candidates.push(k);
  }
  for (const k of candidates) {
    const slope = (u[k + 1] - u[k]) / (grid[k + 1] - grid[k]);
    const offset = u[k] - slope * (grid[k] - grid[0]);
    if (fits(slope, offset)) return { slope, offset };
  }
  return undefined;
}

interface PartyPlan {
  party: ExportParty;
  mode: 'linear' | 'nonlinear';
  boxes: Array<{ rule: BoxRule; delta: number; label: string }>;
}

function fitsIntegerEvaluator(party: ExportParty, i: number, issue: ExportIssue): boolean {
  if (party.weights[i] === 0) return true;
  const values = party.values[i];
  const max = Math.max(...values);
  if (max <= 0) return values.every((v) => v === 0);
  return (
    clampedLinear(
      issue.grid,
      values.map((v) => v / max),
    ) !== undefined
  );
}

/** Adjustments as boxes, or undefined when one of them fits no box on the current integer issues. */
function adjustmentBoxes(
  party: ExportParty,
  issues: ExportIssue[],
  integer: boolean[],
): PartyPlan['boxes'] | undefined {
  const boxes: PartyPlan['boxes'] = [];
  for (const a of party.adjustments) {
    const rule = ruleAsBox(a.when, issues, integer);
    if (rule === undefined) return undefined;
    const delta = typeof a.delta === 'number' ? a.delta : a.delta.estimate;
    boxes.push({ rule, delta, label: a.id });
  }
  return boxes;
}

function canBeBoxes(party: ExportParty, issues: ExportIssue[], integer: boolean[]): boolean {
  const weightedOk = issues.every((_, i) => party.weights[i] === 0 || integer[i]);
  return weightedOk && adjustmentBoxes(party, issues, integer) !== undefined;
}

function plan(model: ExportModel, report: InteropReport): { integer: boolean[]; plans: PartyPlan[] } {
  const integer = model.issues.map((issue) => issue.kind === 'numeric' && issue.integerGrid);
  // An integer issue stays integer only if every party can use it: through a linear integer evaluator, or
  // because the party is written as boxes anyway. Demoting an issue can stop a party fitting boxes, so repeat.
  for (let changed = true; changed; ) {
    changed = false;
    model.issues.forEach((issue, i) => {
      if (!integer[i]) return;
      const blocked = model.parties.some(
        (p) => !fitsIntegerEvaluator(p, i, issue) && !canBeBoxes(p, model.issues, integer),
      );
      if (blocked) {
        integer[i] = false;
        changed = true;
      }
    });
  }
  const plans = model.parties.map((party): PartyPlan => {
    const needsBoxes =
      party.adjustments.length > 0 ||
      model.issues.some((issue, i) => integer[i] && !fitsIntegerEvaluator(party, i, issue));
    const boxes = needsBoxes ? adjustmentBoxes(party, model.issues, integer) : undefined;
    if (needsBoxes && boxes && canBeBoxes(party, model.issues, integer))
      return { party, mode: 'nonlinear', boxes };
    if (party.adjustments.length > 0) {
      report.losses.push(
        `${party.id}: ${party.adjustments.length} adjustment(s) dropped (a GENIUS linear profile has none; a nonlinear one needs every term to be a box of ranges on integer issues)`,
      );
    }
    return { party, mode: 'linear', boxes: [] };
  });
  model.issues.forEach((issue, i) => {
    if (issue.kind === 'numeric' && !integer[i]) {
      report.notes.push(
        `issue '${issue.name}' is written as a discrete GENIUS issue whose values are its grid points as text (${issue.integerGrid ? 'a party value function is not one a GENIUS integer evaluator can draw' : 'GENIUS integer issues need consecutive integers'})`,
      );
    }
  });
  return { integer, plans };
}

function issueHeader(issue: ExportIssue, i: number, integer: boolean): string {
  const name = xmlAttr(issue.name);
  if (integer) {
    return `<issue index="${i + 1}" name="${name}" type="integer" etype="integer" vtype="integer" lowerbound="${issue.grid[0]}" upperbound="${issue.grid[issue.grid.length - 1]}"`;
  }
  return `<issue index="${i + 1}" name="${name}" type="discrete" etype="discrete" vtype="discrete"`;
}

function domainXml(model: ExportModel, integer: boolean[]): string {
  const lines = [
    '<negotiation_template>',
    `<utility_space number_of_issues="${model.issues.length}">`,
    `<objective index="0" description="" name="${xmlAttr(model.title)}" type="objective" etype="objective">`,
  ];
  model.issues.forEach((issue, i) => {
    if (integer[i]) {
      lines.push(`  ${issueHeader(issue, i, true)}/>`);
      return;
    }
    lines.push(`  ${issueHeader(issue, i, false)}>`);
    issue.labels.forEach((label, k) => {
      lines.push(`    <item index="${k + 1}" value="${xmlAttr(label)}"/>`);
    });
    lines.push('  </issue>');
  });
  lines.push('</objective>', '</utility_space>', '</negotiation_template>', '');
  return lines.join('\n');
}

function reservationLines(party: ExportParty): string[] {
  return [`<reservation value="${exactNumber(party.batna / 100)}"/>`, '<discount_factor value="1.0"/>'];
}

function linearProfileXml(
  model: ExportModel,
  integer: boolean[],
  party: ExportParty,
  report: InteropReport,
): string {
  const lines = [
    '<utility_space>',
    `<objective index="0" description="" name="${xmlAttr(model.title)}" type="objective" etype="objective">`,
  ];
  const weights: number[] = [];
  model.issues.forEach((issue, i) => {
    const values = party.values[i];
    const max = Math.max(...values);
    const silent = party.weights[i] === 0 || values.every((v) => v === 0);
    if (!silent && max <= 0) {
      report.losses.push(
        `${party.id}: issue '${issue.name}' has no positive value; GENIUS normalises by the largest evaluation and cannot express it, so it is written with weight 0`,
      );
    }
    const usable = !silent && max > 0;
    weights.push(usable ? (party.weights[i] * max) / 100 : 0);
    if (integer[i]) {
      const fit = usable
        ? clampedLinear(
            issue.grid,
            values.map((v) => v / max),
          )
        : undefined;
      lines.push(`  ${issueHeader(issue, i, true)}>`);
      lines.push(
        `    <evaluator ftype="linear" slope="${exactNumber(fit?.slope ?? 0)}" offset="${exactNumber(fit?.offset ?? 0)}"/>`,
      );
      lines.push('  </issue>');
      return;
    }
    lines.push(`  ${issueHeader(issue, i, false)}>`);
    issue.labels.forEach((label, k) => {
      const evaluation = usable ? values[k] / max : 0;
      lines.push(
        `    <item index="${k + 1}" value="${xmlAttr(label)}" evaluation="${exactNumber(evaluation)}"/>`,
      );
    });
    lines.push('  </issue>');
  });
  const best = model.issues.reduce((sum, _, i) => sum + party.weights[i] * Math.max(...party.values[i]), 0);
  if (best > 100 + 1e-9) {
    report.losses.push(
      `${party.id}: the best outcomes reach ${best.toPrecision(10)} > 100; GENIUS caps utility at 1`,
    );
  }
  weights.forEach((w, i) => {
    lines.push(`  <weight index="${i + 1}" value="${exactNumber(w)}"/>`);
  });
  lines.push('</objective>', ...reservationLines(party), '</utility_space>', '');
  return lines.join('\n');
}

function nonlinearProfileXml(
  model: ExportModel,
  integer: boolean[],
  plan: PartyPlan,
  report: InteropReport,
): string {
  const { party } = plan;
  const terms: Array<{ exclusive: boolean; bounds: Bounds[]; utility: number; label: string }> = [];
  model.issues.forEach((issue, i) => {
    const w = party.weights[i];
    if (w === 0) return;
    // One box per run of equal values keeps the file short.
    let start = 0;
    for (let k = 1; k <= issue.grid.length; k++) {
      if (k < issue.grid.length && party.values[i][k] === party.values[i][start]) continue;
      const utility = w * party.values[i][start];
      if (utility !== 0) {
        terms.push({
          exclusive: false,
          bounds: [{ issue: i, lo: issue.grid[start], hi: issue.grid[k - 1] }],
          utility,
          label: `value of '${issue.name}'`,
        });
      }
      start = k;
    }
  });
  for (const box of plan.boxes) {
    if (box.rule === null || box.delta === 0) continue;
    terms.push({
      exclusive: box.rule.exclusive,
      bounds: box.rule.bounds,
      utility: box.delta,
      label: box.label,
    });
  }
  const boxes: Box[] = terms.flatMap((t) =>
    t.exclusive
      ? [
          { delta: t.utility, bounds: [] },
          { delta: -t.utility, bounds: t.bounds },
        ]
      : [{ delta: t.utility, bounds: t.bounds }],
  );
  const best = maximiseBoxSum(
    model.issues.map((issue) => issue.grid),
    boxes,
  );
  if (best.max > 100 + 1e-9 || (!best.exact && best.upper > 100 + 1e-9)) {
    report.losses.push(
      `${party.id}: utilities reach ${best.exact ? '' : 'possibly '}${(best.exact ? best.max : best.upper).toPrecision(10)} > 100; GENIUS caps nonlinear utility at 1`,
    );
  }
  const lines = [
    '<utility_space type="nonlinear">',
    `<objective index="0" description="" name="${xmlAttr(model.title)}" type="objective" etype="objective">`,
  ];
  model.issues.forEach((issue, i) => {
    if (integer[i]) lines.push(`  ${issueHeader(issue, i, true)}/>`);
  });
  lines.push('  <utility maxutility="100">', '    <ufun type="PlainUfun" weight="1" aggregation="sum">');
  for (const t of terms) {
    const tag = t.exclusive ? 'EXCLUDES' : 'INCLUDES';
    lines.push(`      <hyperRectangle utility="${exactNumber(t.utility)}">`);
    for (const b of t.bounds)
      lines.push(`        <${tag} index="${b.issue + 1}" min="${b.lo}" max="${b.hi}"/>`);
    lines.push('      </hyperRectangle>');
  }
  lines.push(
    '    </ufun>',
    '  </utility>',
    '</objective>',
    ...reservationLines(party),
    '</utility_space>',
    '',
  );
  return lines.join('\n');
}

/** The GENIUS files of a scenario, in memory: `<scenario id>-domain.xml` and one `<party id>.xml` per profile. */
export function writeGenius(scenario: Scenario): ExportResult {
  const report = newReport('genius');
  const model = exportModel(scenario, report);
  const { integer, plans } = plan(model, report);
  const stems = fileStems(model);
  const files: ExportedFile[] = [];
  const write = (stem: string, text: string) => {
    files.push({ path: `${stem}.xml`, text });
  };
  write(stems.domain, domainXml(model, integer));
  plans.forEach((p, k) => {
    if (p.party.redLines.length > 0) {
      report.losses.push(
        `${p.party.id}: ${p.party.redLines.length} red line(s) dropped (GENIUS profiles have no red lines)`,
      );
    }
    const text =
      p.mode === 'nonlinear'
        ? nonlinearProfileXml(model, integer, p, report)
        : linearProfileXml(model, integer, p.party, report);
    write(stems.profiles[k], text);
  });
  report.notes.push(
    'GENIUS linear profiles: evaluation = value / (largest value of the issue), weight = normalised weight x largest value / 100, so GENIUS reproduces Parley utility / 100',
  );
  if (plans.some((p) => p.mode === 'nonlinear')) {
    report.notes.push(
      'GENIUS nonlinear profiles (maxutility 100): adjustments and per-value terms as hyperRectangles',
    );
  }
  return { files, report };
}
