import type { Adjustment, IssueValues, Party, Preferences } from '../../schema/scenario.js';
import { IdAllocator, sanitiseId } from './ids.js';
import { InteropError } from './interop-error.js';
import { baseName, type InteropFiles } from './interop-files.js';
import { type ImportOptions, type ImportResult, newReport } from './interop-report.js';
import { chooseRealStep } from './numeric-grid.js';
import { isRecord, requireNumber } from './read-json-file.js';
import { readYamlFile } from './read-yaml-file.js';
import {
  alwaysTrue,
  assembleIssues,
  finishScenario,
  type ImportedIssue,
  type IssueDef,
  importedParty,
  toParleyIssue,
  valueFunctionOnGrid,
} from './scenario-assembly.js';

/**
 * Reads NegMAS YAML: an outcome space (type DiscreteCartesianOutcomeSpace or CartesianOutcomeSpace, with
 * issues of type CategoricalIssue, DiscreteCardinalIssue, DiscreteOrdinalIssue, ContiguousIssue [min, max]
 * or ContinuousIssue [min, max]) and LinearAdditiveUtilityFunction profiles whose `values` are value
 * functions per issue (TableFun mapping, AffineFun slope/bias, LinearFun slope, IdentityFun, ConstFun bias)
 * and `weights` a list in issue order (or a map by issue name).
 *
 * NegMAS: u(outcome) = sum_i w_i * f_i(x_i) (+ bias). Parley: value = 100 * f_i, weights as written
 * (multiplied into the values when they do not sum to 1), a bias becomes an always-true adjustment, and
 * BATNA = 100 * reserved_value. NegMAS's usual reserved_value -inf ("no deal is worse than anything") has no
 * numeric counterpart; it becomes the lowest achievable utility and is reported.
 */

const DOMAIN_SHAPE = 'a NegMAS outcome space (type: DiscreteCartesianOutcomeSpace, issues: [...])';
const PROFILE_SHAPE = 'a NegMAS utility function (type: LinearAdditiveUtilityFunction, weights, values)';

function typeName(node: Record<string, unknown>): string {
  const raw = node.type ?? node.__python_class__;
  return typeof raw === 'string' ? (raw.split('.').pop() ?? raw) : '';
}

export function readNegmasDomain(
  file: string,
  raw: unknown,
  options: ImportOptions,
): { name: string; issues: IssueDef[] } {
  if (!isRecord(raw) || !Array.isArray(raw.issues))
    throw new InteropError(file, `no "issues" list; expected ${DOMAIN_SHAPE}`);
  const name = typeof raw.name === 'string' && raw.name ? raw.name : baseName(file).replace(/\.ya?ml$/i, '');
  const issues = raw.issues.map((node, k): IssueDef => {
    if (!isRecord(node))
      throw new InteropError(file, `issue ${k + 1}: expected a mapping with name, type and values`);
    const issueName = typeof node.name === 'string' ? node.name : `issue ${k + 1}`;
    const type = typeName(node);
    const where = `issue '${issueName}' (${type || 'no type'})`;
    const values = node.values;
    if (type === 'ContiguousIssue' || type === 'ContinuousIssue') {
      const pair = Array.isArray(values) ? values : [node.min_value, node.max_value];
      const min = requireNumber(file, pair[0], `${where} minimum`);
      const max = requireNumber(file, pair[1], `${where} maximum`);
      if (max < min) throw new InteropError(file, `${where}: maximum ${max} is below minimum ${min}`);
      if (type === 'ContiguousIssue') {
        if (!Number.isInteger(min) || !Number.isInteger(max))
          throw new InteropError(file, `${where}: expected integer bounds`);
        return { name: issueName, kind: 'numeric', grid: { min, max, step: 1 }, integer: true };
      }
      return {
        name: issueName,
        kind: 'numeric',
        grid: chooseRealStep(min, max, options.realIntervals ?? 100),
        integer: false,
      };
    }
    if (
      ['CategoricalIssue', 'DiscreteCardinalIssue', 'DiscreteOrdinalIssue', 'DiscreteIssue'].includes(type) ||
      !type
    ) {
      if (!Array.isArray(values)) throw new InteropError(file, `${where}: expected a list of values`);
      return { name: issueName, kind: 'options', options: values.map((v) => ({ value: String(v) })) };
    }
    throw new InteropError(
      file,
      `${where}: unsupported issue type; expected CategoricalIssue, DiscreteCardinalIssue, DiscreteOrdinalIssue, ContiguousIssue or ContinuousIssue`,
    );
  });
  if (issues.length === 0)
    throw new InteropError(file, `the outcome space has no issues; expected ${DOMAIN_SHAPE}`);
  return { name, issues };
}

