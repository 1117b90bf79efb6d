import type { Rule } from '../../schema/scenario.js';
import type { GeniusIssue } from './genius-domain.js';
import { emptyPart, type GeniusProfileContext, issueByIndex, type ProfilePart } from './genius-profile.js';
import { InteropError } from './interop-error.js';
import { allOf, anyOf, type MaybeRule, optionIn, withOptionFixed } from './rule-algebra.js';
import { alwaysTrue, type ImportedIssue } from './scenario-assembly.js';
import { attr, child, children, requiredNumberAttr, type XmlElement } from './xml-tree.js';

/**
 * GENIUS constraint profiles (type="constraint", the Railway template), read as GENIUS 10.4's
 * ConstraintUtilitySpace evaluates them:
 *
 *   u(bid) = 0 if any zero-outcome constraint fires, else (1/n) * sum over the n ranked issues i that no
 *            per-issue constraint zeroes of rank_i(value) / maxrank_i.
 *
 * Parley form:
 *  - each ranked issue has weight 1 and value 100 * rank / maxrank (so each weighs 1/n);
 *  - a per-issue constraint (zeroConstraint, conditionalZeroConstraint, sumZeroConstraint,
 *    sumZeroNotConstraint, sumZeroConstraintList) becomes adjustments that subtract the issue's
 *    contribution when the constraint fires;
 *  - a zero-outcome constraint (inclusiveZeroOutcomeConstraint, conditionalZeroOutcomeConstraint) sets the
 *    whole utility to 0, GENIUS's way of saying "never acceptable": it becomes a red line crossed exactly
 *    when the constraint fires. Parley does not zero the utility of such outcomes; it excludes them.
 *
 * GENIUS compares values as text: "contains" tests are substring tests on the value names and numeric tests
 * parse the value names as integers. Those tests are evaluated here, option by option, so the rules name
 * the options that match.
 */

interface Ctx {
  context: GeniusProfileContext;
}

interface DiscreteRef {
  issue: GeniusIssue;
  imported: ImportedIssue;
  labels: string[];
}

function discrete(ctx: Ctx, index: number, where: string): DiscreteRef {
  const { issue, imported } = issueByIndex(ctx.context, index, where);
  if (issue.def.kind !== 'options') {
    throw new InteropError(
      ctx.context.file,
      `${where} refers to issue '${issue.name}', which is not discrete`,
    );
  }
  return { issue, imported, labels: issue.def.options.map((o) => o.value) };
}

function integerOf(ctx: Ctx, ref: DiscreteRef, label: string, where: string): number {
  if (!/^[+-]?\d+$/.test(label)) {
    throw new InteropError(
      ctx.context.file,
      `${where} reads value '${label}' of issue '${ref.issue.name}' as an integer, which it is not (GENIUS would fail here)`,
    );
  }
  return Number(label);
}

/** Options whose name contains `text`; a text no option contains is most likely a typo, so it is noted. */
function containing(ctx: Ctx, ref: DiscreteRef, text: string, where: string): (label: string) => boolean {
  if (!ref.labels.some((l) => l.includes(text))) {
    ctx.context.report.notes.push(
      `${ctx.context.label}: ${where} tests for '${text}', which no value of issue '${ref.issue.name}' contains (GENIUS compares text, so the test never matches)`,
    );
  }
  return (label) => label.includes(text);
}

function optionsWhere(ref: DiscreteRef, test: (label: string) => boolean): MaybeRule {
  const chosen = ref.imported.optionIds.filter((_, k) => test(ref.labels[k]));
  return optionIn(ref.imported.id, chosen, ref.imported.optionIds);
}

/** "The related issues' integer values sum to a number in [lo, hi]" as a rule over their options. */
function sumWithin(ctx: Ctx, refs: DiscreteRef[], lo: number, hi: number, where: string): MaybeRule {
  if (refs.length === 0) return lo <= 0 && 0 <= hi;
  const [first, ...rest] = refs;
  const byRule = new Map<string, { rule: MaybeRule; options: string[] }>();
  first.labels.forEach((label, k) => {
    const a = integerOf(ctx, first, label, where);
    const rule = sumWithin(ctx, rest, lo - a, hi - a, where);
    const key = JSON.stringify(rule);
    const entry = byRule.get(key) ?? { rule, options: [] };
    entry.options.push(first.imported.optionIds[k]);
    byRule.set(key, entry);
  });
  return anyOf(
    [...byRule.values()].map(({ rule, options }) =>
      allOf([optionIn(first.imported.id, options, first.imported.optionIds), rule]),
    ),
  );
}

