import { checkReferences } from '../../core/model/check-references.js';
import { formatPath } from '../../core/model/problem.js';
import { type Issue, type Party, type Rule, Scenario, type ScenarioInput } from '../../schema/scenario.js';
import { fitUtilityScale } from './fit-utility-scale.js';
import { IdAllocator } from './ids.js';
import { InteropError } from './interop-error.js';
import type { InteropReport } from './interop-report.js';
import { type Grid, gridValues, MAX_GRID_POINTS, piecewiseLinearOnGrid } from './numeric-grid.js';

/** One value of a discrete issue as another format names it. */
export interface OptionDef {
  value: string;
  description?: string;
}

/** An issue of another format, before it gets Parley ids. */
export type IssueDef =
  | { name: string; kind: 'options'; options: OptionDef[] }
  | { name: string; kind: 'numeric'; grid: Grid; integer: boolean };

/** An issue with its Parley id, option ids (discrete) or grid values (numeric), in the source's order. */
export interface ImportedIssue {
  def: IssueDef;
  id: string;
  optionIds: string[];
  grid: number[];
}

const MAX_OPTIONS = 1000;

export function assembleIssues(defs: IssueDef[], file: string): ImportedIssue[] {
  const issueIds = new IdAllocator();
  return defs.map((def, i) => {
    const id = issueIds.take(def.name, `issue-${i + 1}`);
    if (def.kind === 'options') {
      if (def.options.length < 2) {
        throw new InteropError(
          file,
          `issue '${def.name}' has ${def.options.length} value(s); a Parley issue needs at least 2 options`,
        );
      }
      if (def.options.length > MAX_OPTIONS) {
        throw new InteropError(
          file,
          `issue '${def.name}' has ${def.options.length} values; Parley allows at most ${MAX_OPTIONS}`,
        );
      }
      const optionIds = new IdAllocator();
      return {
        def,
        id,
        optionIds: def.options.map((o, k) => optionIds.take(o.value, `option-${k + 1}`)),
        grid: [],
      };
    }
    const grid = gridValues(def.grid);
    if (grid.length > MAX_GRID_POINTS) {
      throw new InteropError(
        file,
        `issue '${def.name}' has ${grid.length} values (${def.grid.min}..${def.grid.max} step ${def.grid.step}); Parley allows at most ${MAX_GRID_POINTS}`,
      );
    }
    return { def, id, optionIds: [], grid };
  });
}

export function toParleyIssue(issue: ImportedIssue): Issue {
  const { def } = issue;
  if (def.kind === 'numeric') {
    return { id: issue.id, title: def.name || issue.id, category: 'other', range: { ...def.grid } };
  }
  return {
    id: issue.id,
    title: def.name || issue.id,
    category: 'other',
    options: def.options.map((o, k) => ({
      id: issue.optionIds[k],
      label: o.value === '' ? issue.optionIds[k] : o.value,
      ...(o.description && o.description !== o.value ? { description: o.description } : {}),
    })),
  };
}

export function importedParty(name: string, ids: IdAllocator, fallback: string): Party {
  return { id: ids.take(name, fallback), name: name || fallback, kind: 'other', role: 'signatory' };
}

/** A value function for a numeric issue from its values at the grid points. */
export function valueFunctionOnGrid(issue: ImportedIssue, values: number[]) {
  return { piecewiseLinear: piecewiseLinearOnGrid(issue.grid, values) };
}

/** A rule that holds for every outcome (used for constant terms such as a NegMAS bias). */
export function alwaysTrue(issue: ImportedIssue): Rule {
  return issue.def.kind === 'numeric'
    ? { issue: issue.id, atLeast: issue.grid[0] }
    : { issue: issue.id, in: [...issue.optionIds] };
}

/**
 * Validates the assembled scenario, brings values onto Parley's 0..100 scale (see fitUtilityScale) and runs
 * the checks a scenario file gets when it is loaded. A failure here is a bug in the importer (or input that
 * Parley cannot represent), reported against the file.
 */
export function finishScenario(input: ScenarioInput, file: string, report: InteropReport): Scenario {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new InteropError(file, `the imported scenario does not validate (${first})`);
  }
  fitUtilityScale(parsed.data.issues, parsed.data.preferences, report);
  const errors = checkReferences(parsed.data).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const first = errors
      .slice(0, 3)
      .map((p) => `${formatPath(p.path)}: ${p.message}`)
      .join('; ');
    throw new InteropError(
      file,
      `the imported scenario breaks ${errors.length} of Parley's rules (${first}${errors.length > 3 ? '; ...' : ''})`,
    );
  }
  return parsed.data;
}
