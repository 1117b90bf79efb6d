import { geniusKind } from './genius-domain.js';
import { emptyPart, type GeniusProfileContext, issueByIndex, type ProfilePart } from './genius-profile.js';
import { InteropError } from './interop-error.js';
import { valueFunctionOnGrid } from './scenario-assembly.js';
import { attr, child, children, numberAttr, requiredNumberAttr, type XmlElement } from './xml-tree.js';

/**
 * GENIUS linear additive profiles (also the UNCERTAIN variant, whose underlying utility is the same).
 *
 * GENIUS computes u(bid) = min(1, sum_i w_i * e_i(bid_i)) with the weights exactly as written in the file
 * (a file is not re-normalised when it is loaded) and per-issue evaluations e_i:
 *  - discrete: e = evaluation / (largest evaluation of that issue), i.e. evaluations are normalised by the
 *    issue's maximum (0 for every value when that maximum is below 1e-5);
 *  - integer: e = clamp(slope * (x - lowerbound) + offset, 0, 1), lowerbound taken from the profile;
 *  - real: e = clamp(parameter1 * x + parameter0, 0, 1) for ftype="linear", parameter0 for "constant".
 *
 * Parley's additive utility is sum_i (w_i / sum_j w_j) * value_i / 100, so value = 100 * e when the weights
 * sum to 1. When they do not (S = sum of weights differs from 1 by more than 1e-9), values are multiplied
 * by S so that utilities stay identical to GENIUS's; the cap at 1 is the one thing Parley cannot express,
 * and it is reported whenever some outcome's GENIUS sum can exceed 1.
 */

interface WeightedIssueElement {
  element: XmlElement;
  weight: number | undefined;
}

/** GENIUS reads weights level by level: a <weight index> applies to the sibling issue with that index. */
function weightedIssues(context: GeniusProfileContext, level: XmlElement): WeightedIssueElement[] {
  const weights = new Map<number, number>();
  for (const w of children(level, 'weight')) {
    const index = requiredNumberAttr(context.file, w, 'index', '<weight>');
    weights.set(index, requiredNumberAttr(context.file, w, 'value', `<weight index="${index}">`));
  }
  const own = children(level, 'issue').map((element) => {
    const index = numberAttr(context.file, element, 'index', `issue '${attr(element, 'name') ?? '?'}'`);
    return { element, weight: index === undefined ? undefined : weights.get(index) };
  });
  return [...own, ...children(level, 'objective').flatMap((sub) => weightedIssues(context, sub))];
}

/** Evaluations e(value) on the issue's options or grid, and their largest value. */
interface Evaluation {
  e: number[];
  /** True when GENIUS could not evaluate some value (it would throw); those are imported as 0. */
  broken: boolean;
}

function discreteEvaluation(
  context: GeniusProfileContext,
  element: XmlElement,
  values: string[],
  issueName: string,
): Evaluation {
  const table = new Map<string, number>();
  for (const item of children(element, 'item')) {
    const value = attr(item, 'value');
    const raw = attr(item, 'evaluation');
    if (value === undefined || raw === undefined || raw === 'null') continue;
    const evaluation = Number(raw);
    if (!Number.isFinite(evaluation)) {
      throw new InteropError(
        context.file,
        `issue '${issueName}', value '${value}': evaluation="${raw}" is not a number`,
      );
    }
    if (table.has(value)) {
      context.report.notes.push(
        `${context.label}: issue '${issueName}' lists value '${value}' twice; the later evaluation (${evaluation}) is used, as in GENIUS`,
      );
    }
    table.set(value, evaluation);
  }
  if (table.size === 0) {
    context.report.losses.push(
      `${context.label}: issue '${issueName}' has no evaluations, so GENIUS cannot evaluate bids with this profile; its contribution is imported as 0`,
    );
    return { e: values.map(() => 0), broken: true };
  }
  const max = Math.max(...table.values());
  if (max < 0.00001) {
    context.report.notes.push(
      `${context.label}: issue '${issueName}' has no evaluation above 1e-5; GENIUS evaluates every value as 0`,
    );
  }
  const missing: string[] = [];
  const e = values.map((value) => {
    const evaluation = table.get(value);
    if (evaluation === undefined) {
      missing.push(value);
      return 0;
    }
    return max < 0.00001 ? 0 : evaluation / max;
  });
  if (missing.length > 0) {
    const shown = missing
      .slice(0, 5)
      .map((v) => `'${v}'`)
      .join(', ');
    context.report.losses.push(
      `${context.label}: issue '${issueName}': ${missing.length} value(s) (${shown}${missing.length > 5 ? ', ...' : ''}) have no evaluation, so GENIUS cannot evaluate bids containing them; imported as 0`,
    );
  }
  return { e, broken: missing.length > 0 };
}

const clamp01 = (x: number) => (x < 0 ? 0 : Math.min(x, 1));

function integerEvaluation(
  context: GeniusProfileContext,
  element: XmlElement,
  grid: number[],
  issueName: string,
): Evaluation {
  const where = `issue '${issueName}'`;
  const lowerbound = requiredNumberAttr(context.file, element, 'lowerbound', where);
  const evaluator = child(element, 'evaluator');
  const slope = (evaluator && numberAttr(context.file, evaluator, 'slope', `${where} <evaluator>`)) ?? 0;
  const offset = (evaluator && numberAttr(context.file, evaluator, 'offset', `${where} <evaluator>`)) ?? 0;
  return { e: grid.map((x) => clamp01(slope * (x - lowerbound) + offset)), broken: false };
}