function valueAssignments(ctx: Ctx, element: XmlElement, where: string): MaybeRule {
  // GENIUS keeps these in a map by issue index, so a later assignment to the same issue replaces an earlier one.
  const byIssue = new Map<number, string>();
  for (const a of children(element, 'valueassignment')) {
    byIssue.set(requiredNumberAttr(ctx.context.file, a, 'index', where), attr(a, 'value') ?? '');
  }
  return allOf(
    [...byIssue].map(([index, value]) =>
      optionsWhere(discrete(ctx, index, where), (label) => label === value),
    ),
  );
}

function relatedSum(ctx: Ctx, element: XmlElement, where: string): MaybeRule {
  const refs = children(element, 'item').map((item) =>
    discrete(ctx, requiredNumberAttr(ctx.context.file, item, 'index', where), where),
  );
  const lo = requiredNumberAttr(ctx.context.file, element, 'min', where);
  const hi = requiredNumberAttr(ctx.context.file, element, 'max', where);
  return sumWithin(ctx, refs, lo, hi, where);
}

/** When a per-issue constraint zeroes its issue's contribution, and which issue that is. */
function issueConstraint(
  ctx: Ctx,
  element: XmlElement,
  type: string,
  where: string,
): { index: number; when: MaybeRule } {
  const index = requiredNumberAttr(ctx.context.file, element, 'index', where);
  const target = discrete(ctx, index, where);
  const value = attr(element, 'value') ?? '';
  switch (type) {
    case 'zeroConstraint':
      return { index, when: valueAssignments(ctx, element, where) };
    case 'conditionalZeroConstraint': {
      const contains = containing(ctx, target, value, where);
      return {
        index,
        when: allOf([valueAssignments(ctx, element, where), optionsWhere(target, (l) => !contains(l))]),
      };
    }
    case 'sumZeroConstraint':
      return {
        index,
        when: allOf([
          relatedSum(ctx, element, where),
          optionsWhere(target, containing(ctx, target, value, where)),
        ]),
      };
    case 'sumZeroNotConstraint': {
      const contains = containing(ctx, target, value, where);
      return {
        index,
        when: allOf([relatedSum(ctx, element, where), optionsWhere(target, (l) => !contains(l))]),
      };
    }
    default: {
      const tests = children(element, 'condition').map((c) =>
        containing(ctx, target, attr(c, 'value') ?? '', where),
      );
      return {
        index,
        when: allOf([relatedSum(ctx, element, where), optionsWhere(target, (l) => tests.some((t) => t(l)))]),
      };
    }
  }
}

function checkAssignments(ctx: Ctx, element: XmlElement, where: string): Array<[number, string]> {
  const byIssue = new Map<number, string>();
  for (const a of children(element, 'checkassignment')) {
    byIssue.set(requiredNumberAttr(ctx.context.file, a, 'index', where), attr(a, 'condition') ?? '');
  }
  // A Java HashMap of small integer keys iterates in ascending key order; GENIUS relies on that order.
  return [...byIssue].sort((a, b) => a[0] - b[0]);
}

/** When a zero-outcome constraint fires (the whole bid then has utility 0 in GENIUS). */
function zeroOutcomeRule(ctx: Ctx, element: XmlElement, type: string, where: string): MaybeRule {
  const entries = checkAssignments(ctx, element, where);
  if (type === 'inclusiveZeroOutcomeConstraint') {
    return allOf(
      entries.map(([index, condition]) => {
        const ref = discrete(ctx, index, where);
        if (!condition.includes('numeric')) return optionsWhere(ref, containing(ctx, ref, condition, where));
        const positive = condition.includes('positive');
        const negative = condition.includes('negative');
        if (!positive && !negative) return true;
        return optionsWhere(ref, (l) => {
          const v = integerOf(ctx, ref, l, where);
          return !(positive && v < 0) && !(negative && v > 0);
        });
      }),
    );
  }
  if (entries.length !== 2) {
    throw new InteropError(
      ctx.context.file,
      `${where}: a conditionalZeroOutcomeConstraint needs exactly 2 checkassignments, found ${entries.length} (GENIUS would fail)`,
    );
  }
  const [[firstIndex, firstCondition], [secondIndex, secondCondition]] = entries;
  const first = discrete(ctx, firstIndex, where);
  const second = discrete(ctx, secondIndex, where);
  const sign = firstCondition === 'numeric=positive' ? 1 : firstCondition === 'numeric=negative' ? -1 : 0;
  if (sign === 0) return false;
  const secondContains = containing(ctx, second, secondCondition, where);
  return allOf([
    optionsWhere(first, (l) => Math.sign(integerOf(ctx, first, l, where)) === sign),
    optionsWhere(second, (l) => !secondContains(l)),
  ]);
}

const ISSUE_CONSTRAINTS = new Set([
  'zeroConstraint',
  'conditionalZeroConstraint',
  'sumZeroConstraint',
  'sumZeroNotConstraint',
  'sumZeroConstraintList',
]);
const OUTCOME_CONSTRAINTS = new Set(['inclusiveZeroOutcomeConstraint', 'conditionalZeroOutcomeConstraint']);

