import type { Rule } from '../../schema/scenario.js';
import { type Box, maximiseBoxSum } from './box-sum-maximum.js';
import { emptyPart, type GeniusProfileContext, issueByIndex, type ProfilePart } from './genius-profile.js';
import { InteropError } from './interop-error.js';
import { allOf, notOf } from './rule-algebra.js';
import { alwaysTrue } from './scenario-assembly.js';
import { attr, child, children, numberAttr, requiredNumberAttr, type XmlElement } from './xml-tree.js';

/**
 * GENIUS nonlinear profiles (ANAC 2014): <utility maxutility="M"><ufun aggregation="sum"> holding
 * <hyperRectangle utility="u" [weight="w"]> boxes over integer issues (<INCLUDES index min max/>, or
 * <EXCLUDES .../> for "outside the box") and nested <ufun weight="v"> functions.
 *
 * GENIUS: u(bid) = min(1, F(bid) / M), where F sums u * w over the boxes that contain the bid (EXCLUDES:
 * that do not contain it) and v * F_nested over nested functions; the outermost function's own weight is
 * not applied. So the scale is the file's `maxutility`, not the achievable maximum.
 *
 * Parley form: one adjustment per box (every issue gets weight 1 and value 0, see fitUtilityScale), `when` =
 * the box's bounds as atLeast/atMost rules, delta = 100 * u * w * (product of nested weights) / M. Exact except for the cap at 1, which only
 * matters if some bid reaches F > M; the importer searches for the true maximum of F and reports it.
 * In the ANAC 2014 files M equals the best achievable F in the 10-issue domain (662 and 885), but lies below
 * it in the "50-issue" one (2445 < 2714, 3012 < 3105), so there the cap binds; the 1.0 at both ends of
 * that domain's pareto.xml is the capped value.
 */

interface BoxTerm {
  rule: Rule;
  delta: number;
  box: Box;
  /** A box with EXCLUDES contributes when the bid is outside it. */
  exclusive: boolean;
  description: string;
}

export function readNonlinearProfile(context: GeniusProfileContext): ProfilePart {
  const part = emptyPart();
  const objective = child(context.root, 'objective');
  const utility = objective && child(objective, 'utility');
  const top = utility && child(utility, 'ufun');
  if (!utility || !top) {
    throw new InteropError(
      context.file,
      'a nonlinear profile needs <objective><utility maxutility=...><ufun ...>',
    );
  }
  const maxUtility = requiredNumberAttr(context.file, utility, 'maxutility', '<utility>');
  if (!(maxUtility > 0))
    throw new InteropError(context.file, `<utility maxutility="${maxUtility}">: expected a positive number`);
  const terms: BoxTerm[] = [];
  collectTerms(context, top, 1, maxUtility, terms, 'ufun');
  terms.forEach((term, k) => {
    part.adjustments.push({
      id: `box-${k + 1}`,
      description: term.description,
      when: term.rule,
      delta: term.delta,
    });
  });
  reportCap(context, terms, maxUtility);
  part.notes.push(
    `GENIUS nonlinear profile: utility = (sum of hyperRectangle utilities) / maxutility ${maxUtility}, capped at 1; each box is one adjustment`,
  );
  return part;
}