type Fn = (value: string | number) => number | undefined;

function valueFunction(file: string, node: unknown, where: string): Fn {
  if (!isRecord(node)) throw new InteropError(file, `${where}: expected a value function mapping`);
  const type = typeName(node);
  const numberOf = (x: string | number) => {
    const v = typeof x === 'number' ? x : Number(x);
    if (!Number.isFinite(v))
      throw new InteropError(file, `${where}: ${type} needs numeric issue values, found '${x}'`);
    return v;
  };
  switch (type) {
    case 'TableFun': {
      const mapping = node.mapping ?? node.d;
      if (!isRecord(mapping)) throw new InteropError(file, `${where}: TableFun needs a "mapping"`);
      const table = new Map<string, number>();
      for (const [key, value] of Object.entries(mapping))
        table.set(key, requireNumber(file, value, `${where} mapping '${key}'`));
      return (x) => table.get(String(x));
    }
    case 'AffineFun': {
      const slope = requireNumber(file, node.slope, `${where} slope`);
      const bias = node.bias === undefined ? 0 : requireNumber(file, node.bias, `${where} bias`);
      return (x) => slope * numberOf(x) + bias;
    }
    case 'LinearFun': {
      const slope = requireNumber(file, node.slope, `${where} slope`);
      return (x) => slope * numberOf(x);
    }
    case 'IdentityFun':
      return (x) => numberOf(x);
    case 'ConstFun': {
      const bias = requireNumber(file, node.bias, `${where} bias`);
      return () => bias;
    }
    default:
      throw new InteropError(
        file,
        `${where}: value function type '${type || 'none'}' is not supported; expected TableFun, AffineFun, LinearFun, IdentityFun or ConstFun`,
      );
  }
}

function byIssue(file: string, list: unknown, issueNames: string[], what: string): unknown[] {
  if (Array.isArray(list)) {
    if (list.length !== issueNames.length) {
      throw new InteropError(file, `${what}: ${list.length} entries for ${issueNames.length} issues`);
    }
    return list;
  }
  if (isRecord(list)) return issueNames.map((n) => list[n]);
  throw new InteropError(file, `${what}: expected a list in issue order or a mapping by issue name`);
}