export function readConstraintProfile(context: GeniusProfileContext): ProfilePart {
  const ctx: Ctx = { context };
  const part = emptyPart();
  const objective = child(context.root, 'objective');
  const rules = objective && child(objective, 'rules');
  const ranks = rules && child(rules, 'ranks');
  if (!rules || !ranks) {
    throw new InteropError(context.file, 'a constraint profile needs <objective><rules><ranks>...');
  }

  const ranked = children(ranks, 'issue').map((element) => {
    const where = '<ranks> issue';
    const index = requiredNumberAttr(context.file, element, 'index', where);
    const ref = discrete(ctx, index, `${where} ${index}`);
    const rankOf = new Map<string, number>();
    let maxRank = 0;
    for (const item of children(element, 'item')) {
      const rank = requiredNumberAttr(context.file, item, 'rank', `${where} ${index} item`);
      rankOf.set(attr(item, 'value') ?? '', rank);
      maxRank = Math.max(maxRank, rank);
    }
    if (!(maxRank > 0)) throw new InteropError(context.file, `${where} ${index}: expected a positive rank`);
    return { index, ref, rankOf, maxRank };
  });
  if (new Set(ranked.map((r) => r.index)).size !== ranked.length) {
    throw new InteropError(context.file, '<ranks> lists an issue twice');
  }
  const n = ranked.length;
  for (const { ref, rankOf, maxRank } of ranked) {
    const missing = ref.labels.filter((l) => !rankOf.has(l));
    if (missing.length > 0) {
      context.report.losses.push(
        `${context.label}: issue '${ref.issue.name}' has no rank for ${missing.map((m) => `'${m}'`).join(', ')} (GENIUS cannot evaluate bids containing them); imported as 0`,
      );
    }
    part.weights[ref.imported.id] = 1;
    part.values[ref.imported.id] = Object.fromEntries(
      ref.imported.optionIds.map((id, k) => [id, (100 * (rankOf.get(ref.labels[k]) ?? 0)) / maxRank]),
    );
  }

  const constraintsElement = child(rules, 'constraints');
  if (!constraintsElement) {
    context.report.notes.push(
      `${context.label}: no <constraints> element; GENIUS 10.4 fails to load such a file, Parley imports the ranks alone`,
    );
  }
  const zeroes = new Map<number, MaybeRule[]>();
  let redLineCount = 0;
  (constraintsElement ? children(constraintsElement, 'constraint') : []).forEach((element, k) => {
    const type = attr(element, 'type') ?? '';
    const where = `constraint ${k + 1} (${type || 'no type'})`;
    if (ISSUE_CONSTRAINTS.has(type)) {
      const { index, when } = issueConstraint(ctx, element, type, where);
      if (when === false) {
        context.report.notes.push(
          `${context.label}: ${where} can never fire with this domain's values; dropped`,
        );
        return;
      }
      zeroes.set(index, [...(zeroes.get(index) ?? []), when]);
    } else if (OUTCOME_CONSTRAINTS.has(type)) {
      const when = zeroOutcomeRule(ctx, element, type, where);
      if (when === false) {
        context.report.notes.push(
          `${context.label}: ${where} can never fire with this domain's values; dropped`,
        );
        return;
      }
      redLineCount++;
      part.redLines.push({
        id: `zero-outcome-${redLineCount}`,
        description: `GENIUS ${type} (constraint ${k + 1}): GENIUS gives such bids utility 0`,
        source: `GENIUS constraint profile ${context.label}`,
        crossedWhen: when === true ? alwaysTrue(context.issues[0]) : when,
      });
    } else {
      context.report.notes.push(
        `${context.label}: ${where} is not a type GENIUS 10.4 reads; ignored, as GENIUS does`,
      );
    }
  });

  for (const { index, ref, rankOf, maxRank } of ranked) {
    const fires = anyOf(zeroes.get(index) ?? []);
    if (fires === false) continue;
    ref.imported.optionIds.forEach((optionId, k) => {
      const value = (100 * (rankOf.get(ref.labels[k]) ?? 0)) / maxRank;
      if (value === 0) return;
      const condition = withOptionFixed(fires, ref.imported.id, optionId);
      if (condition === false) return;
      const when = allOf([condition, { issue: ref.imported.id, in: [optionId] }]) as Rule;
      part.adjustments.push({
        id: `zeroed-${part.adjustments.length + 1}`,
        description: `GENIUS constraints on issue '${ref.issue.name}' zero its contribution (value '${ref.labels[k]}')`,
        when,
        delta: -value / n,
      });
    });
  }
  part.notes.push(
    `GENIUS constraint profile: utility = mean of rank/maxrank over ${n} ranked issues, per-issue constraints as adjustments, zero-outcome constraints as red lines`,
  );
  return part;
}