function collectTerms(
  context: GeniusProfileContext,
  ufun: XmlElement,
  factor: number,
  maxUtility: number,
  terms: BoxTerm[],
  path: string,
): void {
  const aggregation = (attr(ufun, 'aggregation') ?? 'sum').toLowerCase();
  if (aggregation !== 'sum') {
    context.report.losses.push(
      `${context.label}: ${path} aggregates by '${aggregation}', which an additive model with adjustments cannot express; its boxes are left out`,
    );
    return;
  }
  children(ufun, 'hyperRectangle').forEach((rectangle, k) => {
    const where = `${path} hyperRectangle ${k + 1}`;
    const utility = requiredNumberAttr(context.file, rectangle, 'utility', where);
    const weight = numberAttr(context.file, rectangle, 'weight', where) ?? 1;
    const exclusive = children(rectangle, 'EXCLUDES').length > 0;
    const boundElements = exclusive ? children(rectangle, 'EXCLUDES') : children(rectangle, 'INCLUDES');
    const bounds: Box['bounds'] = [];
    const rules: Rule[] = [];
    for (const b of boundElements) {
      const index = requiredNumberAttr(context.file, b, 'index', where);
      const lo = requiredNumberAttr(context.file, b, 'min', `${where} bound on issue ${index}`);
      const hi = requiredNumberAttr(context.file, b, 'max', `${where} bound on issue ${index}`);
      const { issue, imported } = issueByIndex(context, index, where);
      if (issue.kind !== 'integer') {
        throw new InteropError(
          context.file,
          `${where} bounds issue '${issue.name}', which is ${issue.kind}; GENIUS boxes need integer issues`,
        );
      }
      bounds.push({ issue: context.issues.indexOf(imported), lo, hi });
      rules.push({ issue: imported.id, atLeast: lo, atMost: hi });
    }
    const delta = (100 * utility * weight * factor) / maxUtility;
    if (delta === 0) return;
    const inside = allOf(rules);
    const condition = exclusive ? notOf(inside) : inside;
    // A box without bounds holds everywhere (GENIUS "all bids acceptable"); one that can never hold is dropped.
    const rule =
      condition === true ? alwaysTrue(context.issues[0]) : condition === false ? undefined : condition;
    if (!rule) return;
    const share = weight * factor === 1 ? '' : ` x ${weight * factor}`;
    terms.push({
      rule,
      delta,
      exclusive,
      box: { delta: exclusive ? -delta : delta, bounds },
      description: `GENIUS hyperRectangle ${k + 1} of ${path}${exclusive ? ' (outside the box)' : ''}: utility ${utility}${share} / maxutility ${maxUtility}`,
    });
  });
  children(ufun, 'ufun').forEach((nested, k) => {
    const weight = numberAttr(context.file, nested, 'weight', `${path} ufun ${k + 1}`) ?? 1;
    collectTerms(context, nested, factor * weight, maxUtility, terms, `${path}.ufun[${k + 1}]`);
  });
}

/** Finds the largest F / M over all bids to say whether GENIUS's cap at 1 can bind. */
function reportCap(context: GeniusProfileContext, terms: BoxTerm[], maxUtility: number): void {
  // An EXCLUDES box adds delta everywhere except inside it: a constant plus a negative box.
  const boxes: Box[] = terms.flatMap((t) =>
    t.exclusive ? [{ delta: t.delta, bounds: [] }, t.box] : [t.box],
  );
  const result = maximiseBoxSum(
    context.issues.map((i) => i.grid),
    boxes,
  );
  const maxUtilityScaled = result.max / 100;
  if (result.exact) {
    if (maxUtilityScaled > 1 + 1e-9) {
      context.report.losses.push(
        `${context.label}: some bids sum to ${(maxUtilityScaled * maxUtility).toPrecision(10)} > maxutility ${maxUtility}; GENIUS caps their utility at 1, Parley gives up to ${maxUtilityScaled.toPrecision(10)}`,
      );
    } else {
      context.report.notes.push(
        `${context.label}: nonlinear scale: utility = sum / maxutility ${maxUtility}; the best bid sums to ${(maxUtilityScaled * maxUtility).toPrecision(10)}, so the best utility is ${maxUtilityScaled.toPrecision(10)} and GENIUS's cap at 1 never binds`,
      );
    }
  } else if (result.upper / 100 <= 1 + 1e-9) {
    context.report.notes.push(
      `${context.label}: nonlinear scale: utility = sum / maxutility ${maxUtility}; no bid can sum to more than ${((result.upper / 100) * maxUtility).toPrecision(10)}, so GENIUS's cap at 1 never binds`,
    );
  } else {
    context.report.notes.push(
      `${context.label}: nonlinear scale: utility = sum / maxutility ${maxUtility}; the search for the best bid stopped early (best found ${(maxUtilityScaled * maxUtility).toPrecision(10)}, upper bound ${((result.upper / 100) * maxUtility).toPrecision(10)}), so it is not known whether GENIUS's cap at 1 binds`,
    );
  }
}