/** Reads a NegMAS outcome space and its utility functions. */
export function readNegmas(
  files: InteropFiles,
  domainPath: string,
  profilePaths: string[],
  options: ImportOptions = {},
): ImportResult {
  const report = newReport('negmas');
  const domain = readNegmasDomain(domainPath, readYamlFile(files, domainPath, DOMAIN_SHAPE), options);
  if (profilePaths.length === 0)
    throw new InteropError(domainPath, `no profiles given; expected at least one ${PROFILE_SHAPE}`);
  const issues = assembleIssues(domain.issues, domainPath);
  issues.forEach((issue) => {
    if (issue.def.kind === 'numeric' && !issue.def.integer) {
      report.losses.push(
        `continuous issue '${issue.def.name}' is discretised into ${issue.grid.length - 1} steps of ${issue.def.grid.step}; values between grid points cannot be agreed on in Parley`,
      );
    }
  });
  const issueNames = domain.issues.map((i) => i.name);
  const partyIds = new IdAllocator();
  const parties: Party[] = [];
  const preferences: Preferences[] = [];
  profilePaths.forEach((path, k) => {
    const label = baseName(path);
    const raw = readYamlFile(files, path, PROFILE_SHAPE);
    if (!isRecord(raw)) throw new InteropError(path, `expected ${PROFILE_SHAPE}`);
    const type = typeName(raw);
    if (type !== 'LinearAdditiveUtilityFunction') {
      throw new InteropError(
        path,
        `utility function type '${type || 'none'}' is not supported; expected ${PROFILE_SHAPE}`,
      );
    }
    const weights = byIssue(path, raw.weights, issueNames, 'weights').map((w, i) =>
      requireNumber(path, w, `weight of issue '${issueNames[i]}'`),
    );
    const fns = byIssue(path, raw.values, issueNames, 'values').map((v, i) =>
      valueFunction(path, v, `value function of issue '${issueNames[i]}'`),
    );
    let weightSum = 0;
    for (const w of weights) weightSum += w;
    const rescale = weightSum > 0 && Math.abs(weightSum - 1) > 1e-9;
    if (rescale) {
      report.notes.push(
        `${label}: weights sum to ${weightSum}; values were multiplied by ${weightSum} so utilities stay as written`,
      );
    }
    const scale = rescale ? weightSum : 1;
    const partWeights: Record<string, number> = {};
    const partValues: Record<string, IssueValues> = {};
    let lowest = 0;
    let highest = 0;
    issues.forEach((issue: ImportedIssue, i) => {
      const inputs: Array<string | number> =
        issue.def.kind === 'options' ? issue.def.options.map((o) => o.value) : issue.grid;
      const missing: string[] = [];
      const f = inputs.map((x) => {
        const v = fns[i](x);
        if (v === undefined) missing.push(String(x));
        return v ?? 0;
      });
      if (missing.length > 0) {
        report.losses.push(
          `${label}: issue '${issue.def.name}': no value for ${missing.map((m) => `'${m}'`).join(', ')} (NegMAS cannot evaluate outcomes with them); imported as 0`,
        );
      }
      lowest += weights[i] * Math.min(...f);
      highest += weights[i] * Math.max(...f);
      partWeights[issue.id] = weights[i];
      const values = f.map((v) => 100 * scale * v);
      partValues[issue.id] =
        issue.def.kind === 'options'
          ? Object.fromEntries(issue.optionIds.map((id, k2) => [id, values[k2]]))
          : valueFunctionOnGrid(issue, values);
    });
    const adjustments: Adjustment[] = [];
    const bias = raw.bias === undefined ? 0 : requireNumber(path, raw.bias, 'bias');
    if (bias !== 0) {
      adjustments.push({
        id: 'bias',
        description: 'NegMAS utility bias (added to every outcome)',
        when: alwaysTrue(issues[0]),
        delta: 100 * bias,
      });
    }
    const notes: string[] = [];
    let batna: number;
    const reserved = raw.reserved_value;
    if (reserved === undefined || reserved === null) {
      batna = 0;
      notes.push('No reserved_value: BATNA 0');
    } else if (reserved === Number.NEGATIVE_INFINITY || reserved === Number.POSITIVE_INFINITY) {
      const bound = reserved === Number.NEGATIVE_INFINITY ? lowest + bias : highest + bias;
      batna = 100 * bound;
      const sign = reserved === Number.NEGATIVE_INFINITY ? '-inf' : '+inf';
      report.losses.push(
        `${label}: reserved_value ${sign} has no numeric counterpart; BATNA set to the ${sign === '-inf' ? 'lowest' : 'highest'} achievable utility ${bound} (no deal now ties with the ${sign === '-inf' ? 'worst' : 'best'} outcome)`,
      );
      notes.push(`NegMAS reserved_value ${sign} mapped to BATNA ${batna}`);
    } else {
      batna = 100 * requireNumber(path, reserved, 'reserved_value');
    }
    const party = importedParty(label.replace(/\.ya?ml$/i, ''), partyIds, `party-${k + 1}`);
    parties.push(party);
    preferences.push({
      party: party.id,
      source: `NegMAS utility function ${label}`,
      basis: 'imported',
      weights: partWeights,
      values: partValues,
      adjustments,
      redLines: [],
      batna,
      ...(notes.length > 0 ? { notes: notes.join('. ') } : {}),
    });
  });
  const scenario = finishScenario(
    {
      parley: 1,
      id: sanitiseId(domain.name, 'negmas-domain'),
      title: domain.name,
      description: `Imported from NegMAS: outcome space ${baseName(domainPath)}, utility functions ${profilePaths.map((p) => baseName(p)).join(', ')}.`,
      parties,
      issues: issues.map(toParleyIssue),
      preferences,
    },
    domainPath,
    report,
  );
  return { scenario, report };
}