function realEvaluation(
  context: GeniusProfileContext,
  element: XmlElement,
  grid: number[],
  issueName: string,
): Evaluation {
  const where = `issue '${issueName}'`;
  const evaluator = child(element, 'evaluator');
  const ftype = evaluator && attr(evaluator, 'ftype')?.toLowerCase();
  if (evaluator && ftype === 'linear') {
    const p0 = requiredNumberAttr(context.file, evaluator, 'parameter0', `${where} <evaluator>`);
    const p1 = requiredNumberAttr(context.file, evaluator, 'parameter1', `${where} <evaluator>`);
    return { e: grid.map((x) => clamp01(p1 * x + p0)), broken: false };
  }
  if (evaluator && ftype === 'constant') {
    const p0 = requiredNumberAttr(context.file, evaluator, 'parameter0', `${where} <evaluator>`);
    return { e: grid.map(() => p0), broken: false };
  }
  context.report.losses.push(
    `${context.label}: ${where} has ${ftype ? `an evaluator of ftype '${ftype}'` : 'no evaluator'}, which this importer does not support; its contribution is imported as 0`,
  );
  return { e: grid.map(() => 0), broken: true };
}

export function readAdditiveProfile(context: GeniusProfileContext): ProfilePart {
  const part = emptyPart();
  const entries = weightedIssues(context, context.root);
  const evaluations = new Map<number, { weight: number; evaluation: Evaluation }>();
  for (const { element, weight } of entries) {
    const name = attr(element, 'name') ?? '?';
    const index = requiredNumberAttr(context.file, element, 'index', `issue '${name}'`);
    const { issue, imported } = issueByIndex(context, index, `issue '${name}'`);
    if (weight === undefined) {
      context.report.losses.push(
        `${context.label}: issue '${issue.name}' has no <weight>, so GENIUS has no evaluator for it and cannot evaluate bids; imported with weight 0`,
      );
      continue;
    }
    const type = attr(element, 'type');
    const evaluatorKind = geniusKind(type);
    if (type !== undefined && !['discrete', 'integer', 'real'].includes(type.toLowerCase())) {
      context.report.notes.push(
        `${context.label}: issue '${issue.name}' has type="${type}", which GENIUS reads as a discrete evaluator`,
      );
    }
    let evaluation: Evaluation;
    if (evaluatorKind === 'discrete') {
      const values =
        issue.def.kind === 'options' ? issue.def.options.map((o) => o.value) : imported.grid.map(String);
      evaluation = discreteEvaluation(context, element, values, issue.name);
    } else if (issue.kind === 'discrete') {
      throw new InteropError(
        context.file,
        `issue '${issue.name}' is discrete in the domain but the profile gives it a ${evaluatorKind} evaluator`,
      );
    } else if (evaluatorKind === 'integer') {
      evaluation = integerEvaluation(context, element, imported.grid, issue.name);
    } else {
      evaluation = realEvaluation(context, element, imported.grid, issue.name);
    }
    evaluations.set(index, { weight, evaluation });
  }
  for (const issue of context.domain.issues) {
    if (!entries.some(({ element }) => Number(attr(element, 'index')) === issue.index)) {
      context.report.losses.push(
        `${context.label}: issue '${issue.name}' is not in the profile, so GENIUS cannot evaluate bids; imported with weight 0`,
      );
    }
  }

  let weightSum = 0;
  let maxTotal = 0;
  for (const { weight, evaluation } of evaluations.values()) {
    weightSum += weight;
    maxTotal += weight * Math.max(...evaluation.e);
  }
  const rescale = weightSum > 0 && Math.abs(weightSum - 1) > 1e-9;
  const scale = rescale ? weightSum : 1;
  if (rescale) {
    part.notes.push(
      `GENIUS weights sum to ${weightSum}; values were multiplied by that sum so utilities match GENIUS`,
    );
    context.report.notes.push(
      `${context.label}: weights sum to ${weightSum}, not 1; GENIUS uses them as written, so values were multiplied by ${weightSum} to keep utilities identical`,
    );
  }
  if (maxTotal > 1 + 1e-9) {
    context.report.losses.push(
      `${context.label}: GENIUS caps utility at 1, Parley does not; the best outcomes reach ${maxTotal.toFixed(9)} before the cap, so they differ by up to ${(maxTotal - 1).toExponential(3)}`,
    );
  }
  context.domain.issues.forEach((issue, position) => {
    const entry = evaluations.get(issue.index);
    if (!entry) return;
    const imported = context.issues[position];
    const values = entry.evaluation.e.map((e) => 100 * scale * e);
    part.weights[imported.id] = entry.weight;
    if (imported.def.kind === 'options') {
      part.values[imported.id] = Object.fromEntries(imported.optionIds.map((id, k) => [id, values[k]]));
    } else {
      part.values[imported.id] = valueFunctionOnGrid(imported, values);
    }
    if (issue.kind === 'real' && weightSum > 0 && !entry.evaluation.broken) {
      let jump = 0;
      for (let k = 1; k < values.length; k++) jump = Math.max(jump, Math.abs(values[k] - values[k - 1]));
      // GENIUS real evaluators are monotone, so between two grid points the value stays between theirs.
      const bound = ((entry.weight / weightSum) * jump) / 100;
      context.report.losses.push(
        `${context.label}: real issue '${issue.name}' is evaluated on its grid only; moving a value between grid points to the nearest one changes this profile's utility by at most ${bound.toExponential(3)}`,
      );
    }
  });
  return part;
}
